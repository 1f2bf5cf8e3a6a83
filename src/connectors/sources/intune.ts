import { defineConnector, skip, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { deviceOwner, osPlatforms, serialOf } from '../helpers/devices';
import { parseTime } from '../helpers/time';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

const ownership: Readonly<Record<string, 'corporate' | 'personal' | 'unknown'>> = /* @__PURE__ */ lookupTable({
  company: 'corporate',
  personal: 'personal',
  unknown: 'unknown',
});

// In grace period: the device fails a policy and has until the grace date to fix it, so not compliant.
// Conflict, error, unknown and configManager say nothing either way (null: read, no value).
const compliance: Readonly<Record<string, boolean | null>> = /* @__PURE__ */ lookupTable({
  compliant: true,
  noncompliant: false,
  ingraceperiod: false,
  conflict: null,
  error: null,
  unknown: null,
  configmanager: null,
});

/** Graph writes `0001-01-01T00:00:00Z` for a date that never happened (a device that never synced). */
function graphTime(value: unknown): string | undefined {
  const parsed = parseTime(value);
  return parsed !== undefined && parsed >= '1980' ? parsed : undefined;
}

// Only Exchange ActiveSync knows the device: it is not under device management.
function managedBy(agent: string | undefined): boolean | undefined {
  if (agent === undefined) return true;
  return agent.toLowerCase() !== 'eas';
}

function apps(list: readonly FieldReader[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const app of list) {
    const name = app.string('displayName');
    app.ignoreAll(appIgnored);
    if (name !== undefined) out.push({ name, version: app.string('version'), publisher: app.string('publisher') });
    else app.ignore('', 'detected app without a displayName');
  }
  return out;
}

const appIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  id: 'Intune id of the detected app',
  '@odata.type': 'Graph type annotation',
  sizeInByte: 'app size',
  deviceCount: 'devices with the app, across the tenant',
  platform: 'platform of the app (the device OS is kept)',
});

/** managedDevice properties left out on purpose, with why (also under a detected app's managedDevices). */
const deviceIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  '@odata.type': 'Graph type annotation',
  '@odata.context': 'Graph response annotation',
  userId: 'Entra object id of the primary user: the user principal name is the account',
  userDisplayName: 'display name: names come from HR data onto the subject',
  emailAddress: 'e-mail of the primary user: read as the account when there is no user principal name',
  deviceName: 'device name: read for the subject map when there is no user',
  managedDeviceName: 'Intune name of the device',
  deviceActionResults: 'remote actions sent to the device (wipe, lock): administrative history',
  jailBroken: 'jailbreak flag: no record field; compliance policies that check it set complianceState',
  managementAgent: 'read only to tell Exchange-only devices (not managed)',
  deviceEnrollmentType: 'how the device enrolled',
  enrollmentProfileName: 'enrolment profile',
  azureADRegistered: 'Entra registration flag',
  azureADDeviceId: 'Entra device id (the Intune id is the device id; this one when it is absent)',
  deviceRegistrationState: 'Entra registration state',
  deviceCategoryDisplayName: 'category an administrator gave the device',
  isSupervised: 'Apple supervision flag',
  easActivated: 'Exchange ActiveSync state',
  easActivationDateTime: 'Exchange ActiveSync state',
  easDeviceId: 'Exchange ActiveSync id',
  exchangeLastSuccessfulSyncDateTime: 'Exchange sync time',
  exchangeAccessState: 'Exchange access state',
  exchangeAccessStateReason: 'Exchange access state',
  remoteAssistanceSessionUrl: 'Intune remote-assistance session',
  remoteAssistanceSessionErrorDetails: 'Intune remote-assistance session',
  complianceGracePeriodExpirationDateTime: 'end of the grace period (the state is read)',
  imei: 'mobile radio id: the serial identifies the device',
  meid: 'mobile radio id',
  iccid: 'SIM card id',
  udid: 'Apple device id: the serial identifies the device',
  phoneNumber: 'phone number of the device: contact data is read from HR records',
  subscriberCarrier: 'mobile carrier',
  androidSecurityPatchLevel: 'patch level',
  wiFiMacAddress: 'network hardware address',
  ethernetMacAddress: 'network hardware address',
  totalStorageSpaceInBytes: 'storage size',
  freeStorageSpaceInBytes: 'storage size',
  physicalMemoryInBytes: 'memory size',
  configurationManagerClientEnabledFeatures: 'Configuration Manager co-management detail',
  deviceHealthAttestationState: 'Windows health attestation detail',
  partnerReportedThreatState: 'threat state from a mobile threat defence partner: not a detection record',
  requireUserEnrollmentApproval: 'enrolment setting',
  managementCertificateExpirationDate: 'MDM certificate expiry',
  notes: 'administrator notes',
  managementState: 'Intune management state (retire or wipe pending)',
  ownerType: 'beta name of managedDeviceOwnerType',
  hardwareInformation: 'beta hardware detail (wired IPv4 addresses are private addresses)',
});

