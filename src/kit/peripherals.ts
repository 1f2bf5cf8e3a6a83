/**
 * The USB devices and monitors seen on a subject's computers, as a table built in one sweep per
 * view and shared.
 *
 * @packageDocumentation
 */

import { createInterner } from '../engine/intern';
import type { SubjectView } from '../contract/types';
import type { ActivityEvent } from '../records/events';

/** The record fields a peripheral sighting can come from: `peripheralFields[field[i]]` names sighting `i`'s. */
export const peripheralFields = ['usbId', 'deviceName', 'category', 'usbDevices', 'displays', 'media'] as const;

/** One distinct peripheral: what the endpoint reported about it (the identifier `matchIpKvmDevice` takes). */
export interface Peripheral {
  /** USB `vendor:product` id, as reported. */
  readonly usbId: string | undefined;
  /** USB product or vendor string, EDID monitor name, or the security tool's device name. */
  readonly name: string | undefined;
  /** USB serial number. */
  readonly serial: string | undefined;
}

/**
 * Every USB device and monitor sighting of a subject, as columns: sighting `i` is peripheral
 * `peripherals[peripheral[i]]`, seen in `view.events[event[i]]` (its time is
 * `view.eventTimes()[event[i]]`, its computer `view.interned('deviceId')` at the same index), read
 * from field `peripheralFields[field[i]]` with the value `values[value[i]]` shown as evidence.
 * Inventory repeats the same peripherals at every check-in, so peripherals are interned: an
 * indicator matches each distinct one once, not each sighting. Read-only by contract.
 */
export interface PeripheralSightings {
  /** Number of sightings. */
  readonly length: number;
  /** Index in `view.events` of the event that shows the sighting. */
  readonly event: Int32Array;
  /** Code of the sighting's peripheral in `peripherals`. */
  readonly peripheral: Int32Array;
  /** The distinct peripherals, in order of first sighting. */
  readonly peripherals: readonly Peripheral[];
  /** Code of the field the sighting came from in {@link peripheralFields}. */
  readonly field: Uint8Array;
  /** Code of the value the sighting shows (the id, name or serial, as reported) in `values`. */
  readonly value: Int32Array;
  /** The distinct values. */
  readonly values: readonly string[];
  /** 1 when a security tool itself labelled the detection `ip-kvm`, else 0. */
  readonly labelledIpKvm: Uint8Array;
}

/**
 * The subject's peripheral sightings, in event order (time, then id): USB and device detections
 * of security tools (`security` events with a USB id, device name, or category `ip-kvm` or
 * `usb-device`), USB devices and displays in check-in inventory, and removable media connected or
 * copied to. The one place that knows where peripherals live in the model. Built in one sweep per
 * view and shared (`view.memo`) by every indicator that reads them.
 */
export function peripheralSightings(view: SubjectView): PeripheralSightings {
  return view.memo('device/peripheral-sightings', () => sweepPeripherals(view.events));
}

const fieldCode: Readonly<Record<(typeof peripheralFields)[number], number>> = Object.freeze(
  Object.fromEntries(peripheralFields.map((f, i) => [f, i])) as Record<(typeof peripheralFields)[number], number>,
);

