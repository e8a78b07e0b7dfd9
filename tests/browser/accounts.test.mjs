// Accounts and two-factor sign-in in the browser: an administrator sets their password from their
// one-time link, creates an account on /staff/accounts, and the newcomer sets a password from the
// link the page showed; then the administrator switches two-factor sign-in on (reading the key
// from the page and computing the code as an authenticator app does) and signs in again with a
// recovery code at the second step. Every name and email here is synthetic test data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, watchErrors } from './lib.mjs';

const PASSWORD = 'a synthetic test password';
const NEWCOMER = 'newcomer@example.org';

let browser;
let context;
let page;
let errors;
let recoveryCodes = [];

/** RFC 4648 base32, spaces ignored. */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(c);
    assert.ok(index >= 0, `${c} is base32`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 6238 code (HMAC-SHA-1, 6 digits, 30 s) of a base32 key at `seconds`. */
function totp(key, seconds = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac('sha1', base32Decode(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

before(async () => {
  assert.ok(process.env.NMP_TEST_ADMIN_LINK, 'scripts/browser-tests passes the administrator link');
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  errors = watchErrors(page);
});

after(async () => {
  await browser?.close();
});

async function setPassword(p, link) {
  assert.equal((await p.goto(link)).status(), 200);
  await p.fill('#password', PASSWORD);
  await p.fill('#confirm_password', PASSWORD);
  await Promise.all([p.waitForLoadState(), p.click('button[type=submit]')]);
  assert.match(await p.locator('h1').textContent(), /Password set/);
}

async function typePassword(p, email) {
  await p.goto('/login');
  await p.fill('#email', email);
  await p.fill('#password', PASSWORD);
  await Promise.all([p.waitForLoadState(), p.click('button[type=submit]')]);
}

async function noSeriousAxeViolations(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
}

test('the code helper gives RFC 6238 test vectors', () => {
  const key = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  assert.equal(totp(key, 59), '287082');
  assert.equal(totp(key, 1111111109), '081804');
  assert.equal(totp(key, 2000000000), '279037');
});

test('an administrator creates an account and the newcomer sets a password from its link', async () => {
  await setPassword(page, process.env.NMP_TEST_ADMIN_LINK);
  await typePassword(page, 'admin@example.org');
  assert.equal(new URL(page.url()).pathname, '/staff');
  await Promise.all([page.waitForLoadState(), page.click('nav.staff a[href="/staff/accounts"]')]);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Accounts');
  await page.fill('#f-name', 'Synthetic newcomer (browser test)');
  await page.fill('#f-email', NEWCOMER);
  await page.selectOption('#f-role', 'researcher');
  await Promise.all([page.waitForLoadState(), page.click('form.record button[type=submit]')]);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Account created');
  const link = (await page.locator('main code').first().textContent()).trim();
  assert.match(link, /\/set-password\/[0-9a-f]{64}$/);
  await screenshot(page, 'accounts-created.png');
  await noSeriousAxeViolations('the new account page');

  const newcomer = await (await newContext(browser)).newPage();
  await setPassword(newcomer, new URL(link).pathname);
  await typePassword(newcomer, NEWCOMER);
  assert.equal(new URL(newcomer.url()).pathname, '/staff');

  await page.goto('/staff/accounts');
  const row = page.locator('tr', { hasText: NEWCOMER });
  assert.match(await row.textContent(), /Researcher/);
  assert.doesNotMatch(await row.textContent(), /never/, 'the newcomer has signed in');
  await screenshot(page, 'accounts-list.png');
  await noSeriousAxeViolations('the accounts list');
});

test('the administrator switches two-factor sign-in on', async () => {
  await page.goto('/account/two-factor');
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Set up two-factor sign-in")')]);
  const qr = page.locator('img.qr');
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 100), 'the QR code is drawn');
  await screenshot(page, 'two-factor-setup.png');
  await noSeriousAxeViolations('the set-up page');
  const key = (await page.locator('li', { hasText: 'Key (type it' }).locator('code').textContent()).trim();
  await page.fill('#code', totp(key));
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Confirm and switch on")')]);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Your recovery codes');
  recoveryCodes = await page.locator('ol.recovery-codes code').allTextContents();
  assert.equal(recoveryCodes.length, 10);
  await screenshot(page, 'two-factor-recovery-codes.png');
});

test('signing in again asks for a code after the password', async () => {
  await Promise.all([page.waitForLoadState(), page.goto('/account')]);
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('button:has-text("Sign out")')]);
  await typePassword(page, 'admin@example.org');
  assert.equal(new URL(page.url()).pathname, '/login/code');
  assert.equal((await page.goto('/staff')).url().endsWith('/login'), true, 'the password alone opens nothing');
  await page.goto('/login/code');
  await page.fill('#code', '000000x');
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  assert.match(await page.locator('p.error').textContent(), /not correct/);
  await screenshot(page, 'two-factor-wrong-code.png');
  await noSeriousAxeViolations('the code page');
  await page.fill('#code', recoveryCodes[0]);
  await Promise.all([page.waitForURL('**/staff'), page.click('button[type=submit]')]);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Your workspace');
  assert.deepEqual(errors, []);
});
