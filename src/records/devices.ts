import { z } from 'zod';
import { dateTimeSchema, recordObject, unorderedStrings } from './common';

/** A USB device attached to a computer, as inventory or EDR reports it. */
export const usbDeviceSchema = recordObject({
  vendorId: z.string().optional().describe('USB vendor id, hex, e.g. 1d6b (osquery usb_devices.vendor_id, Defender DeviceEvents VendorIds, Jamf).'),
  productId: z.string().optional().describe('USB product (model) id, hex, e.g. 0104 (osquery usb_devices.model_id).'),
  vendor: z.string().optional().describe('Vendor string the device reports (osquery usb_devices.vendor).'),
  product: z.string().optional().describe('Product string the device reports (osquery usb_devices.model), e.g. "PiKVM Composite Device".'),
  serial: z.string().optional().describe('Serial the device reports.'),
  class: z.string().optional().describe('USB class, e.g. mass-storage, hid, video.'),
  removable: z.boolean().optional().describe('True for removable storage (osquery usb_devices.removable).'),
});

/** A display attached to a computer, from its EDID. */
export const displaySchema = recordObject({
  manufacturer: z.string().optional().describe('EDID manufacturer (three-letter PNP id, e.g. DEL) or its name.'),
  model: z.string().optional().describe('EDID monitor name or model string; capture cards and IP-KVMs show up here (e.g. "PiKVM", "TC358743").'),
  productCode: z.string().optional().describe('EDID product code, hex.'),
  serial: z.string().optional().describe('EDID serial number.'),
});

/** A software package installed on a computer. */
export const installedSoftwareSchema = recordObject({
  name: z.string().min(1).describe('Package or application name (Intune detectedApp displayName, osquery programs/apps/deb_packages name, Jamf applications).'),
  version: z.string().optional().describe('Version string.'),
  publisher: z.string().optional().describe('Publisher or signer (Intune detectedApp publisher, osquery programs.publisher).'),
  installedAt: dateTimeSchema.optional().describe('When it was installed, when the inventory gives it (osquery programs.install_date).'),
});

/** Fields added to a device check-in: OS, posture, and the hardware and software inventory. */
export const deviceCheckinDetailShape = {
  os: recordObject({
    platform: z.enum(['windows', 'macos', 'linux', 'ios', 'android', 'chromeos', 'other']).optional().describe('Operating system family.'),
    version: z.string().optional().describe('OS version and build (Intune osVersion, osquery os_version).'),
  })
    .optional()
    .describe('Operating system of the device.'),
  manufacturer: z.string().optional().describe('Hardware manufacturer (Intune manufacturer, osquery system_info.hardware_vendor).'),
  model: z.string().optional().describe('Hardware model (Intune model, osquery system_info.hardware_model).'),
  ownership: z
    .enum(['corporate', 'personal', 'unknown'])
    .optional()
    .describe('Who owns the device (Intune managedDeviceOwnerType, Jamf): corporate or personal (BYOD).'),
  diskEncrypted: z.boolean().optional().describe('Whether the system disk is encrypted (Intune isEncrypted, FileVault, BitLocker, osquery disk_encryption).'),
  remoteDesktopEnabled: z
    .boolean()
    .optional()
    .describe('Whether inbound remote desktop is enabled (Windows RDP, macOS Screen Sharing or Remote Management; osquery, Jamf extension attribute).'),
  loggedInUsers: unorderedStrings(z.string()).optional().describe('Accounts logged in at check-in (osquery logged_in_users, Intune usersLoggedOn).'),
  installedSoftware: z
    .array(installedSoftwareSchema)
    .optional()
    .describe(
      'Software installed at check-in, in any order (Intune detectedApps, osquery programs/apps/deb_packages, Jamf applications, Defender software inventory).',
    ),
  usbDevices: z.array(usbDeviceSchema).optional().describe('USB devices attached at check-in, in any order (osquery usb_devices, Jamf, Defender).'),
  displays: z.array(displaySchema).optional().describe('Displays attached at check-in, from their EDID, in any order.'),
};

/** Fields of a removable-media event: a device connected or removed, or a file written to it. */
export const removableMediaShape = {
  deviceId: z.string().optional().describe('Computer the media was used on, as device management knows it.'),
  accountId: z.string().optional().describe('Account logged in when it happened.'),
  action: z
    .enum(['connected', 'removed', 'file-copied'])
    .describe(
      'connected (mounted; Defender UsbDriveMounted, CERT device.csv Connect), removed (Disconnect), file-copied (a file written to the media; Defender DeviceFileEvents, DLP).',
    ),
  media: recordObject({
    vendorId: z.string().optional().describe('USB vendor id, hex.'),
    productId: z.string().optional().describe('USB product id, hex.'),
    vendor: z.string().optional().describe('Vendor string.'),
    product: z.string().optional().describe('Product string.'),
    serial: z.string().optional().describe('Serial of the media, to tell one stick from another.'),
    kind: z.enum(['mass-storage', 'phone', 'optical', 'other']).optional().describe('Kind of media.'),
    capacityBytes: z.number().nonnegative().optional().describe('Capacity in bytes.'),
  })
    .optional()
    .describe('Identity of the media.'),
  file: recordObject({
    name: z.string().optional().describe('File name (or path) written.'),
    sizeBytes: z.number().nonnegative().optional().describe('Size in bytes.'),
    type: z.string().optional().describe('File type: extension or MIME type, e.g. pdf, application/zip.'),
    tags: unorderedStrings(z.string()).optional().describe('Sensitivity tags of the file (DLP or MIP labels), as in data-access tags.'),
  })
    .optional()
    .describe('For file-copied: the file.'),
};

/** Fields of a software event: installed, removed or executed on a device. */
export const softwareEventShape = {
  deviceId: z.string().optional().describe('Computer the software is on.'),
  accountId: z.string().optional().describe('Account that installed or ran it.'),
  action: z
    .enum(['installed', 'removed', 'executed'])
    .describe('installed, removed, or executed (a process started; Defender DeviceProcessEvents, CrowdStrike ProcessRollup, osquery process_events).'),
  name: z.string().min(1).describe('Software or process name, e.g. AnyDesk.exe.'),
  version: z.string().optional().describe('Version string.'),
  publisher: z.string().optional().describe('Publisher or code signer.'),
  path: z.string().optional().describe('Path of the executable.'),
  sha256: z.string().optional().describe('SHA-256 of the executable.'),
};

/** Fields of a remote-access session to or from a device (the peer network is added by events.ts). */
export const remoteAccessSessionShape = {
  deviceId: z.string().optional().describe('Computer the session connected to (inbound) or from (outbound).'),
  accountId: z.string().optional().describe('Account on the computer.'),
  direction: z.enum(['inbound', 'outbound']).describe('inbound (someone connected to this computer) or outbound.'),
  tool: z
    .string()
    .optional()
    .describe('Remote-access tool or protocol, e.g. AnyDesk, RDP, VNC (tool connection logs, Defender DeviceNetworkEvents, RMM audit).'),
  end: dateTimeSchema.optional().describe('When the session ended.'),
  peerIp: z.string().optional().describe('IP address of the other end.'),
};
