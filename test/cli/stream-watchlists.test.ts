import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparedOncePerRun } from '../../src/cli/streamIndicators';
import { builtinIndicators, createScorer } from '../../src/index';
import { run } from './run';
import { populationIndicatorIds } from '../support/population';

const dir = mkdtempSync(join(tmpdir(), 'redflags-stream-watchlists-'));
const asOf = '2025-06-01T00:00:00Z';
// Every population-level indicator off except the watchlist screening.
const config = join(dir, 'screening-only.json');
writeFileSync(
  config,
  JSON.stringify({
    indicators: Object.fromEntries(populationIndicatorIds.filter((id) => id !== 'watchlist/match').map((id) => [id, false])),
  }),
);

const watchlist = {
  name: 'Internal do-not-hire',
  kind: 'internal',
  entries: [
    { id: 'w1', type: 'bank-account', value: 'acct-9' },
    { id: 'w2', type: 'email', value: 'x@listed.example' },
  ],
};
const lines = [
  { recordType: 'watchlist', ...watchlist },
  { recordType: 'subject', id: 'cand-1', contacts: { emails: [{ address: 'x@listed.example' }] } },
  { recordType: 'subject', id: 'cand-2' },
  { recordType: 'event', id: 'p1', subjectId: 'cand-2', type: 'payment', at: '2025-05-01T00:00:00Z', amount: 100, currency: 'USD', accountNumber: 'acct-9' },
  { recordType: 'subject', id: 'cand-3' },
].map((l) => JSON.stringify(l));

describe('--stream with watchlist screening', () => {
  it('screens each subject against the watchlists and gives the whole-input result', async () => {
    const path = join(dir, 'grouped.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const streamed = await run(['score', path, '--stream', '--as-of', asOf, '--config', config, '--format', 'json']);
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(0);
    const whole = await run(['score', path, '--as-of', asOf, '--config', config, '--format', 'json']);
    expect(streamed.stdout).toBe(whole.stdout);
    const reports = (JSON.parse(streamed.stdout) as { reports: { subjectId: string; reasons: { indicatorId: string }[] }[] }).reports;
    const screened = reports
      .filter((r) => r.reasons.some((x) => x.indicatorId === 'watchlist/match'))
      .map((r) => r.subjectId)
      .sort();
    expect(screened).toEqual(['cand-1', 'cand-2']);
  });

  it('still refuses the indicators that compare subjects with each other, naming them', async () => {
    const path = join(dir, 'grouped2.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { code, stderr } = await run(['score', path, '--stream', '--as-of', asOf]);
    expect(code).toBe(2);
    expect(stderr).toContain('compare subjects across the whole population');
    expect(stderr).not.toContain('watchlist/match');
  });

  it('builds the watchlist index once for the run, not once per subject', () => {
    const match = builtinIndicators.find((i) => i.meta.id === 'watchlist/match');
    if (match?.prepare === undefined) throw new Error('watchlist/match has no prepare');
    let builds = 0;
    const counted = { ...match, prepare: (...args: Parameters<NonNullable<typeof match.prepare>>) => (builds++, match.prepare?.(...args)) };
    const scorer = createScorer({ indicators: [preparedOncePerRun(counted)] });
    for (const id of ['cand-1', 'cand-2', 'cand-3', 'cand-4']) scorer.scoreBatch({ asOf, subjects: [{ id }], events: [], watchlists: [watchlist] });
    expect(builds).toBe(1);
    // Without the wrapper the engine prepares for every batch: the count above is the wrapper's doing.
    const plain = createScorer({ indicators: [counted] });
    builds = 0;
    for (const id of ['cand-1', 'cand-2']) plain.scoreBatch({ asOf, subjects: [{ id }], events: [], watchlists: [watchlist] });
    expect(builds).toBe(2);
  });
});
