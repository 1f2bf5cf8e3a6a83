import { renderHtml, renderMarkdown, renderTable, type BatchResult } from '../../src/index';
import type { Report } from '../../src/engine/report';
import { tableChunks } from '../../src/render/index';
import { scoreDemo } from '../support/demo';

const tag = '<img src=x onerror=alert(1)>';
const demo = scoreDemo();

/** A deep copy of `value` with every string and number leaf replaced by `leaf(path)`. */
function hostileCopy(value: unknown, leaf: (path: string) => unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((item, i) => hostileCopy(item, leaf, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = hostileCopy(item, leaf, path === '' ? key : `${path}.${key}`);
    return out;
  }
  return typeof value === 'string' || typeof value === 'number' ? leaf(path) : value;
}

/** A result as read back from an untrusted report JSON: every string and number leaf is hostile. */
function hostileResult(leaf: (path: string) => unknown): BatchResult {
  const base = {
    ...demo,
    reports: demo.reports.map((r) => ({ ...r, bandCapped: r.bandCapped ?? { wouldBe: 'critical', reason: 'held' } })),
    rejected: [
      { kind: 'event', index: 7, recordId: 'e7', issues: [{ path: 'type', message: 'bad' }] },
      { kind: 'subject', index: 3, issues: [{ path: '', message: 'bad' }] },
    ],
  };
  return hostileCopy(base, leaf) as BatchResult;
}

/** Tags the HTML renderer writes; anything else in the output came from data. */
const knownTags = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'p',
  'div',
  'span',
  'strong',
  'code',
  'a',
  'section',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ol',
  'ul',
  'li',
  'svg',
  'line',
  'text',
  'rect',
  'footer',
]);

/** Every tag of `html`, checked: a known name, attributes in double quotes only, none an event handler. */
function checkTags(html: string): void {
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    const name = /^<\/?([!a-zA-Z][a-zA-Z0-9-]*)/.exec(tag)?.[1]?.toLowerCase();
    expect(knownTags.has(name ?? ''), tag).toBe(true);
    expect(tag, tag).toMatch(/^<\/?[!a-zA-Z][a-zA-Z0-9-]*(\s+[a-zA-Z][a-zA-Z0-9:-]*(="[^"<]*")?)*\s*\/?>$/);
    expect(tag.replace(/="[^"]*"/g, '=""'), tag).not.toMatch(/\son[a-z]+=/i);
  }
}

/** Markdown outside code spans (a code span shows its content literally: backticks and line breaks cannot end it early). */
const outsideCode = (markdown: string): string => markdown.replace(/`[^`\n]*`/g, '');

describe('renderers on a report JSON from an untrusted source', { timeout: 60_000 }, () => {
  it.each([
    ['a tag in every field', () => tag],
    ['a number-ish tag in every field', () => `1${tag}`],
    ['a quote-breaking attribute in every field', () => `" onmouseover="alert(1)`],
    ['a single-quote and tag in every field', () => `'><svg onload=alert(1)>`],
  ])('HTML: no raw tag or attribute survives with %s, numbers and engine-derived fields included', (_name, leaf) => {
    const html = renderHtml(hostileResult(leaf), { detailLimit: 5 });
    expect(html).not.toMatch(/<(img|svg onload)/);
    checkTags(html);
    checkTags(renderHtml(hostileResult(leaf), { view: 'candidate' }));
  });

  it('HTML: the hostile text is shown, escaped', () => {
    expect(
      renderHtml(
        hostileResult(() => tag),
        { detailLimit: 5 },
      ),
    ).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each([
    ['a tag', () => tag],
    ['a number-ish tag', () => `1${tag}`],
  ])('Markdown: no raw tag survives with %s in every field, engine-derived ones included (band, family, counts, kind, index, asOf, at)', (_name, leaf) => {
    const markdown = renderMarkdown(hostileResult(leaf), { detailLimit: 5 });
    expect(outsideCode(markdown)).not.toContain('<');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(outsideCode(renderMarkdown(hostileResult(leaf), { view: 'candidate' }))).not.toContain('<');
  });

  it('table: renders a hostile report without throwing, on one line per subject', () => {
    const text = renderTable(hostileResult(() => `${tag}\n\u001b[2J`));
    expect(text).not.toMatch(/\u001b/);
    expect(text.split('\n').filter((l) => l.includes('img')).length).toBeGreaterThanOrEqual(demo.reports.length);
  });
});

describe('text printed to a terminal', { timeout: 60_000 }, () => {
  const evil = 'w-\u001b]0;PWNED\u0007\u001b[2J\u202eevil\u2066\u009b';
  const result: BatchResult = {
    ...demo,
    reports: demo.reports.map((r, i) => (i === 0 ? { ...r, subjectId: evil, reasons: r.reasons.map((x) => ({ ...x, message: evil })) } : r)),
  };

  it.each([
    ['table', () => renderTable(result)],
    ['markdown', () => renderMarkdown(result)],
    ['html', () => renderHtml(result)],
    ['markdown candidate', () => renderMarkdown(result, { view: 'candidate' }).replace(/\\/g, '')],
    ['html candidate', () => renderHtml(result, { view: 'candidate' })],
  ])('%s carries no ESC, BEL, C1 or bidi override character', (_name, render) => {
    const text = render();
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('?]0;PWNED??[2J?evil??');
  });
});

describe('large populations in the human formats', { timeout: 60_000 }, () => {
  const many = (count: number): Report[] => {
    const out: Report[] = [];
    for (let i = 0; i < count; i++) out.push({ ...(demo.reports[i % demo.reports.length] as Report), subjectId: `s-${i}` });
    return out;
  };

  it('renderTable lists 200,000 subjects without overflowing the stack', () => {
    let rows = 0;
    for (const line of tableChunks({ ...demo, reports: many(200_000) })) if (/^ *\d+ s-\d+ /.test(line)) rows++;
    expect(rows).toBe(200_000);
  }, 120_000);

  it('HTML: full detail for the highest-ranked subjects up to the limit, a compact row for the rest, and says so', () => {
    const reports = many(1_500);
    const html = renderHtml({ ...demo, reports });
    expect(html.match(/<section class="subject card"/g)).toHaveLength(1_000);
    expect(html.match(/<tr><td class="num">\d+<\/td>/g)).toHaveLength(1_500);
    expect(html).toContain('Detail sections are shown for the 1000 highest-ranked of 1500 subjects');
    expect(html).toContain('id="s-1000"');
    expect(html).not.toContain('id="s-1001"');
    const small = renderHtml({ ...demo, reports }, { detailLimit: 10 });
    expect(small.match(/<section class="subject card"/g)).toHaveLength(10);
    expect(renderHtml(demo)).not.toContain('Detail sections are shown for');
  });

  it('Markdown: packets for the highest-ranked subjects up to the limit, the summary table for everyone', () => {
    const reports = many(1_200);
    const markdown = renderMarkdown({ ...demo, reports }, { detailLimit: 20 });
    expect(markdown.match(/^## Subject /gm)).toHaveLength(20);
    expect(markdown.match(/^\| \d+ \| `s-\d+` \|/gm)).toHaveLength(1_200);
    expect(markdown).toContain('Packets are given for the 20 highest-ranked of 1200 subjects');
    expect(renderMarkdown({ ...demo, reports }).match(/^## Subject /gm)).toHaveLength(1_000);
  });
});
