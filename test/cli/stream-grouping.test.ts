import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run';

const dir = mkdtempSync(join(tmpdir(), 'redflags-stream-grouping-'));
const asOf = '2025-06-01T00:00:00Z';
const subject = (id: string) => JSON.stringify({ recordType: 'subject', id });
const event = (id: string, subjectId: string, minute: number) =>
  JSON.stringify({ recordType: 'event', id, subjectId, type: 'session', at: new Date(Date.UTC(2025, 4, 1, 9, minute)).toISOString() });
const score = async (lines: readonly string[]) => {
  const path = join(dir, `input-${lines.length}-${lines[lines.length - 1]?.length ?? 0}.ndjson`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return run(['score', path, '--stream', '--as-of', asOf, '--format', 'json', '--config', join(dir, 'config.json')]);
};
writeFileSync(
  join(dir, 'config.json'),
  JSON.stringify({
    indicators: Object.fromEntries(
      [
        'insider/bulk-collection',
        'linkage/shared-shipping-address',
        'linkage/shared-payment-instrument',
        'linkage/shared-contact',
        'linkage/shared-infrastructure',
        'linkage/resume-similarity',
        'linkage/persona-multiplicity',
        'linkage/referral-risk',
        'insider/impersonation',
        'insider/peer-baseline-shift',
      ].map((id) => [id, false]),
    ),
  }),
);

describe('redflags score --stream: grouping by subject', () => {
  it('refuses an event id of an earlier group, naming the line', async () => {
    const { code, stderr } = await score([subject('a'), event('e1', 'a', 0), subject('b'), event('e1', 'b', 1)]);
    expect(code).toBe(2);
    expect(stderr).toContain('repeats event "e1" of an earlier group');
  });

  it('leaves an id repeated inside one group to the engine, which rejects the copies as a whole-input run does', async () => {
    const lines = [subject('a'), event('e1', 'a', 0), event('e2', 'a', 1), event('e1', 'a', 2)];
    const streamed = await score(lines);
    expect(streamed.stderr).not.toContain('earlier group');
    const path = join(dir, 'whole.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const whole = await run(['score', path, '--as-of', asOf, '--format', 'json', '--config', join(dir, 'config.json')]);
    expect(JSON.parse(streamed.stdout).rejected).toEqual(JSON.parse(whole.stdout).rejected);
    expect(JSON.parse(streamed.stdout).rejected.length).toBeGreaterThan(0);
  });

  it('scores a group of 20,000 events and the group after it', async () => {
    const lines = [subject('big')];
    for (let i = 0; i < 20_000; i++) lines.push(event(`big-${i}`, 'big', i % 600));
    lines.push(subject('next'), event('next-1', 'next', 0));
    const { code, stdout } = await score(lines);
    expect(code).toBe(0);
    expect(
      JSON.parse(stdout)
        .reports.map((r: { subjectId: string }) => r.subjectId)
        .sort(),
    ).toEqual(['big', 'next']);
  });
});
