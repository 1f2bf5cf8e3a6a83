import { fileURLToPath } from 'node:url';
import { certInsiderConnector } from '../../src/connectors/sources/cert-insider';
import type { SourceRow } from '../../src/connectors/run';
import { run } from '../cli/run';
import { byId, fixture, rowsOf, runImport } from './support';

const files = ['LDAP/2010-01.csv', 'LDAP/2010-02.csv', 'LDAP/2010-03.csv', 'logon.csv', 'device.csv', 'file.csv', 'http.csv', 'email.csv', 'psychometric.csv'];
const rowsOfFiles = (names: readonly string[]): SourceRow[] =>
  names.flatMap((f) => rowsOf(certInsiderConnector, fixture(`cert/${f}`)).map((r) => ({ ...r, file: f })));

describe('CERT insider-threat dataset connector', () => {
  const { records, report } = runImport(certInsiderConnector, rowsOfFiles(files));

  it('turns the monthly rosters into subjects with team, manager, roster changes, and the start and end their months imply', () => {
    expect(byId(records, 'crb0001')).toEqual({
      recordType: 'subject',
      id: 'crb0001',
      kind: 'employee',
      role: 'ITAdmin',
      identity: { names: [{ value: 'Calla Ray Banks', kind: 'legal', source: 'cert-ldap' }] },
      contacts: { emails: [{ address: 'Calla.Ray.Banks@dtaa.com', source: 'cert-ldap' }] },
      // Listed in January and February, missing from March: left in March.
      lifecycle: { endDate: '2010-03', source: 'cert-ldap' },
      position: { team: '3 - Field', department: '2 - Sales', managerId: 'ovv0002', source: 'cert-ldap' },
      accounts: [{ system: 'cert-insider', accountId: 'CRB0001' }],
      rosterChanges: [{ effectiveDate: '2010-02', team: '3 - Field', managerId: 'ovv0002', role: 'ITAdmin' }],
    });
    expect(byId(records, 'nxf0004')).toMatchObject({ lifecycle: { startDate: '2010-03' } });
    expect(byId(records, 'dxh0003')).not.toHaveProperty('lifecycle');
    expect(records.filter((r) => r.recordType === 'subject').map((r) => r['id'])).toEqual(['crb0001', 'dxh0003', 'nxf0004', 'ovv0002']);
  });

  it('names no manager when two people share the supervisor name, in either row order', () => {
    const roster = 'employee_name,user_id,email,role,team,department,supervisor\nAda Byron,ACM2278,,,,,Ada Byron\nAda Byron,CSC0217,,,,,\n';
    const reversed = 'employee_name,user_id,email,role,team,department,supervisor\nAda Byron,CSC0217,,,,,\nAda Byron,ACM2278,,,,,Ada Byron\n';
    const managers = (text: string) =>
      runImport(
        certInsiderConnector,
        rowsOf(certInsiderConnector, text).map((r) => ({ ...r, file: 'LDAP/2010-01.csv' })),
      )
        .records.filter((r) => r.recordType === 'subject')
        .map((r) => [r['id'], (r['position'] as { managerId?: string } | undefined)?.managerId]);
    expect(managers(roster)).toEqual([
      ['acm2278', undefined],
      ['csc0217', undefined],
    ]);
    expect(managers(reversed)).toEqual(managers(roster));
  });

  it('maps logons as sessions on the PC ended by the logoff, whatever the row order, and reads DOMAIN/USER ids', () => {
    expect(byId(records, 'cert-insider:logon:{L1-0001}')).toMatchObject({
      type: 'session',
      subjectId: 'crb0001',
      deviceId: 'PC-4401',
      at: '2010-02-15T19:05:00.000Z',
      end: '2010-02-15T23:55:10.000Z',
    });
    expect(byId(records, 'cert-insider:logon:{L1-0002}')).not.toHaveProperty('end');
    expect(report.sessionEnds).toEqual({ matched: 1, unmatched: 0 });
  });

  it('maps drives, copies to removable media, file access, web uploads and sent mail (counts and domains, never content)', () => {
    expect(byId(records, 'cert-insider:device:{D1-0001}')).toMatchObject({ type: 'removable-media', action: 'connected', deviceId: 'PC-4401' });
    expect(byId(records, 'cert-insider:file:{F1-0001}')).toMatchObject({
      type: 'removable-media',
      action: 'file-copied',
      file: { name: 'R:\\Docs\\pricing-2010.xlsx', type: 'xlsx' },
    });
    expect(byId(records, 'cert-insider:file:{F1-0002}')).toMatchObject({ type: 'data-access', action: 'read', resourceKind: 'file' });
    expect(byId(records, 'cert-insider:http:{H1-0001}')).toMatchObject({ type: 'web', action: 'upload', host: 'wikileaks.org' });
    expect(byId(records, 'cert-insider:email:{E1-0001}')).toMatchObject({
      type: 'email',
      recipientCount: 3,
      externalRecipientCount: 2,
      recipientDomains: ['competitor.example', 'dtaa.com', 'gmail.example'],
      attachmentCount: 2,
      attachmentBytes: 42100,
    });
    expect(JSON.stringify(records)).not.toContain('leak docs');
  });

  it('accounts for every row: bad dates, missing users, unknown activities, viewed mail, duplicates and psychometric scores are listed', () => {
    expect(report.rows).toEqual({ read: 27, mapped: 19, sessionEnds: 1, skipped: 7 });
    expect(report.skipped.rows.map((r) => `${r.file}:${r.line} ${r.reason}`)).toEqual([
      'logon.csv:5 logon row without a readable date',
      'logon.csv:6 logon row without a user',
      'device.csv:4 activity "Eject" is not Logon, Logoff, Connect or Disconnect',
      'file.csv:4 file row whose activity is not File Open, Write, Copy or Delete',
      'http.csv:4 duplicate: every record of the row was given by an earlier row',
      'email.csv:3 email activity "view": only sent mail is recorded',
      'psychometric.csv:2 psychometric.csv: personality scores are never used',
    ]);
    expect(report.fields.unmapped).toEqual([]);
    expect(report.fields.ignored.map((f) => f.path)).toEqual(['business_unit', 'content', 'file_tree', 'from', 'functional_unit', 'size']);
  });

  it('gives the same records whatever the order of the files and rows', () => {
    const shuffled = runImport(certInsiderConnector, rowsOfFiles(files.slice().reverse()).reverse()).records;
    const sort = (r: readonly object[]) => r.map((x) => JSON.stringify(x)).sort();
    expect(sort(shuffled)).toEqual(sort(records));
  });

  it('runs from the command line on a directory of files, and the records score', async () => {
    const dir = fileURLToPath(new URL('./fixtures/cert/', import.meta.url));
    const imported = await run(['import', 'cert-insider', ...files.map((f) => `${dir}${f}`), '--quiet']);
    expect(imported.code, imported.stderr).toBe(0);
    const lines = imported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((r) => r['id'] === 'crb0001')).toMatchObject({ lifecycle: { endDate: '2010-03' } });
    const scored = await run(['score', '-', '--format', 'json', '--as-of', '2010-04-01T00:00:00Z'], { stdin: imported.stdout });
    expect(scored.code, scored.stderr).toBe(0);
    expect((JSON.parse(scored.stdout) as { rejected: unknown[] }).rejected).toEqual([]);
  }, 120_000);
});
