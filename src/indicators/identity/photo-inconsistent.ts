import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, compareText, lookupTable } from '../../kit';

const options = z.object({
  maxHammingDistance: z
    .number()
    .int()
    .nonnegative()
    .default(10)
    .describe(
      'Largest Hamming distance between two perceptual hashes (64-bit) that still counts as the same photo; 10 of 64 bits is a ' +
        'common cut-off that tolerates resizing and recompression.',
    ),
  minDistinctPhotos: z
    .number()
    .int()
    .min(2)
    .default(2)
    .describe('Distinct photos (by perceptual hash) used for one identity that fire: PSA-2023 names "different pictures" on several profiles of one identity.'),
});

type MessageId = 'assessment' | 'distinct';

const ASSESSMENT_STRENGTH: Readonly<Record<string, number>> = /* @__PURE__ */ lookupTable({ synthetic: 1, 'belongs-to-other': 1, stock: 0.8 });

function hamming(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  const pa = a.toLowerCase().padStart(len, '0');
  const pb = b.toLowerCase().padStart(len, '0');
  let bits = 0;
  for (let i = 0; i < len; i++) {
    let x = parseInt(pa[i] as string, 16) ^ parseInt(pb[i] as string, 16);
    while (x > 0) {
      bits += x & 1;
      x >>= 1;
    }
  }
  return bits;
}

/**
 * `identity/photo-inconsistent`: one identity shows several different photos, or a vendor or
 * reverse-image search says a photo is synthetic, stock or someone else's.
 */
export const photoInconsistent = defineIndicator({
  meta: {
    id: 'identity/photo-inconsistent',
    title: "Photos of one identity are inconsistent or not the person's",
    category: 'identity',
    version: '1.0.0',
    kind: 'risk',
    family: 'identity',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2,
    correlationGroup: 'identity-proofing',
    options,
    messages: {
      assessment: 'The photo from {{source}} ({{photoId}}) was assessed as {{assessment}}',
      distinct: '{{count}} visibly different photos are used for one identity ({{sources}})',
    },
    neutralReason: 'Photos supplied for the identity could not be matched to the person.',
    recommendedAction: 'Hold a live video call and compare the person on camera with every photo on file; ask about any profile photo that differs.',
    docs: {
      description:
        'Fires on each photo a vendor or reverse-image search assessed as synthetic (AI-generated), belonging to someone else, ' +
        "or stock; and when the person's photos (resume, profiles, documents) form at least `minDistinctPhotos` clusters of " +
        'perceptual hashes further apart than `maxHammingDistance` bits. Advisories and incidents describe AI-altered stock ' +
        'photos and several profiles of one identity with different pictures.',
      requires: ['photos[].assessment', 'photos[].perceptualHash'],
      threatHypothesis: 'A persona built on a generated, stolen or AI-enhanced photo, or several operators behind one identity.',
      sources: cite('KB4', 'PSA-2023', 'MND', 'MS-JS', 'SEAL', 'CTI-HR'),
      falsePositives: [
        'Photos taken years apart, with different hair, glasses or beard.',
        'Perceptual hashes of crops or filters of the same photo that drift beyond the threshold.',
        'A stock or avatar image used for privacy on a profile that is not claimed as a likeness.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const photos = [...(view.subject.photos ?? [])].sort((a, b) => compareText(a.id, b.id));
    if (photos.length === 0) return notEvaluated('no photos on file', ['photos']);
    const findings: FindingDraft<MessageId>[] = [];
    for (const photo of photos) {
      const strength = photo.assessment === undefined ? undefined : ASSESSMENT_STRENGTH[photo.assessment];
      if (strength === undefined) continue;
      findings.push({
        messageId: 'assessment',
        strength,
        data: { source: photo.source, photoId: photo.id, assessment: photo.assessment as string },
        evidence: [
          { recordId: photo.id, field: 'assessment', value: photo.assessment ?? null, ...(photo.capturedAt !== undefined ? { at: photo.capturedAt } : {}) },
        ],
      });
    }
    // Identical hashes (one photo reused on several profiles) are grouped first, in one pass;
    // only distinct hashes are compared pairwise, with union-find. A person has a handful of
    // distinct photos, so the pairwise step stays small.
    const hashed = photos.filter((p) => p.perceptualHash !== undefined);
    const byHash = new Map<string, typeof hashed>();
    for (const p of hashed) {
      const key = (p.perceptualHash as string).trim().toLowerCase();
      const group = byHash.get(key);
      if (group === undefined) byHash.set(key, [p]);
      else group.push(p);
    }
    const keys = [...byHash.keys()];
    const indexOfKey = new Map(keys.map((k, i) => [k, i] as const));
    const parent = keys.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        if (hamming(keys[i] as string, keys[j] as string) <= options.maxHammingDistance) parent[find(i)] = find(j);
      }
    }
    // Clusters listed in photo-id order (photos are sorted), each represented by its first photo.
    const clusters = new Map<number, typeof hashed>();
    for (const p of hashed) {
      const root = find(indexOfKey.get((p.perceptualHash as string).trim().toLowerCase()) as number);
      const c = clusters.get(root);
      if (c === undefined) clusters.set(root, [p]);
      else c.push(p);
    }
    if (clusters.size >= options.minDistinctPhotos) {
      const representatives = [...clusters.values()].map((c) => c[0] as (typeof hashed)[number]);
      findings.push({
        messageId: 'distinct',
        strength: Math.min(1, 0.5 + 0.25 * (clusters.size - options.minDistinctPhotos)),
        data: { count: clusters.size, sources: [...new Set(representatives.map((p) => p.source))].sort().join(', ') },
        evidence: representatives.map((p) => ({ recordId: p.id, field: 'perceptualHash', value: p.perceptualHash ?? null, note: `photo from ${p.source}` })),
      });
    }
    return findings;
  },
});
