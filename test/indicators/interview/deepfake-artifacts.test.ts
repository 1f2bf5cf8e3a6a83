import { deepfakeArtifacts } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const held = (flags: string[]) => ({ interviews: [{ id: 'i1', at: '2025-05-01T15:00:00Z', mode: 'video', outcome: 'held', interviewer: 'R. Jones', flags }] });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(deepfakeArtifacts, {
  valid: [
    { name: 'a clean interview', subject: held([]) },
    { name: 'an obscured background alone is not a deepfake artefact', subject: held(['background-obscured']) },
  ],
  invalid: [
    {
      name: 'face glitched when a hand passed in front',
      subject: held(['face-glitch-on-occlusion']),
      findings: [
        {
          messageId: 'artefact',
          strength: 0.9,
          message: 'R. Jones recorded in the 2025-05-01 interview that the face glitched when something passed in front of it',
          evidence: ['i1'],
        },
      ],
    },
    { name: 'lip sync and a voice changer', subject: held(['lip-sync-mismatch', 'voice-changer']), findings: 2 },
    {
      name: 'strengths are configurable',
      subject: held(['lip-sync-mismatch']),
      options: { strengths: { 'lip-sync-mismatch': 0.3, 'face-glitch-on-occlusion': 0.9, 'voice-changer': 0.8 } },
      findings: [{ messageId: 'artefact', strength: 0.3 }],
    },
  ],
  notEvaluated: [{ name: 'no interviews', missing: ['interviews'] }],
});
