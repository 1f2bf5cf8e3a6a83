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

function usbIdOf(vendorId: string | undefined, productId: string | undefined): string | undefined {
  return vendorId !== undefined && productId !== undefined ? `${vendorId}:${productId}` : undefined;
}

/** A part of a peripheral's key: an absent part is told apart from an empty one. */
function keyPart(s: string | undefined): string {
  return s === undefined ? '\u0001' : `\u0002${s}`;
}

function sweepPeripherals(events: readonly ActivityEvent[]): PeripheralSightings {
  const event: number[] = [];
  const peripheral: number[] = [];
  const field: number[] = [];
  const value: number[] = [];
  const labelled: number[] = [];
  const peripherals: Peripheral[] = [];
  const keys = createInterner();
  const values = createInterner();
  const add = (
    index: number,
    usbId: string | undefined,
    name: string | undefined,
    serial: string | undefined,
    from: (typeof peripheralFields)[number],
    shown: string,
    labelledIpKvm: boolean,
  ): void => {
    const code = keys.code(`${keyPart(usbId)}\u0000${keyPart(name)}\u0000${keyPart(serial)}`);
    if (code === peripherals.length) peripherals.push(Object.freeze({ usbId, name, serial }));
    event.push(index);
    peripheral.push(code);
    field.push(fieldCode[from]);
    value.push(values.code(shown));
    labelled.push(labelledIpKvm ? 1 : 0);
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ActivityEvent;
    if (e.type === 'security') {
      if (e.usbId === undefined && e.deviceName === undefined && e.category !== 'ip-kvm' && e.category !== 'usb-device') continue;
      // Name the field the value came from: a detection the tool labels ip-kvm may carry neither id nor name.
      const from = e.usbId !== undefined ? 'usbId' : e.deviceName !== undefined ? 'deviceName' : 'category';
      add(i, e.usbId, e.deviceName, undefined, from, e.usbId ?? e.deviceName ?? e.category, e.category === 'ip-kvm');
    } else if (e.type === 'device-checkin') {
      // Fields name the list, not a position: inventory lists carry no order.
      const usbDevices = e.usbDevices ?? [];
      for (let k = 0; k < usbDevices.length; k++) {
        const u = usbDevices[k]!;
        const usbId = usbIdOf(u.vendorId, u.productId);
        const name = u.product ?? u.vendor;
        const shown = usbId !== undefined && name !== undefined ? `${usbId} ${name}` : (usbId ?? name ?? '');
        if (shown !== '' || u.serial !== undefined) add(i, usbId, name, u.serial, 'usbDevices', shown || (u.serial as string), false);
      }
      const displays = e.displays ?? [];
      for (let k = 0; k < displays.length; k++) {
        const d = displays[k]!;
        const name = d.model ?? d.manufacturer;
        if (name !== undefined) add(i, undefined, name, undefined, 'displays', name, false);
      }
    } else if (e.type === 'removable-media' && e.media !== undefined && e.action !== 'removed') {
      const usbId = usbIdOf(e.media.vendorId, e.media.productId);
      const name = e.media.product ?? e.media.vendor;
      if (usbId !== undefined || name !== undefined || e.media.serial !== undefined) {
        add(i, usbId, name, e.media.serial, 'media', usbId ?? name ?? (e.media.serial as string), false);
      }
    }
  }
  return Object.freeze({
    length: event.length,
    event: Int32Array.from(event),
    peripheral: Int32Array.from(peripheral),
    peripherals: Object.freeze(peripherals),
    field: Uint8Array.from(field),
    value: Int32Array.from(value),
    values: Object.freeze(values.values),
    labelledIpKvm: Uint8Array.from(labelled),
  });
}
