import { serialMismatch } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const shipped = {
  shipments: [{ id: 'ship-1', deliveredAt: '2025-03-07T15:00:00Z', deviceId: 'mac-1', serial: 'C02-XYZ-123', address: { city: 'Atlanta', country: 'US' } }],
};
const checkin = (serial: string, at = '2025-03-08T10:00:00Z', deviceId = 'mac-1') => ({ type: 'device-checkin', at, deviceId, serial });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(serialMismatch, {
  valid: [
    { name: 'the shipped laptop checks in', subject: shipped, events: [checkin('C02XYZ123'), checkin('c02 xyz 123', '2025-04-01T10:00:00Z')] },
    { name: 'an unrelated device id with a shipped serial', subject: shipped, events: [checkin('C02XYZ123', '2025-03-08T10:00:00Z', 'mdm-77')] },
    {
      name: 'an office workstation handed over on site, never shipped',
      subject: shipped,
      events: [checkin('WS-0042', '2025-03-08T10:00:00Z', 'ws-42')],
      reference: { organisation: { devices: [{ serial: 'ws 0042', subjectId: 'subject-1', handover: 'on-site', officeId: 'austin' }] } },
    },
    {
      name: 'a shared lab computer assigned to no one',
      subject: shipped,
      events: [checkin('LAB-7', '2025-03-08T10:00:00Z', 'lab-7')],
      reference: { organisation: { devices: [{ deviceId: 'lab-7', handover: 'lab' }] } },
    },
  ],
  invalid: [
    {
      name: 'an on-site workstation issued to someone else is still unknown here',
      subject: shipped,
      events: [checkin('WS-0042', '2025-03-08T10:00:00Z', 'ws-42')],
      reference: { organisation: { devices: [{ serial: 'WS-0042', subjectId: 'colleague', handover: 'on-site' }] } },
      findings: [{ messageId: 'unknownSerial', data: { seen: 'WS-0042' } }],
    },
    {
      name: 'another laptop checks in under the shipped device id',
      subject: shipped,
      events: [checkin('FVFZZZ999')],
      findings: [
        {
          messageId: 'deviceSerial',
          strength: 1,
          data: { shipped: 'C02-XYZ-123', seen: 'FVFZZZ999' },
          evidence: ['ship-1', 'e1'],
          message: /C02-XYZ-123.*FVFZZZ999/,
        },
      ],
    },
    {
      name: 'an enrolled device matching no shipped serial',
      subject: shipped,
      events: [checkin('FVFZZZ999', '2025-03-08T10:00:00Z', 'mdm-77')],
      findings: [{ messageId: 'unknownSerial', data: { deviceId: 'mdm-77', shippedCount: 1 } }],
    },
    {
      name: 'the serial changes under one device id',
      subject: { shipments: [{ id: 'ship-1', serial: 'AAA', address: { country: 'US' } }] },
      events: [checkin('BBB', '2025-03-08T10:00:00Z', 'mdm-5'), checkin('CCC', '2025-03-09T10:00:00Z', 'mdm-5')],
      findings: [
        { messageId: 'serialChanged', data: { from: 'BBB', to: 'CCC' } },
        { messageId: 'unknownSerial', data: { seen: 'BBB' } },
        { messageId: 'unknownSerial', data: { seen: 'CCC' } },
      ],
    },
  ],
  notEvaluated: [
    { name: 'no shipped serial', events: [checkin('X')], missing: ['shipments[].serial'] },
    { name: 'no check-ins', subject: shipped, missing: ['events[type=device-checkin].serial'] },
  ],
});
