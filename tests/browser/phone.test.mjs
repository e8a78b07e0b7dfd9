// Phones (390 × 844, the width of a common phone): every page fits the screen's width, charts are
// the drawings made for phones with labels at a readable size, list tables are cards whose
// values keep their column's name, the list filters fold away until opened, and axe finds nothing
// serious. Screenshots phone-<name>.png go to the artifacts directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const WIDTH = 390;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

// [name, path, whether the page shows a chart]
const PAGES = [
  ['home', '/', true],
  ['country', '/countries/ken', false],
  ['country-cod', '/countries/cod', false],
  ['mechanism', '/mechanisms/(Kenya)', false],
  ['mechanisms', '/mechanisms', false],
  ['analysis', '/analysis', true],
  ['compare', '/compare?countries=ken,tza,uga,arg,cri', false],
];

let browser;
let context;

before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });
});

after(async () => {
  await browser?.close();
});

/** The mechanism page's path: the Kenyan committee's slug, as the API lists it. */
async function kenyaMechanism(page) {
  const body = await (await page.request.get('/api/v1/mechanisms?country=KEN&limit=1')).json();
  const slug = body.items?.[0]?.slug;
  assert.ok(slug, `the API lists Kenya's mechanism: ${JSON.stringify(body).slice(0, 300)}`);
  return `/mechanisms/${slug}`;
}

for (const [name, path, chart] of PAGES) {
  test(`at ${WIDTH} px: ${path}`, async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      const target = name === 'mechanism' ? await kenyaMechanism(page) : path;
      const response = await page.goto(target);
      assert.equal(response.status(), 200, target);

      // Nothing is wider than the screen: no sideways scrolling of the page itself (a wide
      // table scrolls inside its own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(overflow <= WIDTH, `${target} is ${overflow} px wide on a ${WIDTH} px screen`);

      if (chart) {
        const shown = await page.evaluate(() => {
          const visible = (el) => el && el.getBoundingClientRect().width > 0;
          const wide = [...document.querySelectorAll('.chart-wide')].filter(visible).length;
          const narrow = [...document.querySelectorAll('.chart-narrow')].filter(visible);
          // The smallest rendered label of the phone drawings, in CSS pixels.
          const sizes = narrow.flatMap((n) =>
            [...n.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0),
          );
          return { wide, narrow: narrow.length, smallest: Math.min(...sizes) };
        });
        assert.equal(shown.wide, 0, 'the wide drawings are hidden');
        assert.ok(shown.narrow >= 1, 'a phone drawing is shown');
        assert.ok(shown.smallest >= 10, `chart labels are at least 10 px high (smallest: ${shown.smallest})`);
      }

      if (name === 'mechanisms') {
        // The list's rows are cards: each value is labelled with its column's name.
        const card = await page.evaluate(() => {
          const cell = document.querySelector('table.cards tbody td[data-label="Country"]');
          return {
            display: getComputedStyle(cell.closest('tr')).display,
            label: getComputedStyle(cell, '::before').content,
          };
        });
        assert.equal(card.display, 'block');
        assert.equal(card.label, '"Country"');
        // The filters are folded away (none is chosen) and open on a tap.
        const panel = page.locator('details.filter-panel');
        assert.equal(await panel.evaluate((d) => d.open), false, 'the filters start folded');
        await page.getByText('Filters', { exact: true }).click();
        assert.equal(await panel.evaluate((d) => d.open), true);
        assert.ok(await page.getByLabel('UN region').isVisible());
      }

      if (name === 'compare') {
        // With countries compared, their boxes fold and the comparison comes first; the first
        // column stays in view while the table scrolls sideways.
        assert.equal(await page.locator('details.filter-panel').evaluate((d) => d.open), false);
        const sticky = await page.evaluate(() => getComputedStyle(document.querySelector('table.compare tbody th')).position);
        assert.equal(sticky, 'sticky');
      }

      await screenshot(page, `phone-${name}.png`);
      const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        `axe on ${target} at ${WIDTH} px`,
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

test(`at ${WIDTH} px: a chosen filter keeps the panel open`, async () => {
  const page = await context.newPage();
  try {
    await page.goto('/mechanisms?region=africa');
    assert.equal(await page.locator('details.filter-panel').evaluate((d) => d.open), true);
  } finally {
    await page.close();
  }
});
