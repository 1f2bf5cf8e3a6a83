import { earlyTampering } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const delivered = {
  hiredAt: '2025-03-10T00:00:00Z',
  shipments: [{ id: 'ship-1', deliveredAt: '2025-03-07T15:00:00Z', deviceId: 'mac-1', serial: 'C02XYZ', address: { city: 'Atlanta', country: 'US' } }],
};
const sec = (at: string, category: string, fields: Record<string, unknown> = {}) => ({ type: 'security', at, category, deviceId: 'mac-1', ...fields });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(earlyTampering, {
  valid: [
    { name: 'malware months later is not early', subject: delivered, events: [sec('2025-05-20T10:00:00Z', 'malware')] },
    { name: 'a low-severity detection', subject: delivered, events: [sec('2025-03-07T16:00:00Z', 'unauthorized-software', { severity: 'low' })] },
    { name: "a remote-access tool is another indicator's job", subject: delivered, events: [sec('2025-03-07T16:00:00Z', 'remote-access-tool')] },
  ],
  invalid: [
    {
      name: 'malware loads hours after delivery',
      subject: delivered,
      events: [sec('2025-03-07T15:25:00Z', 'malware', { detail: 'infostealer', severity: 'high' })],
      findings: [
        {
          messageId: 'tamper',
          strength: [0.99, 1],
          data: { category: 'malware', anchor: 'delivery 2025-03-07', detail: 'infostealer' },
          evidence: ['e1', 'ship-1'],
        },
      ],
    },
    {
      name: 'a Raspberry Pi and unauthorised software in the first week',
      subject: delivered,
      events: [
        sec('2025-03-08T10:00:00Z', 'single-board-computer', { deviceName: 'Raspberry Pi' }),
        sec('2025-03-12T10:00:00Z', 'unauthorized-software', { software: 'nmap' }),
      ],
      findings: [
        { messageId: 'tamper', data: { category: 'single-board-computer' } },
        { messageId: 'tamper', data: { category: 'unauthorized-software', detail: 'nmap' }, strength: [0.4, 0.6] },
      ],
    },
    {
      name: 'two laptops delivered on different days: the evidence names both deliveries',
      subject: {
        ...delivered,
        shipments: [
          ...delivered.shipments,
          { id: 'ship-2', deliveredAt: '2025-04-01T15:00:00Z', deviceId: 'mac-2', serial: 'C02ABC', address: { city: 'Atlanta', country: 'US' } },
        ],
      },
      events: [sec('2025-03-08T10:00:00Z', 'malware'), sec('2025-04-02T10:00:00Z', 'malware', { deviceId: 'mac-2' })],
      findings: [{ messageId: 'tamper', data: { count: 2 }, evidence: ['e1', 'e2', 'ship-1', 'ship-2'] }],
    },
    {
      name: 'falls back to the start date without a delivery',
      subject: { hiredAt: '2025-03-10T00:00:00Z' },
      events: [sec('2025-03-11T10:00:00Z', 'cookie-theft')],
      findings: [{ messageId: 'tamper', data: { anchor: 'start date 2025-03-10' } }],
    },
  ],
  notEvaluated: [
    { name: 'no delivery and no start date', events: [sec('2025-03-11T10:00:00Z', 'malware')], missing: ['shipments[].deliveredAt', 'hiredAt'] },
    { name: 'no security events', subject: delivered },
  ],
});
