import { defineConnector, skip, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { deviceOwner, osPlatforms, serialOf } from '../helpers/devices';
import { parseTime } from '../helpers/time';
import { parseIp } from '../../records/ip';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

// General.platform values of the Jamf Pro API to the model's OS families (operatingSystem.name is read first).
const platforms: Readonly<Record<string, 'macos' | 'windows' | 'ios'>> = /* @__PURE__ */ lookupTable({
  mac: 'macos',
  macos: 'macos',
  'mac os x': 'macos',
  windows: 'windows',
  ios: 'ios',
  ipados: 'ios',
});

// FileVault state of the boot partition (diskEncryption.bootPartitionEncryptionDetails.partitionFileVault2State).
// Encrypting or decrypting says nothing yet either way (null: read, no value).
const partitionStates: Readonly<Record<string, boolean | null>> = /* @__PURE__ */ lookupTable({
  encrypted: true,
  unencrypted: false,
  not_encrypted: false,
  decrypted: false,
  encrypting: null,
  decrypting: null,
  unknown: null,
  not_applicable: null,
});

// operatingSystem.fileVault2Status: all or the boot volume encrypted counts as encrypted.
const fileVaultStatuses: Readonly<Record<string, boolean | null>> = /* @__PURE__ */ lookupTable({
  all_encrypted: true,
  boot_encrypted: true,
  some_encrypted: null,
  not_encrypted: false,
  not_applicable: null,
});

function applications(list: readonly FieldReader[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const app of list) {
    // The bundle id names the app when the name is missing, and the remote-access table knows bundle ids.
    const name = app.string('name') ?? app.string('bundleId');
    app.ignoreAll(applicationIgnored);
    if (name === undefined) app.ignore('', 'application without a name or bundleId');
    else out.push({ name, version: app.string('version') });
  }
  return out;
}

const applicationIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  path: 'where the application is installed',
  bundleId: 'read as the name when the application has none',
  macAppStore: 'whether it came from the Mac App Store',
  sizeMegabytes: 'application size',
  updateAvailable: 'whether an update is available',
  externalVersionId: 'App Store version id',
});

