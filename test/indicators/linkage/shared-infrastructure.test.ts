import { sharedInfrastructure } from '../../../src/index';
import { describe, expect, it } from 'vitest';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const HOME = { line1: '77 Oak Avenue', city: 'Columbus', postalCode: '43004', country: 'US' };
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const T0 = Date.parse('2025-03-03T14:00:00Z');

function sessions(subjectId: string | undefined, ip: string, startDay: number, days: number, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  return Array.from({ length: days }, (_, d) => ({
    ...(subjectId !== undefined ? { id: `${subjectId}-s${startDay + d}`, subjectId } : {}),
    type: 'session',
    at: iso(T0 + (startDay + d) * DAY),
    ip,
    ...extra,
  }));
}

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(sharedInfrastructure, {
  valid: [
    {
      name: 'two people, each with their own authenticator',
      events: sessions(undefined, '198.18.0.1', 0, 3, { mfa: { method: 'fido2', authenticatorId: 'key-1' } }),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.2', 0, 3, { mfa: { method: 'fido2', authenticatorId: 'key-2' } }) },
    },
    {
      name: 'own IP and devices',
      events: sessions(undefined, '198.18.0.1', 0, 5, { deviceId: 'dev-1', mfaDeviceId: 'mfa-1' }),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.2', 0, 5, { deviceId: 'dev-2', mfaDeviceId: 'mfa-2' }) },
    },
    {
      name: 'two engineers on a shared lab computer the device register marks as a lab machine',
      events: sessions(undefined, '198.18.0.1', 0, 5, { deviceId: 'LAB-PC-7' }),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.2', 0, 5, { deviceId: 'lab-pc-7' }) },
      reference: { organisation: { devices: [{ deviceId: 'LAB-PC-7', handover: 'lab', officeId: 'hq' }] } },
    },
    {
      name: 'an IP address reassigned months later does not link',
      events: sessions(undefined, '198.18.0.1', 0, 5),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.1', 40, 5) },
    },
    {
      name: 'an honest couple on their home connection',
      subject: { identity: { residence: { address: HOME } } },
      events: sessions(undefined, '198.18.5.20', 0, 5),
      population: { subjects: [{ id: 'spouse', identity: { residence: { address: HOME } } }], events: sessions('spouse', '198.18.5.20', 0, 5) },
    },
    {
      name: 'colleagues behind the allow-listed company VPN egress (IPv6 range)',
      events: sessions(undefined, '2001:db8:10::7', 0, 5),
      population: {
        subjects: [{ id: 'c-1' }, { id: 'c-2' }],
        events: [...sessions('c-1', '2001:DB8:10:0:0:0:0:7', 0, 5), ...sessions('c-2', '2001:db8:10::7', 1, 5)],
      },
      reference: { linkAllowList: [{ kind: 'ip', cidr: '2001:db8:10::/48', reason: 'company VPN egress' }] },
    },
    {
      name: 'a laptop re-issued months after its previous user left',
      events: sessions(undefined, '198.18.0.1', 75, 5, { deviceId: 'laptop-7' }),
      population: { subjects: [{ id: 'leaver' }], events: sessions('leaver', '198.18.0.2', 0, 20, { deviceId: 'LAPTOP-7' }) },
    },
    {
      name: 'failed sign-ins do not link',
      events: sessions(undefined, '198.18.0.1', 0, 3, { result: 'failure', mfaDeviceId: 'mfa-x' }),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.1', 0, 3, { mfaDeviceId: 'mfa-x' }) },
    },
  ],
  invalid: [
    {
      name: 'two people on one computer the register assigns to one of them (not a lab machine)',
      events: sessions(undefined, '198.18.0.1', 0, 5, { deviceId: 'LAB-PC-7' }),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.2', 0, 5, { deviceId: 'lab-pc-7' }) },
      reference: {
        organisation: {
          devices: [
            { deviceId: 'LAB-PC-7', handover: 'shipped', subjectId: 'other-1' },
            { deviceId: 'LAB-PC-8', handover: 'lab' },
          ],
        },
      },
      findings: [{ messageId: 'sharedInfrastructure', strength: 0.7, data: { count: 2, value: 'lab-pc-7' } }],
    },
    {
      name: "one authenticator in the sessions' MFA detail approves two people's sign-ins",
      events: sessions(undefined, '198.18.0.1', 0, 3, { mfa: { method: 'push', authenticatorId: 'okta-verify-device-55' } }),
      population: {
        subjects: [{ id: 'other-1' }],
        events: sessions('other-1', '198.18.0.2', 1, 3, { mfa: { method: 'push', authenticatorId: 'OKTA-VERIFY-DEVICE-55' } }),
      },
      findings: [{ messageId: 'sharedInfrastructure', data: { count: 2 }, message: /MFA device/ }],
    },
    {
      name: "an authenticator registered on another person's account",
      events: sessions(undefined, '198.18.0.1', 0, 3, { mfa: { authenticatorId: 'phone-77' } }),
      population: {
        subjects: [{ id: 'other-1' }],
        events: [
          {
            id: 'reg-1',
            subjectId: 'other-1',
            type: 'authenticator-registration',
            at: iso(T0 + DAY),
            action: 'registered',
            method: 'push',
            authenticatorId: 'phone-77',
          },
        ],
      },
      findings: [{ messageId: 'sharedInfrastructure', data: { count: 2 }, evidence: ['e1', 'reg-1'] }],
    },
    {
      name: 'one MFA device approves two accounts',
      events: sessions(undefined, '198.18.0.1', 0, 3, { mfaDeviceId: 'YubiKey-77' }),
      population: { subjects: [{ id: 'other-1' }], events: sessions('other-1', '198.18.0.2', 5, 3, { mfaDeviceId: 'yubikey-77' }) },
      findings: [
        {
          messageId: 'sharedInfrastructure',
          strength: 0.9,
          data: {
            count: 2,
            value: 'yubikey-77',
            detail: '; its uses by subject-1 and other-1 came 3 days apart (2025-03-05T14:00:00.000Z and 2025-03-08T14:00:00.000Z)',
          },
          message: /MFA device yubikey-77/,
          evidence: ['e1', 'other-1-s5', 'e3'],
        },
      ],
    },
    {
      name: "one phone approves two people's sign-ins minutes apart: full strength, with the two approvals as evidence",
      events: [
        {
          type: 'session',
          at: '2025-03-10T09:00:00Z',
          ip: '198.18.0.1',
          mfa: { method: 'push', authenticatorId: 'phone-5', approvedAt: '2025-03-10T09:00:20Z' },
        },
      ],
      population: {
        subjects: [{ id: 'other-1' }],
        events: [
          { id: 'o-early', subjectId: 'other-1', type: 'session', at: '2025-03-03T09:00:00Z', ip: '198.18.0.2', mfa: { authenticatorId: 'phone-5' } },
          {
            id: 'o-near',
            subjectId: 'other-1',
            type: 'session',
            at: '2025-03-10T09:04:00Z',
            ip: '198.18.0.2',
            mfa: { authenticatorId: 'PHONE-5', approvedAt: '2025-03-10T09:04:30Z' },
          },
        ],
      },
      findings: [
        { messageId: 'sharedInfrastructure', strength: 1, data: { count: 2 }, evidence: ['e1', 'o-early', 'o-near'], message: /came 4 minutes apart/ },
      ],
    },
    {
      name: 'five accounts on one IP at the same time',
      events: sessions(undefined, '203.0.113.7', 0, 5),
      population: {
        subjects: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
        events: ['a', 'b', 'c', 'd'].flatMap((id, i) => sessions(id, '203.0.113.7', i, 5)),
      },
      findings: [{ messageId: 'sharedInfrastructure', strength: [0.4, 0.6], data: { count: 5, value: '203.0.113.7' } }],
    },
    {
      name: "a device check-in from another subject's laptop",
      events: [{ type: 'device-checkin', at: '2025-03-05T00:00:00Z', deviceId: 'LAPTOP-9', serial: 'C02XYZ' }],
      population: {
        subjects: [{ id: 'other-1' }],
        events: [{ id: 'o-c', subjectId: 'other-1', type: 'device-checkin', at: '2025-03-06T00:00:00Z', deviceId: 'laptop-9' }],
      },
      findings: [{ messageId: 'sharedInfrastructure', strength: 0.7, message: /Device laptop-9/ }],
    },
  ],
  notEvaluated: [
    { name: 'no sessions', subject: {}, missing: ['events[type=session]'] },
    { name: 'alone in the batch', events: sessions(undefined, '198.18.0.1', 0, 1), missing: ['population'] },
  ],
});

