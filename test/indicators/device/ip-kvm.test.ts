import { ipKvm } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const usb = (fields: Record<string, unknown>) => ({ type: 'security', at: '2025-03-03T10:00:00Z', category: 'usb-device', deviceId: 'mac-1', ...fields });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(ipKvm, {
  valid: [
    { name: 'a keyboard and a mouse', events: [usb({ deviceName: 'Logitech USB Receiver', usbId: '046d:c52b' }), usb({ deviceName: 'Apple Magic Keyboard' })] },
    { name: 'a capture dongle when generic gadgets are excluded', events: [usb({ usbId: '534d:2109' })], options: { includeGenericGadgets: false } },
  ],
  invalid: [
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
  ],
  notEvaluated: [{ name: 'no USB detections', events: [{ type: 'security', at: '2025-03-03T10:00:00Z', category: 'malware' }] }],
});
