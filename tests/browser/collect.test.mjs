// The data-collection journey: an editor creates the default questionnaire for the 2017 edition
// and invites a respondent about Zambia's committee; the respondent opens the personal link, sees
// what the platform holds, attaches a small PDF, gets a message beside a bad answer, and submits;
// the editor downloads the PDF, approves one proposed change and rejects another; the public page
// shows the approved fact cited to the response. On the respondent's form the script's "Add
// another row" adds a blank row in the page (its answers saved with the draft; a row ticked for
// removal is gone); the form is photographed at 1280 and 390 px and checked with axe; the
// submitted response is read-only. Every value typed here is synthetic test data, labelled so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const ACRONYM = 'ZMB-SYNTH';
const MECHANISM = 'zmb-national-committee';
// A small, valid one-page PDF, generated here (synthetic test data).
const PDF_NAME = 'synthetic-decree.pdf';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

let browser;
let page;
let respondentLink;

before(async () => {
  assert.ok(process.env.NMP_TEST_COORDINATOR_LINK, 'scripts/browser-tests passes the coordinator link');
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
});

after(async () => {
  await browser?.close();
});

async function signIn() {
  await page.goto('/login');
  await page.fill('#email', 'coordinator@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/staff'), page.click('button[type=submit]')]);
}

async function selectByLabel(selector, pattern) {
  const options = await page.$$eval(`${selector} option`, (os) => os.map((o) => [o.value, o.textContent]));
  const match = options.find(([, label]) => pattern.test(label));
  assert.ok(match, `${selector} has an option matching ${pattern}`);
  await page.selectOption(selector, match[0]);
}

test('the editor creates the questionnaire and invites a respondent', async () => {
  await page.goto(process.env.NMP_TEST_COORDINATOR_LINK);
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm_password', PASSWORD);
  await page.click('button[type=submit]');
  await signIn();
  await page.click('nav.staff a[href="/staff/questionnaires"]');
  await selectByLabel('#f-edition_id', /^Edition 2017:/);
  await Promise.all([page.waitForURL('**/staff/questionnaires/*'), page.click('form.record button[type=submit]')]);
  assert.match(await page.locator('h1').textContent(), /Questionnaire on national mechanisms/);
  await page.fill('#f-respondent_name', 'Synthetic respondent (browser test)');
  await page.fill('#f-respondent_email', 'respondent@example.org');
  await page.selectOption('#f-country_iso3', 'ZMB');
  await selectByLabel('#f-mechanism_id', /\(ZMB\)$/);
  await page.fill('#f-due_on', '2099-03-31');
  await Promise.all([page.waitForLoadState(), page.click('form[action$="/invitations"] button[type=submit]')]);
  const link = (await page.locator('code.link').textContent()).trim();
  assert.match(link, /\/respond\/[0-9a-f]{64}$/);
  respondentLink = new URL(link).pathname;
  assert.match(await page.locator('.notice').first().textContent(), /outbox/);
  await page.click('nav.staff button[type=submit]');
});

