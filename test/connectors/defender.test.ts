import { defenderConnector } from '../../src/connectors/sources/defender';
import { createScorer } from '../../src/defaults';
import { importFixture, rowsOf, runImport } from './support';
import type { ImportedRecord } from '../../src/connectors/run';

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
    expect(api.records.find((r) => r['type'] === 'device-checkin')).toMatchObject({
      usbDevices: [{ vendorId: '1d6b', productId: '0104', product: 'USB Input Device', serial: 'CAFEBABE', class: 'hid' }],
    });
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
    const result = createScorer().scoreBatch({
      asOf: '2024-06-01T00:00:00Z',
      subjects: [{ id: 'ana.ruiz@corp.example' }, { id: 'kofi.mensah@corp.example' }],
      events: events.filter((e) => e['subjectId'] !== 'laptop-0042.corp.example'),
    });
    const ids = (subject: string) => (result.reports.find((r) => r.subjectId === subject)?.findings ?? []).map((f) => f.indicatorId);
    expect(ids('ana.ruiz@corp.example')).toContain('device/remote-access-software');
    expect(ids('kofi.mensah@corp.example').some((id) => id.includes('tunnel'))).toBe(true);
  });
});

describe('Defender XDR: device-control file events and network connections', () => {
  // The inbound RDP connection is accepted by the system: the subject map ties the device to its user.
  const deviceOwners: Readonly<Record<string, string>> = { 'laptop-0042.corp.example': 'ana.ruiz@corp.example' };
  const subjectIdOf = (account: string) => deviceOwners[account.trim().toLowerCase()] ?? account.trim().toLowerCase();
  const { records, report } = importFixture(defenderConnector, 'defender-device-control-network.json', { subjectIdOf });
  const ofType = (type: string) => records.filter((r) => r['type'] === type);

  it('maps RemovableStorageFileEvent writes as copies to removable media, with the media ids from AdditionalFields', () => {
    expect(ofType('removable-media')).toEqual([
      expect.objectContaining({
        at: '2024-04-03T10:15:02.123Z',
        subjectId: 'ana.ruiz@corp.example',
        accountId: 'Ana.Ruiz@corp.example',
        action: 'file-copied',
        media: { vendorId: '0781', productId: '5581', product: 'SanDisk Ultra USB Device', serial: '4C530001230117115462', kind: 'mass-storage' },
        file: { name: 'E:\\exports\\payroll-q1.xlsx', sizeBytes: 918273, type: 'xlsx' },
      }),
      // A phone (WPD) with a 0x-prefixed vendor id, a placeholder serial and no folder or size.
      expect.objectContaining({
        at: '2024-04-03T11:02:00.000Z',
        media: { vendorId: '05ac', productId: '12a8', product: 'Apple iPhone', kind: 'phone' },
        file: { name: 'IMG_0001.HEIC', type: 'heic' },
      }),
    ]);
    expect(report.fields.invalid).toEqual([{ path: 'AdditionalFields.SerialNumber', count: 1, reason: 'placeholder serial', examples: ['0'] }]);
    expect(report.fields.ignored).toContainEqual(expect.objectContaining({ path: 'AdditionalFields.TargetFileLocation' }));
  });

  it('maps connections of remote-access and tunnel tools as remote-access sessions, inbound RDP by its port, a renamed tunnel by its version info', () => {
    expect(ofType('remote-access-session').map((r) => [r['at'], r['subjectId'], r['direction'], r['tool'], r['peerIp']])).toEqual([
      ['2024-04-03T12:30:00.500Z', 'ana.ruiz@corp.example', 'outbound', 'AnyDesk.exe', '203.0.113.50'],
      ['2024-04-03T02:10:00.000Z', 'ana.ruiz@corp.example', 'inbound', 'RDP', '198.51.100.23'],
      ['2024-04-04T01:00:00.000Z', 'kofi.mensah@corp.example', 'outbound', 'cloudflared', '198.41.192.7'],
    ]);
  });

  it('accounts for every row and field: reads from media, other processes, loopback, failures, listeners and duplicates', () => {
    expect(report.rows).toEqual({ read: 11, mapped: 5, sessionEnds: 0, skipped: 6 });
    expect(report.records.duplicates).toEqual({ identical: 1, conflicting: 0 });
    expect(report.skipped.rows.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [3, 'removable-storage file event with access "read"'],
      [7, 'connection of "chrome.exe" is not by a known remote-access or tunnel tool (only those are mapped)'],
      [8, 'loopback connection (127.0.0.1)'],
      [9, 'network event ConnectionFailed'],
      [10, 'duplicate'],
      [12, 'network event ListeningConnectionCreated'],
    ]);
    expect(report.fields.unmapped).toEqual([]);
  });

  it('feeds the remote-access and internet-facing remote-desktop checks', () => {
    const events = records.map(({ recordType: _, ...r }: ImportedRecord) => r);
    const result = createScorer().scoreBatch({
      asOf: '2024-06-01T00:00:00Z',
      subjects: [{ id: 'ana.ruiz@corp.example' }, { id: 'kofi.mensah@corp.example' }],
      events,
    });
    const ids = (subject: string) => (result.reports.find((r) => r.subjectId === subject)?.findings ?? []).map((f) => f.indicatorId);
    expect(ids('ana.ruiz@corp.example')).toEqual(expect.arrayContaining(['device/remote-access-software', 'device/remote-desktop-internet-facing']));
    expect(ids('kofi.mensah@corp.example')).toContain('device/tunnel-software');
  });
  it('skips loopback peers written in the IPv4-mapped IPv6 form (RemoteIPType FourToSixMapping)', () => {
    const row = {
      Timestamp: '2024-04-03T12:32:00Z',
      DeviceId: 'd1',
      DeviceName: 'laptop-0042.corp.example',
      ActionType: 'ConnectionSuccess',
      RemoteIP: '::ffff:127.0.0.1',
      RemotePort: 41641,
      RemoteIPType: 'FourToSixMapping',
      InitiatingProcessFileName: 'tailscaled.exe',
      InitiatingProcessAccountUpn: 'ana.ruiz@corp.example',
      ReportId: 9,
    };
    const { records, report } = runImport(defenderConnector, rowsOf(defenderConnector, JSON.stringify([row])));
    expect(records).toEqual([]);
    expect(report.skipped.rows.map((r) => r.reason.split(':').slice(0, -1).join(':'))).toEqual(['loopback connection (::ffff:127.0.0.1)']);
  });
});
