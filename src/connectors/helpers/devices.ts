import type { MapContext } from '../contract';
import { lookupTable } from '../../util/lookupTable';

/** Operating-system families of the record model. */
export type OsPlatform = 'windows' | 'macos' | 'linux' | 'ios' | 'android' | 'chromeos' | 'other';

// Lower-cased vendor labels (Intune operatingSystem, osquery os_version.platform / platform_like) to families.
const platforms: Readonly<Record<string, OsPlatform>> = /* @__PURE__ */ lookupTable({
  windows: 'windows',
  'windows rt': 'windows',
  'windows mobile': 'windows',
  windowsphone: 'windows',
  holographic: 'windows',
  macos: 'macos',
  'mac os x': 'macos',
  macmdm: 'macos',
  darwin: 'macos',
  ios: 'ios',
  ipados: 'ios',
  android: 'android',
  androidforwork: 'android',
  androidenterprise: 'android',
  chromeos: 'chromeos',
  'chrome os': 'chromeos',
  linux: 'linux',
  ubuntu: 'linux',
  debian: 'linux',
  rhel: 'linux',
  centos: 'linux',
  fedora: 'linux',
  arch: 'linux',
  amzn: 'linux',
  suse: 'linux',
  opensuse: 'linux',
  gentoo: 'linux',
  manjaro: 'linux',
  nixos: 'linux',
});

/** The OS family of a vendor's label (`Windows`, `macOS`, `darwin`, `ubuntu`, `iPadOS`), or undefined when the table does not know it. */
export function osPlatformOf(label: string): OsPlatform | undefined {
  return platforms[label.trim().toLowerCase()];
}

/** The OS-label table, for {@link FieldReader.oneOf}. */
export const osPlatforms: Readonly<Record<string, OsPlatform>> = platforms;

/**
 * A USB vendor or product id as four lower-case hex digits (`0x1D6B` → `1d6b`, `4b4` → `04b4`),
 * as the device tables compare them; undefined for anything that is not one to four hex digits.
 */
export function usbHexId(value: string): string | undefined {
  const text = value.trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(text) ? text.padStart(4, '0') : undefined;
}

/**
 * Vendor and product ids from a Windows PnP device id or hardware id
 * (`USB\VID_0781&PID_5581\4C5300...`), or undefined when it carries none.
 */
export function usbIdsOfPnp(pnpId: string): { vendorId: string; productId: string } | undefined {
  const m = /vid_([0-9a-f]{4})&pid_([0-9a-f]{4})/i.exec(pnpId);
  return m === null ? undefined : { vendorId: (m[1] as string).toLowerCase(), productId: (m[2] as string).toLowerCase() };
}

/** Who a device record belongs to: the subject, and the account that tied it, or why there is none. */
export type DeviceOwner = { readonly subjectId: string; readonly accountId: string; readonly byDevice: boolean } | { readonly skip: string };

/**
 * Ties a device record to a subject. The first account the row names (a user principal name, an
 * e-mail, a login) is the link; when the row names no user (a USB mount by the system, an osquery
 * host with no user decoration) or its user has no subject, the device name is looked up instead,
 * so a subject map with device names (`account,subject` rows such as `laptop-0042,emp-17`) ties
 * the device. By default every account and device name maps to itself lower-cased, as for sign-ins.
 */
export function deviceOwner(ctx: MapContext, accounts: readonly (string | undefined)[], device: string | undefined): DeviceOwner {
  const account = accounts.find((a) => a !== undefined && a !== '');
  if (account !== undefined) {
    const subjectId = ctx.subjectIdFor(account);
    if (subjectId !== undefined) return { subjectId, accountId: account, byDevice: false };
  }
  const byDevice = device !== undefined && device !== '' ? ctx.subjectIdFor(device) : undefined;
  if (byDevice !== undefined) return { subjectId: byDevice, accountId: device as string, byDevice: true };
  if (account !== undefined) return { skip: `no subject for account "${account}"${device !== undefined && device !== '' ? ` or device "${device}"` : ''}` };
  if (device === undefined || device === '') return { skip: 'no user and no device name: nothing ties the record to a subject' };
  return { skip: `no subject for device "${device}" (add it to the subject map)` };
}

// Serials firmware and MDMs write when there is none; kept, they would tie unrelated machines together.
const placeholderSerials = new Set([
  '0',
  'none',
  'n/a',
  'unknown',
  'not specified',
  'not applicable',
  'to be filled by o.e.m.',
  'default string',
  'system serial number',
  '0123456789',
]);

/** A hardware serial, or undefined for a placeholder (`0`, `To be filled by O.E.M.`, `Not Specified`) or a non-text value. */
export function serialOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' || placeholderSerials.has(text.toLowerCase()) ? undefined : text;
}
