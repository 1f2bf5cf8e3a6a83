import { matchRemoteAccessTool } from '../../data/remoteAccessTools';
import { matchTunnelTool } from '../../data/tunnelTools';
import { defineConnector, skip, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { deviceOwner, serialOf, usbHexId, usbIdsOfPnp } from '../helpers/devices';
import { contentId } from '../helpers/values';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

/**
 * The Event Hub / storage streaming envelope (`{ time, tenantId, operationName, category:
 * "AdvancedHunting-DeviceEvents", properties: {...} }`): the table row is under `properties`.
 */
function eventOf(row: FieldReader): FieldReader {
  const properties = row.object('properties');
  if (properties !== undefined && (properties.has('ActionType') || properties.has('Timestamp') || properties.has('DeviceId'))) {
    for (const key of row.keys()) if (key.toLowerCase() !== 'properties') row.ignore(key, 'streaming envelope: the row is read from properties');
    return properties;
  }
  return row;
}

// Windows device setup classes (ClassName of PnpDeviceConnected) to the model's USB classes.
const pnpClasses: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  diskdrive: 'mass-storage',
  usbstor: 'mass-storage',
  wpd: 'mass-storage',
  hidclass: 'hid',
  keyboard: 'hid',
  mouse: 'hid',
  image: 'video',
  camera: 'video',
  media: 'audio',
  audioendpoint: 'audio',
  usb: 'usb',
  net: 'network',
  ports: 'serial',
});

/** The PnP instance id's last segment is the device's serial when the device has one (no `&`, which marks a Windows-made instance id). */
function serialOfPnp(pnpId: string): string | undefined {
  const parts = pnpId.split('\\');
  const last = parts.length >= 3 ? parts[parts.length - 1] : undefined;
  return last === undefined || last.includes('&') ? undefined : serialOf(last);
}

interface Base {
  readonly id: string;
  readonly subjectId: string;
  readonly at: string;
  readonly source: string;
  readonly deviceId: string;
  readonly accountId?: string;
}

function usbMount(e: FieldReader, base: Base, action: 'connected' | 'removed'): RecordDraft {
  e.ignoreAll({
    'AdditionalFields.DriveLetter': 'drive letter of the mount (joins file events in a hunting query)',
    'AdditionalFields.BusType': 'storage bus code',
    'AdditionalFields.ProductRevision': 'firmware revision of the medium',
    'AdditionalFields.Volume': 'volume GUID path',
  });
  return {
    recordType: 'event',
    record: {
      ...base,
      type: 'removable-media',
      action,
      media: {
        vendor: e.string('AdditionalFields.Manufacturer'),
        product: e.string('AdditionalFields.ProductName'),
        serial: e.parsed('AdditionalFields.SerialNumber', serialOf, 'placeholder serial'),
        kind: 'mass-storage',
      },
    },
  };
}

function pnpDevice(e: FieldReader, base: Base): RecordDraft | string {
  const pnpId = e.string('AdditionalFields.DeviceId');
  const hardwareIds = e.string('AdditionalFields.VendorIds');
  const ids = (pnpId !== undefined ? usbIdsOfPnp(pnpId) : undefined) ?? (hardwareIds !== undefined ? usbIdsOfPnp(hardwareIds) : undefined);
  if (ids === undefined) return `PnP device without USB vendor and product ids (${pnpId ?? 'no DeviceId'}): not a USB device`;
  e.ignore('AdditionalFields.ClassId', 'setup class GUID: ClassName is read');
  return {
    recordType: 'event',
    record: {
      // The sensor saw the device attached: an inventory observation of the computer (check-ins name no account).
      id: base.id,
      subjectId: base.subjectId,
      at: base.at,
      source: base.source,
      deviceId: base.deviceId,
      type: 'device-checkin',
      usbDevices: [
        {
          ...ids,
          product: e.string('AdditionalFields.DeviceDescription'),
          serial: pnpId !== undefined ? serialOfPnp(pnpId) : undefined,
          class: e.oneOf('AdditionalFields.ClassName', pnpClasses, 'device setup class not in the connector table'),
        },
      ],
    },
  };
}

