import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Runs `redflags <argv>` in this directory, as the README does. */
async function redflags(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const streams = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  streams.stdout.on('data', (c: Buffer) => out.push(c));
  streams.stderr.on('data', (c: Buffer) => err.push(c));
  streams.stdin.end(stdin);
  const code = await main(argv, { ...streams, cwd: here });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('examples/hr-import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hr-import-'));
  const file = (name: string) => join(dir, name);

  it('runs the README commands: ATS CSV and Okta and Entra sign-ins to a scored review, nothing rejected', async () => {
    const applicants = await redflags(['import', 'csv', '--mapping', 'applicants.mapping.json', 'applicants.csv', '--out', file('applicants.ndjson')]);
    const okta = await redflags(['import', 'okta', 'okta-signins.json', '--subject-map', 'logins.csv', '--out', file('okta.ndjson')]);
    const entra = await redflags(['import', 'entra', 'entra-signins.json', '--subject-map', 'logins.csv', '--out', file('entra.ndjson')]);
    expect([applicants.code, okta.code, entra.code]).toEqual([0, 0, 0]);
    expect(applicants.stderr).toContain('3 rows read from 1 file: 3 mapped, 0 session ends, 0 skipped.');
    // The Okta export has a sign-in of someone who is not in the batch: skipped and named.
    expect(okta.stderr).toContain('no subject for account "someone.else@corp.example"');
    const input = ['applicants.ndjson', 'okta.ndjson', 'entra.ndjson'].map((n) => readFileSync(file(n), 'utf8')).join('');
    const scored = await redflags(['score', '-', '--format', 'json'], input);
    const output = JSON.parse(scored.stdout) as { reports: { subjectId: string }[]; rejected: unknown[] };
    expect(output.rejected).toEqual([]);
    expect(output.reports.map((r) => r.subjectId).sort()).toEqual(['cand-48213', 'cand-48214', 'cand-48215']);
  });

  it('maps the Okta factor device (a real Okta field) as the authenticator and the Entra token refreshes apart', async () => {
    const okta = await redflags(['import', 'okta', 'okta-signins.json', '--subject-map', 'logins.csv', '--quiet']);
    const sessions = okta.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(sessions.find((s) => s['subjectId'] === 'cand-48214' && s['mfa'] !== undefined)).toMatchObject({
      mfa: { method: 'push', authenticatorId: 'guo-okv-77' },
      network: { asn: 396356, isProxy: true, country: 'US' },
    });
    const entra = await redflags(['import', 'entra', 'entra-signins.json', '--subject-map', 'logins.csv', '--quiet']);
    const first = JSON.parse(entra.stdout.split('\n')[0] as string) as Record<string, unknown>;
    expect(first).toMatchObject({
      application: 'Office 365 Exchange Online',
      signInKind: 'interactive',
      riskLevel: 'medium',
      riskDetections: ['anonymizedIPAddress'],
    });
  });
});
