import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as salvage from '../../src/records/salvage';
import { demoPath } from '../support/demo';
import { run } from './run';
import { populationIndicatorIds } from '../support/population';

// Counts every validation of a watchlist and of the reference tables, wherever it happens.
vi.mock('../../src/records/salvage', async (importOriginal) => {
  const original = await importOriginal<typeof salvage>();
  return { ...original, salvageWatchlist: vi.fn(original.salvageWatchlist), salvageReference: vi.fn(original.salvageReference) };
});

const dir = mkdtempSync(join(tmpdir(), 'redflags-stream-lists-'));
const asOf = '2025-06-01T00:00:00Z';
const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as {
  subjects: { id: string }[];
  events: { subjectId: string }[];
  watchlists: object[];
  reference: Record<string, unknown>;
};
// Population-level indicators off except the watchlist screening, which --stream keeps.
const config = join(dir, 'screening-only.json');
writeFileSync(
  config,
  JSON.stringify({
    indicators: Object.fromEntries(populationIndicatorIds.filter((id) => id !== 'watchlist/match').map((id) => [id, false])),
  }),
);

// A list with one bad entry (kept, the entry rejected), a list with no name (rejected whole), and a reference table with one bad element.
const watchlists = [
  ...demo.watchlists,
  {
    name: 'Sanctions',
    kind: 'sanctions',
    entries: [
      { id: 's1', type: 'email', value: 'x@listed.example' },
      { id: 's2', type: 'passport', value: 'P1' },
    ],
  },
  { kind: 'internal', entries: [] },
];
const reference = { ...demo.reference, frontCompanyDomains: [...((demo.reference.frontCompanyDomains as unknown[] | undefined) ?? []), 5] };
const subjects = demo.subjects.slice(0, 12);
const lines = [
  ...watchlists.map((w) => ({ recordType: 'watchlist', ...w })),
  { recordType: 'reference', ...reference },
  ...subjects.flatMap((s) => [{ recordType: 'subject', ...s }, ...demo.events.filter((e) => e.subjectId === s.id).map((e) => ({ recordType: 'event', ...e }))]),
];
const input = join(dir, 'grouped.ndjson');
writeFileSync(input, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);

function validations(): { watchlists: number; references: number } {
  return { watchlists: vi.mocked(salvage.salvageWatchlist).mock.calls.length, references: vi.mocked(salvage.salvageReference).mock.calls.length };
}

describe('--stream validates the watchlists and reference tables once per run', () => {
  it.each([['json'], ['ndjson']])('validates each list once, not once per subject, and writes what a whole-input run writes (%s)', async (format) => {
    vi.mocked(salvage.salvageWatchlist).mockClear();
    vi.mocked(salvage.salvageReference).mockClear();
    const streamed = await run(['score', input, '--stream', '--as-of', asOf, '--config', config, '--format', format]);
    expect(validations()).toEqual({ watchlists: watchlists.length, references: 1 });

    vi.mocked(salvage.salvageWatchlist).mockClear();
    vi.mocked(salvage.salvageReference).mockClear();
    const whole = await run(['score', input, '--as-of', asOf, '--config', config, '--format', format]);
    // The whole-input run validates each list once too: the same work, whatever the number of subjects.
    expect(validations()).toEqual({ watchlists: watchlists.length, references: 1 });

    expect(streamed.stdout).toBe(whole.stdout);
    expect(streamed.stderr).toBe(whole.stderr);
    expect(streamed.code).toBe(whole.code);
    // The bad entry, the nameless list and the bad element, each reported once, with its line.
    expect(streamed.stderr).toContain('3 invalid records were not scored');
    expect(streamed.stderr.match(/watchlist "Sanctions" \(line 2\):\n {2}- entries\[1\]\.type:/g)).toHaveLength(1);
    expect(streamed.stderr.match(/watchlist without id \(line 3\)/g)).toHaveLength(1);
    expect(streamed.stderr.match(/reference\.frontCompanyDomains\[\d+\]:/g)).toHaveLength(1);
  });
});
