// The expert-opinion essay journey (issue 20), from call to publication: an editor creates a
// synthetic edition and opens a call on its essay board, invites an author by link; the author
// submits Markdown citing an NMP source and a mechanism and embedding the report's map
// (`![…](nmp:report/map)`); an external reviewer, by link, asks for
// minor revisions; the editor sends the decision; the author revises; the editor accepts,
// copyedits and sends the proofs; the author approves them; the edition is published, its report
// built, and the essay is in the PDF with its figure (its first page rendered to PNG:
// essays-pdf-page.png) and on the website with its citation export and the metadata Zotero and Google Scholar read. People,
// edition and texts are synthetic test data, labelled so; the source and the mechanism cited are
// the starter dataset's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ARTIFACTS, launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const EDITION = 'synthetic-essays';
const EDITION_TITLE = 'Synthetic essays edition (browser test)';
const SOURCE = 'gpo-statute-132-5586';
const MECHANISM = 'ken-national-committee';
const TITLE = 'Synthetic essay: prevention at home (browser test)';
const BODY = [
  'National mechanisms bring ministries together.[^1] The statute sets duties',
  `[@${SOURCE}, sec. 5], and Kenya's committee [@mechanism:${MECHANISM}] met often.`,
  '',
  '## What remains',
  '',
  'Synthetic text written by the browser test; it states no fact.',
  '',
  "![States with a national mechanism (the report's map)](nmp:report/map)",
  '',
  '[^1]: A synthetic footnote.',
].join('\n');

let browser;
let editorContext;
let editor; // the editor's page (signed in)
let author; // the author's page (no account: a personal link)
let reviewer; // the external reviewer's page (a personal link)
const errors = [];
let authorPath;
let essayPath;

before(async () => {
  assert.ok(process.env.NMP_TEST_ESSAYS_EDITOR_LINK, 'scripts/browser-tests passes the essays editor link');
  browser = await launchBrowser();
  editorContext = await newContext(browser);
  editor = await editorContext.newPage();
  author = await (await newContext(browser)).newPage();
  reviewer = await (await newContext(browser)).newPage();
  // A step that hangs fails within a minute, naming itself, rather than at the test's timeout.
  for (const c of [editorContext, author.context(), reviewer.context()]) c.setDefaultTimeout(60000);
  for (const p of [editor, author, reviewer]) errors.push(watchErrors(p));
});

after(async () => {
  await browser?.close();
});

/** The path and query of a link as the workspace shows it (absolute, with the configured URL). */
function pathOf(link) {
  const u = new URL(link.trim(), 'http://unused.invalid/');
  return u.pathname + u.search;
}

async function noSeriousAxeViolations(page, name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

/** A screenshot at phone width (390 px), then back to the desktop size. */
async function phoneShot(page, name) {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, name);
  await page.setViewportSize(desktop);
}

/** The text of each page of `pdf` (poppler's pdftotext), and a function rendering page `n`
 * (1-based) to ARTIFACTS/`name` (pdftoppm). */
function readPdf(pdf) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nmp-essay-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').split('\f').slice(0, -1);
  const render = (n, name) => {
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', String(n), '-l', String(n), file, path.join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'));
    assert.ok(png, `pdftoppm rendered page ${n}`);
    renameSync(path.join(dir, png), path.join(ARTIFACTS, name));
  };
  return { pages, render, done: () => rmSync(dir, { recursive: true, force: true }) };
}

async function submitted(page, selector) {
  await Promise.all([page.waitForLoadState(), page.click(selector)]);
}

