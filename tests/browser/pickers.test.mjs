// Pickers that scale: the /compare country boxes' type-ahead (typing "cote" offers "Côte d'Ivoire",
// names in English, French and Spanish, accents optional) and the staff record form's source
// picker (typing part of a source's title offers it; the citation is saved with it). Looked at at
// 1366 and 390 px wide; axe finds nothing serious. The account and the values typed are synthetic
// test data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const NOTE = 'Synthetic note typed by the pickers browser test';

let browser;
let context;
let page;
let errors;

before(async () => {
  assert.ok(process.env.NMP_TEST_PICKER_LINK, 'scripts/browser-tests passes the picker account link');
  browser = await launchBrowser();
  context = await newContext(browser, { viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

async function noSeriousAxeViolations(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

/** Screenshots of the page as it is at 1366 and at 390 px wide. */
async function bothWidths(name) {
  await screenshot(page, `${name}-1366.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390.png`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('/compare: typing "cote" offers Côte d\'Ivoire; French and Spanish names work too', async () => {
  assert.equal((await page.goto('/compare')).status(), 200);
  const first = page.locator('#f-country-1');
  await first.pressSequentially('cote', { delay: 30 });
  const option = page.locator('[role=listbox] [role=option]', { hasText: "Côte d'Ivoire" });
  await option.waitFor();
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  await noSeriousAxeViolations('/compare with the type-ahead open');
  await bothWidths('compare-typeahead');
  await option.click();
  assert.equal(await first.inputValue(), "Côte d'Ivoire");
  assert.equal(await first.getAttribute('aria-expanded'), 'false');

  // The keyboard: "tanzan" then ArrowDown and Enter.
  const second = page.locator('#f-country-2');
  await second.pressSequentially('tanzan', { delay: 30 });
  await page.locator('[role=listbox] [role=option]', { hasText: 'Tanzania' }).first().waitFor();
  await second.press('ArrowDown');
  await second.press('Enter');
  assert.match(await second.inputValue(), /Tanzania/);
  // A French name typed whole, and a Spanish one without its accent.
  await page.fill('#f-country-3', 'Ouganda');
  await page.fill('#f-country-4', 'Camerun');
  await Promise.all([page.waitForURL('**/compare?**'), page.click('form.compare-form button[type=submit]')]);
  const heads = await page.locator('table.compare thead th a').allTextContents();
  assert.deepEqual(heads, ["Côte d'Ivoire", 'United Republic of Tanzania', 'Uganda', 'Cameroon']);
  await noSeriousAxeViolations('/compare with four countries');
  await bothWidths('compare-four');
});

test('/compare: an unknown name is explained with suggestions that work', async () => {
  const response = await page.goto('/compare?countries=ken,cote');
  assert.equal(response.status(), 400);
  const problems = page.locator('#compare-problems');
  assert.match(await problems.textContent(), /"cote" is not the name or ISO code/);
  assert.equal(await page.inputValue('#f-country-2'), 'cote', 'what was typed stays');
  await noSeriousAxeViolations('/compare with a problem');
  await bothWidths('compare-problem');
  await Promise.all([page.waitForURL('**/compare?**'), problems.locator('a', { hasText: "Côte d'Ivoire" }).click()]);
  const heads = await page.locator('table.compare thead th a').allTextContents();
  assert.deepEqual(heads, ['Kenya', "Côte d'Ivoire"]);
});

test('staff: the source picker finds a source by part of its title, and the citation is saved with it', async () => {
  errors.length = 0; // the 400 of the page above is logged by the browser; this page must log nothing
  assert.equal((await page.goto(process.env.NMP_TEST_PICKER_LINK)).status(), 200);
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm_password', PASSWORD);
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  await page.goto('/login');
  await page.fill('#email', 'picker@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/staff'), page.click('button[type=submit]')]);

  const found = await (await page.request.get('/staff/pick/mechanism?q=ken-national')).json();
  assert.equal(found.items.length, 1, 'one mechanism matches');
  const id = found.items[0].value;
  assert.equal((await page.goto(`/staff/records/mechanism/${id}`)).status(), 200);
  const sources = page.locator('#f-cite_source option');
  assert.equal(await sources.count(), 2, 'no drop-down of every source: none and "a new source" only');

  await page.fill('#f-note', NOTE);
  await page.locator('#q-cite_source').pressSequentially('nine models', { delay: 30 });
  const match = page.locator('#f-cite_source option', { hasText: /Nine models of national mechanisms/ });
  await match.waitFor({ state: 'attached' });
  assert.match(await page.locator('#s-cite_source').textContent(), /1 found for “nine models”/);
  await noSeriousAxeViolations('the record form with the source picker');
  await bothWidths('staff-source-picker');
  await page.selectOption('#f-cite_source', await match.getAttribute('value'));
  await page.fill('#f-cite_locator', 'synthetic locator');
  await Promise.all([page.waitForURL('**/staff/records/mechanism/*?saved=1'), page.click('form.record button[type=submit]')]);
  assert.match(await page.locator('p.notice').textContent(), /Saved/);
  const cited = await page.locator('section', { hasText: 'Sources cited for this record' }).textContent();
  assert.match(cited, /Nine models of national mechanisms for atrocity prevention by AIPR \(whole record, synthetic locator\)/);
  assert.deepEqual(errors, [], 'no script errors');
});