/** A file written to a drive that a UsbDriveMounted row mounted: rows of the documented join carry `DriveLetter`. */
function fileCopied(e: FieldReader, base: Base): RecordDraft | string {
  const drive = e.string('DriveLetter') ?? e.string('AdditionalFields.DriveLetter');
  const folder = e.string('FolderPath');
  if (drive === undefined) return 'file event with no DriveLetter: not known to be on removable media (join it with UsbDriveMounted, see the connector docs)';
  if (folder !== undefined && !folder.toLowerCase().startsWith(drive.toLowerCase().slice(0, 2)))
    return `file written to ${folder.slice(0, 3)}, not to the mounted drive ${drive}`;
  const name = e.string('FileName');
  return {
    recordType: 'event',
    record: {
      ...base,
      type: 'removable-media',
      action: 'file-copied',
      media: {
        vendor: e.string('Manufacturer'),
        product: e.string('ProductName'),
        serial: e.parsed('SerialNumber', serialOf, 'placeholder serial'),
        kind: 'mass-storage',
      },
      file: {
        name: folder ?? name,
        sizeBytes: e.count('FileSize'),
        type: name !== undefined && name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : undefined,
        tags: e.strings('SensitivityLabel'),
      },
    },
  };
}

/** A process start of a remote-access tool or tunnel, by file name, product name or original file name. */
function processStarted(e: FieldReader, base: Base): RecordDraft | string {
  const name = e.string('FileName');
  if (name === undefined) return 'process event without FileName';
  const candidates = [name, e.string('ProcessVersionInfoProductName'), e.string('ProcessVersionInfoOriginalFileName')];
  // A renamed binary (svc-update.exe whose version info says cloudflared) is named by what gave it away, so the checks see the tool.
  const known = candidates.find((c) => c !== undefined && (matchRemoteAccessTool(c) !== undefined || matchTunnelTool(c) !== undefined));
  if (known === undefined) return `process "${name}" is not a known remote-access or tunnel tool (only those are mapped)`;
  return {
    recordType: 'event',
    record: {
      ...base,
      type: 'software',
      action: 'executed',
      name: known,
      version: e.string('ProcessVersionInfoProductVersion'),
      publisher: e.string('ProcessVersionInfoCompanyName'),
      // The path keeps the file name as it ran.
      path: e.string('FolderPath') ?? name,
      sha256: e.string('SHA256'),
    },
  };
}

// Device-control media classes (AdditionalFields.ClassName of RemovableStorageFileEvent) to the model's media kinds.
const mediaKinds: Readonly<Record<string, 'mass-storage' | 'phone' | 'optical' | 'other'>> = /* @__PURE__ */ lookupTable({
  diskdrive: 'mass-storage',
  usbstor: 'mass-storage',
  volume: 'mass-storage',
  wpd: 'phone',
  cdrom: 'optical',
});

