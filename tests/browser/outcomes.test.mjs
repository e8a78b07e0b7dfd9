// The outcome-assessment journey (issue 19): an editor opens a round on edition 2018 with NMP's
// default framework; two students rate the US Elie Wiesel Act independently, with evidence,
// neither seeing the other's ratings before submitting; the round page shows where they
// disagree; the editor reconciles every criterion; the edition publishes; its report builds and
// the PDF has the Outcomes chapter with the initiative's assessment box; the public initiative
// page shows the published consensus. Accounts, rationales and consensus texts are synthetic
// test data, labelled so; the initiative, framework and sources are the starter dataset's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ARTIFACTS, launchBrowser, newContext, screenshot, serverThreads, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const INITIATIVE = 'usa-elie-wiesel-act';
const SOURCE = 'gpo-statute-132-5586';
const ROUND = 'Synthetic round (browser test)';

let browser;
let context;
let page;
let errors;
let roundPath;
let targetPath;

before(async () => {
  for (const name of ['CHIEF', 'RATER_A', 'RATER_B']) {
    assert.ok(process.env[`NMP_TEST_${name}_LINK`], `scripts/browser-tests passes the ${name} link`);
  }
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
}

async function signOut() {
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('nav.staff button[type=submit]')]);
}

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

/** A screenshot at phone width (390 px), then back to the desktop size. */
async function phoneShot(name) {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, name);
  await page.setViewportSize(desktop);
}

/** Fills the blind rating form: level `ranks[i]` (1-based) for criterion i, a reason, evidence. */
async function rate(ranks, reason) {
  const fieldsets = page.locator('form.rating fieldset.criterion');
  const n = await fieldsets.count();
  assert.ok(n >= 2, `the form has the framework's criteria (${n})`);
  for (let i = 0; i < n; i++) {
    const f = fieldsets.nth(i);
    await f.locator('input[type=radio]').nth(ranks[i % ranks.length] - 1).check();
    await f.locator('textarea[name$="-rationale"]').fill(`${reason} (criterion ${i + 1}; synthetic test text)`);
    await f.locator('select[name$="-source-1"]').selectOption(SOURCE);
    await f.locator('input[name$="-locator-1"]').fill('sec. 5');
  }
  await Promise.all([page.waitForLoadState(), page.click('form.rating button[type=submit]')]);
}

/** The text of every Flate stream of a PDF, inflated, and the file itself as Latin-1. */
function pdfTexts(bytes) {
  const raw = Buffer.from(bytes);
  const texts = [raw.toString('latin1')];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let body = start + 6;
    if (raw[body] === 0x0d) body++;
    if (raw[body] === 0x0a) body++;
    const end = raw.indexOf('endstream', body, 'latin1');
    if (end < 0) break;
    try {
      texts.push(zlib.inflateSync(raw.subarray(body, end)).toString('latin1'));
    } catch {
      // not a Flate stream (or not one zlib reads): skip it
    }
    at = end + 9;
  }
  return texts.join('\n');
}

/** Whether `text` occurs in the PDF's strings, as Latin-1 or as UTF-16BE (outline titles). */
function pdfHas(all, text) {
  const utf16 = Array.from(text).map((c) => `\u0000${c}`).join('');
  return all.includes(text) || all.includes(utf16);
}

test('three people set their passwords from their one-time links', async () => {
  await setPassword(process.env.NMP_TEST_CHIEF_LINK);
  await setPassword(process.env.NMP_TEST_RATER_A_LINK);
  await setPassword(process.env.NMP_TEST_RATER_B_LINK);
});