test('the respondent answers, is told about a bad date, and submits', async () => {
  assert.equal((await page.goto('/respond/' + '0'.repeat(64))).status(), 404, 'an unknown link is a clear 404');
  assert.equal((await page.goto(respondentLink)).status(), 200);
  assert.match(await page.locator('main').textContent(), /Zambia|National Committee/);
  const name = await page.inputValue('[id="f-q.name"]');
  assert.ok(name.length > 0, 'the name is pre-filled from the record');
  const created = await page.inputValue('[id="f-q.created_on"]');
  await page.fill('[id="f-q.acronym"]', ACRONYM);
  await page.fill('[id="f-q.created_on"]', '2010-13');
  await page.fill('[id="f-q.civil_society"]', 'Synthetic answer typed by the browser test');
  await selectByLabel('[id="f-g.members.0.organization_id"]', /Binghamton/);
  await page.selectOption('[id="f-g.members.0.role"]', 'observer');
  await page.setInputFiles('[id="f-f.documents"]', { name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
  await Promise.all([page.waitForLoadState(), page.click('button[value=submit]')]);
  await page.waitForSelector('[id="e-q.created_on"]');
  assert.match(await page.locator('ul.attachments').textContent(), new RegExp(PDF_NAME), 'the PDF is kept with the draft');
  assert.match(await page.locator('[id="e-q.created_on"]').textContent(), /not a date/);
  assert.equal(await page.inputValue('[id="f-q.acronym"]'), ACRONYM, 'what was typed is kept');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], 'questionnaire page accessibility');
  await screenshot(page, 'collect-respondent-error.png');
  // Who asks, and whom to write to.
  const about = await page.locator('dl.respond-about').textContent();
  assert.match(about, /Asked by/);
  assert.match(about, /2017 edition/);
  assert.match(await page.locator('dl.respond-about a[href^="mailto:"]').getAttribute('href'), /^mailto:.+@/);

  // "Add another row" with the script: a blank row appears in the page, numbered on, focused.
  const rows = page.locator('#group-members .group-row');
  const before = await rows.count();
  await page.evaluate(() => { window.nmpSamePage = true; });
  await page.click('button[value="add-row:members"]');
  assert.equal(await page.evaluate(() => window.nmpSamePage), true, 'no round trip to the server');
  assert.equal(await rows.count(), before + 1);
  const added = `g.members.${before}`;
  assert.equal(await page.inputValue(`[id="f-${added}.role"]`), '', 'the new row is blank');
  assert.equal(await page.evaluate(() => document.activeElement.id), `f-${added}.organization_id`);
  assert.equal(await page.inputValue('input[name="rows.members"]'), String(before + 1));
  await page.selectOption(`[id="f-${added}.organization_id"]`, 'other');
  await page.fill(`[id="f-${added}.organization_id_other"]`, 'Synthetic Institute of Mediation (browser test data)');
  await page.selectOption(`[id="f-${added}.role"]`, 'member');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], 'questionnaire with an added row');
  await screenshot(page, 'respond-desktop.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'respond-phone.png');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Enter in a field saves the draft (not "Add another row"); the added row is saved with it
  // (the blank row between is dropped), then removed before submitting.
  await Promise.all([page.waitForLoadState(), page.press('[id="f-q.acronym"]', 'Enter')]);
  const saved = await page.locator('p.notice[role=status]').first().textContent();
  assert.match(saved, /saved as a draft/);
  assert.doesNotMatch(saved, /blank row was added/);
  assert.equal(await page.inputValue('input[name="rows.members"]'), '3', 'two rows answered and one blank');
  assert.equal(
    await page.inputValue('[id="f-g.members.1.organization_id_other"]'),
    'Synthetic Institute of Mediation (browser test data)',
    'the added row is saved',
  );
  await page.check('[name="g.members.1._remove"]');
  await page.fill('[id="f-q.created_on"]', created);
  await Promise.all([page.waitForLoadState(), page.click('button[value=submit]')]);
  assert.match(await page.locator('.notice.submitted').textContent(), /your response is submitted[\s\S]*submitted on/);
  // Read-only: no field and no button but the language switcher's.
  const controls = 'main form:not(.language-switch) button, main input:not(.language-switch input), main select, main textarea';
  assert.equal(await page.locator(controls).count(), 0, 'read-only');
  assert.doesNotMatch(await page.locator('main').textContent(), /Synthetic Institute of Mediation/, 'the removed row is gone');
  await screenshot(page, 'respond-submitted.png');
});

test('the editor approves the acronym and rejects the new member', async () => {
  await signIn();
  await page.click('nav.staff a[href="/staff/questionnaires"]');
  await page.locator('table.data a').first().click();
  await page.getByRole('link', { name: 'Synthetic respondent (browser test)' }).click();
  assert.match(await page.locator('main').textContent(), /Synthetic answer typed by the browser test/);
  const download = page.locator('ul.attachments a', { hasText: PDF_NAME });
  const answer = await page.request.get(await download.getAttribute('href'));
  assert.equal(answer.status(), 200);
  assert.equal(answer.headers()['content-type'], 'application/pdf');
  assert.match(answer.headers()['content-disposition'], /^attachment; filename="synthetic-decree.pdf"/);
  assert.ok(Buffer.compare(await answer.body(), PDF) === 0, 'the download is the file attached');
  const proposals = page.locator('main ul li a[href^="/staff/proposals/"]');
  assert.equal(await proposals.count(), 2, 'one proposal per changed field or new row');
  const hrefs = await proposals.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.parentElement.textContent]));
  for (const [href, text] of hrefs) {
    await page.goto(href);
    assert.match(await page.locator('main').textContent(), /Response to/, 'cites the response');
    const decision = /mechanism/.test(text) ? 'approve' : 'reject';
    await Promise.all([page.waitForLoadState(), page.click(`button[value=${decision}]`)]);
    assert.match(await page.locator('.state').first().textContent(), decision === 'approve' ? /approved/ : /rejected/);
  }
  await page.click('nav.staff button[type=submit]');
});