/** The extension of a file name, lower-cased, or undefined when it has none. */
function extensionOf(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.slice(Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')) + 1);
  return base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : undefined;
}

/**
 * A file on removable media that matched a device-control policy (DeviceEvents
 * `RemovableStorageFileEvent`): a copy to the media unless the access says it was only read, or
 * the policy denied it.
 */
function removableStorageFile(e: FieldReader, base: Base): RecordDraft | string {
  const access = (e.string('AdditionalFields.RemovableStorageAccess') ?? e.string('AdditionalFields.DuplicatedOperation'))?.toLowerCase();
  if (access !== undefined && !access.includes('write') && !access.includes('create'))
    return `removable-storage file event with access "${access}": a read from the media, not a copy to it`;
  const verdict = e.string('AdditionalFields.RemovableStoragePolicyVerdict')?.toLowerCase();
  if (verdict !== undefined && (verdict.includes('deny') || verdict.includes('block')))
    return `removable-storage file event denied by the device-control policy (${verdict}): no file reached the media`;
  const folder = e.string('FolderPath');
  const name = e.string('FileName');
  e.ignoreAll({
    'AdditionalFields.Policy': 'device-control policy that matched: the file and media are kept',
    'AdditionalFields.PolicyRuleId': 'device-control rule that matched',
    'AdditionalFields.InstanceId': 'Windows device instance path of the media: the vendor and product ids and serial are kept',
    'AdditionalFields.TargetFileLocation': 'where device control stored its evidence copy of the file',
  });
  return {
    recordType: 'event',
    record: {
      ...base,
      type: 'removable-media',
      action: 'file-copied',
      media: {
        vendorId: e.parsed(
          'AdditionalFields.VendorId',
          (v) => (typeof v === 'string' || typeof v === 'number' ? usbHexId(String(v)) : undefined),
          'not a USB vendor id (hex)',
        ),
        productId: e.parsed(
          'AdditionalFields.ProductId',
          (v) => (typeof v === 'string' || typeof v === 'number' ? usbHexId(String(v)) : undefined),
          'not a USB product id (hex)',
        ),
        product: e.string('AdditionalFields.MediaName'),
        serial: e.parsed('AdditionalFields.SerialNumber', serialOf, 'placeholder serial'),
        kind: e.oneOf('AdditionalFields.ClassName', mediaKinds, 'device class not in the connector table'),
      },
      file: { name: folder ?? name, sizeBytes: e.count('FileSize'), type: extensionOf(name ?? folder), tags: e.strings('SensitivityLabel') },
    },
  };
}

// DeviceNetworkEvents actions that are an established connection, with its direction.
const connectionActions: Readonly<Record<string, 'inbound' | 'outbound'>> = /* @__PURE__ */ lookupTable({
  connectionsuccess: 'outbound',
  connectionrequest: 'outbound',
  connectionfound: 'outbound',
  connectionacknowledged: 'outbound',
  inboundconnectionaccepted: 'inbound',
});
// DeviceNetworkEvents actions with no connection to a peer: skipped with why.
const noConnectionActions: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  connectionfailed: 'the connection failed',
  connectionattempt: 'an attempt, not a connection',
  listeningconnectioncreated: 'a port opened for listening, no peer',
});
// Inbound connections to the built-in remote-desktop ports name the protocol (the process is svchost or the OS service).
const remoteDesktopPorts: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({ '3389': 'RDP', '5900': 'VNC', '5938': 'TeamViewer' });

function isLoopback(ip: string): boolean {
  const lower = ip.toLowerCase();
  // Defender writes IPv4 peers of IPv6 sockets in the mapped form (RemoteIPType FourToSixMapping).
  const plain = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  return plain.startsWith('127.') || plain === '::1' || plain === 'localhost';
}

/**
 * A network connection of a remote-access tool or tunnel (DeviceNetworkEvents), known by its
 * initiating process (file name, product name or original file name) or, inbound, by the
 * remote-desktop port it was accepted on.
 */
function networkConnection(e: FieldReader, base: Base, direction: 'inbound' | 'outbound'): RecordDraft | string {
  const peerIp = e.string('RemoteIP');
  if (peerIp === undefined) return 'network event without RemoteIP: no peer';
  const ipType = e.string('RemoteIPType')?.toLowerCase();
  if (ipType === 'loopback' || isLoopback(peerIp)) return `loopback connection (${peerIp}): local traffic of the process, not a remote session`;
  const process = e.string('InitiatingProcessFileName');
  const candidates = [process, e.string('InitiatingProcessVersionInfoProductName'), e.string('InitiatingProcessVersionInfoOriginalFileName')];
  const known = candidates.find((c) => c !== undefined && (matchRemoteAccessTool(c) !== undefined || matchTunnelTool(c) !== undefined));
  const localPort = e.count('LocalPort');
  const byPort = direction === 'inbound' && localPort !== undefined ? remoteDesktopPorts[String(localPort)] : undefined;
  const tool = known ?? byPort;
  if (tool === undefined) return `connection of "${process ?? 'an unnamed process'}" is not by a known remote-access or tunnel tool (only those are mapped)`;
  e.ignoreAll({
    RemotePort: 'port of the peer: the tool and peer address are kept',
    RemoteUrl: 'host name of the peer (for most tools the vendor relay): the peer address is kept',
    LocalIP: 'address of the device on its own network',
    Protocol: 'transport protocol',
    LocalIPType: 'address type of the device',
    RemoteIPType: 'read to leave out loopback connections',
  });
  return {
    recordType: 'event',
    record: { ...base, type: 'remote-access-session', direction, tool, peerIp },
  };
}

