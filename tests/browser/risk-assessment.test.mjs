// The qualitative risk assessment journey (issue 26): an editor opens a round on South Sudan with
// the UN Framework of Analysis for Atrocity Crimes (the starter dataset's); two researchers rate
// its risk factors blind, each with a level, a trend and evidence; the editor reconciles every
// risk factor (level and trend) and closes the round; the public country page then shows the
// assessment with its evidence and the agreement between raters, and never the individual
// ratings. Accounts, rationales and consensus texts are synthetic test data, labelled so; the
// framework, country and source are the starter dataset's. Every page is scanned with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const COUNTRY = 'SSD';
const SOURCE = 'un-framework-analysis-2014';
const EDITION = '2020-transition';
const ROUND = 'Synthetic risk round (browser test)';
const TRENDS = ['rising', 'steady', 'falling'];

let browser;
let page;
let errors;
let roundPath;
let targetPath;

before(async () => {
  for (const name of ['RISK_EDITOR', 'RISK_RATER_A', 'RISK_RATER_B']) {
    assert.ok(process.env[`NMP_TEST_${name}_LINK`], `scripts/browser-tests passes the ${name} link`);
  }
  browser = await launchBrowser();
  const context = await newContext(browser, { viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

async function setPassword(link) {
  assert.equal((await page.goto(link)).status(), 200);
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm_password', PASSWORD);
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  assert.match(await page.locator('h1').textContent(), /Password set/);
}

async function signIn(email) {
  await page.goto('/login');
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/staff'), page.click('button[type=submit]')]);
}

async function signOut() {
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('nav.staff button[type=submit]')]);
}

async function noSeriousAxeViolations(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

/** A screenshot at phone width (390 px), then back to the desktop size. */
async function phoneShot(name) {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, name);
  await page.setViewportSize(desktop);
}

/** Rates every risk factor: level `rank(i)` (1-based), trend `trend(i)`, a reason, evidence. */
async function rate(rank, trend, reason) {
  const fieldsets = page.locator('form.rating fieldset.criterion');
  const n = await fieldsets.count();
  assert.equal(n, 14, 'the form has the 14 risk factors of the Framework');
  for (let i = 0; i < n; i++) {
    const f = fieldsets.nth(i);
    await f.locator('input[type=radio][name$="-level"]').nth(rank(i) - 1).check();
    await f.locator(`input[type=radio][name$="-trend"][value="${trend(i)}"]`).check();
    await f.locator('textarea[name$="-rationale"]').fill(`${reason} (risk factor ${i + 1}; synthetic test text)`);
    await f.locator('select[name$="-source-1"]').selectOption(SOURCE);
    await f.locator('input[name$="-locator-1"]').fill('foreword');
  }
  await Promise.all([page.waitForLoadState(), page.click('form.rating button[type=submit]')]);
}

test('three people set their passwords from their one-time links', async () => {
  await setPassword(process.env.NMP_TEST_RISK_EDITOR_LINK);
  await setPassword(process.env.NMP_TEST_RISK_RATER_A_LINK);
  await setPassword(process.env.NMP_TEST_RISK_RATER_B_LINK);
});

test('before any assessment, the country page says there is none', async () => {
  await page.goto(`/countries/${COUNTRY}`);
  assert.match(await page.locator('#risk-heading + p').textContent(), /No qualitative risk assessment/);
});

test('the editor opens a round on a country with the UN Framework of Analysis', async () => {
  await signIn('risk-editor@example.org');
  await page.click('nav.staff a[href="/staff/assessments"]');
  await page.fill('#f-title', ROUND);
  await page.selectOption('#f-edition', EDITION);
  const frameworks = await page.$$eval('#f-framework_id option', (os) => os.map((o) => [o.value, o.textContent]));
  const un = frameworks.find(([, label]) => /UN Framework of Analysis/.test(label));
  assert.ok(un, 'the starter dataset offers the UN Framework of Analysis');
  await page.selectOption('#f-framework_id', un[0]);
  await page.fill('#f-due_on', '2099-01-31');
  await page.getByLabel(/risk-rater-a/).check();
  await page.getByLabel(/risk-rater-b/).check();
  await page.click('summary:has-text("Countries to assess")');
  await page.selectOption('#f-countries', [COUNTRY]);
  await page.fill('#f-assessed_on', '2026-06-30');
  await noSeriousAxeViolations('assessments page');
  await Promise.all([page.waitForURL('**/staff/assessments/*'), page.click('form.record button[type=submit]')]);
  roundPath = new URL(page.url()).pathname;
  assert.match(await page.locator('h1').textContent(), /Synthetic risk round/);
  const target = page.locator('table.data a[href*="/targets/"]').first();
  assert.match(await target.textContent(), /South Sudan/);
  targetPath = await target.getAttribute('href');
  await noSeriousAxeViolations('round page');
  await screenshot(page, 'risk-1-round-opened.png');
  await signOut();
});

test('two researchers rate every risk factor blind, with a level, a trend and evidence', async () => {
  await signIn('risk-rater-a@example.org');
  await page.goto(targetPath);
  assert.match(await page.locator('main').textContent(), /Submit my ratings/);
  await noSeriousAxeViolations('rating form');
  await screenshot(page, 'risk-2-rating-form.png');
  await phoneShot('risk-2-rating-form-phone.png');
  await rate((i) => 1 + (i % 4), (i) => TRENDS[i % 3], 'RISK-RATER-A-REASON');
  assert.doesNotMatch(await page.locator('main').textContent(), /Submit my ratings/, 'a submission is final');
  await signOut();

  await signIn('risk-rater-b@example.org');
  await page.goto(targetPath);
  assert.doesNotMatch(await page.locator('main').textContent(), /RISK-RATER-A-REASON/, 'blind until submitted');
  await rate((i) => (i === 0 ? 3 : 1 + (i % 4)), (i) => TRENDS[(i + (i === 1 ? 1 : 0)) % 3], 'RISK-RATER-B-REASON');
  const both = await page.locator('main').textContent();
  assert.match(both, /RISK-RATER-A-REASON/);
  assert.match(both, /RISK-RATER-B-REASON/);
  await signOut();
});

test('the editor sees agreement on levels and trends, reconciles every risk factor and closes the round', async () => {
  await signIn('risk-editor@example.org');
  await page.goto(roundPath);
  const main = await page.locator('main').textContent();
  assert.match(main, /Trends, all criteria/);
  assert.match(main, /R1: 1 Not evident · R2: 3 Elevated/);
  await page.goto(targetPath);
  await noSeriousAxeViolations('ratings side by side');
  for (let i = 0; i < 20; i++) {
    const form = page.locator('details.reconcile[open] form').first();
    if ((await form.count()) === 0) break;
    await form.locator('select[name=level]').selectOption({ index: 3 });
    await form.locator('select[name=trend]').selectOption('rising');
    await form.locator('textarea[name=rationale]').fill(`RISK-CONSENSUS ${i + 1}: the evidence shows it (synthetic test text)`);
    await form.locator('select[name="source-1"]').selectOption(SOURCE);
    await form.locator('input[name="locator-1"]').fill('foreword');
    // The consensus is saved and the page reloads at the risk factor's anchor: wait for that
    // navigation, so that the next round of the loop never finds this page's form again.
    const criterion = (await form.getAttribute('action')).split('/').pop();
    await Promise.all([
      page.waitForURL((u) => u.hash === `#c${criterion}`),
      form.locator('button[type=submit]').click(),
    ]);
    assert.equal(await page.locator('.error, .field-error').count(), 0, `risk factor ${i + 1} was saved`);
  }
  assert.equal(await page.locator('details.reconcile[open]').count(), 0, 'every risk factor has a consensus');
  await page.goto(roundPath);
  assert.match(await page.locator('main').textContent(), /Every target has a consensus with evidence/);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Close the round")')]);
  assert.match(await page.locator('main').textContent(), /Reopen the round/);
  await signOut();
});

test('the country page shows the reconciled assessment with its evidence and agreement', async () => {
  await page.goto(`/countries/${COUNTRY}`);
  const section = page.locator('section[aria-labelledby="risk-heading"]');
  const text = await section.textContent();
  assert.match(text, /2026-06-30/);
  assert.match(text, /8\. Triggering factors/);
  assert.match(text, /RISK-CONSENSUS 14/);
  assert.match(text, /Elevated/);
  assert.match(text, /Rising/);
  assert.match(text, /trends α =/);
  assert.doesNotMatch(await page.locator('main').textContent(), /RISK-RATER-A-REASON|RISK-RATER-B-REASON/, 'individual ratings stay internal');
  assert.equal(await section.locator('table.risk tbody tr').count(), 14);
  const note = section.locator('sup.cite a').first();
  const href = await note.getAttribute('href');
  assert.match(await page.locator(href).textContent(), /Framework of Analysis for Atrocity Crimes/);
  await noSeriousAxeViolations('country page with a risk assessment');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'risk-3-country-page.png');
  await phoneShot('risk-3-country-page-phone.png');
  const api = await (await page.request.get(`/api/v1/countries/${COUNTRY}`)).json();
  assert.equal(api.risk_assessment.factors.length, 14);
  assert.equal(api.risk_assessment.factors[0].trend, 'rising');
  assert.deepEqual(errors, [], 'no console errors or failed requests');
});