/** The check-ins of one managed device: its enrolment, and its last sync with the inventory. */
function deviceRecords(device: FieldReader, ctx: MapContext, installed: Record<string, unknown>[] | undefined): RecordDraft[] | string {
  const upn = device.string('userPrincipalName');
  const deviceName = device.string('deviceName') ?? device.string('managedDeviceName');
  const owner = deviceOwner(ctx, [upn, device.string('emailAddress')], deviceName);
  if ('skip' in owner) return owner.skip;
  const deviceId = device.string('id') ?? device.string('azureADDeviceId');
  if (deviceId === undefined) return 'managed device without an id';
  const synced = device.parsed('lastSyncDateTime', graphTime, "not a time (or Graph's empty 0001-01-01)");
  const enrolled = device.parsed('enrolledDateTime', graphTime, "not a time (or Graph's empty 0001-01-01)");
  if (synced === undefined && enrolled === undefined) return 'managed device with no readable lastSyncDateTime or enrolledDateTime';
  const identity = {
    subjectId: owner.subjectId,
    source: ctx.source,
    type: 'device-checkin',
    deviceId,
    serial: device.parsed('serialNumber', serialOf, 'placeholder serial'),
    managed: managedBy(device.string('managementAgent')),
    ownership: device.oneOf('managedDeviceOwnerType', ownership, 'not company, personal or unknown'),
    os: { platform: device.oneOf('operatingSystem', osPlatforms, 'OS not in the connector table'), version: device.string('osVersion') },
    manufacturer: device.string('manufacturer'),
    model: device.string('model'),
  };
  const records: RecordDraft[] = [];
  if (enrolled !== undefined) records.push({ recordType: 'event', record: { ...identity, id: `${ctx.source}:${deviceId}:enrolled`, at: enrolled } });
  if (synced !== undefined) {
    const state = device.oneOf('complianceState', compliance, 'not an Intune compliance state');
    records.push({
      recordType: 'event',
      record: {
        ...identity,
        id: `${ctx.source}:${deviceId}:${synced}`,
        at: synced,
        compliant: state ?? undefined,
        diskEncrypted: device.boolean('isEncrypted'),
        loggedInUsers: device.list('usersLoggedOn').map((u) => {
          u.ignore('lastLogOnDateTime', 'last logon time: the check-in time is the sync time');
          return u.string('userId');
        }),
        installedSoftware: installed,
      },
    });
  } else {
    const reason = 'state at the last sync, and the device has no readable lastSyncDateTime';
    for (const path of ['complianceState', 'isEncrypted', 'usersLoggedOn', 'detectedApps']) device.ignore(path, reason);
  }
  device.ignoreAll(deviceIgnored);
  return records;
}

function isDetectedApp(row: FieldReader): boolean {
  const type = row.string('@odata.type');
  if (type !== undefined) return type.toLowerCase().endsWith('detectedapp');
  return row.has('managedDevices') || row.has('deviceCount') || row.has('sizeInByte');
}

function mapIntune(row: FieldReader, ctx: MapContext): RowResult {
  if (isDetectedApp(row)) {
    // GET /deviceManagement/detectedApps?$expand=managedDevices: the app, with the devices that have it.
    const installed = apps([row]);
    if (installed.length === 0) return skip('detected app without a displayName');
    const devices = row.list('managedDevices');
    if (devices.length === 0) return skip('detected app without managedDevices (list it with $expand=managedDevices)');
    const records: RecordDraft[] = [];
    const reasons: string[] = [];
    for (const device of devices) {
      const result = deviceRecords(device, ctx, installed);
      if (typeof result === 'string') reasons.push(result);
      // The enrolment carries no inventory: the device row gives it; only the sync check-in with the app is kept here.
      else
        for (const draft of result)
          if (!String(draft.record['id']).endsWith(':enrolled'))
            records.push({ ...draft, record: { ...draft.record, id: `${String(draft.record['id'])}:app:${row.string('id') ?? row.contentHash()}` } });
    }
    return records.length > 0 ? { records } : skip(reasons[0] ?? 'no managed device with a sync time');
  }
  const installed = row.has('detectedApps') ? apps(row.list('detectedApps')) : undefined;
  const result = deviceRecords(row, ctx, installed);
  return typeof result === 'string' ? skip(result) : { records: result };
}

/**
 * Microsoft Intune managed devices (Graph `managedDevice`, with `$expand=detectedApps`) as device
 * check-ins: one at enrolment (identity, ownership, OS) and one at the last sync (also compliance,
 * encryption, users logged on and the detected apps). Detected-app listings
 * (`detectedApp` with `$expand=managedDevices`) add the app to each device's sync check-in.
 */
export const intuneConnector = defineConnector({
  id: 'intune',
  title: 'Microsoft Intune managed devices',
  docs: [
    { title: 'Microsoft Graph: managedDevice resource type', url: 'https://learn.microsoft.com/en-us/graph/api/resources/intune-devices-manageddevice' },
    { title: 'Microsoft Graph: detectedApp resource type', url: 'https://learn.microsoft.com/en-us/graph/api/resources/intune-devices-detectedapp' },
    { title: 'Microsoft Graph: list managedDevices', url: 'https://learn.microsoft.com/en-us/graph/api/intune-devices-manageddevice-list' },
  ],
  format: 'json',
  wrappers: ['value', 'records', 'items'],
  ignored: deviceIgnored,
  detect: (row) => row.has('managedDeviceOwnerType') || row.has('complianceState') || isDetectedApp(row),
  mapRow: mapIntune,
});