test('the editor opens a round with two student raters', async () => {
  await signIn('chief@example.org');
  await page.click('nav.staff a[href="/staff/assessments"]');
  await page.fill('#f-title', ROUND);
  await page.selectOption('#f-edition', '2018');
  await selectByLabel('#f-framework_id', /outcome assessment framework/i);
  await page.fill('#f-due_on', '2099-01-31');
  await page.getByLabel(/Synthetic rater-a /).check();
  await page.getByLabel(/Synthetic rater-b /).check();
  await page.locator(`input[name=initiatives][value="${INITIATIVE}"]`).check();
  await Promise.all([page.waitForURL('**/staff/assessments/*'), page.click('form.record button[type=submit]')]);
  roundPath = new URL(page.url()).pathname;
  assert.match(await page.locator('h1').textContent(), /Synthetic round/);
  targetPath = await page.locator('table.data a[href*="/targets/"]').first().getAttribute('href');
  await noSeriousAxeViolations('round page');
  await screenshot(page, 'outcomes-1-round-opened.png');
  await signOut();
});

test('the first student rates blind, with evidence', async () => {
  await signIn('rater-a@example.org');
  assert.match(await page.locator('main').textContent(), /Synthetic round/, 'the workspace lists the round');
  await page.goto(targetPath);
  assert.match(await page.locator('main').textContent(), /Submit my ratings/);
  await noSeriousAxeViolations('rating form');
  await screenshot(page, 'outcomes-2-rating-form.png');
  await phoneShot('outcomes-2-rating-form-phone.png');
  await rate([2], 'RATER-A-REASON');
  const main = await page.locator('main').textContent();
  assert.match(main, /RATER-A-REASON/);
  assert.doesNotMatch(main, /Submit my ratings/, 'a submission is final');
  await signOut();
});

test('the second student does not see the first rating before submitting', async () => {
  await signIn('rater-b@example.org');
  await page.goto(targetPath);
  const before = await page.locator('main').textContent();
  assert.match(before, /Submit my ratings/);
  assert.doesNotMatch(before, /RATER-A-REASON/, 'blind until submitted');
  await rate([3, 2], 'RATER-B-REASON');
  const afterText = await page.locator('main').textContent();
  assert.match(afterText, /RATER-A-REASON/);
  assert.match(afterText, /RATER-B-REASON/);
  await screenshot(page, 'outcomes-3-side-by-side.png');
  await phoneShot('outcomes-3-side-by-side-phone.png');
  await signOut();
});

test('the editor sees the disagreement and reconciles every criterion', async () => {
  await signIn('chief@example.org');
  await page.goto(roundPath);
  const disagreements = page.locator('#disagreements + p + table');
  assert.ok((await disagreements.locator('tbody tr').count()) >= 1, 'a disagreement is listed');
  assert.match(await disagreements.textContent(), /R1: 2 .* R2: 3 /);
  await screenshot(page, 'outcomes-4-disagreement.png');
  await phoneShot('outcomes-4-disagreement-phone.png');
  await page.goto(targetPath);
  for (let i = 0; i < 20; i++) {
    const form = page.locator('details.reconcile[open] form').first();
    if ((await form.count()) === 0) break;
    await form.locator('select[name=level]').selectOption({ index: 2 });
    await form.locator('textarea[name=rationale]').fill('CONSENSUS-REASON: the statute requires it (synthetic test text)');
    await form.locator('select[name="source-1"]').selectOption(SOURCE);
    await form.locator('input[name="locator-1"]').fill('sec. 5');
    await Promise.all([page.waitForLoadState(), form.locator('button[type=submit]').click()]);
  }
  assert.equal(await page.locator('details.reconcile[open]').count(), 0, 'every criterion has a consensus');
  await screenshot(page, 'outcomes-5-reconciled.png');
  await page.goto(roundPath);
  assert.match(await page.locator('main').textContent(), /Every target has a consensus with evidence/);
});

