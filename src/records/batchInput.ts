import { z } from 'zod';
import { docsLink } from '../docsLink';
import { closestNames } from '../errors/didYouMean';
import { linkAllowListSchema } from './linkage';
import { dateTimeSchema, freeFormObjectSchema, freeFormValueSchema, recordObject } from './common';
import { activityEventSchema } from './events';
import { recordLimits } from './limits';
import { organisationSchema } from './organisation';
import { subjectSchema } from './subject';
import { suppressionSchema } from './suppression';
import { watchlistSchema } from './watchlist';

/** The reference tables the built-in indicators read, by name. */
const builtinTableShape = {
  frontCompanyDomains: z.array(z.string()).optional().describe('Domains of known front companies or seized websites, matched against history and references.'),
  collectionBaselines: z
    .record(
      z.string(),
      recordObject({
        dailyBytes: z.number().nonnegative().optional().describe('Typical peak daily download/clone/export volume in bytes for the role.'),
        dailyActions: z.number().nonnegative().optional().describe('Typical peak daily count of download/clone/export actions for the role.'),
      }),
    )
    .optional()
    .describe('Peer baselines of data-collection volume by role (subject.role), for insider/bulk-collection. Without them the batch provides the peers.'),
  linkAllowList: linkAllowListSchema
    .optional()
    .describe('Shared keys the caller expects (spouses at one address, a company VPN egress, a staffing agency office); linkage indicators skip them.'),
  organisation: organisationSchema.optional(),
};
const builtinTables = Object.keys(builtinTableShape);

/**
 * Reference tables the caller passes in: the library fetches nothing. Keys are read by the
 * indicators that document them; unknown keys are kept for custom indicators.
 */
export const referenceSchema = z
  .object(builtinTableShape)
  .catchall(freeFormValueSchema())
  .superRefine((value, ctx) => {
    // Other keys are custom tables, passed through; one a typo away from a built-in table is a mistake, not a table.
    for (const key of Object.keys(value)) {
      if (builtinTables.includes(key) || key.length > recordLimits.shortText) continue;
      const close = closestNames(key, builtinTables);
      if (close.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is not a reference table. Did you mean ${close.map((c) => `"${c}"`).join(' or ')}? (A custom table needs a name not this close to a built-in one.)`,
        });
      }
    }
  })
  .describe(
    'Caller-supplied reference tables. Other keys are passed to custom indicators as plain JSON data, except names one or two typos from a built-in table, which are refused.',
  );

/** Reference tables passed by the caller. */
export type Reference = z.infer<typeof referenceSchema>;

/**
 * The input document of a batch: subjects, their activity events, watchlists and reference
 * tables. `redflags schema` prints its JSON Schema.
 */
export const inputDocumentSchema = recordObject({
  asOf: dateTimeSchema.optional().describe('Point in time the scores are computed for; later events are ignored.'),
  subjects: z.array(subjectSchema).describe('The people to score: applicants, employees, contractors or freelancers, one record each, in any order.'),
  events: z
    .array(activityEventSchema)
    .optional()
    .describe(
      'Activity events of the subjects (sign-ins, work logs, payments, data access, detections...), each tied to a subject by subjectId, in any order.',
    ),
  watchlists: z
    .array(watchlistSchema)
    .optional()
    .describe('Caller-supplied lists to screen the subjects against (sanctions, wanted notices, seized domains, internal lists). The library ships none.'),
  reference: referenceSchema.optional(),
  suppressions: z
    .array(suppressionSchema)
    .optional()
    .describe(
      "Reviewers' suppressions: a finding checked and explained for one subject counts nothing until the suppression expires; see " +
        docsLink('docs/suppressions.md') +
        '.',
    ),
  inputs: freeFormObjectSchema()
    .optional()
    .describe(
      `Extra named inputs for indicators' prepare hooks, e.g. linkGroups (link keys grouped outside the library) and linkSettings; see ${docsLink('docs/scale.md')}.`,
    ),
});

/** The input document of a batch. */
export type InputDocument = z.infer<typeof inputDocumentSchema>;
