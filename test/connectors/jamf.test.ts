import { jamfConnector } from '../../src/connectors/sources/jamf';
import { createScorer } from '../../src/defaults';
import { byId, fixture, importFixture, rowsOf, runImport } from './support';

describe('Jamf Pro computer inventory connector', () => {
  // The second computer has no assigned user: the subject map ties it by its name.
  const deviceOwners: Readonly<Record<string, string>> = { 'mbp-kofi': 'kofi.mensah@corp.example' };
  const subjectIdOf = (account: string) => deviceOwners[account.trim().toLowerCase()] ?? account.trim().toLowerCase();
  const { records, report } = importFixture(jamfConnector, 'jamf-computers-inventory.json', { subjectIdOf });
  const ana = '6E3C1B5A-1F2D-4C3B-9A8E-112233445566';

  it('gives a check-in at the last enrolment (identity) and one at the last inventory report (state and applications)', () => {
    expect(byId(records, `jamf:${ana}:enrolled:2024-01-15T09:12:00.000Z`)).toEqual({
      recordType: 'event',
      id: `jamf:${ana}:enrolled:2024-01-15T09:12:00.000Z`,
      subjectId: 'ana.ruiz@corp.example',
      at: '2024-01-15T09:12:00.000Z',
      source: 'jamf',
      type: 'device-checkin',
      deviceId: ana,
      serial: 'C02ZK1ABCDE1',
      managed: true,
      os: { platform: 'macos', version: '14.4.1 (23E224)' },
      manufacturer: 'Apple',
      model: 'MacBook Pro (14-inch, 2023)',
    });
    expect(byId(records, `jamf:${ana}:2024-04-02T19:40:11.123Z`)).toMatchObject({
      at: '2024-04-02T19:40:11.123Z',
      ip: '203.0.113.77',
      diskEncrypted: true,
      remoteDesktopEnabled: true,
      // An application without a name is named by its bundle id; one with neither is left out (counted as ignored).
      installedSoftware: [
        { name: 'AnyDesk.app', version: '8.0.9' },
        { name: 'com.teamviewer.TeamViewerHost', version: '15.52.3' },
        { name: 'Xcode.app', version: '15.3' },
      ],
    });
  });

  it('ties a computer without a user by its name, reads FileVault from the OS status, and counts unset dates and placeholder serials', () => {
    const kofi = records.filter((r) => r['subjectId'] === 'kofi.mensah@corp.example');
    // No reportDate: lastContactTime (with an offset) is the inventory time; the epoch enrolment date is no date.
    expect(kofi).toEqual([
      expect.objectContaining({
        at: '2024-04-03T06:00:00.000Z',
        managed: false,
        diskEncrypted: false,
        model: 'MacBookAir10,1',
        os: { platform: 'macos', version: '13.6.6' },
      }),
    ]);
    expect(kofi[0]).not.toHaveProperty('serial');
    expect(report.fields.invalid).toEqual([
      { path: 'general.lastEnrolledDate', count: 1, reason: 'not a time (or before 1980: an unset date)', examples: ['1970-01-01T00:00:00Z'] },
      { path: 'hardware.serialNumber', count: 1, reason: 'placeholder serial', examples: ['Not Specified'] },
    ]);
  });

  it('accounts for every row and field: no id, no dates, repeated pages', () => {
    expect(report.rows).toEqual({ read: 5, mapped: 2, sessionEnds: 0, skipped: 3 });
    expect(report.records.duplicates).toEqual({ identical: 2, conflicting: 0 });
    expect(report.skipped.rows.map((r) => r.reason.split(' (')[0])).toEqual([
      'computer without a udid or id',
      'computer with no readable general.reportDate, lastContactTime or lastEnrolledDate',
      'duplicate: every record of the row was given by an earlier row',
    ]);
    expect(report.fields.unmapped).toEqual([]);
    expect(report.fields.ignored.map((f) => f.path)).toEqual(
      expect.arrayContaining(['general.remoteManagement.managementUsername', 'applications[].path', 'general.extensionAttributes[].values[]']),
    );
  });

  it('gives the same records whatever the order of the rows', () => {
    const reversed = runImport(jamfConnector, rowsOf(jamfConnector, fixture('jamf-computers-inventory.json')).reverse(), { subjectIdOf }).records;
    const sort = (r: readonly object[]) => r.map((x) => JSON.stringify(x)).sort();
    expect(sort(reversed)).toEqual(sort(records));
  });

  it('feeds the remote-access checks from the installed applications', () => {
    const events = records.map(({ recordType: _, ...r }) => r);
    const result = createScorer().scoreBatch({
      asOf: '2024-06-01T00:00:00Z',
      subjects: [{ id: 'ana.ruiz@corp.example' }, { id: 'kofi.mensah@corp.example' }],
      events,
    });
    const ana = result.reports.find((r) => r.subjectId === 'ana.ruiz@corp.example');
    expect(ana?.findings.map((f) => f.indicatorId)).toContain('device/remote-access-software');
  });
});
