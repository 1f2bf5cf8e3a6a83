import { photoInconsistent } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const photo = (id: string, source: string, extra: Record<string, unknown> = {}) => ({ id, source, ...extra });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(photoInconsistent, {
  valid: [
    {
      name: 'the same photo recompressed on two profiles',
      subject: { photos: [photo('p1', 'linkedin', { perceptualHash: 'ffd8a0b0c0d0e0f0' }), photo('p2', 'resume', { perceptualHash: 'ffd8a0b0c0d0e0f1' })] },
    },
    { name: 'an authentic photo', subject: { photos: [photo('p1', 'document', { assessment: 'authentic' })] } },
  ],
  invalid: [
    {
      name: 'AI-generated profile photo',
      subject: { photos: [photo('p1', 'linkedin', { assessment: 'synthetic' })] },
      findings: [{ messageId: 'assessment', strength: 1, message: 'The photo from linkedin (p1) was assessed as synthetic', evidence: ['p1'] }],
    },
    {
      name: 'two visibly different photos for one identity',
      subject: {
        photos: [
          photo('p1', 'linkedin', { perceptualHash: 'ffffffffffffffff' }),
          photo('p2', 'github', { perceptualHash: '0000000000000000' }),
          photo('p3', 'resume', { perceptualHash: 'fffffffffffffffe' }),
        ],
      },
      findings: [{ messageId: 'distinct', strength: 0.5, data: { count: 2, sources: 'github, linkedin' } }],
    },
    {
      name: 'one photo reused on three profiles (hash case differs) and one different photo',
      subject: {
        photos: [
          photo('p4', 'github', { perceptualHash: '0000000000000000' }),
          photo('p3', 'resume', { perceptualHash: 'ABCDEF0123456789' }),
          photo('p2', 'linkedin', { perceptualHash: 'abcdef0123456789' }),
          photo('p1', 'document', { perceptualHash: 'abcdef0123456789' }),
        ],
      },
      findings: [{ messageId: 'distinct', data: { count: 2, sources: 'document, github' }, evidence: ['p1', 'p4'] }],
    },
    {
      name: 'a stricter threshold separates near-duplicates',
      subject: { photos: [photo('p1', 'linkedin', { perceptualHash: 'ff00' }), photo('p2', 'resume', { perceptualHash: 'ff0f' })] },
      options: { maxHammingDistance: 2 },
      findings: [{ messageId: 'distinct', data: { count: 2 } }],
    },
  ],
  notEvaluated: [{ name: 'no photos', missing: ['photos'] }],
});