test('the editor creates a synthetic edition and opens a call on its essay board', async () => {
  const link = process.env.NMP_TEST_ESSAYS_EDITOR_LINK;
  assert.equal((await editor.goto(link)).status(), 200);
  await editor.fill('#password', PASSWORD);
  await editor.fill('#confirm_password', PASSWORD);
  await submitted(editor, 'button[type=submit]');
  await editor.goto('/login');
  await editor.fill('#email', 'essays-editor@example.org');
  await editor.fill('#password', PASSWORD);
  await Promise.all([editor.waitForURL('**/staff'), editor.click('button[type=submit]')]);

  await editor.goto('/staff/records/edition/new');
  await editor.fill('#f-slug', EDITION);
  await editor.fill('#f-title', EDITION_TITLE);
  await editor.selectOption('#f-kind', 'annual_report');
  await editor.selectOption('#f-status', 'drafting');
  await editor.fill('#f-licence', 'CC BY 4.0');
  await editor.selectOption('#f-language', 'en');
  await editor.fill('#f-note', 'Synthetic edition created by the browser test.');
  await submitted(editor, 'form.record button[type=submit]');
  assert.equal((await editor.goto(`/staff/editions/${EDITION}`)).status(), 200);
  await submitted(editor, `a[href="/staff/editions/${EDITION}/essays"]`);
  assert.match(await editor.locator('h1').textContent(), /Expert opinion essays/);

  await editor.fill('#f-call-title', 'Synthetic call: prevention at home');
  await editor.fill('#f-call-description', 'A synthetic call for the browser test.');
  await editor.fill('#f-call-deadline', '2099-03-01');
  await editor.selectOption('#f-call-anonymity', 'double');
  await submitted(editor, 'button:has-text("Open the call")');
  const call = editor.locator('article.call', { hasText: 'Synthetic call: prevention at home' });
  await call.locator('input[name=author_name]').fill('Synthetic Author (browser test)');
  await call.locator('input[name=author_email]').fill('essay-author@example.org');
  await submitted(editor, 'article.call button:has-text("Invite")');
  const shown = await editor.locator('#new-link').textContent();
  assert.match(shown, /\/essay\/[0-9a-f]+/, 'the author link is shown once');
  authorPath = pathOf(shown);
  const invited = editor.locator('.board-column[data-stage="invited"]');
  assert.match(await invited.textContent(), /Synthetic Author/);
  essayPath = await invited.locator('a').first().getAttribute('href');
  await screenshot(editor, 'essays-1-board.png');
});

test('the author submits Markdown citing a source and a mechanism; a bad ORCID iD is refused and nothing typed is lost', async () => {
  assert.equal((await author.goto(authorPath)).status(), 200);
  await submitted(author, 'button[value=accept]');
  await author.fill('#f-title', TITLE);
  await author.fill('#f-abstract', 'A synthetic abstract written by the browser test.');
  await author.fill('#f-keywords', 'prevention, national mechanisms');
  await author.fill('input[name=author_1_name]', 'Synthetic Author (browser test)');
  await author.fill('input[name=author_1_affiliation]', 'Synthetic Institute');
  await author.fill('input[name=author_1_orcid]', '0000-0002-1825-0098');
  await author.fill('#f-competing', 'None (synthetic).');
  await author.fill('#f-body', BODY);
  await author.check('input[name=licence_consent]');
  await submitted(author, 'section.manuscript button[value=submit]:not([hidden])');
  assert.match(await author.locator('div.error').textContent(), /ORCID|check digit/i);
  assert.equal(await author.inputValue('#f-body'), BODY, 'the text is kept');
  await screenshot(author, 'essays-2a-author-refused.png');
  // The refusal is a 422 answer, which Chromium logs as a failed resource: expected here.
  const seen = errors[1];
  seen.splice(0, seen.length, ...seen.filter((e) => !e.includes('422')));
  await author.fill('input[name=author_1_orcid]', '0000-0002-1825-0097');
  if (!(await author.isChecked('input[name=licence_consent]'))) await author.check('input[name=licence_consent]');
  await submitted(author, 'section.manuscript button[value=submit]:not([hidden])');
  assert.equal(await author.locator('#essay-stage').getAttribute('data-stage'), 'submitted');
  await screenshot(author, 'essays-2-author-submitted.png');
  await phoneShot(author, 'essays-2-author-submitted-phone.png');
  await noSeriousAxeViolations(author, "the author's page");
});

