import { videoAvoidance } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

let n = 0;
const interview = (extra: Record<string, unknown>) => {
  n += 1;
  return { id: `int-${n}`, at: `2025-05-0${n}T15:00:00Z`, mode: 'video', requestedMode: 'video', outcome: 'held', cameraOn: true, ...extra };
};
const reset = (): void => {
  n = 0;
};

reset();
const allOn = [interview({}), interview({}), interview({})];
reset();
const oneBadDay = [interview({ cameraOn: false, flags: ['camera-excuse'] }), interview({}), interview({}), interview({})];
reset();
const accommodated = [
  interview({ mode: 'audio', cameraOn: false, accommodation: 'visual impairment; camera use is difficult' }),
  interview({ mode: 'text-chat', accommodation: 'documented speech disability' }),
];
reset();
const habitual = [
  interview({ cameraOn: false, flags: ['camera-excuse'] }),
  interview({ mode: 'text-chat', flags: ['prefers-text'] }),
  interview({ outcome: 'declined-by-candidate' }),
  interview({}),
];
reset();
const once = [interview({ cameraOn: false, flags: ['camera-excuse'] })];
reset();
const mixed = [interview({ mode: 'audio', accommodation: 'bandwidth: rural connection' }), interview({ cameraOn: false }), interview({ mode: 'phone' })];

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(videoAvoidance, {
  valid: [
    {
      name: 'an interview dated after the point in time scored is not seen',
      subject: {
        interviews: [
          { id: 'i1', at: '2025-05-01T15:00:00Z', mode: 'video', cameraOn: true, outcome: 'held' },
          { id: 'i2', at: '2025-07-01T15:00:00Z', mode: 'video', cameraOn: false, outcome: 'held' },
        ],
      },
    },
    { name: 'camera on in every interview', subject: { interviews: allOn } },
    { name: 'one broken-webcam day out of four', subject: { interviews: oneBadDay } },
    { name: 'documented accommodation never fires', subject: { interviews: accommodated } },
    {
      name: 'in-person interview is not avoidance',
      subject: { interviews: [{ id: 'i1', at: '2025-05-01T15:00:00Z', mode: 'in-person', requestedMode: 'video', outcome: 'held' }] },
    },
  ],
  invalid: [
    {
      name: 'habitual avoidance: excuses, text only and a declined call',
      subject: { interviews: habitual },
      findings: [
        {
          messageId: 'avoidance',
          strength: 0.75,
          data: { count: 3, total: 4 },
          message:
            /Avoided video in 3 of 4 interviews \(2025-05-01: camera off, camera excuse; 2025-05-02: held without video although video was requested, asked for text only; 2025-05-03: declined a video interview\)/,
          evidence: ['int-1', 'int-2', 'int-3'],
        },
      ],
    },
    { name: 'a single excuse on the only interview is weak', subject: { interviews: once }, findings: [{ messageId: 'avoidance', strength: [0.3, 0.34] }] },
    {
      name: 'accommodated interviews are left out of the count',
      subject: { interviews: mixed },
      findings: [{ messageId: 'avoidance', data: { count: 2, total: 2 }, evidence: ['int-2', 'int-3'] }],
    },
  ],
  notEvaluated: [{ name: 'no interviews', missing: ['interviews'] }],
});
