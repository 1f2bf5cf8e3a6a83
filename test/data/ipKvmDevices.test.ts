import { describe, expect, it } from 'vitest';
import { ipKvmDevices, matchIpKvmDevice, normalizeUsbId, type IpKvmDevice } from '../../src/data/ipKvmDevices';

describe('ipKvmDevices table', () => {
  it('has unique ids and well-formed USB ids', () => {
    const ids = ipKvmDevices.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of ipKvmDevices) for (const u of d.usbIds) expect(u).toMatch(/^[0-9a-f]{4}:[0-9a-f]{4}$/);
  });

  it('covers the products named by KVM-SIG', () => {
    const ids = new Set(ipKvmDevices.map((d) => d.id));
    for (const id of ['pikvm', 'tinypilot', 'jetkvm', 'nanokvm', 'blikvm', 'glinet-comet']) expect(ids.has(id), id).toBe(true);
  });

  it('does not attribute the generic Linux gadget id to a single product', () => {
    const owners = ipKvmDevices.filter((d) => d.usbIds.includes('1d6b:0104')).map((d) => d.id);
    expect(owners).toEqual(['linux-usb-gadget']);
  });
});

describe('normalizeUsbId', () => {
  it.each([
    ['1d6b:0104', '1d6b:0104'],
    ['0x1D6B:0x0104', '1d6b:0104'],
    ['1d6b/104', '1d6b:0104'],
    ['USB\\VID_1D6B&PID_0104&MI_00\\6&1234', '1d6b:0104'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUsbId(input)).toBe(expected);
  });

  it('rejects non-ids', () => {
    expect(normalizeUsbId('PiKVM')).toBeUndefined();
    expect(normalizeUsbId('12345:1')).toBeUndefined();
  });
});

describe('matchIpKvmDevice', () => {
  it('identifies products by USB strings and EDID names', () => {
    expect(matchIpKvmDevice({ name: 'PiKVM Composite KVM Device' })?.id).toBe('pikvm');
    expect(matchIpKvmDevice({ name: 'Pi-KVM' })?.id).toBe('pikvm');
    expect(matchIpKvmDevice({ name: 'TinyPilot' })?.id).toBe('tinypilot');
    expect(matchIpKvmDevice({ name: 'JetKVM USB Emulation Device' })?.id).toBe('jetkvm');
    expect(matchIpKvmDevice({ name: 'NanoKVM' })?.id).toBe('nanokvm');
    expect(matchIpKvmDevice({ name: 'BliKVM v4' })?.id).toBe('blikvm');
    expect(matchIpKvmDevice({ name: 'GL-RM1PE' })?.id).toBe('glinet-comet');
    expect(matchIpKvmDevice({ name: 'Toshiba-H2C' })?.id).toBe('tc358743-hdmi-bridge');
    expect(matchIpKvmDevice({ name: 'MACROSILICON' })?.id).toBe('macrosilicon-ms2109');
    expect(matchIpKvmDevice({ usbId: '0525:a4ac' })?.id).toBe('linux-usb-gadget');
  });

  it('prefers a product name over the generic gadget id', () => {
    expect(matchIpKvmDevice({ usbId: '1d6b:0104', name: 'PiKVM Composite KVM Device' })?.id).toBe('pikvm');
    expect(matchIpKvmDevice({ usbId: '1d6b:0104' })?.id).toBe('linux-usb-gadget');
  });

  it('uses a distinctive default serial', () => {
    expect(matchIpKvmDevice({ usbId: '1d6b:0104', name: 'Multifunction USB Device', serial: '6b65796d696d6570690' })?.id).toBe('tinypilot');
  });

  it('matches vendor-specific USB ids', () => {
    expect(matchIpKvmDevice({ usbId: '3346:1009' })?.id).toBe('nanokvm');
    expect(matchIpKvmDevice({ usbId: '0x534D:0x2109' })?.kind).toBe('capture-dongle');
  });

  it('returns undefined for ordinary peripherals', () => {
    expect(matchIpKvmDevice({ usbId: '046d:c52b', name: 'Logitech USB Receiver' })).toBeUndefined();
    expect(matchIpKvmDevice({ name: 'DELL P2419H' })).toBeUndefined();
    expect(matchIpKvmDevice({})).toBeUndefined();
  });

  it('checks caller-supplied entries first', () => {
    const custom: IpKvmDevice = {
      id: 'lab-kvm',
      name: 'Lab KVM',
      kind: 'ip-kvm',
      usbIds: ['1d6b:0104'],
      displayNames: [],
      usbSerials: [],
      notes: 'test',
    };
    expect(matchIpKvmDevice({ usbId: '1d6b:0104' }, [custom])?.id).toBe('lab-kvm');
  });
});
