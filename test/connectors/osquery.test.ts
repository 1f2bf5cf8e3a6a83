import { createOsqueryConnector, osqueryConnector, parseOsqueryCalendarTime } from '../../src/connectors/sources/osquery';
import { createScorer } from '../../src/defaults';
import { byId, importFixture } from './support';

describe('osquery results connector', () => {
  const { records, report } = importFixture(osqueryConnector, 'osquery-results.ndjson');
  const ofType = (type: string) => records.filter((r) => r['type'] === type);

  it('maps a differential usb_devices row to a check-in the IP-KVM check reads, on the host from the host_uuid decoration', () => {
    const usb = ofType('device-checkin').find((r) => r['at'] === '2024-04-02T19:17:37.000Z');
    expect(usb).toMatchObject({
      subjectId: 'ana.ruiz@corp.example',
      deviceId: '4C4C4544-0042-3010-8057-B4C04F4D3132',
      usbDevices: [
        { vendorId: '1d6b', productId: '0104', vendor: 'Linux Foundation', product: 'Multifunction Composite Gadget', serial: 'CAFEBABE', removable: false },
      ],
    });
    expect(usb?.['accountId']).toBeUndefined();
    expect(report.droppedRecordFields).toEqual([]);
  });

  it('reads a snapshot batch as one check-in with every program, YYYYMMDD install dates, and counts the impossible date', () => {
    const snapshot = ofType('device-checkin').find((r) => r['at'] === '2024-04-01T12:00:00.000Z');
    expect(snapshot).toMatchObject({ subjectId: 'win-7731', deviceId: '8A1B2C3D-0000-4000-8000-00000000WIN7' });
    expect(snapshot?.['installedSoftware']).toEqual([
      { name: 'AnyDesk', version: 'ad 8.0.9', publisher: 'AnyDesk Software GmbH', installedAt: '2024-04-02T00:00:00.000Z' },
      { name: '7-Zip 23.01 (x64)', version: '23.01', installedAt: '2024-01-15T00:00:00.000Z' },
      { name: 'Zoom Workplace', version: '6.0.2', publisher: 'Zoom Video Communications, Inc.' },
    ]);
    expect(report.fields.invalid).toContainEqual({ path: 'snapshot[].install_date', count: 1, reason: 'not a date (YYYYMMDD or ISO)', examples: ['20240230'] });
    expect(report.fields.unmapped).toContainEqual({ path: 'snapshot[].brand_new_column', count: 1 });
    expect(report.fields.ignored).toContainEqual(
      expect.objectContaining({ path: 'snapshot[].identifying_number', reason: expect.stringContaining('programs row without a name') }),
    );
  });

  it('maps removals: removable storage as removable-media removed, programs as software removed', () => {
    expect(ofType('removable-media')).toEqual([
      expect.objectContaining({
        action: 'removed',
        accountId: 'Ana.Ruiz@corp.example',
        media: { vendorId: '0781', productId: '5581', vendor: 'SanDisk', product: 'Ultra', serial: '4C530001230117115462', kind: 'mass-storage' },
      }),
    ]);
    expect(ofType('software')).toEqual([expect.objectContaining({ action: 'removed', name: 'AnyDesk', at: '2024-04-05T09:30:00.000Z' })]);
    const batch = ofType('device-checkin').find((r) => r['at'] === '2024-04-05T09:30:00.000Z');
    expect(batch?.['installedSoftware']).toEqual([{ name: 'ngrok', version: '3.8.0', publisher: 'ngrok LLC', installedAt: '2024-03-20T00:00:00.000Z' }]);
  });

  it('maps system_info, os_version, apps, deb_packages and logged_in_users; drops placeholder serials', () => {
    const system = ofType('device-checkin').find((r) => r['at'] === '2024-04-02T06:00:00.000Z');
    expect(system).toMatchObject({ manufacturer: 'Dell Inc.', model: 'Latitude 7420' });
    expect(system?.['serial']).toBeUndefined();
    expect(report.fields.invalid).toContainEqual({
      path: 'snapshot[].hardware_serial',
      count: 1,
      reason: 'placeholder serial',
      examples: ['To be filled by O.E.M.'],
    });
    expect(records).toContainEqual(expect.objectContaining({ subjectId: 'dana.lee@corp.example', os: { platform: 'macos', version: '14.4.1' } }));
    // No unixTime: calendarTime, with its double-spaced day, gives the time.
    expect(records).toContainEqual(
      expect.objectContaining({ at: '2024-03-28T23:59:59.000Z', installedSoftware: [{ name: 'TeamViewer', version: '15.52.4' }] }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        subjectId: 'kofi.mensah@corp.example',
        installedSoftware: [{ name: 'cloudflared', version: '2024.3.0', publisher: 'Cloudflare <support@cloudflare.com>' }],
      }),
    );
    expect(records).toContainEqual(expect.objectContaining({ loggedInUsers: ['ana'] }));
  });

  it('accounts for every row: duplicates, non-user logins, uninstalled packages, no host, unknown actions and bad times', () => {
    expect(report.rows).toEqual({ read: 16, mapped: 10, sessionEnds: 0, skipped: 6 });
    expect(report.records.duplicates).toEqual({ identical: 1, conflicting: 0 });
    expect(report.skipped.rows.map((r) => [r.line, r.reason.slice(0, 30)])).toEqual([
      [2, 'duplicate: every record of the'],
      [6, 'logged_in_users entry of type '],
      [8, 'package "teamviewer" is not in'],
      [13, 'no host: no hostIdentifier, ho'],
      [14, 'result row with action "change'],
      [16, 'no readable unixTime or calend'],
    ]);
    expect(report.fields.invalid).toContainEqual({ path: 'columns.removable', count: 1, reason: 'not 1 or 0', examples: ['-1'] });
  });

  it('feeds the IP-KVM check: a generic gadget and a capture chip on one computer', () => {
    const events = records.filter((r) => r.recordType === 'event').map(({ recordType: _, ...r }) => r);
    const result = createScorer().scoreBatch({
      asOf: '2024-06-01T00:00:00Z',
      subjects: [{ id: 'ana.ruiz@corp.example' }],
      events: events.filter((e) => e['subjectId'] === 'ana.ruiz@corp.example'),
    });
    const findings = result.reports[0]?.findings ?? [];
    expect(findings.map((f) => f.indicatorId)).toContain('device/ip-kvm');
  });

  it('reads plain osqueryi --json output with the time and host the caller gives, and skips it without', () => {
    const plain = importFixture(createOsqueryConnector({ at: '2024-04-02T12:00:00Z', device: 'LAPTOP-0042' }), 'osqueryi-usb.json');
    expect(plain.report.rows).toEqual({ read: 3, mapped: 3, sessionEnds: 0, skipped: 0 });
    expect(byId(plain.records, plain.records[2]?.['id'] as string)).toMatchObject({
      type: 'removable-media',
      action: 'connected',
      deviceId: 'LAPTOP-0042',
      subjectId: 'laptop-0042',
      media: { vendorId: '0951', productId: '1666' },
    });
    expect(plain.report.fields.invalid).toContainEqual({ path: 'vendor_id', count: 1, reason: 'not a USB id (one to four hex digits)', examples: ['zz12'] });
    const without = importFixture(osqueryConnector, 'osqueryi-usb.json');
    expect(without.report.rows.skipped).toBe(3);
    expect(without.report.skipped.byReason[0]?.reason).toContain('--at');
    expect(() => createOsqueryConnector({ at: 'last tuesday' })).toThrow(/not a time/);
  });

  it('reads calendarTime as osquery writes it, and refuses impossible dates', () => {
    expect(parseOsqueryCalendarTime('Tue Apr  2 19:17:37 2024 UTC')).toBe('2024-04-02T19:17:37.000Z');
    expect(parseOsqueryCalendarTime('Sun Feb 30 10:00:00 2024 UTC')).toBeUndefined();
    expect(parseOsqueryCalendarTime('2024-04-02')).toBeUndefined();
  });
});
