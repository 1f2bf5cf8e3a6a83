import { fc, test } from '@fast-check/vitest';
import type { Connector } from '../../src/connectors/contract';
import { createImporter, type ImportedRecord } from '../../src/connectors/run';
import { defenderConnector } from '../../src/connectors/sources/defender';
import { intuneConnector } from '../../src/connectors/sources/intune';
import { jamfConnector } from '../../src/connectors/sources/jamf';
import { osqueryConnector } from '../../src/connectors/sources/osquery';
import { compareText } from '../../src/engine/order';
import { createScorer } from '../../src/defaults';
import { safeParseEvent, safeParseSubject } from '../../src/records/validate';
import { countedPaths, leafPaths } from './support';

// Strings that do not look like JSON: the reader would read "{...}" text as an object (Log Analytics writes so).
const text = fc.string({ maxLength: 12 }).filter((s) => !/^\s*[[{]/.test(s));
const junk = fc.oneof(fc.constant(null), fc.constant(''), text, fc.integer(), fc.boolean());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 3 }, { arbitrary: junk, weight: 1 });
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.option(fc.record(shape, { requiredKeys: [] }), { nil: null });
const times = fc.constantFrom('2024-04-02T09:00:00Z', '2024-04-02 10:00:00.0000000', '1712050000', '2024-04-02T11:30:00.1234567+02:00', '2024-02-30T00:00:00Z');
const users = fc.constantFrom('ana@corp.example', 'Ana@corp.example', 'kofi@corp.example');
const hosts = fc.constantFrom('LAPTOP-1', 'laptop-1', 'MBP-2');

