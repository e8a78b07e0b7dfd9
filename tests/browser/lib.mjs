// Shared helpers for the browser tests (run by scripts/browser-tests).
//
// NMP_BASE_URL      the running `nmp serve`, e.g. http://127.0.0.1:40123/ (required)
// NMP_ARTIFACTS     where screenshots and reports go (default: target/browser-artifacts)
// NMP_CHROMIUM      the Chromium binary (default: /usr/bin/chromium, Debian's package)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const rawBase = process.env.NMP_BASE_URL;
if (!rawBase) {
  throw new Error('NMP_BASE_URL is not set: run these tests with scripts/browser-tests');
}

/** The site's root URL, always with a trailing slash. */
export const BASE_URL = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;

/** Absolute URL of a site path such as `/countries`. */
export function url(pathname) {
  return new URL(pathname, BASE_URL).toString();
}

/** The artifacts directory (created on first use). */
export const ARTIFACTS = path.resolve(process.env.NMP_ARTIFACTS || 'target/browser-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Launches the system Chromium headless; Playwright never downloads a browser here. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.NMP_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new browser context that may only reach the site under test: any request to another
 * origin (an external source link, say) is aborted, so the tests never touch the network.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const origin = new URL(BASE_URL).origin;
  await context.route('**/*', (route) => {
    let requestOrigin;
    try {
      requestOrigin = new URL(route.request().url()).origin;
    } catch {
      requestOrigin = null;
    }
    return requestOrigin === origin ? route.continue() : route.abort('blockedbyclient');
  });
  return context;
}

/** Records uncaught page errors and console errors, to assert that there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  return errors;
}

/** Full-page screenshot into the artifacts directory; returns its path. */
export async function screenshot(page, name) {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Writes a JSON report into the artifacts directory; returns its path. */
export function writeArtifact(name, data) {
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** The current page's path and query, e.g. `/countries?region=africa`. */
export function pathAndQuery(page) {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
}

/**
 * Where the server's threads wait, when it stopped answering (`NMP_TEST_SERVER_PID`, set by
 * scripts/browser-tests, and gdb on this machine): written to ARTIFACTS/`name` and returned as a
 * short summary for the failing assertion, so that a hang is diagnosed from the run that saw it.
 */
export function serverThreads(name = 'server-threads.txt') {
  const pid = process.env.NMP_TEST_SERVER_PID;
  if (!pid) return '(NMP_TEST_SERVER_PID is not set)';
  const out = spawnSync('gdb', ['-p', pid, '-batch', '-ex', 'thread apply all bt 12'], {
    encoding: 'utf8',
    timeout: 60000,
  });
  if (out.error) return `(gdb could not run: ${out.error.message})`;
  writeFileSync(path.join(ARTIFACTS, name), `${out.stdout}\n${out.stderr}`);
  const frames = out.stdout
    .split('\n')
    .filter((l) => /^Thread| in (nmp|tokio|sqlx|tantivy)[a-z_]*::/.test(l))
    .map((l) => l.slice(0, 200));
  return frames.slice(0, 120).join('\n');
}