describe('linkage/shared-infrastructure on shared machines', () => {
  it('lists the lab machine of the device register as the mitigation, by its serial too', () => {
    const { report } = evaluateCase(sharedInfrastructure, {
      events: [
        { type: 'device-checkin', at: iso(T0 + DAY), deviceId: 'kiosk-1', serial: 'c02xk1' },
        ...sessions(undefined, '198.18.0.1', 0, 5, { deviceId: 'lab-pc-7' }),
      ],
      population: {
        subjects: [{ id: 'other-1' }],
        events: [
          { id: 'chk-1', subjectId: 'other-1', type: 'device-checkin', at: iso(T0), deviceId: 'kiosk-9', serial: 'C02XK1' },
          ...sessions('other-1', '198.18.0.2', 0, 5, { deviceId: 'lab-pc-7' }),
        ],
      },
      reference: { organisation: { devices: [{ deviceId: 'lab-pc-7', serial: 'C02XK1', handover: 'lab' }] } },
    });
    expect(report.findings).toHaveLength(0);
    // One link through the device id, one through the serial: both explained by the one register entry.
    expect(report.mitigations).toHaveLength(2);
    for (const m of report.mitigations) {
      expect(m).toMatchObject({
        effect: 'silenced',
        mitigatedBy: [{ recordId: 'lab-pc-7', field: 'reference.organisation.devices', explains: 'shared lab computer lab-pc-7 in the device register' }],
      });
    }
  });
});