const fileActions = new Set(['filecreated', 'filemodified', 'filerenamed']);

function mapDefender(row: FieldReader, ctx: MapContext): RowResult {
  const e = eventOf(row);
  const actionType = e.string('ActionType');
  if (actionType === undefined) return skip('no ActionType: not an advanced-hunting device event');
  const action = actionType.toLowerCase();
  const noConnection = noConnectionActions[action];
  if (noConnection !== undefined) return skip(`network event ${actionType}: ${noConnection}`);
  const direction = connectionActions[action];
  const mapped =
    action === 'usbdrivemounted' ||
    action === 'usbdriveunmounted' ||
    action === 'pnpdeviceconnected' ||
    action === 'processcreated' ||
    action === 'removablestoragefileevent' ||
    fileActions.has(action) ||
    direction !== undefined;
  if (!mapped)
    return skip(
      `ActionType "${actionType}" is not mapped (USB mounts, PnP connections, process starts, file writes to removable media and network connections are)`,
    );
  const at = e.time('Timestamp') ?? e.time('TimeGenerated') ?? row.time('time');
  if (at === undefined) return skip('no readable Timestamp');
  if (e.has('Timestamp')) e.ignore('TimeGenerated', 'ingestion time; Timestamp is the event time');
  const deviceId = e.string('DeviceId') ?? e.string('DeviceName');
  if (deviceId === undefined) return skip('no DeviceId or DeviceName: no device');
  const owner = deviceOwner(ctx, [e.string('AccountUpn'), e.string('InitiatingProcessAccountUpn')], e.string('DeviceName') ?? deviceId);
  if ('skip' in owner) return skip(owner.skip);
  // ReportId repeats across devices and time: with them it names one event, in any export shape.
  const id = e.has('ReportId') ? contentId(ctx.source, [deviceId, e.string('ReportId'), at, action]) : `${ctx.source}:h${e.contentHash()}`;
  const base: Base = { id, subjectId: owner.subjectId, at, source: ctx.source, deviceId, ...(owner.byDevice ? {} : { accountId: owner.accountId }) };
  let result: RecordDraft | string;
  if (action === 'usbdrivemounted') result = usbMount(e, base, 'connected');
  else if (action === 'usbdriveunmounted') result = usbMount(e, base, 'removed');
  else if (action === 'pnpdeviceconnected') result = pnpDevice(e, base);
  else if (action === 'processcreated') result = processStarted(e, base);
  else if (action === 'removablestoragefileevent') result = removableStorageFile(e, base);
  else if (direction !== undefined) result = networkConnection(e, base, direction);
  else result = fileCopied(e, base);
  if (typeof result === 'string') return skip(result);
  e.ignoreAll(defenderIgnored);
  return { records: [result] };
}

