import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { builtinIndicators, renderHtml } from '../../src/index';
import { scoreDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';

// Opens the HTML report of the demo population in Debian's chromium and checks what a reviewer
// sees, that the page requests nothing but itself, and that it prints one subject per page.
// Locally it is skipped without /usr/bin/chromium; in CI (CI=true) it must run.
const executablePath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

describe.skipIf(!existsSync(executablePath) && process.env.CI !== 'true')('HTML report in a real browser', () => {
  let browser: Browser;
  const result = scoreDemo();
  const html = renderHtml(result, { indicators: [...builtinIndicators, ...demoIndicators], title: 'redflags demo report' });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the overview, the ranked list and the subject sections, and requests nothing but itself', async () => {
    // The report's Content-Security-Policy would silently block a stray request; remove it here so
    // that any request the markup makes shows up in the log below.
    const path = `${artifacts}html-report.html`;
    writeFileSync(path, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    const pageUrl = pathToFileURL(path).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pageUrl, { waitUntil: 'load' });

    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('redflags demo report');
    expect(await page.getByRole('heading', { name: 'Score distribution' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Score distribution histogram' }).isVisible()).toBe(true);
    expect(await page.locator('#ranking tbody tr').count()).toBe(result.reports.length);
    const top = result.reports[0]!;
    const firstRow = await page.locator('#ranking tbody tr').first().innerText();
    expect(firstRow).toContain(top.subjectId);
    expect(firstRow).toContain(top.band);
    expect(await page.locator('section.subject').count()).toBe(result.reports.length);
    const section = page.locator('section.subject').first();
    expect(await section.getByRole('img', { name: 'Contribution by indicator' }).isVisible()).toBe(true);
    expect(await section.getByRole('heading', { name: 'Next steps' }).isVisible()).toBe(true);
    expect(await section.innerText()).toContain(top.reasons[0]!.message.slice(0, 40));
    expect(await page.locator('script').count()).toBe(0);

    // Links inside the page are fragments: following one requests nothing.
    await page.locator('#ranking tbody tr a').first().click();
    expect(new URL(page.url()).hash).toBe('#s-1');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}html-report.png` });
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const breakBefore = await section.evaluate((el) => getComputedStyle(el).breakBefore);
    expect(breakBefore).toBe('page');
    await page.close();
  }, 60_000);

  it('keeps its Content-Security-Policy, which forbids any fetch', async () => {
    const path = `${artifacts}html-report-csp.html`;
    writeFileSync(path, html);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path).href);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(requests).toEqual([pathToFileURL(path).href]);
    await page.close();
  }, 60_000);
});
