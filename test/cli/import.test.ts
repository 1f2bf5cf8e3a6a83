import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run';

const fixtures = fileURLToPath(new URL('../connectors/fixtures/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('redflags import', () => {
  it('streams an Okta export to NDJSON records and prints the mapping report on standard error', async () => {
    const result = await run(['import', 'okta', fixture('okta-system-log.json')]);
    expect(result.code).toBe(0);
    const records = lines(result.stdout);
    expect(records).toHaveLength(4);
    expect(records.every((r) => r['recordType'] === 'event')).toBe(true);
    expect(result.stderr).toContain('8 rows read from 1 file: 4 mapped, 1 session end, 3 skipped.');
    expect(result.stderr).toContain('debugContext.debugData.someNewField');
    expect(result.stderr).toMatch(/client\.geographicalContext\.country: unknown country \(e\.g\. "Atlantis"\)/);
  });

  it('--no-approvals writes GitHub merges as they come, without approvals, and is refused for other sources', async () => {
    const held = lines((await run(['import', 'github-audit', fixture('github-audit-reviews.ndjson'), '--quiet'])).stdout);
    const streamed = await run(['import', 'github-audit', fixture('github-audit-reviews.ndjson'), '--no-approvals']);
    expect(streamed.code).toBe(0);
    const merges = (records: Record<string, unknown>[]) => records.filter((r) => r['type'] === 'code-change');
    expect(merges(held).some((r) => 'approvals' in r)).toBe(true);
    expect(merges(lines(streamed.stdout))).toHaveLength(merges(held).length);
    expect(merges(lines(streamed.stdout)).some((r) => 'approvals' in r || 'selfMerged' in r)).toBe(false);
    expect(streamed.stderr).toMatch(/read only when merges are held for their approvals/);
    const refused = await run(['import', 'okta', fixture('okta-system-log.json'), '--no-approvals']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--no-approvals is for github-audit');
  });

  it('goes from an HRIS export and an Okta export to a scored review in three commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redflags-import-'));
    const people = await run(['import', 'csv', '--mapping', 'hris', fixture('hris.csv'), '--out', join(dir, 'people.ndjson'), '--quiet']);
    const signins = await run([
      'import',
      'okta',
      fixture('okta-system-log.json'),
      fixture('okta-siem-lowercase.ndjson'),
      '-o',
      join(dir, 'signins.ndjson'),
      '--report',
      join(dir, 'report.json'),
    ]);
    expect([people.code, signins.code, people.stderr]).toEqual([0, 0, '']);
    const input = readFileSync(join(dir, 'people.ndjson'), 'utf8') + readFileSync(join(dir, 'signins.ndjson'), 'utf8');
    const scored = await run(['score', '-', '--format', 'json'], { stdin: input });
    const output = JSON.parse(scored.stdout) as { reports: { subjectId: string }[]; rejected: unknown[] };
    expect(output.rejected).toEqual([]);
    expect(output.reports.map((r) => r.subjectId).sort()).toEqual(['ana.ruiz@corp.example', 'dana.whitfield@corp.example', 'kofi.mensah@corp.example']);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      files: string[];
      rows: { read: number };
      skipped: { rows: { file?: string }[] };
    };
    expect(report.rows.read).toBe(14);
    expect(report.files).toHaveLength(2);
    expect(report.skipped.rows.every((r) => r.file !== undefined)).toBe(true);
    const html = await run(['score', '-', '--format', 'html'], { stdin: input });
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
  });

  it('writes a subject per account with --subjects, so an identity-provider export scores on its own', async () => {
    const imported = await run(['import', 'entra', fixture('entra-graph-beta.json'), '--subjects', '--quiet']);
    const records = lines(imported.stdout);
    expect(records.filter((r) => r['recordType'] === 'subject')).toEqual([
      { recordType: 'subject', id: 'kofi.mensah@corp.example', accounts: [{ system: 'entra', accountId: 'kofi.mensah@corp.example' }] },
    ]);
    const scored = await run(['score', '-', '--format', 'json'], { stdin: imported.stdout });
    expect((JSON.parse(scored.stdout) as { rejected: unknown[] }).rejected).toEqual([]);
  });

  it('reads standard input and a user mapping file, and explains bad mappings and sources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redflags-mapping-'));
    writeFileSync(
      join(dir, 'm.json'),
      JSON.stringify({
        title: 'Badges',
        source: 'badges',
        recordType: 'subject',
        id: { column: 'Email', lowercase: true },
        columns: { Team: 'position.team' },
      }),
    );
    const ok = await run(['import', 'csv', '--mapping', join(dir, 'm.json'), '-'], { stdin: 'Email,Team\nA@x.example,Blue\n' });
    expect(lines(ok.stdout)).toEqual([{ recordType: 'subject', id: 'a@x.example', position: { team: 'Blue' } }]);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ title: 'x', source: 'x', recordType: 'thing', id: { column: 'A' }, columns: {} }));
    const bad = await run(['import', 'csv', '--mapping', join(dir, 'bad.json'), fixture('hris.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('recordType');
    const unknown = await run(['import', 'oktaa', fixture('hris.csv')]);
    expect(unknown.stderr).toMatch(/unknown source "oktaa"\. Sources: okta, entra, google-workspace, .*osquery, intune, defender.*github-audit.*, csv\./);
    const noMapping = await run(['import', 'csv', fixture('hris.csv')]);
    expect(noMapping.stderr).toContain('import csv needs --mapping');
    writeFileSync(
      join(dir, 'twice.json'),
      JSON.stringify({ title: 'x', source: 'x', recordType: 'subject', id: { column: 'A' }, columns: { B: 'position.team' } }).replace(
        '"columns":{',
        '"columns":{"B":"position.title",',
      ),
    );
    const twice = await run(['import', 'csv', '--mapping', join(dir, 'twice.json'), fixture('hris.csv')]);
    expect([twice.code, twice.stdout]).toEqual([2, '']);
    expect(twice.stderr).toContain('columns.B: key "B" appears twice; give each key once.');
    const missing = await run(['import', 'okta', join(dir, 'nope.json')]);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
  });

  it('imports device sources: osquery result logs, plain osqueryi rows with --at and --device, Intune and Defender', async () => {
    const logs = await run(['import', 'osquery', fixture('osquery-results.ndjson'), '--quiet']);
    expect(logs.code).toBe(0);
    expect(lines(logs.stdout).filter((r) => r['type'] === 'device-checkin')).toHaveLength(9);
    const plain = await run(['import', 'osquery', fixture('osqueryi-usb.json'), '--at', '2024-04-02T12:00:00Z', '--device', 'LAPTOP-0042']);
    expect(plain.stderr).toContain('3 rows read from 1 file: 3 mapped');
    expect(lines(plain.stdout).every((r) => r['deviceId'] === 'LAPTOP-0042' && r['at'] === '2024-04-02T12:00:00.000Z')).toBe(true);
    const badTime = await run(['import', 'osquery', fixture('osqueryi-usb.json'), '--at', 'yesterday']);
    expect([badTime.code, badTime.stderr]).toEqual([2, expect.stringContaining('--at')]);
    const wrongSource = await run(['import', 'intune', fixture('intune-managed-devices.json'), '--at', '2024-04-02T12:00:00Z']);
    expect([wrongSource.code, wrongSource.stderr]).toEqual([2, expect.stringContaining('--at and --device are for plain osquery output')]);
    const dir = mkdtempSync(join(tmpdir(), 'redflags-import-devices-'));
    writeFileSync(join(dir, 'map.csv'), 'account,subject\nlaptop-0042.corp.example,ana.ruiz@corp.example\nana.ruiz@corp.example,ana.ruiz@corp.example\n');
    const defender = await run(['import', 'defender', fixture('defender-advanced-hunting.json'), '--subject-map', join(dir, 'map.csv')]);
    // The USB mount by SYSTEM is tied through the device name; kofi is not in the map and is named.
    expect(
      lines(defender.stdout)
        .filter((r) => r['subjectId'] === 'ana.ruiz@corp.example')
        .map((r) => r['type']),
    ).toEqual(['software', 'removable-media', 'device-checkin', 'removable-media']);
    expect(defender.stderr).toContain('no subject for account "kofi.mensah@corp.example"');
    const intune = await run(['import', 'intune', fixture('intune-managed-devices.json'), '--quiet']);
    expect(lines(intune.stdout)).toHaveLength(7);
  });

  it('skips and reports a row that repeats a key, and maps the others', async () => {
    const [first, second] = readFileSync(fixture('okta-siem-lowercase.ndjson'), 'utf8').trim().split('\n') as [string, string];
    const stdin = `${first}\n${second}\n${first.replace('"uuid":"siem-0001"', '"uuid":"siem-0009","eventtype":"user.session.end"')}\n`;
    const reportFile = join(mkdtempSync(join(tmpdir(), 'redflags-import-twice-')), 'report.json');
    const result = await run(['import', 'okta', '-', '--report', reportFile], { stdin });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('3 rows read from 1 file: 1 mapped, 1 session end, 1 skipped.');
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { skipped: { rows: { line?: number; reason: string }[] } };
    expect(report.skipped.rows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'repeated key eventtype: key "eventtype" appears twice; JSON keeps only the last value'],
    ]);
  });

  it('has help', async () => {
    const help = await run(['import', '--help']);
    expect(help.stdout).toContain('redflags import <source> <file...|-> [options]');
  });
});