test('an external reviewer, by link, asks for minor revisions; the editor sends the decision', async () => {
  await editor.goto(essayPath);
  const cited = await editor.locator('main').textContent();
  assert.match(cited, /Kenya · [^\n]*status: /, 'the editor sees the data behind the cited mechanism');
  // The figure the essay embeds, drawn from the data as they are now.
  assert.equal(await editor.locator('figure.essay-figure svg').count(), 1, "the report's map is drawn");
  assert.match(await editor.locator('figure.essay-figure figcaption').textContent(), /^Figure 1\. States with a national mechanism/);
  await editor.locator('input[name=reviewer_name]').fill('Synthetic Reviewer (browser test)');
  await editor.locator('input[name=reviewer_email]').fill('essay-reviewer@example.org');
  await editor.locator('form[action$="/reviewers"] input[name=due_on]').fill('2099-02-01');
  await submitted(editor, 'button:has-text("Ask to review")');
  const reviewPath = pathOf(await editor.locator('#new-link').textContent());
  assert.match(reviewPath, /^\/essay-review\//);
  await screenshot(editor, 'essays-3-staff-essay.png');

  assert.equal((await reviewer.goto(reviewPath)).status(), 200);
  assert.doesNotMatch(await reviewer.locator('main').textContent(), /Synthetic Author/, 'double-anonymous');
  await reviewer.check('input[name=recommendation][value=minor_revisions]');
  await reviewer.fill('#f-to-author', 'REVIEWER-COMMENT: say when the committee met (synthetic).');
  await submitted(reviewer, 'section.review-form button[type=submit]');
  assert.match(await reviewer.locator('main').textContent(), /Your report was submitted/);
  await screenshot(reviewer, 'essays-4-review.png');

  await editor.goto(essayPath);
  await editor.check('input[name=decision][value=minor_revisions]');
  await submitted(editor, 'button:has-text("Send the decision")');
  assert.equal(await editor.locator('#essay-stage').getAttribute('data-stage'), 'revisions');
});

test('the author reads the letter and revises; the editor accepts, copyedits and sends the proofs', async () => {
  await author.goto(authorPath);
  const page = await author.locator('main').textContent();
  assert.match(page, /REVIEWER-COMMENT/, "the reviewer's comments reach the author");
  await author.fill('#f-body', BODY.replace('met often.', 'met often (synthetic: no date given).'));
  if (!(await author.isChecked('input[name=licence_consent]'))) await author.check('input[name=licence_consent]');
  await submitted(author, 'section.manuscript button[value=submit]:not([hidden])');
  assert.equal(await author.locator('#essay-stage').getAttribute('data-stage'), 'submitted');

  await editor.goto(essayPath);
  await editor.check('input[name=decision][value=accept]');
  await submitted(editor, 'button:has-text("Send the decision")');
  assert.equal(await editor.locator('#essay-stage').getAttribute('data-stage'), 'accepted');
  const text = await editor.inputValue('#f-ce-body');
  await editor.fill('#f-ce-body', text.replace('bring ministries together', 'bring ministries and agencies together'));
  await submitted(editor, 'button:has-text("Save as a new version")');
  assert.match(await editor.locator('p.notice').textContent(), /version 3/);
  await editor.goto(`${essayPath}?from=2&to=3`);
  assert.match(await editor.locator('table.diff').textContent(), /agencies/);
  await screenshot(editor, 'essays-5-copyedit-diff.png');
  await submitted(editor, 'button:has-text("Send to proofs")');
  assert.equal(await editor.locator('#essay-stage').getAttribute('data-stage'), 'proofs');
});

test('the author approves the proofs, with the copyeditor\'s changes shown', async () => {
  await author.goto(authorPath);
  assert.match(await author.locator('section.proofs table.diff').textContent(), /agencies/);
  await screenshot(author, 'essays-6-proofs.png');
  // The proofs as printed: the essay's pages of the draft report, alone.
  const proofs = await author.request.get(await author.locator('#proofs-pdf').getAttribute('href'));
  assert.equal(proofs.status(), 200);
  const pdf = readPdf(await proofs.body());
  try {
    assert.ok(pdf.pages.length >= 1 && pdf.pages.length <= 3, `the essay's pages only (${pdf.pages.length})`);
    assert.match(pdf.pages[0], /prevention at home/);
    assert.match(pdf.pages.join('\n'), /ministries and agencies/, "the copyeditor's text");
    assert.match(pdf.pages.join('\n'), /Figure 1: States with a national mechanism/, 'the embedded map, numbered');
    pdf.render(1, 'essays-6-proof-page.png');
  } finally {
    pdf.done();
  }
  await submitted(author, 'section.proofs button[value=approve]');
  assert.equal(await author.locator('#essay-stage').getAttribute('data-stage'), 'ready');
});

test('the edition is published; the essay is in the PDF (a page rendered to PNG) and on the website', { timeout: 540000 }, async () => {
  await editor.goto(`/staff/editions/${EDITION}`);
  await Promise.all([editor.waitForURL(`**/staff/editions/${EDITION}/publish`), editor.click(`a:has-text("Publish edition")`)]);
  await Promise.all([editor.waitForURL(`**/staff/editions/${EDITION}`), editor.click('button:has-text("Yes, publish edition")')]);
  assert.match(await editor.locator('main').textContent(), /This edition is published/);
  await Promise.all([editor.waitForLoadState(), editor.click('button:has-text("Build the report")')]);
  // The edition page refreshes itself while a build runs: poll its HTML from a fresh tab until
  // the build is done, stopping at once with the server's message if it fails.
  await editor.close();
  editor = await editorContext.newPage();
  errors.push(watchErrors(editor));
  let href = null;
  let seen = 'no answer yet';
  const started = Date.now();
  while (Date.now() - started < 420000) {
    const html = await (await editor.request.get(`/staff/editions/${EDITION}`, { timeout: 60000 })).text();
    seen = (html.match(/Building: [^<]*/) || html.match(/<main[\s\S]{0,600}/) || ['?'])[0];
    const failed = html.match(/The last build failed:<\/p><pre>([\s\S]*?)<\/pre>/);
    assert.equal(failed, null, `the build failed: ${failed?.[1]}`);
    href = (html.match(/href="([^"]*\/builds\/[^"]*\/report\.pdf)"/) || [])[1] || null;
    if (href && !html.includes('http-equiv="refresh"')) break;
    href = null;
    await new Promise((r) => setTimeout(r, 2000));
  }
  console.log(`the build took about ${Math.round((Date.now() - started) / 1000)} s`);
  assert.ok(href, `a build of the edition is listed (last seen: ${seen})`);
  const pdf = await (await editor.request.get(href.replaceAll('&amp;', '&'))).body();
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  writeFileSync(path.join(ARTIFACTS, 'essays-report.pdf'), pdf);
  // Find the essay's first page with poppler's pdftotext and render it with pdftoppm.
  const report = readPdf(pdf);
  try {
    const at = report.pages.findIndex((p, i) => i > 0 && p.includes('prevention at home') && p.includes('Synthetic Author'));
    assert.ok(at >= 0, 'a page of the PDF has the essay with its author');
    assert.match(report.pages.slice(at).join('\n'), /ministries and agencies/, 'the copyedited text is in the PDF');
    const figureAt = report.pages.findIndex((p, i) => i >= at && /Figure 1: States with a national mechanism/.test(p));
    assert.ok(figureAt >= 0, "the essay's figure is in the PDF");
    if (figureAt !== at) report.render(figureAt + 1, 'essays-pdf-figure-page.png');
    report.render(at + 1, 'essays-pdf-page.png');
    console.log(`the essay starts on page ${at + 1} of ${report.pages.length}; rendered to essays-pdf-page.png`);
  } finally {
    report.done();
  }
});

test('the public essay page has the metadata Zotero reads and exports its citation', async () => {
  const reader = await (await newContext(browser)).newPage();
  errors.push(watchErrors(reader));
  await reader.goto(`/editions/${EDITION}`);
  await submitted(reader, `main a:has-text("prevention at home")`);
  const meta = await reader.$$eval('meta[name^="citation_"]', (ms) => ms.map((m) => [m.name, m.content]));
  const get = (n) => meta.filter(([k]) => k === n).map(([, v]) => v);
  assert.deepEqual(get('citation_title'), [TITLE]);
  assert.deepEqual(get('citation_author'), ['Synthetic Author (browser test)']);
  assert.ok(get('citation_publication_date')[0], 'a publication date');
  const ld = JSON.parse(await reader.locator('script[type="application/ld+json"]').first().textContent());
  assert.equal(ld['@type'], 'ScholarlyArticle');
  assert.equal(await reader.locator('a.orcid[href="https://orcid.org/0000-0002-1825-0097"]').count(), 1, "the ORCID iD links to orcid.org");
  const bib = reader.locator('a[href$="cite.bib"]');
  const bibtex = await (await reader.request.get(await bib.getAttribute('href'))).text();
  assert.match(bibtex, /^@\w+\{/);
  assert.match(bibtex, /prevention at home/);
  const ris = await (await reader.request.get(await reader.locator('a[href$="cite.ris"]').getAttribute('href'))).text();
  assert.match(ris, /^TY {2}- /m);
  // The figure as published with the edition.
  assert.equal(await reader.locator('figure.essay-figure svg').count(), 1, 'the essay page shows its figure');
  assert.match(await reader.locator('figure.essay-figure figcaption').textContent(), /Figure 1\. States with a national mechanism/);
  await noSeriousAxeViolations(reader, 'the public essay page');
  await screenshot(reader, 'essays-7-public.png');
  await phoneShot(reader, 'essays-7-public-phone.png');
  assert.deepEqual(errors.flat(), [], 'no console errors or failed requests');
});
