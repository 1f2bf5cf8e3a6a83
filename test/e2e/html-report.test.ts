import type { Browser } from 'playwright-core';
import { builtinIndicators, createScorer, renderHtml, scoreTimeline, type Timeline } from '../../src/index';
import { artifacts, browserMissing, launchBrowser, openPage, withoutCsp } from '../support/browser';
import { loadDemo, scoreDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';

// Opens the HTML report of the demo population in Debian's chromium and checks what a reviewer
// sees, that the page requests nothing but itself, and that it prints one subject per page.
// Locally it is skipped without /usr/bin/chromium; in CI (CI=true) it must run.

describe.skipIf(browserMissing)('HTML report in a real browser', () => {
  let browser: Browser;
  const result = scoreDemo();
  // The score over time, weekly from January to asOf, of the highest-ranked subject whose band rose in that time.
  const demo = loadDemo();
  const timelineScorer = createScorer({ indicators: [...builtinIndicators, ...demoIndicators] });
  const timelineOf = (subjectId: string): Timeline => {
    const own = (e: unknown): boolean => (e as { subjectId?: unknown }).subjectId === subjectId;
    return scoreTimeline(
      timelineScorer,
      demo.subjects.find((s) => (s as { id?: unknown }).id === subjectId),
      {
        events: (demo.events ?? []).filter(own),
        population: { subjects: demo.subjects, events: (demo.events ?? []).filter((e) => !own(e)) },
        ...(demo.watchlists !== undefined ? { watchlists: demo.watchlists } : {}),
        ...(demo.reference !== undefined ? { reference: demo.reference } : {}),
      },
      { from: '2025-01-05T00:00:00Z', to: result.asOf, every: '7d' },
    );
  };
  let rank = 0;
  let timeline = timelineOf(result.reports[0]!.subjectId);
  while (timeline.rises.length === 0 && rank < 5) timeline = timelineOf(result.reports[++rank]!.subjectId);
  const plotted = result.reports[rank]!;
  const html = renderHtml(result, { indicators: [...builtinIndicators, ...demoIndicators], title: 'redflags demo report', timelines: [timeline] });

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the overview, the ranked list and the subject sections, and requests nothing but itself', async () => {
    // The report's Content-Security-Policy would silently block a stray request; remove it here so
    // that any request the markup makes shows up in the log below.
    const { page, pageUrl, requests } = await openPage(browser, 'html-report.html', withoutCsp(html));

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

  it("plots a subject's score over time in its section, marking where the band rose and which evidence made it rise", async () => {
    const { page } = await openPage(browser, 'html-report-timeline.html', withoutCsp(html));
    const section = page.locator(`#s-${rank + 1}`);
    const plot = section.getByRole('img', { name: 'Score timeline' });
    expect(await plot.isVisible()).toBe(true);
    expect((await plot.boundingBox())?.width).toBeGreaterThan(200);
    expect(await plot.locator('circle').count()).toBe(timeline.points.length);
    expect(timeline.subjectId).toBe(plotted.subjectId);
    expect(await section.innerText()).toContain(plotted.subjectId);
    expect(timeline.rises.length).toBeGreaterThan(0);
    expect(await plot.locator('line.rise').count()).toBe(timeline.rises.length);
    const listed = await section.locator('ul.rises li').allInnerTexts();
    expect(listed).toHaveLength(timeline.rises.length);
    for (const [i, rise] of timeline.rises.entries()) for (const id of rise.reasons) expect(listed[i]).toContain(id);
    // Only the section given a timeline has a plot.
    expect(await page.getByRole('img', { name: 'Score timeline' }).count()).toBe(1);
    await plot.screenshot({ path: `${artifacts}html-report-timeline.png` });
    await page.close();
  }, 120_000);

  it('keeps its Content-Security-Policy, which forbids any fetch', async () => {
    const { page, pageUrl, requests } = await openPage(browser, 'html-report-csp.html', html);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(requests).toEqual([pageUrl]);
    await page.close();
  }, 60_000);
});
