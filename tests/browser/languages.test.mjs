// The reader in French and in Spanish: a browser set to French lands on the French home page,
// follows the navigation without leaving French, switches to Spanish and back to English on the
// same page; the translated pages have no serious axe violations at desktop and phone width.
// Screenshots: lang-home-{en,fr,es}-{desktop,phone}.png, lang-mechanism-{fr,es}-desktop.png,
// lang-{analysis,countries,search,login}-{fr,es}-desktop.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, pathAndQuery, screenshot, watchErrors } from './lib.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function noSeriousViolations(page, what) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${what}: no serious axe violations`,
  );
}

/** The Kenyan committee's page, as the API names it. */
async function kenyaMechanism(page) {
  const body = await (await page.request.get('/api/v1/mechanisms?country=KEN&limit=1')).json();
  const slug = body.items?.[0]?.slug;
  assert.ok(slug, 'the API lists Kenya\'s mechanism');
  return `/mechanisms/${slug}`;
}

test('a browser set to French reads the site in French, then Spanish, then English', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    // The first visit follows the browser's language.
    await page.goto('/');
    assert.equal(pathAndQuery(page), '/fr/');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('h1').textContent(), 'Les mécanismes nationaux de prévention des atrocités');
    await noSeriousViolations(page, 'the French home page');
    await screenshot(page, 'lang-home-fr-desktop.png');

    // The navigation keeps the reader in French.
    await Promise.all([page.waitForURL('**/fr/countries'), page.getByRole('link', { name: 'Pays', exact: true }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.getAttribute('main', 'lang'), null, 'the list is translated: its main is not marked English');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Pays');
    const mechanism = await kenyaMechanism(page);
    await page.goto(`/fr${mechanism}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await page.locator('header.site nav').first().textContent(), /Mécanismes/);
    assert.match(await page.locator('main').textContent(), /Historique du statut/);
    assert.equal(await page.locator('aside.gap-note p').first().getAttribute('lang'), 'en', 'the record\'s English prose is marked');
    await noSeriousViolations(page, 'the mechanism page in French');
    await screenshot(page, 'lang-mechanism-fr-desktop.png');

    // The switcher: the same page in Spanish, then in English.
    await Promise.all([page.waitForURL(`**/es${mechanism}`), page.getByRole('link', { name: 'Español' }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.match(await page.locator('header.site nav').first().textContent(), /Mecanismos/);
    assert.match(await page.locator('main').textContent(), /Historial de estado/);
    await noSeriousViolations(page, 'the mechanism page in Spanish');
    await screenshot(page, 'lang-mechanism-es-desktop.png');
    await Promise.all([page.waitForURL(`**${mechanism}`), page.getByRole('link', { name: 'English' }).click()]);
    assert.equal(pathAndQuery(page), mechanism);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');

    // English chosen from the site's own page stays English, whatever the browser prefers.
    await page.getByRole('link', { name: 'National Mechanisms' }).first().click();
    await page.waitForLoadState();
    assert.equal(pathAndQuery(page), '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await screenshot(page, 'lang-home-en-desktop.png');
    assert.deepEqual(errors, [], 'no console errors or failed requests');
  } finally {
    await context.close();
  }
});

test('the Spanish home page, and both translations on a phone', async () => {
  const desktop = await newContext(browser, { locale: 'es-PY' });
  const page = await desktop.newPage();
  await page.goto('/');
  assert.equal(pathAndQuery(page), '/es/');
  assert.equal(await page.locator('h1').textContent(), 'Mecanismos nacionales de prevención de atrocidades');
  await noSeriousViolations(page, 'the Spanish home page');
  await screenshot(page, 'lang-home-es-desktop.png');
  await desktop.close();

  const phone = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const code of ['fr', 'es']) {
    const p = await phone.newPage();
    const response = await p.goto(`/${code}/`);
    assert.equal(response.status(), 200);
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `/${code}/ is ${width} px wide on a 390 px screen`);
    await noSeriousViolations(p, `/${code}/ on a phone`);
    await screenshot(p, `lang-home-${code}-phone.png`);
    await p.close();
  }
  await phone.close();
});

// Every public page of the reader's journey, and the sign-in page, in French and Spanish: the
// page is in the language (not marked English as a whole), its heading translated, and axe finds
// no serious violation.
const JOURNEY = [
  ['/countries', { fr: 'Pays', es: 'Países' }],
  ['/mechanisms', null],
  ['/initiatives', null],
  ['/networks', null],
  ['/editions', null],
  ['/sources', null],
  ['/analysis', null],
  ['/risk', null],
  ['/compare?countries=KEN,UGA', null],
  ['/search?q=pr%C3%A9vention', null],
  ['/data', null],
  ['/about', null],
  ['/login', null],
];
const SHOTS = { '/countries': 'countries', '/analysis': 'analysis', '/search?q=pr%C3%A9vention': 'search', '/login': 'login' };

for (const code of ['fr', 'es']) {
  test(`the reader's journey in ${code === 'fr' ? 'French' : 'Spanish'}: every page translated, no serious axe violations`, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      for (const [path, heading] of JOURNEY) {
        const response = await page.goto(`/${code}${path}`);
        assert.equal(response.status(), 200, `/${code}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), code, `/${code}${path}: html lang`);
        assert.notEqual(await page.getAttribute('main', 'lang'), 'en', `/${code}${path}: translated, not marked English as a whole`);
        if (heading) assert.equal((await page.locator('h1').first().textContent()).trim(), heading[code], `/${code}${path}: heading`);
        await noSeriousViolations(page, `/${code}${path}`);
        if (SHOTS[path]) await screenshot(page, `lang-${SHOTS[path]}-${code}-desktop.png`);
      }
      assert.deepEqual(errors, [], 'no console errors or failed requests');
    } finally {
      await context.close();
    }
  });
}
