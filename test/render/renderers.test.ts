import { builtinIndicators, createScorer, renderHtml, renderMarkdown, renderTable, type BatchResult } from '../../src/index';
import { demoIndicators } from '../support/demoIndicators';
import { scoreDemo } from '../support/demo';

const indicators = [...builtinIndicators, ...demoIndicators];
const hostile = '<img src=x onerror=alert(1)>|`*[x](http://evil.example)';

function hostileResult(): BatchResult {
  return createScorer({ indicators }).scoreBatch({
    asOf: '2025-06-01T00:00:00Z',
    subjects: [
      {
        id: hostile,
        identity: { names: [{ value: 'Real Name', kind: 'legal' }] },
        paymentInstructions: [{ id: 'pay-<b>1</b>', at: '2025-01-01T00:00:00Z', method: 'bank', accountHolderName: '</td><script>alert(2)</script>' }],
        documents: [{ id: 'doc-1', type: 'passport', verification: { outcome: 'failed', vendor: '"><svg onload=alert(3)>' } }],
      },
      { id: 'quiet', documents: [{ id: 'doc-2', type: 'passport', verification: { outcome: 'verified' } }] },
    ],
    events: [{ id: 'bad', subjectId: 'nobody', type: 'session', at: '2025-05-01T00:00:00Z' }],
  });
}

