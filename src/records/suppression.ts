import { z } from 'zod';
import { dateTimeSchema, recordIdSchema, recordObject } from './common';

/**
 * A suppression record: a reviewer's "we checked this, it is explained" for one subject and one
 * indicator (or one finding of it), approved by someone, for a bounded time. While it is active a
 * covered finding stays in the report, listed under `suppressed` with this record, and adds
 * nothing to the score. It never covers new evidence: see `findingKeyOf`.
 */
export const suppressionSchema = recordObject({
  id: recordIdSchema.describe('Identifier of the suppression, as the case system or the reviewer names it.'),
  subjectId: recordIdSchema.describe('The subject it applies to.'),
  indicatorId: z.string().min(1).max(200).describe('The indicator whose findings it covers.'),
  findingKey: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe(
      'Covers only the finding with this key (`findingKeyOf`: the indicator id and the identity of its evidence). Without it, covers the findings whose dated evidence all lies at or before `from`.',
    ),
  reason: z.string().min(1).max(2000).describe("Why the finding is explained, in the reviewer's words."),
  approvedBy: z.string().min(1).max(200).describe('Who approved the suppression.'),
  from: dateTimeSchema.describe(
    'When the suppression starts: the instant the reviewer approved it, and the evidence cut-off of an indicator-wide suppression.',
  ),
  until: dateTimeSchema.describe('When it expires (excluded): at and after this instant the finding counts again.'),
  caseId: z.string().min(1).max(200).optional().describe('The case the suppression was decided in.'),
})
  .refine((s) => Date.parse(s.until) > Date.parse(s.from), { path: ['until'], message: 'must be after from' })
  .refine((s) => s.findingKey === undefined || s.findingKey.startsWith(`${s.indicatorId}#`), {
    path: ['findingKey'],
    message: 'must belong to indicatorId: a finding key starts with the indicator id and #',
  });

/** A suppression record, validated. */
export type Suppression = z.infer<typeof suppressionSchema>;
