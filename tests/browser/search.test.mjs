// Search (issue 21): a reader types "prévention" in the header's search box and finds the
// national committees of the DR Congo and the Central African Republic, with the word
// highlighted in their snippets; the page has no serious accessibility violation and is looked
// at on a desktop and a phone. Then an editor uploads a PDF built by this test (labelled
// synthetic) with a known phrase on page 3, searches the phrase in the workspace, and the hit
// links to page 3 of the file. With the script, the header box suggests hits as one types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const PHRASE = 'quillforth protocol';
const SOURCE = 'i-gmap-natmec';

let browser;
let context;
let page;
let errors;

before(async () => {
  assert.ok(process.env.NMP_TEST_SEARCHER_LINK, 'scripts/browser-tests passes the searcher link');
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

/** A PDF of one line of Helvetica text per page, built here (synthetic test data). */
function pdfWithPages(lines) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = lines.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${lines.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  lines.forEach((line, i) => {
    const stream = `BT /F1 12 Tf 72 720 Td (${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  let out = '%PDF-1.4\n% Synthetic test document (NMP browser test)\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function noSeriousAxeViolations(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

test('with the script, the header box suggests hits as one types; arrow and Enter open one', async () => {
  await page.goto('/countries');
  await page.locator('#site-search-q').pressSequentially('prévention', { delay: 20 });
  const options = page.locator('#search-suggestions li[role=option]');
  await options.first().waitFor();
  assert.equal(await page.getAttribute('#site-search-q', 'aria-expanded'), 'true');
  const urls = await options.evaluateAll((els) => els.map((e) => e.dataset.url));
  assert.ok(urls.length >= 2 && urls.length <= 6, `between 2 and 6 suggestions: ${urls}`);
  // The suggestions are the search's own first hits, in its order.
  const api = await (await page.request.get('/api/v1/search?limit=6&q=' + encodeURIComponent('prévention'))).json();
  const expected = api.groups.flatMap((g) => g.hits.map((h) => h.url)).slice(0, 6);
  assert.deepEqual(urls, expected);
  await noSeriousAxeViolations('/countries with suggestions open');
  await page.press('#site-search-q', 'ArrowDown');
  assert.equal(await page.getAttribute('#site-search-q', 'aria-activedescendant'), 'search-suggestions-0');
  await Promise.all([page.waitForURL((u) => u.pathname === new URL(urls[0], 'http://x').pathname), page.press('#site-search-q', 'Enter')]);
});

test('a reader searches "prévention" from the header and finds the two committees, highlighted', async () => {
  await page.goto('/');
  await page.fill('#site-search-q', 'prévention');
  await Promise.all([page.waitForURL('**/search?q=*'), page.press('#site-search-q', 'Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'prévention');
  const group = page.locator('#kind-mechanism');
  for (const slug of ['cod-national-committee', 'caf-national-committee']) {
    const hit = group.locator(`li.hit:has(a[href="/mechanisms/${slug}"])`);
    assert.equal(await hit.count(), 1, `${slug} is a hit`);
    const marks = await hit.locator('.snippet mark').allTextContents();
    assert.ok(marks.some((m) => m.toLowerCase() === 'prévention'), `${slug}: highlighted ${marks}`);
  }
  // A facet link narrows the hits to one country.
  await Promise.all([page.waitForLoadState(), page.click('.facets a[href*="country=CAF"]')]);
  assert.equal(await page.locator('#kind-mechanism a[href="/mechanisms/caf-national-committee"]').count(), 1);
  assert.equal(await page.locator('a[href="/mechanisms/cod-national-committee"]').count(), 0);
  await page.goBack();
  await noSeriousAxeViolations('/search');
  await screenshot(page, 'search-1366.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'search-390.png');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, [], 'no console errors');
});

test('an editor uploads a PDF and the workspace search links the phrase to its page 3', async () => {
  assert.equal((await page.goto(process.env.NMP_TEST_SEARCHER_LINK)).status(), 200);
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm_password', PASSWORD);
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  await page.goto('/login');
  await page.fill('#email', 'searcher@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/staff'), page.click('button[type=submit]')]);

  await page.goto('/staff/sources');
  const pdf = pdfWithPages([
    'Synthetic test report (NMP browser test), page one',
    'Page two holds nothing to find',
    `On page three the committee adopted the ${PHRASE}`,
  ]);
  await page.setInputFiles(`#f-${SOURCE}`, { name: 'synthetic-report.pdf', mimeType: 'application/pdf', buffer: pdf });
  await Promise.all([page.waitForLoadState(), page.click(`form:has(#f-${SOURCE}) button[type=submit]`)]);
  assert.match(page.url(), /\/staff\/sources#source-i-gmap-natmec$/);

  await page.fill('#staff-search-q', `"${PHRASE}"`);
  await Promise.all([page.waitForURL('**/staff/search?q=*'), page.press('#staff-search-q', 'Enter')]);
  const hit = page.locator('#kind-document li.hit').first();
  assert.equal(await hit.locator('a.hit-title').getAttribute('href'), `/sources/${SOURCE}/archive#page=3`);
  assert.match(await hit.locator('a.hit-title').textContent(), /synthetic-report\.pdf, page 3/);
  assert.deepEqual(await hit.locator('.snippet mark').allTextContents(), ['quillforth', 'protocol']);
  await noSeriousAxeViolations('/staff/search');
  await screenshot(page, 'staff-search-1366.png');
  const download = await page.request.get(`/sources/${SOURCE}/archive`);
  assert.equal(download.headers()['content-type'], 'application/pdf', 'the link opens the PDF');
});