const usbColumns = fc.record(
  {
    vendor_id: maybe(fc.constantFrom('1d6b', '0x0781', '534D', 'zz')),
    model_id: maybe(fc.constantFrom('0104', '5581', '2109')),
    vendor: junk,
    model: maybe(fc.constantFrom('PiKVM Composite Device', 'Ultra')),
    serial: maybe(fc.constantFrom('0', 'CAFE', 'Not Specified')),
    class: maybe(fc.constantFrom('8', '3', '0', '239')),
    removable: maybe(fc.constantFrom('1', '0', '-1', 1)),
    usb_port: junk,
  },
  { requiredKeys: ['vendor_id'] },
);
const programColumns = fc.record(
  {
    name: maybe(fc.constantFrom('AnyDesk', 'ngrok', '7-Zip')),
    version: junk,
    publisher: junk,
    install_date: maybe(fc.constantFrom('20240402', '20240230', '2024-01-15')),
    identifying_number: maybe(text),
  },
  { requiredKeys: ['identifying_number'] },
);
const appColumns = fc.record(
  {
    name: maybe(fc.constantFrom('TeamViewer.app')),
    display_name: junk,
    bundle_identifier: maybe(fc.constantFrom('com.teamviewer.TeamViewer')),
    bundle_short_version: junk,
  },
  { requiredKeys: ['bundle_identifier'] },
);
const debColumns = fc.record(
  {
    name: maybe(fc.constantFrom('cloudflared', 'curl')),
    version: junk,
    maintainer: maybe(text),
    status: maybe(fc.constantFrom('install ok installed', 'deinstall ok config-files')),
  },
  { requiredKeys: ['maintainer'] },
);
const userColumns = fc.record(
  {
    type: maybe(fc.constantFrom('user', 'boot_time')),
    user: maybe(fc.constantFrom('ana', 'root')),
    tty: maybe(fc.constantFrom('console')),
    pid: junk,
    host: junk,
  },
  { requiredKeys: ['tty'] },
);
const systemColumns = fc.record(
  {
    hardware_vendor: maybe(fc.constantFrom('Dell Inc.')),
    hardware_model: junk,
    hardware_serial: maybe(fc.constantFrom('7GQK3Q3', 'To be filled by O.E.M.')),
    uuid: junk,
    cpu_brand: junk,
  },
  { requiredKeys: ['hardware_vendor'] },
);
const columns = fc.oneof(usbColumns, programColumns, appColumns, debColumns, userColumns, systemColumns, fc.record({ surprise: junk }));
const osqueryHeader = {
  name: maybe(fc.constantFrom('pack_hw_usb_devices', 'programs', 'whatever')),
  hostIdentifier: maybe(hosts),
  unixTime: maybe(fc.constantFrom(1712085457, '1712085457', 'soon')),
  calendarTime: maybe(fc.constantFrom('Tue Apr  2 19:17:37 2024 UTC', 'Sun Feb 30 10:00:00 2024 UTC')),
  decorations: partial({ host_uuid: junk, username: maybe(users), extra: junk }),
  counter: junk,
};
const osqueryRow = fc.oneof(
  fc.record(
    { ...osqueryHeader, action: maybe(fc.constantFrom('added', 'removed', 'changed')), columns },
    { requiredKeys: ['hostIdentifier', 'unixTime', 'columns'] },
  ),
  fc.record(
    { ...osqueryHeader, action: fc.constant('snapshot'), snapshot: fc.array(columns, { maxLength: 3 }) },
    { requiredKeys: ['hostIdentifier', 'unixTime', 'snapshot'] },
  ),
  fc.record(
    {
      ...osqueryHeader,
      diffResults: fc.record({ added: fc.array(columns, { maxLength: 2 }), removed: fc.array(columns, { maxLength: 2 }) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['hostIdentifier', 'diffResults'] },
  ),
);

const managedDevice = {
  id: maybe(fc.constantFrom('d1', 'd2', 'd3')),
  deviceName: maybe(hosts),
  userPrincipalName: maybe(users),
  managedDeviceOwnerType: maybe(fc.constantFrom('company', 'personal', 'unknown', 'odd')),
  enrolledDateTime: maybe(times),
  lastSyncDateTime: maybe(fc.constantFrom('2024-04-02T19:40:00Z', '0001-01-01T00:00:00Z', '2024-04-02 19:40:00')),
  operatingSystem: maybe(fc.constantFrom('Windows', 'macOS', 'iOS', 'Holographic OS')),
  complianceState: maybe(fc.constantFrom('compliant', 'noncompliant', 'inGracePeriod', 'error', 'weird')),
  managementAgent: maybe(fc.constantFrom('mdm', 'eas')),
  serialNumber: maybe(fc.constantFrom('7GQK3Q3', '0', '')),
  isEncrypted: junk,
  phoneNumber: junk,
  usersLoggedOn: fc.option(fc.array(partial({ userId: junk, lastLogOnDateTime: junk }), { maxLength: 2 }), { nil: null }),
  surprise: junk,
};
const intuneRow = fc.oneof(
  fc.record(
    {
      ...managedDevice,
      detectedApps: fc.option(
        fc.array(partial({ id: junk, displayName: maybe(fc.constantFrom('AnyDesk', 'Notepad++')), version: junk, publisher: junk, sizeInByte: junk }), {
          maxLength: 3,
        }),
        { nil: null },
      ),
    },
    { requiredKeys: ['id', 'userPrincipalName'] },
  ),
  fc.record(
    {
      '@odata.type': fc.constant('#microsoft.graph.detectedApp'),
      id: maybe(text),
      displayName: maybe(fc.constantFrom('ngrok')),
      version: junk,
      deviceCount: junk,
      managedDevices: fc.array(fc.record(managedDevice, { requiredKeys: [] }), { maxLength: 2 }),
    },
    { requiredKeys: ['displayName', 'managedDevices'] },
  ),
);

const defenderColumns = {
  Timestamp: maybe(times),
  DeviceId: maybe(fc.constantFrom('dev1', 'dev2')),
  DeviceName: maybe(hosts),
  ActionType: maybe(
    fc.constantFrom(
      'UsbDriveMounted',
      'UsbDriveUnmounted',
      'PnpDeviceConnected',
      'ProcessCreated',
      'FileCreated',
      'AntivirusDetection',
      'RemovableStorageFileEvent',
      'ConnectionSuccess',
      'InboundConnectionAccepted',
      'ConnectionFailed',
    ),
  ),
  ReportId: maybe(fc.integer({ min: 1, max: 5 })),
  AccountUpn: maybe(users),
  InitiatingProcessAccountUpn: junk,
  AdditionalFields: partial({
    DriveLetter: maybe(fc.constantFrom('E:', 'F:')),
    ProductName: junk,
    SerialNumber: junk,
    Manufacturer: junk,
    DeviceId: maybe(fc.constantFrom('USB\\VID_1D6B&PID_0104\\CAFE', 'SWD\\X\\Y')),
    ClassName: maybe(fc.constantFrom('HIDClass', 'Odd', 'DiskDrive', 'WPD')),
    VendorId: maybe(fc.constantFrom('0781', '0x05AC', 'zz')),
    ProductId: junk,
    MediaName: junk,
    DuplicatedOperation: maybe(fc.constantFrom('Write', 'Read')),
    RemovableStoragePolicyVerdict: maybe(fc.constantFrom('Allow', 'Deny')),
    Policy: junk,
    Extra: junk,
  }),
  FileName: maybe(fc.constantFrom('AnyDesk.exe', 'notepad.exe', 'cloudflared.exe', 'report.pdf')),
  FolderPath: maybe(fc.constantFrom('E:\\x\\report.pdf', 'C:\\Windows\\notepad.exe')),
  FileSize: junk,
  DriveLetter: maybe(fc.constantFrom('E:')),
  ProcessVersionInfoProductName: junk,
  SensitivityLabel: junk,
  RemoteIP: maybe(fc.constantFrom('203.0.113.50', '127.0.0.1', '10.0.0.4')),
  RemoteIPType: maybe(fc.constantFrom('Public', 'Private', 'Loopback')),
  RemotePort: junk,
  RemoteUrl: junk,
  LocalPort: maybe(fc.constantFrom(3389, 5900, 443, '3389')),
  InitiatingProcessFileName: maybe(fc.constantFrom('AnyDesk.exe', 'chrome.exe', 'svchost.exe', 'tailscaled.exe')),
  InitiatingProcessVersionInfoProductName: junk,
  Surprise: junk,
};
const defenderRow = fc.oneof(
  fc.record(defenderColumns, { requiredKeys: ['ActionType', 'Timestamp', 'DeviceId'] }),
  fc.record(
    {
      time: maybe(times),
      category: fc.constant('AdvancedHunting-DeviceEvents'),
      tenantId: junk,
      properties: fc.record(defenderColumns, { requiredKeys: ['ActionType', 'DeviceId'] }),
    },
    { requiredKeys: ['properties'] },
  ),
);

const jamfTimes = fc.constantFrom('2024-04-02T19:40:11.123Z', '2024-04-03T08:00:00+02:00', '1970-01-01T00:00:00Z', 'soon');
const jamfRow = fc.record(
  {
    id: maybe(fc.constantFrom('41', '42', '43')),
    udid: maybe(fc.constantFrom('UDID-1', 'UDID-2')),
    general: partial({
      name: maybe(hosts),
      platform: maybe(fc.constantFrom('Mac', 'Windows', 'Odd')),
      reportDate: maybe(jamfTimes),
      lastContactTime: maybe(jamfTimes),
      lastEnrolledDate: maybe(jamfTimes),
      lastIpAddress: maybe(fc.constantFrom('203.0.113.77', 'not-an-ip')),
      remoteManagement: partial({ managed: junk, managementUsername: junk }),
      extensionAttributes: fc.option(fc.array(partial({ name: junk, values: fc.option(fc.array(text, { maxLength: 2 }), { nil: null }) }), { maxLength: 2 }), {
        nil: null,
      }),
      surprise: junk,
    }),
    hardware: partial({
      make: junk,
      model: junk,
      modelIdentifier: junk,
      serialNumber: maybe(fc.constantFrom('C02ZK1ABCDE1', 'Not Specified', '0')),
      macAddress: junk,
    }),
    operatingSystem: partial({
      name: maybe(fc.constantFrom('macOS', 'Windows', 'BeOS')),
      version: junk,
      build: junk,
      fileVault2Status: maybe(fc.constantFrom('ALL_ENCRYPTED', 'NOT_ENCRYPTED', 'WEIRD')),
    }),
    userAndLocation: partial({ email: maybe(users), username: maybe(fc.constantFrom('ana', 'kofi')), realname: junk, phone: junk }),
    diskEncryption: partial({
      bootPartitionEncryptionDetails: partial({
        partitionFileVault2State: maybe(fc.constantFrom('ENCRYPTED', 'UNENCRYPTED', 'ENCRYPTING', 'ODD')),
        partitionName: junk,
      }),
    }),
    security: partial({ remoteDesktopEnabled: junk, sipStatus: junk }),
    applications: fc.option(
      fc.array(
        partial({
          name: maybe(fc.constantFrom('AnyDesk.app', 'Xcode.app')),
          bundleId: maybe(fc.constantFrom('com.teamviewer.TeamViewerHost')),
          version: junk,
          path: junk,
        }),
        { maxLength: 3 },
      ),
      { nil: null },
    ),
    purchasing: junk,
    surprise: junk,
  },
  { requiredKeys: ['udid', 'general'] },
);

const cases: readonly [string, Connector, fc.Arbitrary<unknown>][] = [
  ['osquery', osqueryConnector, osqueryRow],
  ['intune', intuneConnector, intuneRow],
  ['defender', defenderConnector, defenderRow],
  ['jamf', jamfConnector, jamfRow],
];

function importValues(connector: Connector, values: readonly unknown[], emitSubjects = false) {
  const importer = createImporter(connector, { emitSubjects });
  const records: ImportedRecord[] = [];
  for (const value of values) records.push(...importer.push({ value }));
  records.push(...importer.finish());
  return { records, report: importer.report() };
}

function valid(record: ImportedRecord): boolean {
  const { recordType, ...fields } = record;
  return (recordType === 'subject' ? safeParseSubject(fields) : safeParseEvent(fields)).success;
}

describe.each(cases)('device connector properties: %s', (_name, connector, row) => {
  it('generates rows that map and rows that are skipped', () => {
    const reports = fc.sample(row, { numRuns: 300, seed: 42 }).map((value) => importValues(connector, [value]).report);
    expect(reports.filter((r) => r.rows.mapped === 1).length).toBeGreaterThan(10);
    expect(reports.filter((r) => r.rows.skipped === 1).length).toBeGreaterThan(10);
    expect(reports.some((r) => r.fields.invalid.length + r.fields.unmapped.length > 0)).toBe(true);
  });

  test.prop([row], { numRuns: 150 })('writes valid records without nulls, or lists the row as skipped; every row is counted', (value) => {
    const { records, report } = importValues(connector, [value]);
    expect(records.every(valid)).toBe(true);
    expect(JSON.stringify(records)).not.toMatch(/:null[,}\]]/);
    expect(report.droppedRecordFields).toEqual([]);
    expect(report.rows.mapped + report.rows.sessionEnds + report.rows.skipped).toBe(1);
    if (report.rows.skipped === 1) expect(report.skipped.rows[0]?.reason).toMatch(/\w/);
  });

  test.prop([row], { numRuns: 150 })('accounts for every field of a mapped row: mapped, ignored, invalid or unmapped', (value) => {
    const { report } = importValues(connector, [value]);
    fc.pre(report.rows.mapped === 1);
    const counted = countedPaths(report);
    for (const path of leafPaths(value)) expect(counted, path).toContain(path);
  });

  test.prop([fc.array(row, { maxLength: 6 })], { numRuns: 60 })('gives the same records and report when run twice', (values) => {
    expect(importValues(connector, values)).toEqual(importValues(connector, values));
  });
});

