import { locationCheckFailed } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(locationCheckFailed, {
  valid: [
    { name: 'passed location check', subject: { verifications: [{ id: 'v1', kind: 'location-check', outcome: 'passed', at: '2025-05-01T00:00:00Z' }] } },
    { name: 'interviews without a failed check', subject: { interviews: [{ id: 'i1', at: '2025-05-01T15:00:00Z', mode: 'video', outcome: 'held' }] } },
  ],
  invalid: [
    {
      name: 'location check found the person in another country',
      subject: {
        identity: { residence: { country: 'US' } },
        verifications: [{ id: 'v1', kind: 'location-check', outcome: 'failed', at: '2025-05-01T00:00:00Z', location: { country: 'CN', city: 'Shenyang' } }],
      },
      findings: [
        {
          messageId: 'elsewhere',
          strength: 1,
          message: 'The location check on 2025-05-01 found the person in Shenyang, CN, not in the claimed residence US',
          evidence: ['v1', 'subject-1'],
        },
      ],
    },
    {
      name: 'failed check without a location',
      subject: {
        verifications: [{ id: 'v1', kind: 'location-check', outcome: 'failed', at: '2025-05-01T00:00:00Z', notes: 'could not show the street outside' }],
      },
      findings: [{ messageId: 'failed', message: 'The location check on 2025-05-01 failed (could not show the street outside)' }],
    },
    {
      name: 'interviewer recorded a failed informal check',
      subject: {
        interviews: [{ id: 'i1', at: '2025-05-01T15:00:00Z', mode: 'video', outcome: 'held', interviewer: 'R. Jones', flags: ['location-check-failed'] }],
      },
      findings: [{ messageId: 'interviewer', strength: 0.7, evidence: ['i1'] }],
    },
  ],
  notEvaluated: [{ name: 'no checks and no interviews' }],
});