/** Advanced-hunting columns left out on purpose, with why. */
const defenderIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  ReportId: 'event counter, part of the record id',
  DeviceName: 'device name: read for the subject map when the row names no user',
  MachineGroup: 'device group in Defender',
  TenantId: 'Microsoft tenant id',
  SourceSystem: 'Log Analytics ingestion detail',
  Type: 'Log Analytics table name',
  _ResourceId: 'Log Analytics resource id',
  AppGuardContainerId: 'Application Guard container',
  AccountName: 'account name without domain: the UPN is the account; map devices to subjects for system accounts',
  AccountDomain: 'account domain',
  AccountSid: 'Windows security id',
  AccountObjectId: 'Entra object id: the UPN is the account',
  ProcessId: 'process id',
  ProcessCommandLine: 'command line: may hold secrets and personal data; the tool name is what the checks use',
  ProcessCreationTime: 'process start time: Timestamp is read',
  ProcessIntegrityLevel: 'integrity level',
  ProcessTokenElevation: 'token elevation',
  ProcessVersionInfoInternalFileName: 'version-info name',
  ProcessVersionInfoFileDescription: 'version-info description',
  ProcessVersionInfoProductName: 'read to recognise the tool',
  ProcessVersionInfoOriginalFileName: 'read to recognise the tool',
  SHA1: 'SHA-1 of the file: the SHA-256 is kept',
  MD5: 'MD5 of the file: the SHA-256 is kept',
  FileSize: 'file size (kept for file copies)',
  IsInitiatingProcessRemoteSession: 'remote-session flag of the initiating process',
  IsProcessRemoteSession: 'remote-session flag',
  InitiatingProcessAccountUpn: 'read as the account when the row has no AccountUpn',
  InitiatingProcessAccountName: 'initiating process: the event itself is mapped',
  InitiatingProcessAccountDomain: 'initiating process: the event itself is mapped',
  InitiatingProcessAccountSid: 'initiating process: the event itself is mapped',
  InitiatingProcessAccountObjectId: 'initiating process: the event itself is mapped',
  InitiatingProcessFileName: 'initiating process: the event itself is mapped',
  InitiatingProcessFolderPath: 'initiating process: the event itself is mapped',
  InitiatingProcessCommandLine: 'initiating process: the event itself is mapped',
  InitiatingProcessId: 'initiating process: the event itself is mapped',
  InitiatingProcessCreationTime: 'initiating process: the event itself is mapped',
  InitiatingProcessParentFileName: 'initiating process: the event itself is mapped',
  InitiatingProcessParentId: 'initiating process: the event itself is mapped',
  InitiatingProcessParentCreationTime: 'initiating process: the event itself is mapped',
  InitiatingProcessSHA1: 'initiating process: the event itself is mapped',
  InitiatingProcessSHA256: 'initiating process: the event itself is mapped',
  InitiatingProcessMD5: 'initiating process: the event itself is mapped',
  InitiatingProcessFileSize: 'initiating process: the event itself is mapped',
  InitiatingProcessIntegrityLevel: 'initiating process: the event itself is mapped',
  InitiatingProcessTokenElevation: 'initiating process: the event itself is mapped',
  InitiatingProcessLogonId: 'initiating process: the event itself is mapped',
  InitiatingProcessSessionId: 'initiating process: the event itself is mapped',
  InitiatingProcessRemoteSessionDeviceName: 'initiating process: the event itself is mapped',
  InitiatingProcessRemoteSessionIP: 'initiating process: the event itself is mapped',
  InitiatingProcessUniqueId: 'initiating process: the event itself is mapped',
  InitiatingProcessVersionInfoCompanyName: 'initiating process: the event itself is mapped',
  InitiatingProcessVersionInfoProductName: 'initiating process: the event itself is mapped',
  InitiatingProcessVersionInfoProductVersion: 'initiating process: the event itself is mapped',
  InitiatingProcessVersionInfoInternalFileName: 'initiating process: the event itself is mapped',
  InitiatingProcessVersionInfoOriginalFileName: 'initiating process: the event itself is mapped',
  InitiatingProcessVersionInfoFileDescription: 'initiating process: the event itself is mapped',
  InitiatingProcessSignerType: 'initiating process: the event itself is mapped',
  InitiatingProcessSignatureStatus: 'initiating process: the event itself is mapped',
  ProcessUniqueId: 'process unique id',
  LogonId: 'logon session id',
  FileOriginUrl: 'download origin: file copies to media are mapped, not downloads',
  FileOriginReferrerUrl: 'download origin',
  FileOriginIP: 'download origin',
  PreviousFileName: 'name before a rename',
  PreviousFolderPath: 'folder before a rename',
  SensitivitySubLabel: 'sub-label: the label is kept',
  IsAzureInfoProtectionApplied: 'protection flag: the label is kept',
  ShareName: 'network share',
  RequestProtocol: 'network request detail',
  RequestSourceIP: 'network request detail',
  RequestSourcePort: 'network request detail',
  RequestAccountName: 'network request detail',
  RequestAccountDomain: 'network request detail',
  RequestAccountSid: 'network request detail',
  FileName: 'file name (kept for file copies and processes)',
  FolderPath: 'folder (kept for file copies and processes)',
  SHA256: 'hash (kept for processes)',
  RemoteIP: 'network detail of other action types',
  RemotePort: 'network detail of other action types',
  RemoteUrl: 'network detail of other action types',
  LocalIP: 'network detail of other action types',
  LocalPort: 'network detail of other action types',
  RemoteDeviceName: 'network detail of other action types',
  RegistryKey: 'registry detail of other action types',
  RegistryValueName: 'registry detail of other action types',
  RegistryValueData: 'registry detail of other action types',
  ProcessVersionInfoCompanyName: 'publisher (kept for processes)',
  ProcessVersionInfoProductVersion: 'version (kept for processes)',
  ProcessRemoteSessionDeviceName: 'remote session detail',
  ProcessRemoteSessionIP: 'remote session detail',
});

