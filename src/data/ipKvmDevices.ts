import { deepFreeze } from '../util/freeze';
/**
 * KVM-over-IP hardware and the HDMI-to-USB capture dongles used to build it.
 *
 * Why this exists: an IP-KVM lets someone abroad drive a laptop through its keyboard, mouse and
 * HDMI ports with no software on the laptop at all (MITRE ATT&CK T1219.003, Remote Access
 * Hardware). Laptop-farm prosecutions describe KVM switches; Mandiant asks defenders to question
 * IP-KVM use. On the controlled laptop an IP-KVM shows up as:
 * - a USB composite device (keyboard + mouse, often mass storage) whose vendor/product ids and
 *   strings come from the KVM's Linux USB-gadget configuration, and
 * - an external monitor whose EDID is supplied by the KVM's HDMI capture chip.
 *
 * Honesty about identifiers: most open-source IP-KVMs (PiKVM, TinyPilot, JetKVM, BliKVM, GL.iNet
 * Comet) present the *generic* Linux Foundation gadget id `1d6b:0104` by default, which any
 * Linux board in USB-gadget mode can also present. That id is therefore kept in a separate
 * `linux-usb-gadget` entry, not attributed to one product. Product entries carry only ids
 * verified in the vendor's own firmware sources and otherwise match on USB strings and EDID
 * names. All of these identifiers can be changed by the operator (PiKVM documents how to mimic a
 * Logitech keyboard and a Dell monitor), so absence of a match clears nothing.
 *
 * Capture dongles (MacroSilicon MS2109/MS2130) are normally plugged into the KVM, not the laptop;
 * seeing one on a corporate laptop is odd but not proof of remote control. What the laptop does
 * see is the capture chip's EDID as an external monitor ("MACROSILICON", "Toshiba-H2C", "PiKVM"):
 * a generic gadget id together with such a display on one computer is the DIY IP-KVM pattern.
 *
 * Sources of the identifiers (public): the kvmd and kvmd-edidconf sources and docs.pikvm.org/edid
 * (PiKVM), TinyPilot's init-usb-gadget script, JetKVM's UsbConfig defaults, Sipeed's NanoKVM
 * usbdev scripts, and the usb.ids registry (linux-usb.org) for vendor and gadget ids.
 *
 * @packageDocumentation
 */

/**
 * What an entry describes.
 * - `ip-kvm`: a complete KVM-over-IP product.
 * - `usb-gadget`: a generic USB identity shared by IP-KVMs and other Linux gadget devices.
 * - `capture-dongle`: an HDMI-to-USB video capture device used inside DIY IP-KVMs.
 */
export type IpKvmDeviceKind = 'ip-kvm' | 'usb-gadget' | 'capture-dongle';

/** One IP-KVM product, capture dongle or generic USB identity. */
export interface IpKvmDevice {
  /** Stable kebab-case identifier. */
  readonly id: string;
  /** Product or device-family name. */
  readonly name: string;
  /** What the entry describes; `usb-gadget` and `capture-dongle` matches are weaker evidence than `ip-kvm`. */
  readonly kind: IpKvmDeviceKind;
  /**
   * Default USB ids as `'vvvv:pppp'` in lower-case hex. Only ids confirmed in the vendor's
   * firmware or widely observed in `lsusb` output; empty rather than guessed.
   */
  readonly usbIds: readonly string[];
  /**
   * USB manufacturer/product strings and EDID monitor names the device presents by default
   * (e.g. `'PiKVM'`, `'Composite KVM Device'`). Matched case- and punctuation-insensitively as
   * substrings of the observed name.
   */
  readonly displayNames: readonly string[];
  /** Default USB serial numbers that are distinctive enough to identify the product. */
  readonly usbSerials: readonly string[];
  /**
   * Three-letter EDID manufacturer (PNP) ids of the default EDID, for documentation only: they are
   * shared with other makers (LNX is every Linux-made EDID), so they are never matched alone.
   */
  readonly edidManufacturers?: readonly string[];
  /** Provenance of the identifiers and caveats for interpreting a match. */
  readonly notes: string;
}

