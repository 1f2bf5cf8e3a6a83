import { defineConnector, skip, type Connector, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { deviceOwner, osPlatforms, serialOf, usbHexId } from '../helpers/devices';
import { parseTime } from '../helpers/time';
import { parseBoolean } from '../helpers/values';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

/** The osquery tables this connector maps. */
type Table = 'usb_devices' | 'programs' | 'apps' | 'deb_packages' | 'logged_in_users' | 'system_info' | 'os_version';

// Checked in this order against the scheduled query's name (`pack_inventory_usb_devices`).
const tableNames: readonly Table[] = ['usb_devices', 'logged_in_users', 'system_info', 'os_version', 'deb_packages', 'programs', 'apps'];

/** The table a row of columns comes from, by the columns only that table has. */
function tableByColumns(c: FieldReader): Table | undefined {
  if (c.has('vendor_id') || c.has('model_id') || c.has('usb_address') || c.has('usb_port')) return 'usb_devices';
  if (c.has('bundle_identifier') || c.has('bundle_short_version') || c.has('bundle_executable')) return 'apps';
  if (c.has('identifying_number') || c.has('install_location') || c.has('uninstall_string') || c.has('install_source')) return 'programs';
  if (c.has('maintainer') || (c.has('arch') && c.has('revision'))) return 'deb_packages';
  if (c.has('tty') || (c.has('user') && c.has('pid'))) return 'logged_in_users';
  if (c.has('hardware_vendor') || c.has('hardware_model') || c.has('hardware_serial') || c.has('cpu_brand')) return 'system_info';
  if (c.has('platform') && (c.has('major') || c.has('codename') || c.has('platform_like'))) return 'os_version';
  return undefined;
}

function tableOf(c: FieldReader, queryName: string | undefined): Table | undefined {
  const byColumns = tableByColumns(c);
  if (byColumns !== undefined || queryName === undefined) return byColumns;
  const name = queryName.toLowerCase();
  return tableNames.find((table) => name.includes(table));
}

// USB interface class codes (usb.org "Defined Class Codes"), as osquery writes them (decimal or hex text).
const usbClasses: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  '1': 'audio',
  '01': 'audio',
  '3': 'hid',
  '03': 'hid',
  '8': 'mass-storage',
  '08': 'mass-storage',
  '9': 'hub',
  '09': 'hub',
  '14': 'video',
  '0e': 'video',
  e: 'video',
});

/** `20240402` (Windows registry InstallDate, osquery programs.install_date) or any layout parseTime reads. */
function installDate(value: unknown): string | undefined {
  const text = String(value).trim();
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return parseTime(m !== null ? `${m[1]}-${m[2]}-${m[3]}` : value);
}

const months: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
});

/** osquery `calendarTime`: `Tue Apr  2 19:17:37 2024 UTC` (C asctime, always UTC). */
export function parseOsqueryCalendarTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\d{4})(?: UTC)?$/.exec(value.trim());
  const month = m === null ? undefined : months[(m[1] as string).toLowerCase()];
  if (m === null || month === undefined) return undefined;
  return parseTime(`${m[4]}-${month}-${(m[2] as string).padStart(2, '0')}T${m[3]}Z`);
}

/** What the rows of one result say about a host, gathered into one check-in. */
interface Inventory {
  readonly usbDevices: Record<string, unknown>[];
  readonly installedSoftware: Record<string, unknown>[];
  readonly loggedInUsers: string[];
  serial?: string | undefined;
  manufacturer?: string | undefined;
  model?: string | undefined;
  systemUuid?: string | undefined;
  platform?: string | undefined;
  osVersion?: string | undefined;
}

function usbId(c: FieldReader, path: string): string | undefined {
  return c.parsed(path, (v) => (typeof v === 'string' || typeof v === 'number' ? usbHexId(String(v)) : undefined), 'not a USB id (one to four hex digits)');
}

function readUsb(c: FieldReader): Record<string, unknown> {
  const device = {
    vendorId: usbId(c, 'vendor_id'),
    productId: usbId(c, 'model_id'),
    vendor: c.string('vendor'),
    product: c.string('model'),
    serial: c.parsed('serial', serialOf, 'placeholder serial'),
    class: c.oneOf('class', usbClasses, 'USB class code not in the connector table'),
    // -1 is osquery's "unknown".
    removable: c.parsed('removable', parseBoolean, 'not 1 or 0'),
  };
  c.ignoreAll({
    usb_address: 'bus address: changes with every plug-in',
    usb_port: 'port number: changes with every plug-in',
    version: 'USB device release number',
    subclass: 'USB subclass code: the class is kept',
    protocol: 'USB protocol code: the class is kept',
    vendor_id_raw: 'raw form of vendor_id',
    model_id_raw: 'raw form of model_id',
  });
  return device;
}

const softwareIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  identifying_number: 'Windows product code',
  install_location: 'install folder',
  install_source: 'installer source folder',
  language: 'installer language',
  uninstall_string: 'uninstall command',
  upgrade_code: 'Windows upgrade code',
  package_family_name: 'Windows package family',
  arch: 'CPU architecture of the package',
  source: 'source package name',
  revision: 'package revision (the version is kept)',
  size: 'package size',
  section: 'package section',
  priority: 'package priority',
  admindir: 'dpkg database folder',
  pid_with_namespace: 'container process of the query',
  mount_namespace_id: 'container namespace of the query',
  path: 'application bundle path',
  bundle_executable: 'executable inside the bundle',
  bundle_identifier: 'bundle id: the display name is the software name',
  bundle_package_type: 'bundle type',
  bundle_version: 'build number (bundle_short_version is kept, this when it is absent)',
  compiler: 'compiler of the bundle',
  development_region: 'bundle language',
  info_string: 'bundle description',
  minimum_system_version: 'minimum macOS version',
  category: 'App Store category',
  applescript_enabled: 'AppleScript flag',
  copyright: 'copyright text',
  last_opened_time: 'last use of the app: inventory, not an execution record',
  element: 'bundle element flag',
  environment: 'bundle environment',
});

/** A software item, or why the row is not one. */
function readSoftware(table: 'programs' | 'apps' | 'deb_packages', c: FieldReader): Record<string, unknown> | string {
  if (table === 'deb_packages' && c.has('status')) {
    const status = c.string('status') as string;
    if (!/ installed$/i.test(status)) return `package "${c.string('name') ?? ''}" is not installed (status "${status}")`;
  }
  let name: string | undefined;
  if (table === 'apps') {
    const path = c.firstPresent('display_name', 'bundle_name', 'name');
    name = path === undefined ? undefined : c.string(path);
    for (const other of ['display_name', 'bundle_name', 'name'])
      if (other !== path) c.ignore(other, 'another spelling of the app name (display_name, else bundle_name, else name is kept)');
  } else name = c.string('name');
  if (name === undefined) return `${table} row without a name`;
  const version = table === 'apps' ? (c.string('bundle_short_version') ?? c.string('bundle_version')) : c.string('version');
  const item = {
    name,
    version,
    publisher: table === 'deb_packages' ? c.string('maintainer') : c.string('publisher'),
    installedAt: table === 'programs' ? c.parsed('install_date', installDate, 'not a date (YYYYMMDD or ISO)') : undefined,
  };
  c.ignoreAll(softwareIgnored);
  return item;
}

/** Adds one row of columns to the inventory; returns why it adds nothing, if so. */
function addItem(table: Table, c: FieldReader, inv: Inventory): string | undefined {
  switch (table) {
    case 'usb_devices':
      inv.usbDevices.push(readUsb(c));
      return undefined;
    case 'programs':
    case 'apps':
    case 'deb_packages': {
      const item = readSoftware(table, c);
      if (typeof item === 'string') return item;
      inv.installedSoftware.push(item);
      return undefined;
    }
    case 'logged_in_users': {
      const type = c.string('type')?.toLowerCase();
      c.ignoreAll({
        tty: 'terminal of the login',
        host: 'remote host of the login: the check-in has no field for it',
        time: 'login time: the check-in time is the row time',
        pid: 'login process id',
        sid: 'Windows security id: the user name is kept',
        registry_hive: 'Windows registry hive of the user',
      });
      if (type !== undefined && type !== 'user') return `logged_in_users entry of type "${type}" is not a logged-in user`;
      const user = c.string('user');
      if (user === undefined) return 'logged_in_users row without a user';
      inv.loggedInUsers.push(user);
      return undefined;
    }
    case 'system_info':
      inv.serial ??= c.parsed('hardware_serial', serialOf, 'placeholder serial');
      inv.manufacturer ??= c.string('hardware_vendor');
      inv.model ??= c.string('hardware_model');
      inv.systemUuid ??= c.string('uuid');
      c.ignoreAll({
        hostname: 'host name: the host identifier names the device',
        computer_name: 'computer name: the host identifier names the device',
        local_hostname: 'local host name',
        cpu_type: 'hardware detail',
        cpu_subtype: 'hardware detail',
        cpu_brand: 'hardware detail',
        cpu_physical_cores: 'hardware detail',
        cpu_logical_cores: 'hardware detail',
        cpu_sockets: 'hardware detail',
        cpu_microcode: 'hardware detail',
        physical_memory: 'hardware detail',
        hardware_version: 'hardware detail',
        board_vendor: 'main board detail',
        board_model: 'main board detail',
        board_version: 'main board detail',
        board_serial: 'main board serial: the hardware serial is kept',
      });
      return undefined;
    case 'os_version':
      inv.platform ??= c.oneOf('platform', osPlatforms, 'OS platform not in the connector table');
      inv.osVersion ??= c.string('version');
      c.ignoreAll({
        name: 'OS name: platform and version are kept',
        major: 'part of version',
        minor: 'part of version',
        patch: 'part of version',
        build: 'part of version',
        codename: 'release code name',
        platform_like: 'family of the platform',
        arch: 'CPU architecture',
        install_date: 'OS install date',
        extra: 'version suffix',
        revision: 'part of version',
        pid_with_namespace: 'container process of the query',
        mount_namespace_id: 'container namespace of the query',
      });
      return undefined;
  }
}

