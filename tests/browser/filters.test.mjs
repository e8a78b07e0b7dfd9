// The countries list's filter form: region + "has a mechanism", "Clear", and network filters,
// checked against the status line and against the JSON API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newContext, screenshot, pathAndQuery } from './lib.mjs';

let browser;
let context;
let page;

before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
});

const rows = () => page.locator('#countries tbody tr');

/** The count the status line (#result-count) announces, e.g. "9 countries." -> 9. */
async function announcedCount() {
  const text = (await page.locator('#result-count').textContent()).trim();
  const m = text.match(/^(\d+) countr(?:y|ies)\b/);
  assert.ok(m, `status line states a count: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** The country names in the table (the row headers). */
async function countryNames() {
  return rows().locator('th[scope="row"]').allTextContents().then((xs) => xs.map((x) => x.trim()));
}

/** The text of column `header` (by its <th> in the thead) in every row. */
async function column(header) {
  const headers = (await page.locator('#countries thead th').allTextContents()).map((x) => x.trim());
  const index = headers.indexOf(header);
  assert.ok(index >= 0, `the table has a ${header} column (${headers.join(', ')})`);
  return rows().evaluateAll(
    (trs, i) => trs.map((tr) => tr.querySelectorAll('th, td')[i]?.textContent.trim()),
    index,
  );
}

async function submit() {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/countries' && u.search !== ''),
    page.locator('form.filters button[type="submit"]').click(),
  ]);
}

test('the unfiltered list has every country', async () => {
  const response = await page.goto('/countries');
  assert.equal(response.status(), 200);
  const n = await announcedCount();
  assert.equal(await rows().count(), n);
  assert.ok(n >= 195, `all UN member and observer states are listed (${n})`);
});

test('filter: UN region Africa, has a mechanism', async () => {
  await page.selectOption('#f-region', 'africa');
  await page.selectOption('#f-has', 'yes');
  await submit();

  const query = new URL(page.url()).search;
  assert.match(query, /[?&]region=africa&(?:.*&)?has_mechanism=yes(?:&|$)/, `query ${query}`);

  const n = await announcedCount();
  assert.ok(n > 0);
  assert.equal(await rows().count(), n, 'status line count == table rows');
  for (const region of await column('Region')) assert.equal(region, 'Africa');
  for (const count of await column('Mechanisms')) assert.ok(Number(count) >= 1, `mechanisms ${count}`);

  const names = await countryNames();
  assert.ok(names.includes('Kenya'), 'Kenya is listed');
  assert.ok(!names.includes('Argentina'), 'Argentina is not listed');

  // The form shows the filters in force.
  assert.equal(await page.inputValue('#f-region'), 'africa');
  assert.equal(await page.inputValue('#f-has'), 'yes');

  // The page agrees with the API.
  const api = await (await page.request.get('/api/v1/countries?region=africa&has_mechanism=yes')).json();
  assert.equal(n, api.total, 'page count == API total');
  await screenshot(page, 'countries-filtered.png');
});

test('"Clear" resets the filters', async () => {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/countries' && u.search === ''),
    page.locator('form.filters a', { hasText: 'Clear' }).click(),
  ]);
  assert.equal(pathAndQuery(page), '/countries');
  for (const id of ['#f-region', '#f-group', '#f-network', '#f-has']) {
    assert.equal(await page.inputValue(id), '', `${id} is back to "Any"`);
  }
  const n = await announcedCount();
  assert.equal(await rows().count(), n);
  assert.ok(n >= 195);
});

test('filter: network Latin American Network', async () => {
  await page.selectOption('#f-network', 'latin-american-network');
  await submit();
  assert.match(new URL(page.url()).search, /[?&]network=latin-american-network(?:&|$)/);

  const api = await (await page.request.get('/api/v1/countries?network=latin-american-network&limit=1000')).json();
  assert.ok(api.total > 0);
  const n = await announcedCount();
  assert.equal(await rows().count(), api.total, 'page rows == API total');
  assert.equal(n, api.total, 'status line count == API total');

  const names = await countryNames();
  assert.ok(names.includes('Argentina'), 'Argentina is listed');
  assert.ok(!names.includes('Kenya'), 'Kenya is not listed');
  assert.deepEqual([...names].sort(), api.items.map((c) => c.name).sort(), 'same countries as the API');
  assert.equal(await page.inputValue('#f-network'), 'latin-american-network');
  await screenshot(page, 'countries-network.png');
});