/** Inventory fields left out on purpose, with why (paths under the sections the Jamf Pro API returns). */
const jamfIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  id: 'Jamf Pro id of the record: the UDID is the device id (this one when there is none)',
  'general.name': 'computer name: read for the subject map when the record names no user',
  'general.lastReportedIp': 'address the computer reported on its own network: the address it reached Jamf from is kept',
  'general.jamfBinaryVersion': 'version of the Jamf agent',
  'general.barcode1': 'asset barcode',
  'general.barcode2': 'asset barcode',
  'general.assetTag': 'asset tag',
  'general.supervised': 'Apple supervision flag',
  'general.mdmCapable': 'MDM capability of the computer',
  'general.lastCloudBackupDate': 'iCloud backup time',
  'general.mdmProfileExpiration': 'MDM profile expiry',
  'general.mdmCertificateExpiration': 'MDM certificate expiry',
  'general.distributionPoint': 'package distribution point',
  'general.enrollmentMethod': 'how the computer enrolled',
  'general.site': 'Jamf site of the computer',
  'general.itunesStoreAccountActive': 'App Store account flag',
  'general.enrolledViaAutomatedDeviceEnrollment': 'Automated Device Enrollment flag',
  'general.userApprovedMdm': 'user-approved MDM flag',
  'general.declarativeDeviceManagementEnabled': 'declarative management flag',
  'general.managementId': 'MDM management id',
  'general.extensionAttributes': "extension attributes: their meaning is the administrator's; map them with a CSV mapping if needed",
  'general.remoteManagement.managementUsername': 'local management account',
  'general.remoteManagement.managementPassword': 'management account password: never kept',
  'general.lastLoggedInUsernameSelfService': 'last user seen by Self Service: not who was logged in at the check-in',
  'general.lastLoggedInUsernameSelfServiceTimestamp': 'time of that login',
  'general.lastLoggedInUsernameBinary': 'last user seen by the Jamf agent: not who was logged in at the check-in',
  'general.lastLoggedInUsernameBinaryTimestamp': 'time of that login',
  'general.lastLoggedInUsernameMdm': 'last user seen by MDM: not who was logged in at the check-in',
  'general.lastLoggedInUsernameMdmTimestamp': 'time of that login',
  'general.initialEntryDate': 'first inventory date: lastEnrolledDate is the enrolment',
  'general.lastContactTime': 'last check-in: reportDate, the inventory time, is read first',
  'general.lastCheckIn': 'last check-in: reportDate, the inventory time, is read first',
  'general.platform': 'read when operatingSystem.name is absent',
  'hardware.modelIdentifier': 'Apple model identifier: read when model is absent',
  'hardware.processorSpeedMhz': 'processor detail',
  'hardware.processorCount': 'processor detail',
  'hardware.coreCount': 'processor detail',
  'hardware.processorType': 'processor detail',
  'hardware.processorArchitecture': 'processor detail',
  'hardware.busSpeedMhz': 'processor detail',
  'hardware.cacheSizeKilobytes': 'processor detail',
  'hardware.networkAdapterType': 'network hardware',
  'hardware.macAddress': 'network hardware address',
  'hardware.altNetworkAdapterType': 'network hardware',
  'hardware.altMacAddress': 'network hardware address',
  'hardware.totalRamMegabytes': 'memory size',
  'hardware.openRamSlots': 'memory slots',
  'hardware.batteryCapacityPercent': 'battery level',
  'hardware.smcVersion': 'firmware version',
  'hardware.nicSpeed': 'network hardware',
  'hardware.opticalDrive': 'optical drive model',
  'hardware.bootRom': 'firmware version',
  'hardware.bleCapable': 'Bluetooth LE flag',
  'hardware.supportsIosAppInstalls': 'Apple silicon app flag',
  'hardware.appleSilicon': 'Apple silicon flag',
  'hardware.provisioningUdid': 'provisioning id',
  'hardware.extensionAttributes': "extension attributes: their meaning is the administrator's",
  'operatingSystem.activeDirectoryStatus': 'directory binding',
  'operatingSystem.fileVault2Status': 'read when the boot partition state is absent',
  'operatingSystem.softwareUpdateDeviceId': 'software update id',
  'operatingSystem.supplementalBuildVersion': 'rapid security response build',
  'operatingSystem.rapidSecurityResponse': 'rapid security response version',
  'operatingSystem.extensionAttributes': "extension attributes: their meaning is the administrator's",
  'userAndLocation.realname': 'name of the assigned user: names come from HR data onto the subject',
  'userAndLocation.position': 'job title: roles come from HR data',
  'userAndLocation.phone': 'phone number: contact data is read from HR records',
  'userAndLocation.departmentId': 'Jamf department id',
  'userAndLocation.buildingId': 'Jamf building id',
  'userAndLocation.room': 'room',
  'userAndLocation.extensionAttributes': "extension attributes: their meaning is the administrator's",
  'diskEncryption.bootPartitionEncryptionDetails.partitionName': 'partition name',
  'diskEncryption.bootPartitionEncryptionDetails.partitionFileVault2Percent': 'encryption progress',
  'diskEncryption.individualRecoveryKeyValidityStatus': 'FileVault recovery key state',
  'diskEncryption.institutionalRecoveryKeyPresent': 'FileVault recovery key state',
  'diskEncryption.diskEncryptionConfigurationName': 'FileVault configuration',
  'diskEncryption.fileVault2EnabledUserNames': 'local accounts allowed to unlock the disk',
  'diskEncryption.fileVault2EligibilityMessage': 'FileVault eligibility',
  'security.sipStatus': 'System Integrity Protection: no record field',
  'security.gatekeeperStatus': 'Gatekeeper: no record field',
  'security.xprotectVersion': 'XProtect version',
  'security.autoLoginDisabled': 'automatic login setting',
  'security.activationLockEnabled': 'Activation Lock',
  'security.recoveryLockEnabled': 'recovery lock',
  'security.firewallEnabled': 'firewall: no record field',
  'security.secureBootLevel': 'secure boot level',
  'security.externalBootLevel': 'external boot level',
  'security.bootstrapTokenAllowed': 'bootstrap token',
  'security.bootstrapTokenEscrowedStatus': 'bootstrap token',
  purchasing: 'purchase and warranty details',
  storage: 'disks and partitions',
  configurationProfiles: 'configuration profiles installed',
  printers: 'printers set up',
  services: 'running services',
  localUserAccounts: 'local accounts: the assigned user is the account',
  certificates: 'certificates installed',
  attachments: 'files attached to the record',
  plugins: 'browser plug-ins',
  packageReceipts: 'installer receipts: applications are read',
  fonts: 'fonts installed',
  licensedSoftware: 'licensed software titles: applications are read',
  ibeacons: 'iBeacon regions',
  softwareUpdates: 'available updates',
  extensionAttributes: "extension attributes: their meaning is the administrator's",
  contentCaching: 'content caching service',
  groupMemberships: 'Jamf smart and static groups',
});

/** Jamf writes dates as ISO 8601; a date before 1980 is no date (an unset field, written as the epoch). */
function jamfTime(row: FieldReader, path: string): string | undefined {
  return row.parsed(
    path,
    (value) => {
      const time = parseTime(value);
      return time !== undefined && time >= '1980' ? time : undefined;
    },
    'not a time (or before 1980: an unset date)',
  );
}

