import { z } from 'zod';
import { dateTimeSchema, recordObject, sourceSchema, unorderedStrings } from './common';

/** One measure of a person's earlier behaviour: the median of their active weeks and its spread. */
export const ownMeasureBaselineSchema = recordObject({
  median: z.number().nonnegative().describe('Median over the active weeks summarised, in the unit of the measure.'),
  mad: z
    .number()
    .nonnegative()
    .optional()
    .describe(
      'Median absolute deviation over the same weeks, in the same unit; omitted means 0 (a flat history, where only the minimum increase of the indicator counts).',
    ),
});

/**
 * A summary of a person's behaviour before the records the caller passes: what a SIEM or UEBA
 * computed from history the export does not reach, so a long-serving person is compared with
 * their own past even when the batch holds only the last weeks.
 */
export const priorBehaviourBaselineSchema = recordObject({
  from: dateTimeSchema.optional().describe('Start of the history summarised; omitted, the history reaches back at least `weeks` weeks from `through`.'),
  through: dateTimeSchema.describe(
    'End of the history summarised. The baseline is used only when it ends before the recent window of insider/own-baseline-shift begins.',
  ),
  weeks: z.number().int().positive().max(5_300).describe('Active weeks summarised (at most 5,300: a century of weeks).'),
  source: sourceSchema.optional(),
  measures: recordObject({
    afterHoursShare: ownMeasureBaselineSchema.optional().describe('Weekly share of activity after hours, as a fraction from 0 to 1.'),
    activeHours: ownMeasureBaselineSchema.optional().describe('Active hours per working day.'),
    distinctDevices: ownMeasureBaselineSchema.optional().describe('Distinct devices a week.'),
    dataBytes: ownMeasureBaselineSchema.optional().describe('Data collected per active day (downloads, clones, exports, copies), in bytes.'),
    removableMedia: ownMeasureBaselineSchema.optional().describe('Removable-media connects and copies a week.'),
    externalMailAttachments: ownMeasureBaselineSchema.optional().describe('External e-mails with attachments a week.'),
  })
    .optional()
    .describe('Weekly measures over the history summarised, in the units of insider/own-baseline-shift.'),
  channelsUsed: unorderedStrings(z.enum(['removable-media', 'personal-cloud', 'file-sharing', 'leak-site']))
    .optional()
    .describe(
      'Exfiltration channels the person used in the history summarised (empty: none). Given, the history counts toward the quiet period before a first-ever use, and a listed channel is not a first use; omitted, the history says nothing about channels.',
    ),
});

/** A summary of a person's earlier behaviour; see {@link priorBehaviourBaselineSchema}. */
export type PriorBehaviourBaseline = z.infer<typeof priorBehaviourBaselineSchema>;