/** Options for plain `osqueryi --json` output, which carries neither a time nor a host. */
export interface OsqueryOptions {
  /** When the plain rows were collected, ISO 8601. Without it plain rows are skipped. */
  readonly at?: string;
  /** The host the plain rows come from (device id and, for the subject map, device name). */
  readonly device?: string;
}

type Mode = 'added' | 'removed' | 'snapshot' | 'plain';

function mapOsquery(row: FieldReader, ctx: MapContext, options: OsqueryOptions): RowResult {
  const queryName = row.string('name');
  const action = row.string('action')?.toLowerCase();
  const batches: [Mode, FieldReader[]][] = [];
  if (row.has('snapshot')) batches.push(['snapshot', row.list('snapshot')]);
  else if (row.has('diffResults')) batches.push(['added', row.list('diffResults.added')], ['removed', row.list('diffResults.removed')]);
  else if (row.has('columns')) {
    if (action !== 'added' && action !== 'removed') return skip(`result row with action "${action ?? ''}": not added, removed or snapshot`);
    const columns = row.object('columns');
    batches.push([action, columns === undefined ? [] : [columns]]);
  } else if (!row.has('hostIdentifier') && !row.has('unixTime') && !row.has('calendarTime')) batches.push(['plain', [row]]);
  else return skip('result row without columns, snapshot or diffResults: no data');

  const plain = batches[0]?.[0] === 'plain';
  const at = plain ? options.at : (row.time('unixTime') ?? row.parsed('calendarTime', parseOsqueryCalendarTime, 'not an osquery calendarTime'));
  if (at === undefined)
    return skip(plain ? 'plain osqueryi row: no time (pass the collection time, --at on the command line)' : 'no readable unixTime or calendarTime');
  if (row.has('unixTime')) row.ignore('calendarTime', 'the same instant as unixTime');

  const inv: Inventory = { usbDevices: [], installedSoftware: [], loggedInUsers: [] };
  const removed: RecordDraft[] = [];
  const reasons: string[] = [];
  const pending: { table: Table; c: FieldReader }[] = [];
  for (const [mode, items] of batches) {
    for (const c of items) {
      const table = tableOf(c, queryName);
      if (table === undefined) {
        reasons.push(`columns of no mapped table (${tableNames.join(', ')})`);
        c.ignore('', 'result row of a table the connector does not map');
        continue;
      }
      if (mode === 'removed') pending.push({ table, c });
      else {
        const reason = addItem(table, c, inv);
        if (reason !== undefined) {
          reasons.push(reason);
          c.ignore('', `result row not mapped: ${reason}`);
        }
      }
    }
  }

  const deviceId =
    row.string('decorations.host_uuid') ??
    row.string('decorations.uuid') ??
    row.string('hostIdentifier') ??
    (plain ? options.device : undefined) ??
    inv.systemUuid;
  if (deviceId === undefined) return skip('no host: no hostIdentifier, host_uuid decoration or system_info uuid');
  const deviceName =
    row.string('decorations.hostname') ??
    row.string('decorations.computer_name') ??
    row.string('hostIdentifier') ??
    (plain ? options.device : undefined) ??
    deviceId;
  const owner = deviceOwner(ctx, [row.string('decorations.user_email'), row.string('decorations.email'), row.string('decorations.username')], deviceName);
  if ('skip' in owner) return skip(owner.skip);
  const id = `${ctx.source}:h${row.contentHash()}`;
  // Check-ins name the device only (users are in loggedInUsers); media and software events also the account.
  const checkinBase = { subjectId: owner.subjectId, at, source: ctx.source, deviceId };
  const base = { ...checkinBase, ...(owner.byDevice ? {} : { accountId: owner.accountId }) };

  pending.forEach(({ table, c }, index) => {
    const itemId = `${id}:removed:${index}`;
    if (table === 'usb_devices') {
      const usb = readUsb(c);
      if (usb['removable'] === true || usb['class'] === 'mass-storage') {
        removed.push({ recordType: 'event', record: { ...base, id: itemId, type: 'removable-media', action: 'removed', media: mediaOf(usb) } });
      } else reasons.push('USB device detached that is not removable storage: no record for it');
    } else if (table === 'programs' || table === 'apps' || table === 'deb_packages') {
      const item = readSoftware(table, c);
      if (typeof item === 'string') reasons.push(item);
      else
        removed.push({
          recordType: 'event',
          record: { ...base, id: itemId, type: 'software', action: 'removed', name: item['name'], version: item['version'], publisher: item['publisher'] },
        });
    } else reasons.push(`${table} row removed: the model keeps no record of it`);
  });

  const records: RecordDraft[] = [];
  const hasInventory =
    inv.usbDevices.length + inv.installedSoftware.length + inv.loggedInUsers.length > 0 ||
    inv.serial !== undefined ||
    inv.manufacturer !== undefined ||
    inv.model !== undefined ||
    inv.platform !== undefined ||
    inv.osVersion !== undefined ||
    inv.systemUuid !== undefined;
  if (hasInventory) {
    records.push({
      recordType: 'event',
      record: {
        ...checkinBase,
        id,
        type: 'device-checkin',
        serial: inv.serial,
        manufacturer: inv.manufacturer,
        model: inv.model,
        os: { platform: inv.platform, version: inv.osVersion },
        loggedInUsers: inv.loggedInUsers,
        installedSoftware: inv.installedSoftware,
        usbDevices: inv.usbDevices,
      },
    });
    // Removable storage seen attached is also a removable-media connection, for the data-movement checks.
    inv.usbDevices.forEach((usb, index) => {
      if (usb['removable'] === true || usb['class'] === 'mass-storage') {
        records.push({
          recordType: 'event',
          record: { ...base, id: `${id}:media:${index}`, type: 'removable-media', action: 'connected', media: mediaOf(usb) },
        });
      }
    });
  }
  for (const draft of removed) records.push(draft);
  if (records.length === 0) return skip(reasons[0] ?? 'no rows in the result');
  return { records };
}

