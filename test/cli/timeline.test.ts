import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createScorer, scoreTimeline, type Timeline } from '../../src/index';
import { demoPath } from '../support/demo';
import { run } from './run';

const dir = fileURLToPath(new URL('../../test-artifacts/cli-timeline/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = (name: string, text: string): string => {
  writeFileSync(`${dir}${name}`, text);
  return `${dir}${name}`;
};

const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as {
  asOf: string;
  subjects: { id: string }[];
  events: { subjectId: string; at: string }[];
  watchlists: unknown[];
  reference: unknown;
};
const to = demo.asOf;
const from = new Date(Date.parse(to) - 60 * 86_400_000).toISOString();
const range = ['--from', from, '--to', to, '--every', 'P7D'];

describe('redflags timeline', () => {
  let top = '';
  beforeAll(async () => {
    top = JSON.parse((await run(['score', demoPath, '--format', 'json'])).stdout).reports[0].subjectId;
  }, 120_000);

  it('gives, for --subject, exactly the library timeline of that subject', async () => {
    const result = await run(['timeline', demoPath, '--subject', top, ...range, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    const subject = demo.subjects.find((s) => s.id === top);
    const expected = scoreTimeline(
      createScorer(),
      subject,
      { population: { subjects: demo.subjects, events: demo.events }, watchlists: demo.watchlists, reference: demo.reference } as never,
      { from, to, every: '7d' },
    );
    expect(output.timelines).toEqual([JSON.parse(JSON.stringify(expected))]);
    expect(output.timelines[0].points).toHaveLength(9);
    expect(output).toMatchObject({ from, to, every: 'P7D', asOf: output.timelines[0].points.at(-1).at, rejected: [] });
  }, 120_000);

  it('follows every subject by default, in ndjson one timeline a line, and as a table', async () => {
    const ndjson = await run(['timeline', demoPath, ...range, '--format', 'ndjson']);
    expect(ndjson.code).toBe(0);
    const timelines = ndjson.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Timeline);
    expect(timelines.map((t) => t.subjectId).sort()).toEqual(demo.subjects.map((s) => s.id).sort());
    const table = await run(['timeline', demoPath, '--subject', top, ...range, '--format', 'table']);
    expect(table.code).toBe(0);
    const mine = timelines.find((t) => t.subjectId === top) as Timeline;
    expect(table.stdout).toContain(`subject ${top}`);
    for (const p of mine.points) expect(table.stdout).toContain(p.at);
    for (const rise of mine.rises) expect(table.stdout).toContain(`rose ${rise.at}: ${rise.from} -> ${rise.to}`);
  }, 120_000);

  it('writes the report of the last instant as html, with a timeline plot per subject', async () => {
    const result = await run(['timeline', demoPath, '--subject', top, ...range, '--out', `${dir}timeline.html`]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('wrote 1 timeline (html)');
    const page = readFileSync(`${dir}timeline.html`, 'utf8');
    expect(page.match(/aria-label="Score timeline"/g)).toHaveLength(1);
    expect(page).toContain('Score over time');
  }, 120_000);

  it('gives a flat timeline for a range without events, and for a subject without any', async () => {
    const input = file(
      'quiet.ndjson',
      [
        '{"recordType":"subject","id":"quiet"}',
        '{"recordType":"subject","id":"busy"}',
        '{"recordType":"event","id":"e1","subjectId":"busy","type":"session","at":"2025-05-01T09:00:00Z"}',
      ].join('\n'),
    );
    const result = await run(['timeline', input, '--from', '2025-01-01T00:00:00Z', '--to', '2025-01-03T00:00:00Z', '--format', 'json']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.timelines.map((t: Timeline) => t.subjectId)).toEqual(['busy', 'quiet']);
    for (const t of output.timelines as Timeline[]) {
      expect(t.points.map((p) => p.at)).toEqual(['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z']);
      expect(new Set(t.points.map((p) => p.score)).size).toBe(1);
      expect(t.points.every((p) => p.band === 'low' && p.topReasons.length === 0)).toBe(true);
      expect([t.firstSeen, t.rises]).toEqual([[], []]);
    }
    const table = await run(['timeline', input, '--subject', 'quiet', '--from', '2025-01-01T00:00:00Z', '--to', '2025-01-03T00:00:00Z', '--format', 'table']);
    expect(table.stdout).toContain('the band did not rise');
    const html = await run(['timeline', input, '--from', '2025-01-01T00:00:00Z', '--to', '2025-01-01T00:00:00Z', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('The band did not rise');
  }, 120_000);

  it('lists rejected records with their lines and exits 2, still writing the timelines of the rest', async () => {
    const input = file(
      'bad.ndjson',
      ['{"recordType":"subject","id":"a"}', '{"recordType":"event","id":"e1","subjectId":"a","type":"teleport","at":"2025-05-01T09:00:00Z"}'].join('\n'),
    );
    const result = await run(['timeline', input, '--from', '2025-05-01T00:00:00Z', '--to', '2025-05-02T00:00:00Z', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).timelines).toHaveLength(1);
    expect(result.stderr).toContain('(line 2)');
  }, 60_000);

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    const cases: [string[], string][] = [
      [['timeline', demoPath, '--to', to], 'timeline needs --from'],
      [['timeline', demoPath, '--from', from], 'timeline needs --to'],
      [['timeline', demoPath, '--from', 'yesterday', '--to', to], '--from "yesterday" is not an ISO 8601 date-time'],
      [['timeline', demoPath, '--from', to, '--to', from], 'is before --from'],
      [['timeline', demoPath, ...range.slice(0, 4), '--every', '1 week'], '--every: "1 week" is not a step'],
      [['timeline', demoPath, ...range.slice(0, 4), '--every', 'P1M'], 'is not a step'],
      [['timeline', demoPath, ...range.slice(0, 4), '--every', 'PT1M'], 'more than maxInstants (1000)'],
      [['timeline', demoPath, ...range, '--format', 'pdf'], 'Use one of: json, ndjson, table, html'],
      [['timeline', demoPath, ...range, '--subject', 'nobody'], '--subject: no valid subject "nobody" in the input'],
      [['timeline', ...range], 'timeline takes one input'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toContain(message);
      expect(result.stdout, argv.join(' ')).toBe('');
    }
    const help = await run(['timeline', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('point-in-time');
  }, 120_000);
});