function sweepPeripherals(events: readonly ActivityEvent[]): PeripheralSightings {
  const event: number[] = [];
  const peripheral: number[] = [];
  const field: number[] = [];
  const value: number[] = [];
  const labelled: number[] = [];
  const peripherals: Peripheral[] = [];
  // Peripherals by their three parts, nested, with `undefined` a key of its own (an absent part
  // is told apart from an empty one): look-ups by the records' own strings, no key built per sighting.
  const byParts = new Map<string | undefined, Map<string | undefined, Map<string | undefined, number>>>();
  const peripheralCode = (usbId: string | undefined, name: string | undefined, serial: string | undefined): number => {
    let byName = byParts.get(usbId);
    if (byName === undefined) byParts.set(usbId, (byName = new Map()));
    let bySerial = byName.get(name);
    if (bySerial === undefined) byName.set(name, (bySerial = new Map()));
    let code = bySerial.get(serial);
    if (code === undefined) {
      code = peripherals.length;
      bySerial.set(serial, code);
      peripherals.push(Object.freeze({ usbId, name, serial }));
    }
    return code;
  };
  // `vendor:product` ids, one string per pair and sweep, so a repeated id is hashed once.
  const usbIds = new Map<string, Map<string, string>>();
  const usbIdOf = (vendorId: string | undefined, productId: string | undefined): string | undefined => {
    if (vendorId === undefined || productId === undefined) return undefined;
    let byProduct = usbIds.get(vendorId);
    if (byProduct === undefined) usbIds.set(vendorId, (byProduct = new Map()));
    let id = byProduct.get(productId);
    if (id === undefined) byProduct.set(productId, (id = `${vendorId}:${productId}`));
    return id;
  };
  const values = createInterner();
  // Inventory and media show a value that depends only on the peripheral and the field: its code
  // is remembered per peripheral and field (`code * fieldCount + field`), so it is built once.
  const shownCodes: number[] = [];
  const fieldCount = peripheralFields.length;
  const push = (index: number, code: number, from: number, valueCode: number, labelledIpKvm: boolean): void => {
    event.push(index);
    peripheral.push(code);
    field.push(from);
    value.push(valueCode);
    labelled.push(labelledIpKvm ? 1 : 0);
  };
  const pushDerived = (
    index: number,
    usbId: string | undefined,
    name: string | undefined,
    serial: string | undefined,
    from: number,
    shownOf: () => string,
  ): void => {
    const code = peripheralCode(usbId, name, serial);
    const slot = code * fieldCount + from;
    let valueCode = shownCodes[slot];
    if (valueCode === undefined) shownCodes[slot] = valueCode = values.code(shownOf());
    push(index, code, from, valueCode, false);
  };
  const usbDevicesField = fieldCode.usbDevices;
  const displaysField = fieldCode.displays;
  const mediaField = fieldCode.media;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ActivityEvent;
    if (e.type === 'security') {
      if (e.usbId === undefined && e.deviceName === undefined && e.category !== 'ip-kvm' && e.category !== 'usb-device') continue;
      // Name the field the value came from: a detection the tool labels ip-kvm may carry neither id nor name.
      const from = e.usbId !== undefined ? 'usbId' : e.deviceName !== undefined ? 'deviceName' : 'category';
      const code = peripheralCode(e.usbId, e.deviceName, undefined);
      push(i, code, fieldCode[from], values.code(e.usbId ?? e.deviceName ?? e.category), e.category === 'ip-kvm');
    } else if (e.type === 'device-checkin') {
      // Fields name the list, not a position: inventory lists carry no order.
      const usbDevices = e.usbDevices;
      if (usbDevices !== undefined) {
        for (let k = 0; k < usbDevices.length; k++) {
          const u = usbDevices[k]!;
          const usbId = usbIdOf(u.vendorId, u.productId);
          const name = u.product ?? u.vendor;
          // Nothing to show (no id, no or an empty name) and no serial: not a sighting.
          if (usbId === undefined && (name === undefined || name === '') && u.serial === undefined) continue;
          pushDerived(i, usbId, name, u.serial, usbDevicesField, () => {
            const shown = usbId !== undefined && name !== undefined ? `${usbId} ${name}` : (usbId ?? name ?? '');
            return shown || (u.serial as string);
          });
        }
      }
      const displays = e.displays;
      if (displays !== undefined) {
        for (let k = 0; k < displays.length; k++) {
          const d = displays[k]!;
          const name = d.model ?? d.manufacturer;
          if (name !== undefined) pushDerived(i, undefined, name, undefined, displaysField, () => name);
        }
      }
    } else if (e.type === 'removable-media' && e.media !== undefined && e.action !== 'removed') {
      const media = e.media;
      const usbId = usbIdOf(media.vendorId, media.productId);
      const name = media.product ?? media.vendor;
      if (usbId !== undefined || name !== undefined || media.serial !== undefined) {
        pushDerived(i, usbId, name, media.serial, mediaField, () => usbId ?? name ?? (media.serial as string));
      }
    }
  }
  return Object.freeze({
    length: event.length,
    event: new Int32Array(event),
    peripheral: new Int32Array(peripheral),
    peripherals: Object.freeze(peripherals),
    field: new Uint8Array(field),
    value: new Int32Array(value),
    values: Object.freeze(values.values),
    labelledIpKvm: new Uint8Array(labelled),
  });
}
