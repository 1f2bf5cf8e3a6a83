import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { backtest, builtinIndicators, renderBacktestHtml, type ScorerConfig } from '../../src/index';
import { artifacts, browserMissing, launchBrowser, openPage, withoutCsp } from '../support/browser';
import { loadDemo } from '../support/demo';

// Opens the backtest page of the demo population (its outcomes and a candidate config) in
// Debian's chromium: the plots render, the tables match the result, and nothing is fetched.
const demoDir = new URL('../../examples/demo/', import.meta.url);

describe.skipIf(browserMissing)('backtest page in a real browser', () => {
  let browser: Browser;
  const outcomes = readFileSync(new URL('outcomes.ndjson', demoDir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const { recordType: _recordType, ...outcome } = JSON.parse(l) as Record<string, unknown>;
      return outcome;
    });
  const candidate = JSON.parse(readFileSync(new URL('candidate-config.json', demoDir), 'utf8')) as ScorerConfig;
  const result = backtest(loadDemo(), outcomes, { indicators: builtinIndicators, configs: [{ name: 'current' }, { name: 'candidate', config: candidate }] });
  const html = renderBacktestHtml(result, { title: 'Demo backtest' });

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the summary, the ROC curve, the reliability diagram, histograms and decision changes, and fetches nothing', async () => {
    expect(result.rejectedOutcomes).toEqual([]);
    const { page, pageUrl, requests } = await openPage(browser, 'backtest-report.html', withoutCsp(html), { width: 1200, height: 1000 });

    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Demo backtest');
    expect(await page.locator('#summary tbody tr').count()).toBe(2);
    expect(await page.locator('#summary tbody tr').first().innerText()).toContain((result.runs[0]?.auc?.auc ?? 0).toFixed(3));
    for (const name of ['ROC curve', 'Reliability diagram', 'Score histogram by outcome: current', 'Score histogram by outcome: candidate']) {
      const plot = page.getByRole('img', { name });
      expect(await plot.isVisible()).toBe(true);
      const box = await plot.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
    }
    // One ROC line per configuration, starting at (0, 0).
    expect(await page.locator('svg[aria-label="ROC curve"] polyline').count()).toBe(2);
    // Every labelled subject appears in some histogram bar of the current configuration.
    const barTitles = await page.locator('svg[aria-label="Score histogram by outcome: current"] rect title').allTextContents();
    const barTotal = barTitles.reduce((n, t) => n + Number(t.split(': ').pop()), 0);
    expect(barTotal).toBe(result.counts.confirmed + result.counts.cleared);
    expect(await page.locator('#changes tbody tr').count()).toBe(result.changes.length);
    expect(result.changes.length).toBeGreaterThan(0);
    expect(await page.locator('script').count()).toBe(0);
    await page.screenshot({ path: `${artifacts}backtest-report.png`, fullPage: true });
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps a Content-Security-Policy that forbids any fetch', async () => {
    const { page, pageUrl, requests } = await openPage(browser, 'backtest-report-csp.html', html);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");
    expect(requests).toEqual([pageUrl]);
    await page.close();
  }, 60_000);
});