/** What was observed about a device on the endpoint. All fields optional; supply what you have. */
export interface IpKvmIdentifier {
  /** USB vendor:product id in any common form: `'1d6b:0104'`, `'0x1D6B:0x0104'`, `'VID_1D6B&PID_0104'`. */
  readonly usbId?: string;
  /** USB manufacturer or product string, device-manager name, or EDID monitor name. */
  readonly name?: string;
  /** USB serial number string. */
  readonly serial?: string;
}

/** The IP-KVM reference table. */
export const ipKvmDevices: readonly IpKvmDevice[] = /* @__PURE__ */ deepFreeze<IpKvmDevice[]>([
  {
    id: 'pikvm',
    name: 'PiKVM',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['PiKVM', 'Pi-KVM', 'Composite KVM Device'],
    usbSerials: ['CAFEBABE'],
    edidManufacturers: ['LNX'],
    notes:
      'kvmd default USB gadget: Linux Foundation 1d6b:0104, manufacturer "PiKVM" (older releases "Pi-KVM"), ' +
      'product "Composite KVM Device", serial "CAFEBABE"; Linux logs it as "PiKVM Composite KVM Device". ' +
      'Many third-party kits (Geekworm, BliKVM, NanoKVM Pro in PiKVM mode) run the same software and strings. ' +
      'EDID: since kvmd 3.121 the default monitor name is "PiKVM" with manufacturer id LNX (earlier images ' +
      'showed the TC358743 bridge as "Toshiba-H2C", see the tc358743 entry); both are configurable with ' +
      'kvmd-edidconf (docs.pikvm.org/edid). LNX alone is the Linux Foundation PNP id of every Linux-made EDID.',
  },
  {
    id: 'tinypilot',
    name: 'TinyPilot',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['TinyPilot', 'keymimepi'],
    usbSerials: ['6b65796d696d6570690'],
    notes:
      'TinyPilot init-usb-gadget: 1d6b:0104, manufacturer "tinypilot", product "Multifunction USB Device", ' +
      'serial "6b65796d696d6570690" (hex for "keymimepi", the project\'s former name). The serial is the most ' +
      'distinctive default; the product string alone is generic.',
  },
  {
    id: 'jetkvm',
    name: 'JetKVM',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['JetKVM', 'USB Emulation Device'],
    usbSerials: [],
    notes:
      'JetKVM default UsbConfig: 1d6b:0104, manufacturer "JetKVM", product "USB Emulation Device" (earlier ' +
      'firmware "JetKVM USB Emulation Device"). The web UI offers presets that impersonate Logitech, ' +
      'Microsoft and Dell keyboards.',
  },
  {
    id: 'nanokvm',
    name: 'Sipeed NanoKVM',
    kind: 'ip-kvm',
    usbIds: ['3346:1009'],
    displayNames: ['NanoKVM'],
    usbSerials: [],
    notes:
      'Sipeed NanoKVM S03usbdev default: 3346:1009, manufacturer "sipeed", product "NanoKVM", configuration ' +
      '"NanoKVM", mass-storage inquiry "NanoKVM USB Mass Storage"; all overridable from /boot/usb.*. ' +
      'The default serial 0123456789ABCDEF is generic and not used for matching. NanoKVM-USB is a local ' +
      '(not IP) USB KVM but shares the name.',
  },
  {
    id: 'blikvm',
    name: 'BliKVM',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['BliKVM', 'Blicube'],
    usbSerials: [],
    notes:
      'PiKVM-derived hardware by Blicube. Default USB strings could not be verified, so expect PiKVM-style ' +
      'strings (see the pikvm entry) or the generic gadget id.',
  },
  {
    id: 'glinet-comet',
    name: 'GL.iNet Comet (GL-RM1 / GL-RM1PE) KVM',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['GL-RM1', 'GLKVM', 'GL.iNet KVM', 'GL-iNet KVM', 'GL.iNet Comet'],
    usbSerials: [],
    notes:
      'Runs GLKVM, a kvmd (PiKVM) fork. Default USB strings could not be verified; "GL-RM1" also prefixes the ' +
      'Comet PoE (GL-RM1PE) and Comet 5G (GL-RM10RC) models. KVM-SIG lists GLKVM among IP-KVM web titles.',
  },
  {
    id: 'raritan',
    name: 'Raritan Dominion KX (enterprise IP-KVM)',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['Raritan', 'Dominion KX', 'D2CIM', 'DCIM-USB'],
    usbSerials: [],
    notes:
      'Enterprise IP-KVM: the computer interface module (CIM) on the target shows the Raritan vendor string ' +
      '(USB vendor 14dd, Raritan Computer, in the usb.ids registry). Normal in a data centre, never on a ' +
      "remote employee's laptop.",
  },
  {
    id: 'lantronix-spider',
    name: 'Lantronix Spider',
    kind: 'ip-kvm',
    usbIds: [],
    displayNames: ['Lantronix Spider', 'SLS200'],
    usbSerials: [],
    notes: 'Zero-footprint IP-KVM dongle; matched on its product strings only ("Spider" alone is too common).',
  },
  {
    id: 'tc358743-hdmi-bridge',
    name: 'Toshiba TC358743 HDMI-to-CSI bridge (Raspberry Pi capture board)',
    kind: 'capture-dongle',
    usbIds: [],
    displayNames: ['Toshiba-H2C', 'TC358743'],
    usbSerials: [],
    notes:
      'The HDMI input of PiKVM V3/V4, BliKVM and Geekworm/Auvidea capture boards for the Raspberry Pi. Its ' +
      'EDID monitor name was "Toshiba-H2C" in PiKVM images before kvmd 3.121. Seen as a display on the ' +
      'controlled computer, it means the HDMI output feeds a Raspberry Pi capture board.',
  },
  {
    id: 'linux-usb-gadget',
    name: 'Linux USB composite gadget (default Linux Foundation id)',
    kind: 'usb-gadget',
    usbIds: ['1d6b:0104', '1d6b:0105', '0525:a4ab', '0525:a4ac'],
    displayNames: ['Multifunction Composite Gadget', 'Multifunction USB Device', 'Linux-USB HID Gadget'],
    usbSerials: [],
    notes:
      '1d6b:0104 is the Linux Foundation "Multifunction Composite Gadget" id and the default of PiKVM, ' +
      'TinyPilot and JetKVM. It is also used by Raspberry Pi Zero gadget projects, dev boards and test rigs, ' +
      'so it shows a Linux device posing as USB peripherals, not a specific KVM. Corroborate with strings. ' +
      'The other ids are the Linux FunctionFS gadget (1d6b:0105) and the NetChip ids the kernel gadget ' +
      'drivers use for a multifunction composite (0525:a4ab) and a HID gadget (0525:a4ac), per usb.ids.',
  },
  {
    id: 'macrosilicon-ms2109',
    name: 'MacroSilicon MS2109 HDMI-to-USB 2.0 capture dongle',
    kind: 'capture-dongle',
    usbIds: ['534d:2109', '345f:2109'],
    displayNames: ['MS2109', 'MACROSILICON'],
    usbSerials: [],
    notes:
      'The cheap "USB Video" capture stick used in DIY PiKVM and TinyPilot builds. 534d:2109 is the original ' +
      'chip, 345f:2109 the MS2109S revision. Product string is the generic "USB Video", so it is not matched. ' +
      'On the computer whose HDMI output feeds it, its EDID shows the monitor name "MACROSILICON".',
  },
  {
    id: 'macrosilicon-ms2130',
    name: 'MacroSilicon MS2130 HDMI-to-USB 3.0 capture dongle',
    kind: 'capture-dongle',
    usbIds: ['345f:2130'],
    displayNames: ['MS2130'],
    usbSerials: [],
    notes:
      'USB 3 capture stick (product strings vary: "USB3 Video", "USB3.0 Capture"). Also found inside USB KVM ' +
      'consoles such as Openterface, and in ordinary streaming setups.',
  },
]);

