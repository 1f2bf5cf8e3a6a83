import { ipKvm } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const usb = (fields: Record<string, unknown>) => ({ type: 'security', at: '2025-03-03T10:00:00Z', category: 'usb-device', deviceId: 'mac-1', ...fields });

const checkin = (fields: Record<string, unknown>, at = '2025-03-03T10:00:00Z') => ({ type: 'device-checkin', at, deviceId: 'mac-1', ...fields });
const ordinaryDesk = {
  usbDevices: [
    { vendorId: '046d', productId: 'c52b', vendor: 'Logitech', product: 'USB Receiver' },
    { vendorId: '05ac', productId: '0267', product: 'Magic Keyboard' },
  ],
  displays: [{ manufacturer: 'DEL', model: 'DELL U2720Q' }],
};

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(ipKvm, {
  valid: [
    { name: 'an inventory of an ordinary desk: receiver, keyboard, monitor', events: [checkin(ordinaryDesk), checkin(ordinaryDesk, '2025-03-04T10:00:00Z')] },
    {
      name: 'an ordinary USB stick mounted',
      events: [
        {
          type: 'removable-media',
          at: '2025-03-03T10:00:00Z',
          deviceId: 'mac-1',
          action: 'connected',
          media: { vendorId: '0781', productId: '5581', product: 'Ultra' },
        },
      ],
    },
    { name: 'a keyboard and a mouse', events: [usb({ deviceName: 'Logitech USB Receiver', usbId: '046d:c52b' }), usb({ deviceName: 'Apple Magic Keyboard' })] },
    { name: 'a capture dongle when generic gadgets are excluded', events: [usb({ usbId: '534d:2109' })], options: { includeGenericGadgets: false } },
    {
      name: 'an LNX manufacturer id alone (any Linux-made EDID) is not a match',
      events: [checkin({ displays: [{ manufacturer: 'LNX', model: 'Virtual-1' }] })],
    },
  ],
  invalid: [
    {
      name: 'a PiKVM in the USB inventory of two check-ins is one finding',
      events: [
        checkin({ usbDevices: [...ordinaryDesk.usbDevices, { vendorId: '1d6b', productId: '0104', product: 'PiKVM Composite KVM Device' }] }),
        checkin({ usbDevices: [{ vendorId: '1d6b', productId: '0104', product: 'PiKVM Composite KVM Device' }] }, '2025-03-05T10:00:00Z'),
      ],
      findings: [{ messageId: 'device', strength: 1, data: { device: 'PiKVM', deviceId: 'mac-1', first: '2025-03-03' }, evidence: ['e1', 'e2'] }],
    },
    {
      name: 'a capture chip in the displays (EDID) of a check-in',
      events: [checkin({ displays: [{ manufacturer: 'MSC', model: 'MS2109 HDMI capture' }] })],
      findings: [{ messageId: 'device', strength: 0.5, data: { kind: 'capture-dongle' } }],
    },
    {
      name: 'a NanoKVM mounted as removable media',
      events: [{ type: 'removable-media', at: '2025-03-03T10:00:00Z', deviceId: 'mac-1', action: 'connected', media: { vendorId: '3346', productId: '1009' } }],
      findings: [{ messageId: 'device', strength: 1, data: { kind: 'ip-kvm' } }],
    },
    {
      name: 'a PiKVM announces itself',
      events: [usb({ deviceName: 'PiKVM Composite KVM Device' })],
      findings: [{ messageId: 'device', strength: 1, data: { device: 'PiKVM', deviceId: 'mac-1' }, evidence: ['e1'], message: /PiKVM/ }],
    },
    {
      // 23:30 in New York on 1 March is 04:30 UTC on 2 March: dates in messages are UTC dates.
      name: 'a detection time with an offset is dated in UTC',
      events: [usb({ deviceName: 'PiKVM Composite KVM Device', at: '2025-03-01T23:30:00-05:00' })],
      findings: [{ messageId: 'device', data: { first: '2025-03-02' } }],
    },
    {
      name: 'a NanoKVM by USB id',
      events: [usb({ usbId: '3346:1009' })],
      findings: [{ messageId: 'device', strength: 1, data: { kind: 'ip-kvm' } }],
    },
    {
      name: 'an HDMI capture dongle is half strength',
      events: [usb({ usbId: '0x534D:0x2109' })],
      findings: [{ messageId: 'device', strength: 0.5, data: { kind: 'capture-dongle' } }],
    },
    {
      name: 'the security tool labels an IP-KVM the table does not know',
      events: [{ type: 'security', at: '2025-03-03T10:00:00Z', category: 'ip-kvm', deviceName: 'Acme RemoteBox', deviceId: 'mac-1' }],
      findings: [{ messageId: 'device', strength: 0.9, data: { device: 'Acme RemoteBox' } }],
    },
    {
      name: 'a generic Linux gadget id alone is weak',
      events: [checkin({ usbDevices: [...ordinaryDesk.usbDevices, { vendorId: '1d6b', productId: '0104' }] })],
      findings: [{ messageId: 'device', strength: 0.3, data: { kind: 'usb-gadget' } }],
    },
    {
      name: 'a generic gadget and a MacroSilicon EDID on one laptop are one DIY IP-KVM finding',
      events: [
        checkin({ usbDevices: [{ vendorId: '1d6b', productId: '0104', product: 'Multifunction Composite Gadget' }] }),
        checkin({ displays: [{ manufacturer: 'MSC', model: 'MACROSILICON' }] }, '2025-03-06T10:00:00Z'),
      ],
      findings: [{ messageId: 'kit', strength: 0.9, data: { deviceId: 'mac-1', capture: 'MACROSILICON', first: '2025-03-06' }, evidence: ['e1', 'e2'] }],
    },
    {
      name: 'a gadget on one computer and a capture chip on another stay two weak findings',
      events: [checkin({ usbDevices: [{ vendorId: '1d6b', productId: '0104' }] }), { ...checkin({ displays: [{ model: 'Toshiba-H2C' }] }), deviceId: 'mac-2' }],
      findings: [
        { messageId: 'device', strength: 0.5, data: { deviceId: 'mac-2', kind: 'capture-dongle' } },
        { messageId: 'device', strength: 0.3, data: { deviceId: 'mac-1' } },
      ],
    },
    {
      name: 'a PiKVM EDID among the displays',
      events: [checkin({ displays: [{ manufacturer: 'LNX', model: 'PiKVM' }] })],
      findings: [{ messageId: 'device', strength: 1, data: { device: 'PiKVM' } }],
    },
    {
      name: 'an enterprise Raritan module on a remote laptop',
      events: [checkin({ usbDevices: [{ vendorId: '14dd', productId: '1007', vendor: 'Raritan', product: 'D2CIM-VUSB' }] })],
      findings: [{ messageId: 'device', strength: 1, data: { kind: 'ip-kvm' } }],
    },
  ],
  notEvaluated: [{ name: 'no USB detections', events: [{ type: 'security', at: '2025-03-03T10:00:00Z', category: 'malware' }] }],
});