function osOf(row: FieldReader): Record<string, unknown> {
  const name = row.has('operatingSystem.name')
    ? row.oneOf('operatingSystem.name', osPlatforms, 'OS not in the connector table')
    : row.oneOf('general.platform', platforms, 'platform not in the connector table');
  const version = row.string('operatingSystem.version');
  const build = row.string('operatingSystem.build');
  return { platform: name, version: version !== undefined && build !== undefined ? `${version} (${build})` : (version ?? build) };
}

function diskEncryptedOf(row: FieldReader): boolean | undefined {
  const path = 'diskEncryption.bootPartitionEncryptionDetails.partitionFileVault2State';
  const state = row.has(path)
    ? row.oneOf(path, partitionStates, 'not a FileVault partition state')
    : row.oneOf('operatingSystem.fileVault2Status', fileVaultStatuses, 'not a FileVault status');
  return state ?? undefined;
}

function mapJamf(row: FieldReader, ctx: MapContext): RowResult {
  const deviceId = row.string('udid') ?? row.string('id');
  if (deviceId === undefined) return skip('computer without a udid or id');
  const owner = deviceOwner(ctx, [row.string('userAndLocation.email'), row.string('userAndLocation.username')], row.string('general.name'));
  if ('skip' in owner) return skip(owner.skip);
  const reported = jamfTime(row, 'general.reportDate') ?? jamfTime(row, 'general.lastContactTime') ?? jamfTime(row, 'general.lastCheckIn');
  const enrolled = jamfTime(row, 'general.lastEnrolledDate');
  if (reported === undefined && enrolled === undefined)
    return skip('computer with no readable general.reportDate, lastContactTime or lastEnrolledDate (request the GENERAL section)');
  const identity = {
    subjectId: owner.subjectId,
    source: ctx.source,
    type: 'device-checkin',
    deviceId,
    serial: row.parsed('hardware.serialNumber', serialOf, 'placeholder serial'),
    managed: row.boolean('general.remoteManagement.managed'),
    os: osOf(row),
    manufacturer: row.string('hardware.make'),
    model: row.string('hardware.model') ?? row.string('hardware.modelIdentifier'),
  };
  const records: RecordDraft[] = [];
  // The enrolment check-in carries the identity only; each enrolment is its own record.
  if (enrolled !== undefined)
    records.push({ recordType: 'event', record: { ...identity, id: `${ctx.source}:${deviceId}:enrolled:${enrolled}`, at: enrolled } });
  if (reported !== undefined) {
    records.push({
      recordType: 'event',
      record: {
        ...identity,
        id: `${ctx.source}:${deviceId}:${reported}`,
        at: reported,
        ip: row.parsed('general.lastIpAddress', (v) => (typeof v === 'string' && parseIp(v) !== undefined ? v : undefined), 'not an IP address'),
        diskEncrypted: diskEncryptedOf(row),
        remoteDesktopEnabled: row.boolean('security.remoteDesktopEnabled'),
        installedSoftware: row.has('applications') ? applications(row.list('applications')) : undefined,
      },
    });
  } else {
    const reason = 'state at the last inventory, and the computer has no readable reportDate';
    for (const path of ['general.lastIpAddress', 'diskEncryption', 'operatingSystem.fileVault2Status', 'security', 'applications']) row.ignore(path, reason);
  }
  return { records };
}

/**
 * Jamf Pro computer inventory (Jamf Pro API `GET /v1/computers-inventory` pages with the
 * GENERAL, HARDWARE, OPERATING_SYSTEM, USER_AND_LOCATION, DISK_ENCRYPTION, SECURITY and
 * APPLICATIONS sections, or one `computers-inventory-detail` record) as device check-ins: one at
 * the last enrolment (identity, OS, hardware) and one at the last inventory report (also the
 * address it reached Jamf from, FileVault, remote desktop and the installed applications, which
 * the remote-access checks read).
 */
export const jamfConnector = defineConnector({
  id: 'jamf',
  title: 'Jamf Pro computer inventory',
  docs: [
    {
      title: 'Jamf Pro API: return paginated Computer Inventory records (section parameter)',
      url: 'https://developer.jamf.com/platform-api/reference/get_v4-computers-inventory-1',
    },
    {
      title: 'Jamf Pro API: the computers-inventory endpoints replace the Classic API computers',
      url: 'https://developer.jamf.com/jamf-pro/docs/deprecation-of-classic-api-computer-inventory-endpoints',
    },
    {
      title: 'Jamf Pro: Computer Inventory Information reference',
      url: 'https://docs.jamf.com/jamf-pro/administrator-guide/Computer_Inventory_Information_Reference.html',
    },
  ],
  format: 'json',
  wrappers: ['results', 'value', 'records', 'items'],
  ignored: jamfIgnored,
  detect: (row) => row.has('udid') && (row.has('general') || row.has('hardware')),
  mapRow: mapJamf,
});