/**
 * Parses a USB id in any of the usual spellings into `'vvvv:pppp'` lower-case hex.
 * Accepts `'1d6b:0104'`, `'0x1D6B:0x0104'`, `'1d6b/0104'`, `'USB\\VID_1D6B&PID_0104&MI_00'`.
 *
 * @param usbId - The id as reported by the OS or inventory tool.
 * @returns The canonical id, or `undefined` if the input does not look like a USB id.
 */
export function normalizeUsbId(usbId: string): string | undefined {
  const s = usbId.trim().toLowerCase();
  const win = /vid_([0-9a-f]{4})&pid_([0-9a-f]{4})/.exec(s);
  if (win) return `${win[1]}:${win[2]}`;
  const plain = /^(?:0x)?([0-9a-f]{1,4})\s*[:/]\s*(?:0x)?([0-9a-f]{1,4})$/.exec(s);
  if (plain?.[1] !== undefined && plain[2] !== undefined) {
    return `${plain[1].padStart(4, '0')}:${plain[2].padStart(4, '0')}`;
  }
  return undefined;
}

/** Lower-case alphanumerics only, so "Pi-KVM", "pikvm" and "PiKVM V4" compare alike. */
function squash(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Identify an IP-KVM (or related hardware) from what the endpoint reports about a USB device or
 * monitor.
 *
 * Precedence, most specific first: a distinctive default serial, then a name (USB strings or EDID
 * monitor name, substring match), then the USB id. Within each step `ip-kvm` entries win over
 * `usb-gadget` and `capture-dongle` entries, and caller-supplied `extra` entries are checked
 * before the built-in table. So `{ usbId: '1d6b:0104', name: 'PiKVM Composite KVM Device' }`
 * resolves to `pikvm`, while `{ usbId: '1d6b:0104' }` alone resolves to the generic
 * `linux-usb-gadget` entry.
 *
 * @param identifier - Observed USB id, name and/or serial.
 * @param extra - Additional entries to consider first (e.g. a site's own KVM inventory).
 * @returns The matching entry, or `undefined`.
 */
export function matchIpKvmDevice(identifier: IpKvmIdentifier, extra: readonly IpKvmDevice[] = []): IpKvmDevice | undefined {
  const table = extra.length === 0 ? (builtinTable ??= compileTable(ipKvmDevices)) : compileTable([...extra, ...ipKvmDevices]);

  const serial = identifier.serial?.trim().toLowerCase();
  if (serial) {
    const hit = table.find((d) => d.serials.includes(serial));
    if (hit) return hit.device;
  }

  const name = identifier.name === undefined ? '' : squash(identifier.name);
  if (name.length > 0) {
    const hit = table.find((d) => d.needles.some((needle) => name.includes(needle)));
    if (hit) return hit.device;
  }

  const usbId = identifier.usbId === undefined ? undefined : normalizeUsbId(identifier.usbId);
  if (usbId !== undefined) {
    return table.find((d) => d.device.usbIds.includes(usbId))?.device;
  }
  return undefined;
}

/** An entry with its serials lower-cased and its display names squashed (needles under four characters dropped), in match order. */
interface CompiledEntry {
  readonly device: IpKvmDevice;
  readonly serials: readonly string[];
  readonly needles: readonly string[];
}

/** The built-in table compiled once: it is constant, so every call without `extra` shares it. */
let builtinTable: readonly CompiledEntry[] | undefined;

/** The entries in match order (stable sort: extra before built-in within each kind), with what each match step compares prepared once. */
function compileTable(all: readonly IpKvmDevice[]): readonly CompiledEntry[] {
  return [...all]
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
    .map((device) => ({
      device,
      serials: device.usbSerials.map((s) => s.toLowerCase()),
      needles: device.displayNames.map(squash).filter((needle) => needle.length >= 4),
    }));
}

/** Ranks kinds by how specific a match is; lower sorts first. */
function kindRank(kind: IpKvmDeviceKind): number {
  return kind === 'ip-kvm' ? 0 : kind === 'capture-dongle' ? 1 : 2;
}
