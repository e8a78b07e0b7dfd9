// The reader's journey: home page -> a country with a mechanism -> its source notes ->
// the mechanism's own page -> a citation mark -> the bibliography entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newContext, screenshot, watchErrors, pathAndQuery } from './lib.mjs';

let browser;
let context;
let page;
let errors;

before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

/** Checks that `li#note-N` is in the "Sources" section and carries an external link; returns it. */
async function assertNote(noteId) {
  const notes = page.locator('section.notes');
  assert.equal(await notes.count(), 1, 'the page has one notes section');
  assert.equal((await notes.locator('h2').first().textContent()).trim(), 'Sources');
  const note = notes.locator(`li#${noteId}`);
  assert.equal(await note.count(), 1, `exactly one li#${noteId} in the Sources section`);
  const external = note.locator('a[rel="external"]').first();
  assert.equal(await external.count(), 1, `${noteId} has an external link`);
  assert.match(await external.getAttribute('href'), /^https?:\/\//, `${noteId}'s link is absolute`);
  assert.ok((await external.textContent()).trim().length > 0, `${noteId}'s link has text`);
  return note;
}

/** The id the document's :target element has (the fragment was followed). */
async function targetId() {
  return page.evaluate(() => document.querySelector(':target')?.id ?? null);
}

test('home page links to the countries that have a mechanism', async () => {
  const response = await page.goto('/');
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('h1').count(), 1);
  assert.match(await page.title(), /National Mechanisms/);
  await screenshot(page, 'home.png');

  const kenya = page.locator('section[aria-labelledby="with-mechanisms"] a[href="/countries/ken"]');
  assert.equal(await kenya.count(), 1, 'the home page table links Kenya');
  assert.equal((await kenya.textContent()).trim(), 'Kenya');
  await Promise.all([page.waitForURL('**/countries/ken'), kenya.click()]);
  assert.equal(pathAndQuery(page), '/countries/ken');
});

let mechanismHref;

test('country page shows its mechanism and numbered source notes', async () => {
  assert.equal((await page.locator('h1').textContent()).trim(), 'Kenya');
  assert.equal((await page.locator('#mechanisms-heading').textContent()).trim(), 'Mechanisms');

  const heading = page.locator('article.mechanism .mechanism-name').first();
  assert.equal(await heading.evaluate((el) => el.tagName), 'H2', 'the mechanism has its own heading');
  const nameLink = heading.locator('a[href^="/mechanisms/"]').first();
  mechanismHref = await nameLink.getAttribute('href');
  assert.match(mechanismHref, /^\/mechanisms\/[a-z0-9-]+$/);
  assert.match(await nameLink.textContent(), /Kenyan National Committee/);

  // A numbered citation mark pointing at a note in the Sources section.
  const cite = heading.locator('sup.cite a').first();
  const href = await cite.getAttribute('href');
  assert.match(href, /^#note-\d+$/, 'citation marks link #note-N');
  assert.equal((await cite.textContent()).trim(), href.slice('#note-'.length), 'the mark shows N');
  assert.match(await cite.getAttribute('aria-label'), /source note \d+/);
  await assertNote(href.slice(1));

  // Every citation mark on the page resolves to a note.
  const hrefs = await page.locator('sup.cite a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0);
  for (const h of new Set(hrefs)) {
    assert.equal(await page.locator(`section.notes li${h}`).count(), 1, `citation ${h} has a note`);
  }
  await screenshot(page, 'country.png');
});

test('the mechanism name links to the mechanism page', async () => {
  const nameLink = page.locator(`article.mechanism .mechanism-name a[href="${mechanismHref}"]`).first();
  await Promise.all([page.waitForURL(`**${mechanismHref}`), nameLink.click()]);
  assert.equal(pathAndQuery(page), mechanismHref);
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1);
  assert.match(await h1.textContent(), /Kenyan National Committee/);
  const crumbs = page.locator('nav.crumbs');
  assert.equal(await crumbs.locator('a[href="/countries/ken"]').count(), 1, 'breadcrumb back to Kenya');
  await screenshot(page, 'mechanism.png');
});

let bibliographyHref;

test('a citation mark leads to its note, which links to the bibliography', async () => {
  const cite = page.locator('h1 sup.cite a').first();
  const href = await cite.getAttribute('href');
  assert.match(href, /^#note-\d+$/);
  await cite.click();
  await page.waitForURL(`**${href}`);
  assert.equal(new URL(page.url()).hash, href);
  assert.equal(await targetId(), href.slice(1), 'the note is the :target');
  const note = await assertNote(href.slice(1));

  const bib = note.locator('a', { hasText: 'In the bibliography' });
  assert.equal(await bib.count(), 1);
  bibliographyHref = await bib.getAttribute('href');
  assert.match(bibliographyHref, /^\/sources#source-[a-z0-9-]+$/);
  await Promise.all([page.waitForURL(`**${bibliographyHref}`), bib.click()]);
});

test('the bibliography entry exists on /sources', async () => {
  assert.equal(pathAndQuery(page), '/sources');
  const id = bibliographyHref.split('#')[1];
  assert.equal(new URL(page.url()).hash, `#${id}`);
  const entry = page.locator(`ol.bibliography > li#${id}`);
  assert.equal(await entry.count(), 1, `li#${id} is in the bibliography`);
  assert.equal(await targetId(), id, 'the entry is the :target');
  assert.match(await entry.locator('a[rel="external"]').first().getAttribute('href'), /^https?:\/\//);
  // The entry lists the records citing it, among them the mechanism we came from.
  assert.ok(
    (await entry.locator(`a[href="${mechanismHref}"]`).count()) > 0,
    `the entry is cited by ${mechanismHref}`,
  );
  await screenshot(page, 'sources.png');
});

test('no script errors along the way', () => {
  assert.deepEqual(errors, []);
});