test('the public page shows the approved fact cited to the response', async () => {
  await page.goto(`/mechanisms/${MECHANISM}`);
  assert.match(await page.locator('main').textContent(), new RegExp(ACRONYM));
  assert.match(await page.locator('section.notes').textContent(), /Response to/);
  await screenshot(page, 'collect-public-after-approval.png');
});

async function noSeriousAxe(what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${what}: accessibility`);
}

test('a respondent invited in French answers in French, then switches to Spanish', async () => {
  await signIn();
  await page.click('nav.staff a[href="/staff/questionnaires"]');
  await page.locator('table.data a').first().click();
  await page.fill('#f-respondent_name', 'Synthetic répondante (browser test)');
  await page.fill('#f-respondent_email', 'repondante@example.org');
  await page.selectOption('#f-country_iso3', 'COD');
  await selectByLabel('#f-mechanism_id', /\(COD\)$/);
  await page.fill('#f-due_on', '2099-12-29');
  await page.selectOption('#f-language', 'fr');
  await Promise.all([page.waitForLoadState(), page.click('form[action$="/invitations"] button[type=submit]')]);
  const link = new URL((await page.locator('code.link').textContent()).trim()).pathname;
  await page.click('nav.staff button[type=submit]');

  assert.equal((await page.goto(link)).status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.getAttribute('header.site', 'lang'), null, 'the site frame is in French too');
  assert.equal(await page.locator('a.skip').textContent(), 'Aller au contenu');
  assert.match(await page.locator('h1').textContent(), /^Questionnaire sur les mécanismes nationaux/);
  assert.match(await page.locator('dl.respond-about').textContent(), /Merci de répondre avant le\s*29 décembre 2099/);
  await page.fill('[id="f-q.created_on"]', '29/12/2018');
  await Promise.all([page.waitForLoadState(), page.click('button[value=save]:not([hidden])')]);
  assert.match(await page.locator('.notice[role=status]').first().textContent(), /Votre brouillon est enregistré/);
  const echo = page.locator('[id="f-q.created_on"] ~ p.date-echo');
  assert.equal((await echo.textContent()).trim(), 'Date comprise : 29 décembre 2018.');
  await noSeriousAxe('the French form');
  await screenshot(page, 'respond-fr-desktop.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'respond-fr-phone.png');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A date that is none: refused in French with an example, what was typed kept.
  await page.fill('[id="f-q.created_on"]', '31/02/2018');
  await Promise.all([page.waitForLoadState(), page.click('button[value=save]:not([hidden])')]);
  assert.match(await page.locator('[id="e-q.created_on"]').textContent(), /« 31\/02\/2018 » n'est pas une date : écrivez-la comme 29\/12\/2018/);
  await page.fill('[id="f-q.created_on"]', '29/12/2018');
  await Promise.all([page.waitForLoadState(), page.click('button[value=save]:not([hidden])')]);

  await Promise.all([page.waitForURL(`**${link}`), page.click('form.language-switch button[value=es]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.match(await page.locator('h1').textContent(), /^Cuestionario sobre los mecanismos nacionales/);
  assert.equal((await echo.textContent()).trim(), 'Fecha entendida: 29 de diciembre de 2018.');
  assert.equal(await page.locator('button[value=save]:not([hidden])').textContent(), 'Guardar borrador');
  await noSeriousAxe('the Spanish form');
  await screenshot(page, 'respond-es-desktop.png');
});
