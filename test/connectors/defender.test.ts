import { defenderConnector } from '../../src/connectors/sources/defender';
import { createScorer } from '../../src/defaults';
import { importFixture } from './support';

describe('Microsoft Defender XDR advanced hunting connector', () => {
  const api = importFixture(defenderConnector, 'defender-advanced-hunting.json');
  const hub = importFixture(defenderConnector, 'defender-event-hub.json');
  const find = (records: typeof api.records, type: string, action: string) => records.filter((r) => r['type'] === type && r['action'] === action);

  it('maps USB mounts from the API (AdditionalFields as JSON text) and from Event Hub (an object) to the same record', () => {
    const [mounted] = find(api.records, 'removable-media', 'connected');
    expect(mounted).toMatchObject({
      at: '2024-04-02T19:21:04.123Z',
      deviceId: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      // SYSTEM mounted it: no user, so the device name ties it (through the subject map).
      subjectId: 'laptop-0042.corp.example',
      media: { vendor: 'SanDisk', product: 'Ultra', serial: '4C530001230117115462', kind: 'mass-storage' },
    });
    expect(mounted?.['accountId']).toBeUndefined();
    expect(find(hub.records, 'removable-media', 'connected')[0]).toEqual(mounted);
    expect(find(hub.records, 'removable-media', 'removed')).toEqual([expect.objectContaining({ at: '2024-04-02T19:49:58.123Z' })]);
  });

  it('maps a PnP USB connection to a check-in with the ids from the PnP device id, for the IP-KVM check', () => {
    expect(api.records.find((r) => r['type'] === 'device-checkin')).toMatchObject({ usbDevices: [{ vendorId: '1d6b', productId: '0104', product: 'USB Input Device', serial: 'CAFEBABE', class: 'hid' }] });
  });

  it('maps a file written to the mounted drive (rows of the documented join) as a copy to removable media', () => {
    expect(find(api.records, 'removable-media', 'file-copied')).toEqual([
      expect.objectContaining({
        subjectId: 'ana.ruiz@corp.example',
        accountId: 'ana.ruiz@corp.example',
        file: { name: 'E:\\backup\\customers-2024.xlsx', sizeBytes: 482133, type: 'xlsx', tags: ['Confidential'] },
        media: expect.objectContaining({ serial: '4C530001230117115462' }),
      }),
    ]);
    // The join's right-hand columns that clash get a 1 suffix: reported, not guessed.
    expect(api.report.fields.unmapped).toEqual([{ path: 'Timestamp1', count: 1 }]);
  });

  it('maps starts of remote-access tools and tunnels, a renamed binary by its version info', () => {
    const executed = find(api.records, 'software', 'executed');
    expect(executed.map((r) => [r['name'], r['path'], r['subjectId']])).toEqual([
      ['AnyDesk.exe', 'C:\\Users\\ana\\Downloads\\AnyDesk.exe', 'ana.ruiz@corp.example'],
      ['cloudflared', 'C:\\ProgramData\\svc-update.exe', 'kofi.mensah@corp.example'],
    ]);
    expect(find(hub.records, 'software', 'executed')[0]).toEqual(executed[0]);
  });

  it('accounts for every row: other PnP devices, local files, other processes, duplicates, other actions, bad times', () => {
    expect(api.report.rows).toEqual({ read: 11, mapped: 5, sessionEnds: 0, skipped: 6 });
    expect(api.report.records.duplicates).toEqual({ identical: 1, conflicting: 0 });
    expect(api.report.skipped.rows.map((r) => r.reason.slice(0, 24))).toEqual([
      'PnP device without USB v',
      'file event with no Drive',
      'process "notepad.exe" is',
      'duplicate: every record ',
      'ActionType "AntivirusDet',
      'no readable Timestamp',
    ]);
    expect(hub.report.rows).toEqual({ read: 4, mapped: 4, sessionEnds: 0, skipped: 0 });
    expect(hub.report.fields.unmapped).toEqual([]);
    expect(hub.report.fields.ignored).toContainEqual(expect.objectContaining({ path: 'tenantId', reason: expect.stringContaining('envelope') }));
  });

  it('feeds the remote-access and tunnel checks', () => {
    const events = api.records.map(({ recordType: _, ...r }) => r);
    const result = createScorer().scoreBatch({ asOf: '2024-06-01T00:00:00Z', subjects: [{ id: 'ana.ruiz@corp.example' }, { id: 'kofi.mensah@corp.example' }], events: events.filter((e) => e['subjectId'] !== 'laptop-0042.corp.example') });
    const ids = (subject: string) => (result.reports.find((r) => r.subjectId === subject)?.findings ?? []).map((f) => f.indicatorId);
    expect(ids('ana.ruiz@corp.example')).toContain('device/remote-access-software');
    expect(ids('kofi.mensah@corp.example').some((id) => id.includes('tunnel'))).toBe(true);
  });
});
