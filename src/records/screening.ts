import { z } from 'zod';
import { dateTimeSchema, partialDateSchema, postalAddressShape, recordIdSchema, recordObject, sourceSchema, unorderedStrings } from './common';

/** A background-check report as a screening vendor returns it (Checkr, Sterling, HireRight, First Advantage). */
export const backgroundCheckSchema = recordObject({
  id: recordIdSchema,
  provider: z.string().optional().describe('Screening vendor, e.g. checkr, sterling, hireright.'),
  package: z.string().optional().describe('Package or screening set ordered, as the vendor names it.'),
  orderedAt: dateTimeSchema.optional().describe('When the report was ordered.'),
  completedAt: dateTimeSchema.optional().describe('When the report was completed.'),
  status: z
    .enum(['pending', 'complete', 'suspended', 'disputed', 'canceled'])
    .optional()
    .describe('Report status: pending, complete, suspended (waiting on the candidate), disputed (the candidate disputed it), canceled.'),
  result: z
    .enum(['clear', 'consider', 'inconclusive'])
    .optional()
    .describe('Overall result: clear (nothing to review), consider (items for the employer to review, Checkr "consider"), inconclusive.'),
  assessment: z
    .enum(['eligible', 'review', 'escalated'])
    .optional()
    .describe("The employer's adjudication rules applied by the vendor (Checkr Assess): eligible, review, escalated."),
  addressHistory: z
    .array(
      recordObject({
        ...postalAddressShape,
        from: partialDateSchema.optional().describe('First date the address is associated with the person.'),
        to: partialDateSchema.optional().describe('Last date the address is associated with the person.'),
      }),
    )
    .optional()
    .describe('Addresses the vendor found for the person (SSN trace or credit-header address history).'),
  claimedResidenceInHistory: z
    .boolean()
    .optional()
    .describe('Whether the address history includes the claimed residence, as the vendor or the caller compared them.'),
  consumerReport: z.boolean().optional().describe('True when the report is a consumer report (FCRA adverse-action duties apply).'),
  source: sourceSchema.optional(),
});

/** An employment verification (The Work Number, Truework, a vendor\'s manual verification). */
export const employmentVerificationSchema = recordObject({
  id: recordIdSchema,
  provider: z.string().optional().describe('Who verified it, e.g. the-work-number, truework, the background-check vendor.'),
  completedAt: dateTimeSchema.optional().describe('When the verification was completed.'),
  employmentId: recordIdSchema.optional().describe('The employment[] entry verified, when it verifies one claim.'),
  result: z
    .enum(['verified', 'discrepancy', 'unable-to-verify', 'no-record'])
    .describe('verified (the employer confirmed it), discrepancy (dates, title or employer differ), unable-to-verify, no-record (no such employment found).'),
  concurrentEmployers: z
    .array(
      recordObject({
        organisation: z.string().min(1).describe('Employer the verification found.'),
        start: partialDateSchema.optional().describe('Start of that employment.'),
        end: partialDateSchema.optional().describe('End of that employment; omitted means current.'),
      }),
    )
    .optional()
    .describe('Employers the verification found for the same period, including current ones the person did not declare.'),
  details: z.string().optional().describe('Free-text details from the verifier; shown to reviewers, never scored.'),
});

/** Confirmation that the person may work (I-9 with E-Verify, a right-to-work check): never their immigration status. */
export const workAuthorizationSchema = recordObject({
  id: recordIdSchema,
  method: z
    .enum(['e-verify', 'document-review', 'online-right-to-work', 'employer-of-record', 'other'])
    .describe(
      'How it was checked: e-verify, document-review (I-9 or equivalent reviewed by the employer), online-right-to-work (a government online check), employer-of-record (checked by the EOR), other.',
    ),
  result: z
    .enum(['authorized', 'tentative-nonconfirmation', 'not-authorized', 'pending', 'closed'])
    .describe(
      'authorized, tentative-nonconfirmation (a mismatch the person may contest; not evidence of anything until resolved), not-authorized, pending, closed (case closed without result).',
    ),
  checkedAt: dateTimeSchema.optional().describe('When the check completed.'),
  provider: z.string().optional().describe('Who ran it, e.g. the employer, an EOR or an I-9 vendor.'),
  source: sourceSchema.optional(),
});

