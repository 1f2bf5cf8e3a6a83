import { inPersonAvoidance } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const v = (id: string, kind: string, outcome: string, at: string) => ({ id, kind, outcome, at });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(inPersonAvoidance, {
  valid: [
    { name: 'one reschedule', subject: { verifications: [v('v1', 'in-person-id-check', 'rescheduled', '2025-05-01T00:00:00Z')] } },
    {
      name: 'two reschedules, then came in and passed',
      subject: {
        verifications: [
          v('v1', 'in-person-id-check', 'rescheduled', '2025-05-01T00:00:00Z'),
          v('v2', 'in-person-id-check', 'rescheduled', '2025-05-08T00:00:00Z'),
          v('v3', 'in-person-id-check', 'passed', '2025-05-15T00:00:00Z'),
        ],
      },
    },
    {
      name: 'in-person interview declined with a documented accommodation',
      subject: {
        interviews: [
          {
            id: 'i1',
            at: '2025-05-01T15:00:00Z',
            mode: 'video',
            requestedMode: 'in-person',
            outcome: 'declined-by-candidate',
            accommodation: 'mobility impairment; notarised check offered',
          },
          { id: 'i2', at: '2025-05-02T15:00:00Z', mode: 'video', requestedMode: 'in-person', outcome: 'rescheduled', accommodation: 'mobility impairment' },
        ],
      },
    },
    {
      name: 'in-person ID check and meeting declined with a documented accommodation',
      subject: {
        verifications: [
          { ...v('v1', 'in-person-id-check', 'declined', '2025-05-01T00:00:00Z'), accommodation: 'cannot travel (mobility); notarised check arranged' },
          { ...v('v2', 'in-person-meeting', 'declined', '2025-05-05T00:00:00Z'), accommodation: 'cannot travel (mobility); video meeting held instead' },
          v('v3', 'drug-test', 'rescheduled', '2025-05-09T00:00:00Z'),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'declined a drug test and skipped two in-person meetings',
      subject: {
        verifications: [
          v('v1', 'drug-test', 'declined', '2025-05-01T00:00:00Z'),
          v('v2', 'in-person-meeting', 'rescheduled', '2025-05-05T00:00:00Z'),
          v('v3', 'in-person-meeting', 'no-show', '2025-05-09T00:00:00Z'),
        ],
      },
      findings: [
        {
          messageId: 'avoidance',
          strength: [0.81, 0.82],
          data: { count: 3 },
          message:
            '3 in-person verifications were avoided (drug-test declined on 2025-05-01; in-person-meeting rescheduled on 2025-05-05; in-person-meeting no-show on 2025-05-09)',
          evidence: ['v1', 'v2', 'v3'],
        },
      ],
    },
    {
      name: 'in-person interviews declined and rescheduled',
      subject: {
        interviews: [
          { id: 'i1', at: '2025-05-01T15:00:00Z', mode: 'video', requestedMode: 'in-person', outcome: 'declined-by-candidate' },
          { id: 'i2', at: '2025-05-03T15:00:00Z', mode: 'video', requestedMode: 'in-person', outcome: 'rescheduled' },
        ],
      },
      findings: [{ messageId: 'avoidance', strength: 0.625, evidence: ['i1', 'i2'] }],
    },
  ],
  notEvaluated: [{ name: 'nothing in person was asked', subject: { verifications: [v('v1', 'video-id-check', 'passed', '2025-05-01T00:00:00Z')] } }],
});
