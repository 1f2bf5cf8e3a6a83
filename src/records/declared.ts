import { z } from 'zod';
import { countryCodeSchema, dateTimeSchema, recordIdSchema, recordObject, sourceSchema, unorderedStrings } from './common';

/**
 * An approved exception to policy or an accommodation, with its scope, approver, validity window
 * and documentation. Indicators read only the structured scope; the note stays out of scoring.
 */
export const declaredExceptionSchema = recordObject({
  id: recordIdSchema,
  type: z
    .enum(['exception', 'accommodation'])
    .optional()
    .describe(
      'exception (a policy exception, e.g. a VPN or BYOD approval) or accommodation (a documented accommodation, e.g. camera off for a disability). Omitted means exception.',
    ),
  kind: z
    .enum(['vpn', 'camera-off', 'personal-device', 'virtual-desktop', 'remote-access-tool', 'working-hours', 'work-location', 'removable-media', 'other'])
    .describe(
      'What the exception covers: vpn (use of a named VPN service), camera-off (video calls without camera, with an alternative verification), personal-device (BYOD), virtual-desktop (VDI instead of a managed laptop), remote-access-tool (a named remote-access tool), working-hours (hours outside the usual day), work-location (working from another country or place for a period), removable-media (use of USB storage, e.g. for a lab or a customer delivery; scope.deviceId names the computer when it is one), other.',
    ),
  scope: recordObject({
    provider: z.string().optional().describe('For vpn: the VPN provider approved (e.g. Astrill), matched like network.vpnProvider and network.asnOrg.'),
    software: z.string().optional().describe('For remote-access-tool: the tool approved, by name (e.g. AnyDesk).'),
    deviceId: z.string().optional().describe('The device the exception is for, when it names one.'),
    countries: unorderedStrings(countryCodeSchema)
      .optional()
      .describe('For work-location or vpn: the ISO 3166-1 alpha-2 countries the exception covers (a claim to compare with evidence, never scored by itself).'),
    alternativeVerification: z
      .string()
      .optional()
      .describe('For camera-off and similar accommodations: the verification used instead (e.g. in-person ID check at an office).'),
  })
    .optional()
    .describe('What exactly is allowed: only matching evidence is explained by the exception.'),
  approvedBy: z.string().optional().describe('Who approved it (name or HRIS/ITSM id of the approver), quoted in findings.'),
  approvedAt: dateTimeSchema.optional().describe('When it was approved (ITSM ticket or HR case approval time).'),
  validFrom: dateTimeSchema.optional().describe('Start of the validity window; omitted means from approval (or always).'),
  validUntil: dateTimeSchema.optional().describe('End of the validity window; omitted means open-ended.'),
  documentation: recordObject({
    kind: z
      .enum(['ticket', 'hr-case', 'policy', 'medical-note', 'contract', 'other'])
      .optional()
      .describe(
        'What documents it: ticket (ServiceNow, Jira), hr-case (Workday, BambooHR case), policy, medical-note (the note itself stays with HR), contract, other.',
      ),
    reference: z.string().optional().describe('Identifier of the document, e.g. the ticket number; never its content.'),
  })
    .optional()
    .describe('Where the approval is documented.'),
  note: z.string().optional().describe('Free-text note; shown to reviewers, never scored.'),
  source: sourceSchema.optional(),
});

/** One booked journey leg from a travel-booking or expense system. */
export const travelSchema = recordObject({
  id: recordIdSchema,
  from: recordObject({
    country: countryCodeSchema.optional().describe('ISO 3166-1 alpha-2 country of departure.'),
    city: z.string().optional().describe('City or airport of departure.'),
  }).describe('Where the leg departs.'),
  to: recordObject({
    country: countryCodeSchema.optional().describe('ISO 3166-1 alpha-2 country of arrival.'),
    city: z.string().optional().describe('City or airport of arrival.'),
  }).describe('Where the leg arrives.'),
  via: unorderedStrings(countryCodeSchema).optional().describe('Countries of layovers on the leg.'),
  depart: dateTimeSchema.describe('Scheduled departure, with the offset of the departure place.'),
  arrive: dateTimeSchema.optional().describe('Scheduled arrival, with the offset of the arrival place.'),
  bookedAt: dateTimeSchema.optional().describe('When the booking was made (travel tool such as Navan, SAP Concur or Egencia).'),
  source: sourceSchema.optional(),
});

/** A household or other relationship the person declared, used only to explain shared keys. */
export const declaredRelationshipSchema = recordObject({
  id: recordIdSchema,
  kind: z
    .enum(['household', 'family', 'business', 'other'])
    .describe(
      'household (lives with the person: partner, flatmate, relative at the same address), family (a relative elsewhere), business (e.g. a co-founder), other. The nature of a family tie is deliberately not recorded: marital and family status are protected in many jurisdictions.',
    ),
  subjectId: recordIdSchema.optional().describe('Subject id of the other person, when they are in the batch (e.g. a spouse hired separately).'),
  name: z.string().optional().describe('Name of the other person as declared, when not in the batch.'),
  sharesAddress: z.boolean().optional().describe('True when they share a home address (explains a shared residence or ship-to address).'),
  sharesNetwork: z.boolean().optional().describe('True when they share a home connection (explains a shared IP address).'),
  declaredAt: dateTimeSchema.optional().describe('When the relationship was declared (HR conflict-of-interest or household declaration).'),
  source: sourceSchema.optional(),
});

/** A free-text note by HR, security or a manager: kept with the record, never scored. */
export const caseNoteSchema = recordObject({
  id: recordIdSchema,
  at: dateTimeSchema.optional().describe('When the note was written.'),
  author: z.string().optional().describe('Who wrote it.'),
  text: z.string().describe('The note. No built-in indicator reads it.'),
});

/**
 * Fields added to an outside engagement (declared second job or client): the role, schedule and
 * the conflict-of-interest review that approved or rejected it.
 */
export const outsideEngagementDetailShape = {
  role: z.string().optional().describe('Role held in the outside engagement, as disclosed.'),
  schedule: z
    .string()
    .optional()
    .describe('When the outside work happens, as disclosed (e.g. "weekends", "Mon-Fri 18:00-22:00"); shown to reviewers, not parsed.'),
  disclosed: z.boolean().optional().describe('True when the person disclosed it; false when it was discovered (e.g. by employment verification).'),
  disclosedAt: dateTimeSchema.optional().describe('When it was disclosed (HR outside-activity or conflict-of-interest form).'),
  conflictReview: recordObject({
    outcome: z.enum(['approved', 'approved-with-conditions', 'rejected', 'pending']).describe('Result of the conflict-of-interest review.'),
    reviewedBy: z.string().optional().describe('Who reviewed it.'),
    reviewedAt: dateTimeSchema.optional().describe('When it was reviewed.'),
  })
    .optional()
    .describe('Conflict-of-interest review of the outside engagement.'),
};