/**
 * Microsoft Defender XDR advanced hunting: `DeviceEvents` USB mounts and unmounts as
 * removable-media events, `PnpDeviceConnected` USB devices as inventory check-ins (so the IP-KVM
 * check sees their ids), device-control `RemovableStorageFileEvent` writes and `DeviceFileEvents`
 * writes to a mounted USB drive as file copies, `DeviceProcessEvents` starts of remote-access
 * tools and tunnels as software executions, and `DeviceNetworkEvents` connections of those tools
 * (and inbound remote-desktop connections) as remote-access sessions. Reads the
 * API response (`{ Schema, Results }`, Graph `{ schema, results }`), the streaming API's Event Hub
 * records (`{ records: [{ category, properties }] }`) and Log Analytics exports.
 */
export const defenderConnector = defineConnector({
  id: 'defender',
  title: 'Microsoft Defender XDR advanced hunting',
  docs: [
    { title: 'Advanced hunting: DeviceEvents table', url: 'https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-deviceevents-table' },
    { title: 'Advanced hunting: DeviceFileEvents table', url: 'https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-devicefileevents-table' },
    { title: 'Advanced hunting: DeviceProcessEvents table', url: 'https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-deviceprocessevents-table' },
    { title: 'Advanced hunting: DeviceNetworkEvents table', url: 'https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-devicenetworkevents-table' },
    {
      title: 'Device control events in advanced hunting (RemovableStorageFileEvent)',
      url: 'https://learn.microsoft.com/en-us/defender-endpoint/device-control-report',
    },
    { title: 'Advanced hunting API (Schema and Results)', url: 'https://learn.microsoft.com/en-us/defender-endpoint/api/run-advanced-query-api' },
    { title: 'Microsoft Graph: huntingQueryResults', url: 'https://learn.microsoft.com/en-us/graph/api/resources/security-huntingqueryresults' },
    { title: 'Streaming API: stream events to Event Hubs', url: 'https://learn.microsoft.com/en-us/defender-xdr/streaming-api-event-hub' },
  ],
  format: 'json',
  wrappers: ['Results', 'records', 'value'],
  ignored: defenderIgnored,
  detect: (row) => row.has('ActionType') || row.has('properties.ActionType'),
  mapRow: mapDefender,
});