test('the edition publishes, and its report has the Outcomes chapter with the assessment box', { timeout: 540000 }, async () => {
  await page.goto('/staff/editions/2018');
  // Publishing asks first, saying what it freezes.
  await Promise.all([page.waitForURL('**/staff/editions/2018/publish'), page.click('a:has-text("Publish edition 2018")')]);
  assert.match(await page.locator('main').textContent(), /cannot be undone/);
  await screenshot(page, 'outcomes-5b-publish-confirmation.png');
  await Promise.all([page.waitForURL('**/staff/editions/2018'), page.click('button:has-text("Yes, publish edition 2018")')]);
  assert.match(await page.locator('main').textContent(), /This edition is published/);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Build the report")')]);
  // The edition page refreshes itself while a build runs, which would interrupt any navigation:
  // leave it for a fresh tab (same session) and poll the page's HTML until the build is done.
  assert.deepEqual(errors, [], 'no console errors or failed requests so far');
  await page.close();
  page = await context.newPage();
  errors = watchErrors(page);
  let href = null;
  // A debug build on a busy CI machine can take minutes: wait up to eight, but stop at once with
  // the server's message when the build fails.
  const started = Date.now();
  let seen = 'no answer yet';
  while (Date.now() - started < 480000) {
    // A server that stops answering fails here within 30 s, saying where its threads wait.
    const asked = Date.now();
    let answer;
    try {
      answer = await page.request.get('/staff/editions/2018', { timeout: 30000 });
    } catch (e) {
      assert.fail(`GET /staff/editions/2018 got no answer in ${Math.round((Date.now() - asked) / 1000)} s `
        + `(${e.message.split('\n')[0]}); last seen: ${seen}\nserver threads:\n${serverThreads('outcomes-server-threads.txt')}`);
    }
    const html = await answer.text();
    seen = `status ${answer.status()} after ${Date.now() - asked} ms: ${(html.match(/Building: [^<]*/) || ['no build running'])[0]}`;
    const failed = html.match(/The last build failed:<\/p><pre>([\s\S]*?)<\/pre>/);
    assert.equal(failed, null, `the build of edition 2018 failed: ${failed?.[1]}`);
    href = (html.match(/href="([^"]*\/builds\/[^"]*\/report\.pdf)"/) || [])[1] || null;
    if (href && !html.includes('http-equiv="refresh"')) break;
    href = null;
    await new Promise((r) => setTimeout(r, 2000));
  }
  console.log(`the build of edition 2018 took about ${Math.round((Date.now() - started) / 1000)} s`);
  assert.ok(href, `a build of edition 2018 is listed and none is running (waited 8 minutes; last seen: ${seen})`);
  await page.goto('/staff/editions/2018');
  await screenshot(page, 'outcomes-6-published-and-built.png');
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  const pdf = await response.body();
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF');
  writeFileSync(path.join(ARTIFACTS, 'outcomes-report-2018.pdf'), pdf);
  const all = pdfTexts(pdf);
  assert.ok(pdfHas(all, 'Outcomes'), 'the PDF has an Outcomes chapter (in its outline)');
  assert.ok(pdfHas(all, 'Elie Wiesel'), 'the PDF names the initiative assessed');
  // Readers: the public page offers the same PDF at a stable address, with how to verify it.
  await page.goto('/editions/2018');
  assert.match(await page.locator('main').textContent(), /Read the report/);
  await page.click('summary:has-text("Verify this edition")');
  assert.match(await page.locator('details.verify').textContent(), /fingerprint/);
  await screenshot(page, 'outcomes-7-public-report-links.png');
  const publicPdf = await page.request.get('/editions/2018/report.pdf');
  assert.equal(publicPdf.status(), 200);
  assert.ok(Buffer.compare(await publicPdf.body(), pdf) === 0, 'the public PDF is the final build');
  await page.goto('/staff');
  await signOut();
});

test('the public initiative page shows the published consensus', async () => {
  await page.goto(`/initiatives/${INITIATIVE}`);
  const main = await page.locator('main').textContent();
  assert.match(main, /CONSENSUS-REASON/);
  assert.doesNotMatch(main, /RATER-A-REASON|RATER-B-REASON/, 'individual ratings stay internal');
  await noSeriousAxeViolations('initiative page');
  await screenshot(page, 'outcomes-7-public-initiative.png');
  assert.deepEqual(errors, [], 'no console errors or failed requests');
});
