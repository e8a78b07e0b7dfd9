// The staff workspace journey: an editor and a student set their passwords from their one-time
// links; the editor assigns Ghana to the student; the student proposes a change to Ghana's
// mechanism with a new source; the editor approves it from the review queue; the public page
// shows the change with its citation. Every value typed here is synthetic test data, labelled so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const ACRONYM = 'SYNTH-TEST';
const SOURCE_TITLE = 'Synthetic source typed by the browser test';
const MECHANISM = 'gha-national-peace-council';

let browser;
let context;
let page;
let errors;

before(async () => {
  assert.ok(process.env.NMP_TEST_EDITOR_LINK, 'scripts/browser-tests passes the editor link');
  assert.ok(process.env.NMP_TEST_STUDENT_LINK, 'scripts/browser-tests passes the student link');
  browser = await launchBrowser();
  context = await newContext(browser);
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
  assert.equal((await page.locator('h1').textContent()).trim(), 'Your workspace');
}

async function signOut() {
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('nav.staff button[type=submit]')]);
}

/** Selects the option of `selector` whose label matches `pattern`. */
async function selectByLabel(selector, pattern) {
  const options = await page.$$eval(`${selector} option`, (os) => os.map((o) => [o.value, o.textContent]));
  const match = options.find(([, label]) => pattern.test(label));
  assert.ok(match, `${selector} has an option matching ${pattern}`);
  await page.selectOption(selector, match[0]);
}

async function noSeriousAxeViolations(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

test('both people set their passwords from their one-time links', async () => {
  await setPassword(process.env.NMP_TEST_EDITOR_LINK);
  await setPassword(process.env.NMP_TEST_STUDENT_LINK);
});

test('the editor assigns Ghana for the 2017 edition to the student', async () => {
  await signIn('editor@example.org');
  await page.click('nav.staff a[href="/staff/assignments"]');
  await selectByLabel('#f-edition_id', /^Edition 2017:/);
  await selectByLabel('#f-assignee_account_id', /student/);
  await page.selectOption('#f-country_iso3', 'GHA');
  await page.fill('#f-due_on', '2099-01-31');
  await page.fill('#f-note', 'Synthetic assignment made by the browser test');
  await Promise.all([page.waitForLoadState(), page.click('form.record button[type=submit]')]);
  assert.match(await page.locator('table.data').textContent(), /Country: Ghana/);
  await screenshot(page, 'workspace-assignments.png');
  await signOut();
});

test('the student proposes a change with a new source', async () => {
  await signIn('student@example.org');
  assert.match(await page.locator('main').textContent(), /Country: Ghana/, 'my assignments list Ghana');
  await page.click('nav.staff a[href="/staff/records"]');
  await page.click('a[href="/staff/records/mechanism"]');
  await page.getByRole('link', { name: /Peace Council/ }).first().click();
  await page.waitForSelector('#f-acronym');
  await noSeriousAxeViolations('edit form');

  // A bad date first: the error shows beside the field and nothing is saved.
  const createdOn = await page.inputValue('#f-created_on');
  await page.fill('#f-created_on', '2012-13');
  await page.click('form.record button[type=submit]');
  await page.waitForSelector('#e-created_on');
  assert.match(await page.locator('#e-created_on').textContent(), /not a date/);
  assert.equal(await page.locator('#f-created_on').getAttribute('aria-invalid'), 'true');

  assert.equal(await page.inputValue('#f-created_on'), '2012-13', 'the form keeps what was typed');
  await page.fill('#f-created_on', createdOn);
  await page.fill('#f-acronym', ACRONYM);
  await page.selectOption('#f-cite_source', 'new');
  await page.click('fieldset.citation summary');
  await page.fill('#f-source_slug', 'synthetic-browser-test-source');
  await page.fill('#f-source_title', SOURCE_TITLE);
  await page.selectOption('#f-source_kind', 'web_page');
  await page.fill('#f-source_url', 'https://example.org/synthetic-browser-test');
  await page.selectOption('#f-cite_field', 'acronym');
  await page.fill('#f-cite_locator', 'para. 1');
  await page.fill('#f-message', 'Synthetic proposal made by the browser test');
  await Promise.all([page.waitForURL('**/staff/proposals/*'), page.click('form.record button[type=submit]')]);
  assert.match(await page.locator('.state').first().textContent(), /proposed/);
  await screenshot(page, 'workspace-proposal.png');
  await signOut();

  const publicPage = await context.newPage();
  await publicPage.goto(`/mechanisms/${MECHANISM}`);
  assert.doesNotMatch(await publicPage.locator('main').textContent(), new RegExp(ACRONYM), 'not public before review');
  await publicPage.close();
});

test('the editor approves it from the review queue', async () => {
  await signIn('editor@example.org');
  assert.match(await page.locator('main').textContent(), /1 proposal waiting/);
  await page.click('nav.staff a[href="/staff/review"]');
  await page.locator('table.data a').first().click();
  await page.waitForSelector('table.diff');
  const diff = await page.locator('table.diff').textContent();
  assert.match(diff, new RegExp(ACRONYM));
  assert.equal(await page.locator('table.diff tbody tr').count(), 1, 'only the acronym changes');
  assert.match(await page.locator('main').textContent(), new RegExp(SOURCE_TITLE));
  await noSeriousAxeViolations('proposal page');
  await page.fill('#f-comment', 'Approved in the synthetic browser test');
  await Promise.all([page.waitForLoadState(), page.click('button[value=approve]')]);
  assert.match(await page.locator('.state').first().textContent(), /approved/);
  await signOut();
});

test('the public page shows the change with its citation', async () => {
  await page.goto(`/mechanisms/${MECHANISM}`);
  const main = await page.locator('main').textContent();
  assert.match(main, new RegExp(ACRONYM));
  const notes = await page.locator('section.notes').textContent();
  assert.match(notes, new RegExp(SOURCE_TITLE));
  await screenshot(page, 'workspace-public-after-approval.png');
  // The one 422 is the bad date the student submitted on purpose; Chromium logs it.
  const unexpected = errors.filter((e) => !/status of 422/.test(e));
  assert.deepEqual(unexpected, []);
  assert.equal(errors.length - unexpected.length, 1, 'exactly one refused form');
});