/** Fields added to a verification step: how a location check was done and why it was asked for. */
export const verificationDetailShape = {
  method: z
    .enum(['in-person', 'address-visit', 'geolocated-app', 'mailed-code', 'video', 'other'])
    .optional()
    .describe(
      'How the step was carried out: in-person, address-visit, geolocated-app (a phone app reading GPS), mailed-code (a code posted to the address), video, other.',
    ),
  requestedBecause: z.string().optional().describe('Why the step was requested (e.g. "sign-ins from abroad"); shown to reviewers, never scored.'),
  provider: z.string().optional().describe('Vendor or team that ran the step.'),
};

/** Fields added to a photo: reverse-image and manipulation results from a vendor. */
export const photoCheckShape = {
  reverseImageMatches: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe("Pages a reverse-image search found with the same photo (e.g. another person's profile, a stock library)."),
  reverseImageNames: unorderedStrings(z.string()).optional().describe('Other names the photo appears under in the reverse-image matches.'),
  manipulationScore: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Vendor score from 0 (no sign of manipulation or generation) to 1 (certainly AI-generated or edited).'),
  checkedBy: z.string().optional().describe('Vendor or person that checked the photo.'),
  checkedAt: dateTimeSchema.optional().describe('When the photo was checked.'),
};

/**
 * Fields added to an identity-document verification: the vendor outcome stays as reported, and
 * every manual override is a fact of its own (who, when, to what, why).
 */
export const documentOverrideShape = {
  overrides: z
    .array(
      recordObject({
        at: dateTimeSchema.describe('When the outcome was overridden.'),
        by: z.string().min(1).describe('Who overrode it (reviewer name or id in the IDV console, e.g. Persona, Onfido, Veriff).'),
        outcome: z.enum(['verified', 'failed', 'inconclusive']).describe('The outcome the reviewer set; the vendor outcome above is kept unchanged.'),
        reason: z.string().optional().describe('The reason the reviewer gave; shown to reviewers, never scored.'),
      }),
    )
    .optional()
    .describe('Manual overrides of the vendor outcome. An override never erases the vendor outcome: both are facts.'),
};

/** Fields added to an e-mail contact from enrichment: the kind of mailbox and other names on it. */
export const emailEnrichmentShape = {
  kind: z
    .enum(['personal', 'work', 'school', 'unknown'])
    .optional()
    .describe('Kind of mailbox: personal (a consumer provider), work (an employer domain), school, unknown (enrichment or the domain).'),
  linkedNames: unorderedStrings(z.string())
    .optional()
    .describe("Other people's names contact enrichment found on the same address (e.g. a data broker or the identity-verification vendor)."),
};

/** Fields added to a phone contact from enrichment: other names on the same number. */
export const phoneEnrichmentShape = {
  linkedNames: unorderedStrings(z.string())
    .optional()
    .describe("Other people's names enrichment found on the same number (carrier CNAM, data broker, identity-verification vendor)."),
};

/** Fields added to an online profile: location, network size, review and deletion. */
export const onlineProfileDetailShape = {
  location: z.string().optional().describe('Location the profile shows, as written (e.g. "Austin, TX").'),
  locationChanges: z
    .array(
      recordObject({
        from: z.string().optional().describe('Location shown before.'),
        to: z.string().optional().describe('Location shown after.'),
        changedAt: dateTimeSchema.optional().describe('When the change was seen.'),
      }),
    )
    .optional()
    .describe('Changes of the shown location over time, from repeated captures.'),
  connections: z.number().int().nonnegative().optional().describe('Connections the profile shows (professional networks).'),
  following: z.number().int().nonnegative().optional().describe('Accounts the profile follows.'),
  publicRepositories: z.number().int().nonnegative().optional().describe('Public repositories on a code host profile.'),
  photoMatchesApplication: z
    .boolean()
    .optional()
    .describe('Whether the profile photo is the same person as the application or interview photo, as a reviewer or vendor judged it.'),
  authenticityReview: recordObject({
    reviewer: z.string().optional().describe('Who reviewed the profile or its contributions.'),
    reviewedAt: dateTimeSchema.optional().describe('When.'),
    flagged: z.boolean().describe('True when the reviewer flagged the profile or contributions as not authentic (e.g. copied commits, bought reviews).'),
    reason: z.string().optional().describe("The reviewer's reason; shown to reviewers, never scored."),
  })
    .optional()
    .describe("A reviewer's judgement of whether the profile and its contributions are the person's own."),
  deletedAt: dateTimeSchema.optional().describe('When the profile was found deleted.'),
};
