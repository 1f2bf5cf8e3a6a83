import { remoteAccessExposed } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const at = '2025-03-03T14:00:00Z';
const scan = (ip: string, network: Record<string, unknown>, type = 'session') =>
  type === 'session' ? { type, at, ip, network } : { type, at, ip, network, deviceId: 'mac-1' };

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(remoteAccessExposed, {
  valid: [
    { name: 'a home router with only web ports', events: [scan('198.51.100.7', { openPorts: [80, 443], services: ['http', 'https'] })] },
    { name: 'nothing open', events: [scan('198.51.100.7', { openPorts: [] })] },
    {
      name: 'a USB composite gadget banner is not an IP-KVM web interface',
      events: [scan('198.51.100.7', { services: ['Multifunction Composite Gadget'] })],
    },
  ],
  invalid: [
    {
      name: 'RDP open on the home router',
      events: [scan('198.51.100.7', { openPorts: [443, 3389] })],
      findings: [{ messageId: 'remoteDesktop', data: { ip: '198.51.100.7', services: 'RDP (port 3389)' }, strength: 0.6, evidence: ['e1'], message: /3389/ }],
    },
    {
      name: 'RustDesk relay ports and VNC',
      events: [scan('198.51.100.8', { openPorts: [21116, 5900] })],
      findings: [{ messageId: 'remoteDesktop', data: { services: 'RustDesk (port 21116), VNC (port 5900)' }, strength: 0.7 }],
    },
    {
      name: 'a PiKVM web interface on the device check-in IP',
      events: [scan('198.51.100.9', { services: ['PiKVM'], openPorts: [443, 5900] }, 'device-checkin')],
      findings: [{ messageId: 'ipKvm', strength: 1, data: { devices: 'PiKVM' }, message: /\(PiKVM\) and VNC \(port 5900\)/ }],
    },
    {
      name: 'a scan without a recorded IP names the sign-in, not an address',
      events: [{ type: 'session', at, network: { openPorts: [3389] } }],
      findings: [{ messageId: 'remoteDesktop', message: 'Egress IP of event e1 exposes RDP (port 3389)', evidence: ['e1'] }],
    },
    {
      name: 'two exposed IPs give two findings',
      events: [scan('198.51.100.1', { openPorts: [3389] }), scan('198.51.100.2', { services: ['ms-wbt-server'] })],
      findings: 2,
    },
  ],
  notEvaluated: [{ name: 'no scan data', events: [{ type: 'session', at, network: { country: 'US' } }] }],
});
