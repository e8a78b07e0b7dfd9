// The site works without JavaScript: filtering is a plain GET form and pages are server-rendered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newContext, screenshot } from './lib.mjs';

let browser;
let context;
let page;

before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { javaScriptEnabled: false });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
});

test('JavaScript is really off', async () => {
  await page.goto('/');
  // With scripts disabled, a <noscript> fallback is parsed as markup and an inline script does not run.
  await page.setContent('<p id="x">off</p><script>document.getElementById("x").textContent = "on"</script>');
  assert.equal(await page.locator('#x').textContent(), 'off');
});

test('/countries?region=europe renders the filtered list', async () => {
  const response = await page.goto('/countries?region=europe');
  assert.equal(response.status(), 200);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Countries');

  const rows = page.locator('#countries tbody tr');
  const n = await rows.count();
  const status = (await page.locator('#result-count').textContent()).trim();
  assert.match(status, new RegExp(`^${n} countr(y|ies)\\b`), `status line "${status}" matches ${n} rows`);
  assert.ok(n > 0 && n < 195, `a filtered list (${n} rows)`);

  const headers = (await page.locator('#countries thead th').allTextContents()).map((x) => x.trim());
  const region = headers.indexOf('Region');
  assert.ok(region >= 0);
  const regions = await rows.evaluateAll(
    (trs, i) => trs.map((tr) => tr.querySelectorAll('th, td')[i].textContent.trim()),
    region,
  );
  assert.deepEqual([...new Set(regions)], ['Europe']);
  const names = await rows.locator('th[scope="row"]').allTextContents();
  assert.ok(names.map((x) => x.trim()).includes('Switzerland'));
  assert.equal(await page.inputValue('#f-region'), 'europe', 'the form shows the filter in force');
  await screenshot(page, 'nojs-countries-europe.png');
});

test('the filter form submits without JavaScript', async () => {
  await page.selectOption('#f-has', 'yes');
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('has_mechanism') === 'yes'),
    page.locator('form.filters button[type="submit"]').click(),
  ]);
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('region'), 'europe');
  const names = (await page.locator('#countries tbody th[scope="row"]').allTextContents()).map((x) => x.trim());
  assert.ok(names.length >= 1 && names.includes('Switzerland'), `Switzerland is listed (${names.join(', ')})`);
  const status = (await page.locator('#result-count').textContent()).trim();
  assert.match(status, new RegExp(`^${names.length} countr(y|ies)\\b`));
});

test('/countries/ken renders its content', async () => {
  const response = await page.goto('/countries/ken');
  assert.equal(response.status(), 200);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Kenya');
  assert.equal((await page.locator('#mechanisms-heading').textContent()).trim(), 'Mechanisms');
  const mechanism = page.locator('article.mechanism .mechanism-name a[href^="/mechanisms/"]');
  assert.ok((await mechanism.count()) >= 1);
  assert.ok(await mechanism.first().isVisible());
  assert.match(await mechanism.first().textContent(), /Kenyan National Committee/);
  assert.ok((await page.locator('section.notes li[id^="note-"]').count()) >= 1, 'source notes are rendered');
  assert.ok(await page.locator('section.notes').isVisible());
  await screenshot(page, 'nojs-country-ken.png');
});