function mediaOf(usb: Record<string, unknown>): Record<string, unknown> {
  return {
    vendorId: usb['vendorId'],
    productId: usb['productId'],
    vendor: usb['vendor'],
    product: usb['product'],
    serial: usb['serial'],
    kind: usb['class'] === 'mass-storage' ? 'mass-storage' : 'other',
  };
}

const docs = [
  { title: 'osquery logging: results log format (differential, snapshot, batch)', url: 'https://osquery.readthedocs.io/en/stable/deployment/logging/' },
  { title: 'osquery schema: usb_devices, programs, apps, deb_packages, logged_in_users, system_info, os_version', url: 'https://osquery.io/schema/' },
  { title: 'osquery configuration: decorators', url: 'https://osquery.readthedocs.io/en/stable/deployment/configuration/' },
];

const ignored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  epoch: 'osquery epoch counter of the scheduled query',
  counter: 'osquery run counter of the scheduled query',
  numerics: 'whether numbers are written as numbers',
  action: 'read to choose added, removed or snapshot',
  name: 'scheduled query name, read as a hint to the table',
  'decorations.hostname': 'read as the device name for the subject map when present',
  'decorations.computer_name': 'read as the device name for the subject map when present',
});

/**
 * osquery results: device inventory (`usb_devices`, `programs`, `apps`, `deb_packages`,
 * `logged_in_users`, `system_info`, `os_version`) as device check-ins, removable storage also as
 * removable-media connections, removed software and storage as removal events. Reads the
 * scheduled-query results log (differential `columns` rows with `action` added/removed, `snapshot`
 * batches, batched `diffResults`) and, with {@link OsqueryOptions}, plain `osqueryi --json` output.
 */
export function createOsqueryConnector(options: OsqueryOptions = {}): Connector {
  const at = options.at === undefined ? undefined : parseTime(options.at);
  if (options.at !== undefined && at === undefined) throw new Error(`osquery: "${options.at}" is not a time (ISO 8601 expected)`);
  const resolved: OsqueryOptions = { ...(at !== undefined ? { at } : {}), ...(options.device !== undefined ? { device: options.device } : {}) };
  return defineConnector({
    id: 'osquery',
    title: 'osquery results',
    docs,
    format: 'json',
    // Result rows are objects a line (or osqueryi's array); no wrapper objects.
    wrappers: [],
    ignored,
    detect: (row) => row.has('hostIdentifier') || row.has('snapshot') || row.has('columns') || row.has('diffResults'),
    mapRow: (row, ctx) => mapOsquery(row, ctx, resolved),
  });
}

/** The osquery connector for results logs (plain `osqueryi` rows need {@link createOsqueryConnector} with a time). */
export const osqueryConnector = createOsqueryConnector();