describe('renderTable', () => {
  const result = scoreDemo();

  it('lists every subject ranked, one line each, within 100 columns', () => {
    const text = renderTable(result, { width: 100 });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    const top = result.reports[0]!;
    const row = lines.find((l) => l.includes(` ${top.subjectId} `));
    expect(row).toMatch(/^ +1 /);
    expect(row).toContain(top.band);
    expect(row).toContain(top.reasons[0]!.indicatorId);
    expect(lines.filter((l) => /^ *\d+ w-\d\d /.test(l))).toHaveLength(result.reports.length);
  });

  it('fits narrow terminals and never goes below 60 columns', () => {
    for (const line of renderTable(result, { width: 72 }).trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(72);
    for (const line of renderTable(result, { width: 20 }).trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('counts rejected records and shows the top three risk reasons at most', () => {
    const text = renderTable(hostileResult());
    expect(text).toContain('1 record was rejected');
    const line = text.split('\n').find((l) => l.includes('demo/'))!;
    expect(line.split(', ').length).toBeLessThanOrEqual(3);
  });

  it('keeps a subject id with a line break or a terminal escape on its one line, without control characters', () => {
    const text = renderTable(createScorer({ indicators }).scoreBatch({ asOf: '2025-06-01T00:00:00Z', subjects: [{ id: 'ev\u001b[2Jil\nnext|row' }] }));
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const rows = text.split('\n').filter((l) => /^ *1 /.test(l));
    expect(rows).toEqual([expect.stringContaining('ev?[2Jil?next|row')]);
  });
});

describe('renderMarkdown', () => {
  const result = scoreDemo();

  it('writes a review packet per subject with reasons, evidence, contributions, gaps and next steps', () => {
    const md = renderMarkdown(result, { indicators });
    const top = result.reports[0]!;
    expect(md).toContain(`## Subject \`${top.subjectId}\``);
    for (const heading of [
      '### Reasons, most important first',
      '### Evidence',
      '### Contribution of each indicator',
      '### Checks with no data',
      '### Next steps',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('Hypothesis to test:');
    expect(md).toContain(`- [ ] ${top.nextSteps[0]!.action.replace(/'/g, "'")}`);
    expect(md.match(/^## Subject /gm)).toHaveLength(result.reports.length);
    const flagged = renderMarkdown(result, { indicators, detail: 'flagged' });
    expect(flagged.match(/^## Subject /gm)).toHaveLength(result.reports.filter((r) => r.band !== 'low').length);
  });

  it('keeps the candidate view neutral: no scores, evidence, indicator ids or hypotheses', () => {
    const md = renderMarkdown(result, { view: 'candidate', indicators });
    expect(md).toContain('Identity could not be verified.');
    expect(md).not.toMatch(/Hypothesis|laptop farm|demo\/|score|log-odds|acct-farm/i);
  });

  it('escapes user data so it cannot inject HTML, links or table cells', () => {
    const md = renderMarkdown(hostileResult(), { indicators });
    // Code spans show their content literally; outside them, nothing may open a tag or a link.
    expect(md).toContain("`<img src=x onerror=alert(1)>\\|'*[x](http://evil.example)`");
    const prose = md.replace(/`[^`\n]*`/g, '');
    expect(prose).not.toContain('<img');
    expect(prose).not.toContain('<script');
    expect(prose).not.toContain('](http');
    expect(md).toContain('&lt;/td&gt;&lt;script&gt;');
  });

  it('keeps every table row of the packet to the cells of its header, whatever pipes and line breaks the data holds', () => {
    const result = createScorer({ indicators }).scoreBatch({
      asOf: '2025-06-01T00:00:00Z',
      subjects: [
        {
          id: 'a|b\nc',
          documents: [{ id: 'doc|1\n| x |', type: 'passport', verification: { outcome: 'failed', vendor: 'v|e\r\nndor' } }],
        },
      ],
    });
    const md = renderMarkdown(result, { indicators });
    const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
    let header: number | undefined;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      header ??= cells(line);
      expect(cells(line), line).toBe(header);
    }
    expect(md).toContain('`doc\\|1 \\| x \\|`');
    // Outside tables a code span shows its pipes as they are, with no stray backslash.
    expect(md).toContain('## Subject `a|b c`:');
  });
});

describe('renderHtml', () => {
  const result = scoreDemo();

  it('colours and marks the charts at the bands it is given, not at fixed thresholds', () => {
    const markers = (page: string): string[] =>
      [...page.matchAll(/<text x="[^"]*" y="[^"]*" text-anchor="middle" fill="#5f6368">(\d+)<\/text>/g)].map((m) => m[1] as string);
    const byDefault = renderHtml(result, { indicators });
    const configured = renderHtml(result, { indicators, bands: { elevated: 10, high: 30, critical: 60 } });
    expect(new Set(markers(byDefault))).toEqual(new Set(['20', '50', '80']));
    expect(new Set(markers(configured))).toEqual(new Set(['10', '30', '60']));
    // Histogram bin 30-40 is elevated by default and high with these bands.
    const bin = (page: string): string | undefined => /fill="(#[0-9a-f]{6})"><title>30-40:/.exec(page)?.[1];
    expect(bin(byDefault)).toBe('#c9a227');
    expect(bin(configured)).toBe('#d9782d');
  });

  it('is one self-contained page: inline CSS and SVG, no scripts, no external references', () => {
    const html = renderHtml(result, { indicators });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('Score distribution histogram');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only absolute URL is the SVG namespace, which browsers never fetch.
    const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual([]);
    expect(html).toContain("default-src 'none'");
  });

  it('has an overview, the ranked list and a section per subject with charts, evidence, gaps and steps', () => {
    const html = renderHtml(result, { indicators, title: 'Demo' });
    expect(html).toContain('<title>Demo</title>');
    expect(html.match(/<section class="subject card"/g)).toHaveLength(result.reports.length);
    expect(html).toContain('Contribution by indicator');
    expect(html).toContain('Score by typology');
    expect(html).toContain('<h3>Evidence</h3>');
    expect(html).toContain('<h3>Checks with no data</h3>');
    expect(html).toContain('<h3>Next steps</h3>');
    expect(html).toContain('@media print');
    const flagged = renderHtml(result, { indicators, detail: 'flagged' });
    expect(flagged.match(/<section class="subject card"/g)?.length ?? 0).toBe(result.reports.filter((r) => r.band !== 'low').length);
  });

  it('escapes every piece of user data', () => {
    const html = renderHtml(hostileResult(), { indicators });
    expect(html).not.toMatch(/<img|<script|<svg onload|<b>1/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('Rejected records (1)');
  });

  it('keeps the candidate view neutral', () => {
    const html = renderHtml(result, { indicators, view: 'candidate' });
    expect(html).toContain('Identity could not be verified.');
    expect(html).not.toMatch(/Hypothesis|laptop farm|demo\/|log-odds|histogram|<svg/i);
  });

  it('renders an empty batch', () => {
    const empty = { asOf: '2025-06-01T00:00:00Z', asOfSource: 'input' as const, reports: [], rejected: [] };
    expect(renderHtml(empty)).toContain('0 subjects');
    expect(renderMarkdown(empty)).toContain('0 subjects');
    expect(renderTable(empty)).toContain('0 subjects');
  });
});
