// Accessibility: axe-core (WCAG 2.0 A/AA and 2.1 AA rules) on one page of every type.
// Fails on any "serious" or "critical" violation; every violation, whatever its impact, is
// printed in a summary table and written to axe-results.json in the artifacts directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, url, writeArtifact } from './lib.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];
const FAIL_ON = new Set(['critical', 'serious']);

// [name (for the screenshot a11y-<name>.png), path, expected HTTP status]
const PAGES = [
  ['home', '/', 200],
  ['countries', '/countries', 200],
  ['country-cod', '/countries/cod', 200],
  ['country-ago-no-mechanism', '/countries/ago', 200],
  ['mechanisms', '/mechanisms', 200],
  ['mechanism-usa-atrocities-prevention-board', '/mechanisms/usa-atrocities-prevention-board', 200],
  ['initiatives', '/initiatives', 200],
  ['networks', '/networks', 200],
  ['network-latin-american-network', '/networks/latin-american-network', 200],
  ['editions', '/editions', 200],
  ['edition-2017', '/editions/2017', 200],
  ['sources', '/sources', 200],
  ['about', '/about', 200],
  ['data', '/data', 200],
  ['analysis', '/analysis', 200],
  ['analysis-2015', '/analysis?edition=2015', 200],
  ['compare', '/compare?countries=ken,tza,uga', 200],
  ['datasets', '/datasets', 200],
  ['404', '/no-such-page', 404],
];

// One initiative's page: the first the API lists (the starter dataset's initiatives are data, so
// the test does not name one). Without any, the page type cannot be checked: that is a failure.
const initiatives = await (await fetch(url('/api/v1/initiatives?limit=1'))).json();
const firstInitiative = initiatives.items?.[0]?.slug;
if (firstInitiative) {
  PAGES.splice(PAGES.findIndex(([name]) => name === 'initiatives') + 1, 0, [
    `initiative-${firstInitiative}`,
    `/initiatives/${firstInitiative}`,
    200,
  ]);
}

test('an initiative page exists to check', () => {
  assert.ok(firstInitiative, `/api/v1/initiatives lists no initiative: ${JSON.stringify(initiatives)}`);
});

let browser;
let context;
const results = [];

before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
});

after(async () => {
  await browser?.close();
  report();
});

/** Prints the per-page summary table and every violation, and writes axe-results.json. */
function report() {
  const rows = results.map((r) => {
    const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0]));
    for (const v of r.violations) counts[v.impact ?? 'minor'] += 1;
    return { page: r.path, ...counts, rules: r.violations.map((v) => `${v.id}(${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})`).join(' ') };
  });
  const widths = {
    page: Math.max(4, ...rows.map((r) => r.page.length)),
  };
  const lines = [];
  lines.push('axe summary (violated rules per page, by impact; tags ' + TAGS.join(', ') + ')');
  lines.push(
    ['page'.padEnd(widths.page), ...IMPACTS.map((i) => i.padStart(8)), '  rules'].join(' '),
  );
  for (const r of rows) {
    lines.push(
      [r.page.padEnd(widths.page), ...IMPACTS.map((i) => String(r[i]).padStart(8)), '  ' + (r.rules || '-')].join(' '),
    );
  }
  const details = [];
  for (const r of results) {
    for (const v of r.violations) {
      details.push(`${r.path}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
      for (const n of v.nodes) details.push(`    ${n.target.join(' ')}  ${n.html}`);
    }
  }
  if (details.length) lines.push('', 'violations:', ...details);
  console.log(lines.join('\n'));

  const file = writeArtifact('axe-results.json', {
    axe_version: results[0]?.axeVersion ?? null,
    tags: TAGS,
    fail_on: [...FAIL_ON],
    summary: rows,
    pages: results.map((r) => ({
      name: r.name,
      path: r.path,
      url: r.url,
      status: r.status,
      passes: r.passes,
      incomplete: r.incomplete,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        tags: v.tags,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html,
          failureSummary: n.failureSummary,
        })),
      })),
    })),
  });
  console.log(`axe results written to ${file}`);
}

// The harness itself: axe must report a known serious violation, or a clean run means nothing.
test('axe detects a known violation (self-check)', async () => {
  const page = await context.newPage();
  try {
    await page.goto('/');
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="data:,"></main></html>');
    const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const ids = axe.violations.map((v) => `${v.id}:${v.impact}`);
    assert.ok(ids.includes('image-alt:critical'), `image-alt is reported (${ids.join(', ')})`);
  } finally {
    await page.close();
  }
});

for (const [name, path, status] of PAGES) {
  test(`axe: ${path}`, async () => {
    const page = await context.newPage();
    try {
      const response = await page.goto(path);
      assert.equal(response.status(), status, `${path} answers ${status}`);
      assert.ok((await page.locator('h1').count()) >= 1, `${path} has a heading`);
      await screenshot(page, `a11y-${name}.png`);

      const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      results.push({
        name,
        path,
        url: axe.url,
        status: response.status(),
        axeVersion: axe.testEngine?.version,
        passes: axe.passes.map((r) => r.id),
        incomplete: axe.incomplete.map((r) => ({ id: r.id, impact: r.impact, nodes: r.nodes.length })),
        violations: axe.violations,
      });

      const blocking = axe.violations.filter((v) => FAIL_ON.has(v.impact));
      const message = blocking
        .map(
          (v) =>
            `[${v.impact}] ${v.id}: ${v.help}\n` +
            v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html}\n      ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
        )
        .join('\n');
      assert.equal(blocking.length, 0, `${path}: serious/critical accessibility violations:\n${message}`);
    } finally {
      await page.close();
    }
  });
}
