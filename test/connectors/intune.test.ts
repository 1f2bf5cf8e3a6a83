import { intuneConnector } from '../../src/connectors/sources/intune';
import { byId, importFixture } from './support';

describe('Microsoft Intune connector', () => {
  const { records, report } = importFixture(intuneConnector, 'intune-managed-devices.json');
  const laptop = '5f1c2a7e-0001-4bde-9a3c-1d2e3f4a5b6c';

  it('writes an enrolment check-in and a sync check-in with compliance, encryption, users and detected apps', () => {
    expect(byId(records, `intune:${laptop}:enrolled`)).toMatchObject({
      type: 'device-checkin',
      subjectId: 'ana.ruiz@corp.example',
      at: '2024-03-25T14:02:11.000Z',
      deviceId: laptop,
      serial: '7GQK3Q3',
      managed: true,
      ownership: 'corporate',
      os: { platform: 'windows', version: '10.0.22631.3296' },
    });
    const sync = byId(records, `intune:${laptop}:2024-04-02T19:40:00.123Z`);
    expect(sync).toMatchObject({ compliant: false, diskEncrypted: false, loggedInUsers: ['0b7c1d2e-aaaa-4bbb-8ccc-111111111111'] });
    // The empty publisher and the app without a name are no data.
    expect(sync?.['installedSoftware']).toEqual([
      { name: 'AnyDesk', version: '8.0.9', publisher: 'AnyDesk Software GmbH' },
      { name: 'Microsoft Teams', version: '24033.811.2738.2546' },
    ]);
  });

  it("reads Graph's 0001-01-01 as no sync, grace period as not compliant, personal ownership, and Exchange-only devices as unmanaged", () => {
    expect(byId(records, 'intune:6a2d3b8f-0002-4cdf-8b4d-2e3f4a5b6c7d:enrolled')).toMatchObject({
      ownership: 'personal',
      os: { platform: 'ios' },
      subjectId: 'kofi.mensah@corp.example',
    });
    expect(records.filter((r) => String(r['id']).startsWith('intune:6a2d3b8f'))).toHaveLength(1);
    expect(report.fields.invalid).toContainEqual({
      path: 'lastSyncDateTime',
      count: 1,
      reason: "not a time (or Graph's empty 0001-01-01)",
      examples: ['0001-01-01T00:00:00Z'],
    });
    expect(byId(records, 'intune:8c4f5d0b-0004-4f1b-8d6f-4a5b6c7d8e9f:2024-04-03T10:00:00.000Z')).toMatchObject({
      managed: false,
      compliant: true,
      diskEncrypted: true,
    });
  });

  it('ties a device with no user to a subject by its device name, and never keeps a placeholder serial', () => {
    const kiosk = byId(records, 'intune:7b3e4c9a-0003-4e0a-9c5e-3f4a5b6c7d8e:2024-04-01T23:00:00.000Z');
    expect(kiosk).toMatchObject({ subjectId: 'kiosk-01', ownership: 'unknown' });
    expect(kiosk?.['serial']).toBeUndefined();
    expect(kiosk?.['compliant']).toBeUndefined();
    expect(report.fields.invalid).toContainEqual({ path: 'serialNumber', count: 1, reason: 'placeholder serial', examples: ['To be filled by O.E.M.'] });
    expect(report.fields.invalid).toContainEqual({
      path: 'operatingSystem',
      count: 1,
      reason: 'OS not in the connector table',
      examples: ['Windows Holographic'],
    });
  });

  it('accounts for every row and field: a repeated device, a device with no dates', () => {
    expect(report.rows).toEqual({ read: 6, mapped: 4, sessionEnds: 0, skipped: 2 });
    expect(report.records.duplicates).toEqual({ identical: 1, conflicting: 1 });
    expect(report.skipped.rows.map((r) => r.reason)).toEqual([
      'duplicate: every record of the row was given by an earlier row',
      'managed device with no readable lastSyncDateTime or enrolledDateTime',
    ]);
    expect(report.fields.unmapped).toEqual([]);
    expect(report.fields.ignored).toContainEqual(expect.objectContaining({ path: 'wiFiMacAddress', reason: 'network hardware address' }));
    expect(report.droppedRecordFields).toEqual([]);
  });

  it('reads detected-app listings expanded with their managed devices', () => {
    const apps = importFixture(intuneConnector, 'intune-detected-apps.json');
    expect(apps.records.map((r) => [r['subjectId'], r['installedSoftware']])).toEqual([
      ['ana.ruiz@corp.example', [{ name: 'ngrok', version: '3.8.0', publisher: 'ngrok LLC' }]],
      ['shared-pc', [{ name: 'ngrok', version: '3.8.0', publisher: 'ngrok LLC' }]],
    ]);
    expect(apps.report.skipped.rows.map((r) => r.reason)).toEqual(['detected app without managedDevices (list it with $expand=managedDevices)']);
  });
});
