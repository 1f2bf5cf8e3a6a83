import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './run';

const dir = fileURLToPath(new URL('../../test-artifacts/cli-redact/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}key.txt`, 'a-long-random-key-0123456789\n');
writeFileSync(`${dir}short-key.txt`, 'short\n');
const input = {
  asOf: '2025-06-01T00:00:00Z',
  subjects: [
    {
      id: 'a',
      paymentInstructions: [
        { id: 'pi-a', at: '2025-01-01T00:00:00Z', accountNumber: 'SHARED-ACCT-991177', accountHolderName: 'Quentin Zabriskie', method: 'bank' },
      ],
    },
    {
      id: 'b',
      paymentInstructions: [
        { id: 'pi-b', at: '2025-01-01T00:00:00Z', accountNumber: 'SHARED-ACCT-991177', accountHolderName: 'Quentin Zabriskie', method: 'bank' },
      ],
    },
  ],
};
writeFileSync(`${dir}input.json`, JSON.stringify(input));

describe('redflags score --redact and --pseudonym-key-file', () => {
  it('keeps ids, scores and reasons and drops the personal values', async () => {
    const plain = await run(['score', `${dir}input.json`, '--format', 'json']);
    const masked = await run(['score', `${dir}input.json`, '--format', 'json', '--redact']);
    const hashed = await run(['score', `${dir}input.json`, '--format', 'json', '--pseudonym-key-file', `${dir}key.txt`]);
    for (const r of [plain, masked, hashed]) expect(r.stderr).toBe('');
    const view = (text: string) =>
      JSON.parse(text).reports.map((r: { subjectId: string; score: number; band: string; reasons: { indicatorId: string }[] }) => [
        r.subjectId,
        r.score,
        r.band,
        r.reasons.map((x) => x.indicatorId),
      ]);
    expect(view(masked.stdout)).toEqual(view(plain.stdout));
    expect(view(hashed.stdout)).toEqual(view(plain.stdout));
    for (const text of [masked.stdout, hashed.stdout]) {
      expect(text.toLowerCase()).not.toContain('zabriskie');
      expect(text).not.toContain('991177');
    }
    // The shared account fires a linkage finding that names it: the test must see the value unredacted first.
    expect(plain.stdout).toContain('991177');
    expect(hashed.stdout).toMatch(/‹p:[0-9a-f]{12}›/);
  });

  it('refuses a short key and --stream', async () => {
    const short = await run(['score', `${dir}input.json`, '--pseudonym-key-file', `${dir}short-key.txt`]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 16');
    const stream = await run(['score', `${dir}input.json`, '--redact', '--stream', '--as-of', '2025-06-01T00:00:00Z']);
    expect(stream.code).toBe(2);
    expect(stream.stderr).toContain('drop --stream');
  });
});
