import { describe, expect, it } from 'vitest';
import { peerBaselineShift } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';
import { weekdays } from './history';

const recent = weekdays('2025-05-05', '2025-05-30');

/** One download a day of `bytes` on every recent weekday. */
const downloads = (subjectId: string, bytes: number) =>
  recent.map((d) => ({
    id: `${subjectId}-${d}`,
    subjectId,
    type: 'data-access',
    at: `${d}T10:00:00Z`,
    resource: 'warehouse',
    action: 'download',
    volumeBytes: bytes,
  }));

/** Peers of a team, each downloading `bytes` a day (a little spread so the percentiles differ). */
function team(name: string, bytes: number, n = 6) {
  const subjects = Array.from({ length: n }, (_, i) => ({ id: `${name}-${i}`, role: 'Engineer', position: { team: name } }));
  const events = subjects.flatMap((s, i) => downloads(s.id, bytes * (1 + i / 10)));
  return { subjects, events };
}

/** Sign-ins on four different machines every recent weekday: twenty distinct devices a week. */
const manyMachines = (subjectId: string) =>
  recent.flatMap((d, i) =>
    [0, 1, 2, 3].map((k) => ({ id: `${subjectId}-${d}-${k}`, subjectId, type: 'session', at: `${d}T1${k}:00:00Z`, deviceId: `host-${(i * 4 + k) % 40}` })),
  );

const heavyTeam = team('data-platform', 1e9);
const lightTeam = team('web', 1e7);

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(peerBaselineShift, {
  valid: [
    {
      name: 'a heavy user in a heavy team',
      subject: { id: 'me', role: 'Engineer', position: { team: 'data-platform' } },
      events: downloads('me', 1.4e9),
      population: heavyTeam,
    },
    {
      name: 'a heavy user whose role baseline (caller-supplied) is heavy',
      subject: { id: 'me', role: 'Data Engineer' },
      events: downloads('me', 1.4e9),
      reference: { organisation: { baselines: [{ scope: 'role', name: 'Data Engineer', dailyBytesMedian: 8e8, dailyBytesHigh: 2e9, highPercentile: 95 }] } },
    },
    {
      name: 'a desktop engineer whose team baseline (caller-supplied) touches many machines',
      subject: { id: 'me', position: { team: 'desktop-support' } },
      events: manyMachines('me'),
      reference: { organisation: { baselines: [{ scope: 'team', name: 'desktop-support', measures: { distinctDevices: { median: 18, high: 30 } } }] } },
    },
  ],
  invalid: [
    {
      name: 'many machines a week against a caller-supplied team baseline of one',
      subject: { id: 'me', position: { team: 'accounting' } },
      events: manyMachines('me'),
      reference: { organisation: { baselines: [{ scope: 'team', name: 'accounting', measures: { distinctDevices: { median: 1, high: 1.5 } } }] } },
      findings: [{ messageId: 'aboveTeam', data: { measure: 'distinct devices a week', group: 'accounting (caller baseline)', median: 1, high: 1.5 } }],
    },
    {
      name: 'a heavy user in a light team',
      subject: { id: 'me', role: 'Engineer', position: { team: 'web' } },
      events: downloads('me', 2e9),
      population: lightTeam,
      findings: [
        { messageId: 'aboveTeam', strength: [0.66, 0.67], data: { measure: 'data collected per active day (MB)', value: 2000, group: 'web', peers: 6 } },
      ],
    },
    {
      name: 'a small team falls back to the role',
      subject: { id: 'me', role: 'Engineer', position: { team: 'tiny' } },
      events: downloads('me', 2e9),
      population: { subjects: [...lightTeam.subjects.map((s) => ({ ...s, position: { team: `t-${s.id}` } }))], events: lightTeam.events },
      findings: [{ messageId: 'aboveRole', data: { group: 'Engineer', peers: 6 } }],
    },
    {
      name: 'above the caller-supplied team baseline',
      subject: { id: 'me', position: { team: 'support' } },
      events: downloads('me', 5e9),
      reference: { organisation: { baselines: [{ scope: 'team', name: 'support', dailyBytesMedian: 5e7, dailyBytesHigh: 2e8 }] } },
      findings: [{ messageId: 'aboveTeam', strength: [0.78, 0.79], data: { group: 'support (caller baseline)', median: 50, high: 200 } }],
    },
  ],
  notEvaluated: [
    { name: 'no team or role', subject: { id: 'me' }, events: downloads('me', 2e9), missing: ['position.team', 'role'] },
    { name: 'too few peers and no caller baseline', subject: { id: 'me', position: { team: 'solo' } }, events: downloads('me', 2e9) },
  ],
});

describe('insider/peer-baseline-shift', () => {
  it('agreed night hours explain more after-hours work than a day team does', () => {
    const nightPeers = Array.from({ length: 6 }, (_, i) => ({
      id: `p${i}`,
      role: 'Engineer',
      position: { team: 'ops' },
      identity: { residence: { timeZone: 'UTC' } },
    }));
    const at = (id: string, hour: number) => recent.map((d) => ({ id: `${id}-${d}`, subjectId: id, type: 'session', at: `${d}T${hour}:00:00Z` }));
    const population = { subjects: nightPeers, events: nightPeers.flatMap((p) => at(p.id, 10)) };
    const subject = {
      id: 'me',
      role: 'Engineer',
      position: { team: 'ops', agreedHours: { start: '20:00', end: '06:00', timeZone: 'UTC' } },
      identity: { residence: { timeZone: 'UTC' } },
    };
    const { report } = evaluateCase(peerBaselineShift, { subject, events: at('me', 22), population });
    expect(report.findings).toEqual([]);
    expect(report.mitigations).toMatchObject([{ effect: 'silenced', mitigatedBy: [{ recordId: 'me', field: 'position.agreedHours' }] }]);
    const without = evaluateCase(peerBaselineShift, { subject: { ...subject, position: { team: 'ops' } }, events: at('me', 22), population });
    expect(without.findings.map((f) => f.data.measure)).toEqual(['share of activity after hours (%)']);
  });
});
