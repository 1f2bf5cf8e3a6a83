import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium: the browser tests run against it. */
export const chromiumPath = '/usr/bin/chromium';

/** Locally the browser tests are skipped without chromium; in CI (CI=true) they must run. */
export const browserMissing = !existsSync(chromiumPath) && process.env.CI !== 'true';

/** Where the pages and screenshots of the browser tests are written. */
export const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Launches headless chromium with networking side channels off (no updates, no sync, no QUIC). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
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

/** A page's markup without its Content-Security-Policy, which would silently block a stray request the test must see. */
export function withoutCsp(markup: string): string {
  return markup.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
}

/**
 * Writes `markup` to the artifacts as `name` and opens it in a new page, logging every request
 * the page makes, so a test can assert that it requests nothing but itself.
 */
export async function openPage(
  browser: Browser,
  name: string,
  markup: string,
  viewport: { width: number; height: number } = { width: 1280, height: 1000 },
): Promise<{ page: Page; pageUrl: string; requests: string[] }> {
  const path = `${artifacts}${name}`;
  writeFileSync(path, markup);
  const pageUrl = pathToFileURL(path).href;
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { page, pageUrl, requests };
}