function withUniqueIds(connector: Connector, values: readonly unknown[]): unknown[] {
  // Conflicting duplicates keep the first row by design; order independence holds for distinct ids.
  return values.map((value, i) => {
    if (value === null || typeof value !== 'object') return value;
    if (connector === intuneConnector)
      return {
        ...value,
        id: `d${i}`,
        managedDevices: ((value as { managedDevices?: object[] }).managedDevices ?? []).map((d, j) => ({ ...d, id: `d${i}-${j}` })),
      };
    if (connector === jamfConnector) return { ...value, udid: `UDID-${i}` };
    if (connector === defenderConnector)
      return 'properties' in value
        ? { ...value, properties: { ...(value as { properties: object }).properties, ReportId: 100 + i } }
        : { ...value, ReportId: 100 + i };
    return value;
  });
}

const scorer = createScorer();
function scored(records: readonly ImportedRecord[]): string {
  const subjects = records.filter((r) => r.recordType === 'subject').map(({ recordType: _, ...r }) => r);
  const events = records.filter((r) => r.recordType === 'event').map(({ recordType: _, ...r }) => r);
  const result = scorer.scoreBatch({ asOf: '2024-06-01T00:00:00Z', subjects, events });
  return JSON.stringify([...result.reports].sort((a, b) => compareText(a.subjectId, b.subjectId)));
}

describe.each(cases)('device connector properties: %s', (_name, connector, row) => {
  test.prop([fc.array(row, { maxLength: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 })], { numRuns: 30 })(
    'scores the same whatever the order of the input rows',
    (values, keys) => {
      const rows = withUniqueIds(connector, values);
      const shuffled = rows
        .map((v, i) => [keys[i] ?? 0, i, v] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([, , v]) => v);
      const a = importValues(connector, rows, true);
      const b = importValues(connector, shuffled, true);
      const sortedLines = (r: readonly ImportedRecord[]) => r.map((x) => JSON.stringify(x)).sort(compareText);
      expect(sortedLines(b.records)).toEqual(sortedLines(a.records));
      expect(scored(b.records)).toBe(scored(a.records));
    },
    120_000,
  );
});
