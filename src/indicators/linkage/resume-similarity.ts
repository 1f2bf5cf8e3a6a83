import { linkageInputs } from '../../records/linkage';
import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import type { LinkKeyKind } from '../../linking/keys';
import { cite } from '../../kit';
import { activeLinks, clusterOptions, clusterStrength, linkEvidence, othersText, summariseLinkage, combineLinks } from './shared';

const options = z.object({
  ...clusterOptions,
  floor: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Strength when two subjects submit near-duplicate resume or bid text. Medium: shared templates and resume-writing services exist.'),
});

const kinds = new Set<LinkKeyKind>(['text']);

/** `linkage/resume-similarity`: the subject's resume or bid text is a near-duplicate of other subjects'. */
export const resumeSimilarity = defineIndicator({
  meta: {
    id: 'linkage/resume-similarity',
    title: "Resume or bid text near-duplicates other subjects'",
    category: 'linkage',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    options,
    messages: {
      nearDuplicate: 'Resume text is a near-duplicate (similarity ≥ {{similarity}}) of the text of {{count}} subjects (also: {{others}})',
    },
    neutralReason: "The application materials could not be confirmed as the applicant's own.",
    recommendedAction:
      'Read the near-duplicate resumes side by side and compare the claimed histories; verify the employment history of each applicant independently.',
    docs: {
      description:
        "Fires when the subject's `resumeText` is a near-duplicate of other subjects' text: MinHash signatures of 3-word " +
        'shingles, bucketed by LSH bands (16 bands of 4 rows) so only candidates are compared, never all pairs, then verified at ' +
        'estimated Jaccard similarity ≥ `linkSettings.textMinSimilarity` (0.6). Strength starts at `floor` and grows with the ' +
        'cluster size.',
      requires: ['resumeText'],
      threatHypothesis: 'One team writes the applications of several personas from shared templates.',
      sources: cite('US-2022', 'MND'),
      falsePositives: [
        'A resume-writing service, bootcamp or agency template used by unrelated people.',
        'The same person applying twice under one name (compare the names).',
      ],
    },
  },
  inputs: linkageInputs,
  summarise: summariseLinkage,
  combine: combineLinks,
  evaluate(view, { options, prepared, notEvaluated }) {
    if (view.subject.resumeText === undefined || view.subject.resumeText.trim() === '') {
      return notEvaluated('no resume or bid text', ['resumeText']);
    }
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const id = view.subject.id;
    const findings: FindingDraft<'nearDuplicate'>[] = [];
    for (const link of activeLinks(prepared.index, id, kinds)) {
      findings.push({
        messageId: 'nearDuplicate',
        strength: clusterStrength(link.subjectIds.length, options.floor, options.saturation),
        data: { similarity: link.similarity ?? 1, count: link.subjectIds.length, others: othersText(link, id) },
        evidence: linkEvidence(prepared, link, id, options.maxEvidence),
      });
    }
    return findings;
  },
});
