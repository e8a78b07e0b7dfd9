// The watchlist journey (issue 26, part 5): a staff person sets a password from their one-time
// link, follows Kenya from its country page, an Early Warning Project release in which Kenya
// enters the top 30 is imported with `nmp import ewp` (against the server's database, as an
// operator would), and the alert appears on /staff, where it is marked as read. Then the
// risk–capacity gap monitor (/risk) shows that release, is scanned with axe (no serious
// violations) and photographed at 1366 and 390 px. The two releases are generated here and are
// SYNTHETIC TEST DATA in the EWP 2024 layout (made-up risks, fictional years 2031 and 2032).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors, writeArtifact } from './lib.mjs';

const PASSWORD = 'a synthetic test password';

// 35 states (names and COW codes as in data/reference/ewp-crosswalk.csv), in rank order; Kenya
// is 31st, just outside the top 30, in the first release.
const STATES = [
  ['Chad', 483], ['Sudan', 625], ['Burma/Myanmar', 775], ['Pakistan', 770], ['India', 750],
  ['Ethiopia', 530], ['Afghanistan', 700], ['Guinea', 438], ['Somalia', 520], ['Nigeria', 475],
  ['Mali', 432], ['Niger', 436], ['Iraq', 645], ['Syria', 652], ['Yemen', 679],
  ['Uganda', 500], ['Burundi', 516], ['Rwanda', 517], ['Angola', 540], ['Mozambique', 541],
  ['Cameroon', 471], ['Egypt', 651], ['Iran', 630], ['China', 710], ['Laos', 812],
  ['Cambodia', 811], ['Thailand', 800], ['Philippines', 840], ['Indonesia', 850], ['Bangladesh', 771],
  ['Kenya', 501], ['Ghana', 452], ['Senegal', 433], ['Peru', 135], ['Chile', 155],
];

let browser;
let context;
let page;
let errors;
let work;

/** Writes a synthetic release for first forecast year `y` with Kenya at `kenyaRank`; its folder. */
function release(y, kenyaRank) {
  const order = STATES.slice();
  const [kenya] = order.splice(30, 1);
  order.splice(kenyaRank - 1, 0, kenya);
  const lines = [`"","ewp_name","risk.${y}and${y + 1}.from${y - 1}","rank.${y}and${y + 1}.from${y - 1}","ccode"`];
  order.forEach(([name, code], i) => {
    lines.push(`"${i + 1}","${name}",${(0.2 - 0.005 * i).toFixed(4)},${i + 1},${code}`);
  });
  const dir = path.join(work, `ewp-${y}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, `final_forecasts_data_1Oct${y}.csv`), `${lines.join('\n')}\n`);
  return dir;
}

/** Runs `nmp import ewp DIR` against the server's database; its standard output. */
function importRelease(dir) {
  // `nmp` refuses NMP_* variables it does not know: pass none of the test's own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NMP_')));
  env.NMP_LOG = 'warn';
  return execFileSync(process.env.NMP_TEST_BIN, ['--database-url', process.env.NMP_TEST_DATABASE_URL, 'import', 'ewp', dir], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
}

async function noSeriousAxeViolations(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  writeArtifact(`axe-${name}.json`, results.violations);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

before(async () => {
  assert.ok(process.env.NMP_TEST_WATCHER_LINK, 'scripts/browser-tests passes the watcher link');
  assert.ok(process.env.NMP_TEST_BIN && process.env.NMP_TEST_DATABASE_URL, 'scripts/browser-tests passes the binary and the database');
  work = mkdtempSync(path.join(tmpdir(), 'nmp-watchlist-'));
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a staff person follows Kenya from its country page', async () => {
  importRelease(release(2031, 31));
  assert.equal((await page.goto(process.env.NMP_TEST_WATCHER_LINK)).status(), 200);
  await page.fill('#password', PASSWORD);
  await page.fill('#confirm_password', PASSWORD);
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  await page.goto('/login');
  await page.fill('#email', 'watcher@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/staff'), page.click('button[type=submit]')]);

  await page.goto('/countries/ken');
  await Promise.all([page.waitForURL('**/staff/watchlist?follow=KEN'), page.click('p.watch a')]);
  assert.equal(await page.locator('#f-target').inputValue(), 'KEN');
  await page.fill('#f-min_rise', '0.01');
  await Promise.all([page.waitForURL('**/staff/watchlist'), page.click('form.record button[type=submit]')]);
  assert.match(await page.locator('#following ~ table').textContent(), /Kenya/);
});

test('importing a release in which Kenya enters the top 30 alerts them on /staff', async () => {
  const out = importRelease(release(2032, 12));
  assert.match(out, /watchlist alerts: 2/, out);
  assert.match(out, /mailed watcher@example\.org \(outbox\)/, out);
  // The server sees another process's writes within half a second (the audit head is polled).
  let panel = '';
  for (let i = 0; i < 20; i += 1) {
    await page.goto('/staff');
    panel = await page.locator('section[aria-labelledby="watchlist-alerts"]').textContent();
    if (/Kenya entered the top 30/.test(panel)) break;
    await page.waitForTimeout(250);
  }
  assert.match(panel, /Kenya entered the top 30 in Early Warning Project, ewp-2032 \(forecast 2032–2033\): rank 12, was 31 in ewp-2031\./);
  assert.match(panel, /Kenya's two-year risk rose to 14\.5%/);
  await screenshot(page, 'watchlist-staff-alert.png');
  await noSeriousAxeViolations('staff-with-alerts');
  await Promise.all([page.waitForURL('**/staff'), page.click('section[aria-labelledby="watchlist-alerts"] > form button')]);
  assert.match(await page.locator('section[aria-labelledby="watchlist-alerts"]').textContent(), /No unread alerts/);
});

test('/risk shows the release with its flags, passes axe, and reads at 1366 and 390 px', async () => {
  await page.goto('/risk');
  assert.equal(await page.locator('#f-source').inputValue(), 'ewp-2032');
  const chad = page.locator('table.risk-gap tbody tr').first();
  assert.match(await chad.textContent(), /Chad/);
  assert.equal(await chad.getAttribute('class'), 'flagged');
  const kenya = page.locator('table.risk-gap tbody tr', { hasText: 'Kenya' });
  assert.match(await kenya.textContent(), /rising/);
  await noSeriousAxeViolations('risk');
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, 'risk-1366.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'risk-390.png');
  assert.deepEqual(errors, []);
  // A bad source: the form again with the problem, not an error page.
  const bad = await page.goto('/risk?source=ewp-1900');
  assert.equal(bad.status(), 400);
  assert.match(await page.locator('#source-problem').textContent(), /is not one of the forecasts/);
  assert.equal(await page.locator('#f-source').count(), 1);
});
