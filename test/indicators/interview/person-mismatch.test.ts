import { personMismatch } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const held = (id: string, at: string, extra: Record<string, unknown> = {}) => ({ id, at, mode: 'video', outcome: 'held', interviewer: 'R. Jones', ...extra });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(personMismatch, {
  valid: [
    {
      name: 'face matches the document',
      subject: { interviews: [held('i1', '2025-05-01T15:00:00Z', { faceMatch: { comparedTo: 'document', result: 'match', score: 0.97 } })] },
    },
    {
      name: 'inconclusive match on poor video',
      subject: { interviews: [held('i1', '2025-05-01T15:00:00Z', { faceMatch: { comparedTo: 'document', result: 'inconclusive' } })] },
    },
    { name: 'no observations', subject: { interviews: [held('i1', '2025-05-01T15:00:00Z')] } },
  ],
  invalid: [
    {
      name: 'onboarding face does not match the interview',
      subject: { interviews: [held('i2', '2025-05-20T15:00:00Z', { faceMatch: { comparedTo: 'previous-interview', result: 'mismatch', score: 0.12 } })] },
      findings: [
        {
          messageId: 'faceMatch',
          strength: 0.88,
          message: 'Face match of the 2025-05-20 interview against the previous-interview was mismatch (score 0.12)',
          evidence: ['i2'],
        },
      ],
    },
    {
      name: 'interviewer saw a different person and heard a different voice',
      subject: { interviews: [held('i1', '2025-05-01T15:00:00Z'), held('i2', '2025-05-08T15:00:00Z', { flags: ['person-differs', 'voice-differs'] })] },
      findings: [
        {
          messageId: 'interviewer',
          strength: 0.9,
          data: { what: 'person' },
          message: /R. Jones recorded in the 2025-05-08 interview that the person differs/,
          evidence: ['i2'],
        },
        { messageId: 'interviewer', strength: 0.6, data: { what: 'voice' } },
      ],
    },
  ],
  notEvaluated: [{ name: 'no interviews', missing: ['interviews'] }],
});
