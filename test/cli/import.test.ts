import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run';

const fixtures = fileURLToPath(new URL('../connectors/fixtures/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);
const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

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

  it('goes from an HRIS export and an Okta export to a scored review in three commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redflags-import-'));
    const people = await run(['import', 'csv', '--mapping', 'hris', fixture('hris.csv'), '--out', join(dir, 'people.ndjson'), '--quiet']);
    const signins = await run(['import', 'okta', fixture('okta-system-log.json'), fixture('okta-siem-lowercase.ndjson'), '-o', join(dir, 'signins.ndjson'), '--report', join(dir, 'report.json')]);
    expect([people.code, signins.code, people.stderr]).toEqual([0, 0, '']);
    const input = readFileSync(join(dir, 'people.ndjson'), 'utf8') + readFileSync(join(dir, 'signins.ndjson'), 'utf8');
    const scored = await run(['score', '-', '--format', 'json'], { stdin: input });
    const output = JSON.parse(scored.stdout) as { reports: { subjectId: string }[]; rejected: unknown[] };
    expect(output.rejected).toEqual([]);
    expect(output.reports.map((r) => r.subjectId).sort()).toEqual(['ana.ruiz@corp.example', 'dana.whitfield@corp.example', 'kofi.mensah@corp.example']);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: string[]; rows: { read: number }; skipped: { rows: { file?: string }[] } };
    expect(report.rows.read).toBe(14);
    expect(report.files).toHaveLength(2);
    expect(report.skipped.rows.every((r) => r.file !== undefined)).toBe(true);
    const html = await run(['score', '-', '--format', 'html'], { stdin: input });
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
  });

  it('writes a subject per account with --subjects, so an identity-provider export scores on its own', async () => {
    const imported = await run(['import', 'entra', fixture('entra-graph-beta.json'), '--subjects', '--quiet']);
    const records = lines(imported.stdout);
    expect(records.filter((r) => r['recordType'] === 'subject')).toEqual([{ recordType: 'subject', id: 'kofi.mensah@corp.example', accounts: [{ system: 'entra', accountId: 'kofi.mensah@corp.example' }] }]);
    const scored = await run(['score', '-', '--format', 'json'], { stdin: imported.stdout });
    expect((JSON.parse(scored.stdout) as { rejected: unknown[] }).rejected).toEqual([]);
  });

  it('reads standard input and a user mapping file, and explains bad mappings and sources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redflags-mapping-'));
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ title: 'Badges', source: 'badges', recordType: 'subject', id: { column: 'Email', lowercase: true }, columns: { Team: 'position.team' } }));
    const ok = await run(['import', 'csv', '--mapping', join(dir, 'm.json'), '-'], { stdin: 'Email,Team\nA@x.example,Blue\n' });
    expect(lines(ok.stdout)).toEqual([{ recordType: 'subject', id: 'a@x.example', position: { team: 'Blue' } }]);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ title: 'x', source: 'x', recordType: 'thing', id: { column: 'A' }, columns: {} }));
    const bad = await run(['import', 'csv', '--mapping', join(dir, 'bad.json'), fixture('hris.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('recordType');
    const unknown = await run(['import', 'oktaa', fixture('hris.csv')]);
    expect(unknown.stderr).toMatch(/unknown source "oktaa". Sources: okta, entra, google-workspace, .*csv\./);
    const noMapping = await run(['import', 'csv', fixture('hris.csv')]);
    expect(noMapping.stderr).toContain('import csv needs --mapping');
    const missing = await run(['import', 'okta', join(dir, 'nope.json')]);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
  });

  it('has help', async () => {
    const help = await run(['import', '--help']);
    expect(help.stdout).toContain('redflags import <source> <file...|-> [options]');
  });
});
