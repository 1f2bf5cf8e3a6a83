import { z } from 'zod';
import {
  confirmationSchema,
  countryCodeSchema,
  dateTimeSchema,
  extensionsSchema,
  partialDateSchema,
  postalAddressSchema,
  recordIdSchema,
  sourceSchema,
  timeZoneSchema,
} from './common';

/** One name the person used, with where it was seen. */
export const personNameSchema = z.object({
  value: z.string().min(1).describe('The name as written, e.g. "Andrew Miller".'),
  kind: z
    .enum(['legal', 'preferred', 'alias', 'former', 'document', 'account-holder'])
    .optional()
    .describe('What kind of name this is.'),
  source: sourceSchema.optional(),
  observedAt: dateTimeSchema.optional().describe('When this name was first seen.'),
});

/** The identity the person claims: names, citizenship, residence, date of birth. */
export const claimedIdentitySchema = z.object({
  names: z.array(personNameSchema).optional().describe('Every name the person used or was recorded under.'),
  claimedCitizenship: z
    .array(countryCodeSchema)
    .optional()
    .describe('Citizenships the person claims. Only ever compared with evidence, never scored on their own.'),
  residence: z
    .object({
      country: countryCodeSchema.optional(),
      region: z.string().optional().describe('State, province or region claimed.'),
      city: z.string().optional().describe('City claimed.'),
      lat: z
        .number()
        .min(-90)
        .max(90)
        .optional()
        .describe('Latitude of the claimed residence (caller-geocoded), for distances to login locations.'),
      lon: z
        .number()
        .min(-180)
        .max(180)
        .optional()
        .describe('Longitude of the claimed residence (caller-geocoded), for distances to login locations.'),
      timeZone: timeZoneSchema.optional(),
      address: postalAddressSchema.optional().describe('Full residential address, when given.'),
      verified: z.boolean().optional().describe('True when the residence was verified independently (e.g. in person, utility bill).'),
      source: sourceSchema.optional(),
    })
    .optional()
    .describe('The residence the person claims.'),
  dateOfBirth: partialDateSchema.optional().describe('Date of birth; never scored, only compared across sources.'),
});

/** An e-mail address with where it came from and caller-supplied enrichment. */
export const emailContactSchema = z.object({
  address: z.string().min(3).describe('The e-mail address.'),
  source: sourceSchema.optional(),
  createdAt: dateTimeSchema.optional().describe('When the mailbox was created (caller-supplied enrichment).'),
  disposable: z.boolean().optional().describe('True when enrichment says the domain is a disposable-mail service.'),
});

/** A phone number with where it came from and caller-supplied line-type enrichment. */
export const phoneContactSchema = z.object({
  number: z.string().min(3).describe('The phone number, ideally in E.164 form such as +16155550100.'),
  source: sourceSchema.optional(),
  lineType: z
    .enum(['mobile', 'landline', 'voip', 'virtual', 'toll-free', 'unknown'])
    .optional()
    .describe('Line type from a carrier look-up (caller-supplied enrichment).'),
  carrier: z.string().optional().describe('Carrier name from enrichment.'),
  createdAt: dateTimeSchema.optional().describe('When the number was first seen or provisioned, if known.'),
});

/** A postal address the person gave or that a system of record holds. */
export const addressContactSchema = postalAddressSchema.extend({
  kind: z
    .enum(['residence', 'document', 'mailing', 'billing', 'other'])
    .optional()
    .describe('What the address is used for.'),
  source: sourceSchema.optional(),
  verified: z.boolean().optional().describe('True when the address was verified independently.'),
});

/** Contact points, each with where it came from. */
export const contactsSchema = z.object({
  emails: z.array(emailContactSchema).optional(),
  phones: z.array(phoneContactSchema).optional(),
  addresses: z.array(addressContactSchema).optional(),
});

/** An identity document and what an identity-verification vendor reported about it. */
export const identityDocumentSchema = z.object({
  id: recordIdSchema,
  type: z.enum(['passport', 'national-id', 'drivers-license', 'residence-permit', 'visa', 'work-permit', 'other']),
  issuingCountry: countryCodeSchema.optional(),
  holderName: z.string().optional().describe('Name printed on the document.'),
  number: z.string().optional().describe('Document number, or a keyed hash of it.'),
  address: postalAddressSchema.optional().describe('Address printed on the document.'),
  dateOfBirth: partialDateSchema.optional().describe('Date of birth printed on the document.'),
  verification: z
    .object({
      vendor: z.string().optional().describe('Identity-verification vendor.'),
      checkedAt: dateTimeSchema.optional(),
      outcome: z
        .enum(['verified', 'failed', 'tampered', 'ai-altered', 'synthetic', 'inconclusive', 'not-performed'])
        .describe('The vendor outcome for the document.'),
      liveness: z.enum(['passed', 'failed', 'inconclusive', 'not-performed']).optional(),
      selfieMatch: z
        .enum(['match', 'mismatch', 'inconclusive', 'not-performed'])
        .optional()
        .describe('Whether the selfie matched the document portrait.'),
      reasons: z.array(z.string()).optional().describe('Vendor reason codes or notes.'),
    })
    .optional(),
  source: sourceSchema.optional(),
});

/** A background, database or identity check on the person's data. */
export const identityCheckSchema = z.object({
  id: recordIdSchema,
  kind: z
    .enum(['background-check', 'ssn-trace', 'credit-header', 'e-verify', 'database', 'reverse-image', 'other'])
    .describe('What kind of check it was.'),
  provider: z.string().optional(),
  at: dateTimeSchema.optional(),
  outcome: z
    .enum(['consistent', 'belongs-to-other', 'deceased', 'synthetic', 'no-record', 'inconclusive'])
    .describe('What the check found about the personal data.'),
  consumerReport: z
    .boolean()
    .optional()
    .describe('True when the check is a consumer report (FCRA adverse-action duties apply).'),
  details: z.string().optional(),
});

/** A verification step run on the person: in-person ID check, location check, drug test... */
export const verificationSchema = z.object({
  id: recordIdSchema,
  kind: z
    .enum(['in-person-id-check', 'notarized-id', 'video-id-check', 'location-check', 'drug-test', 'in-person-meeting', 'other'])
    .describe('Which verification.'),
  at: dateTimeSchema.optional(),
  outcome: z
    .enum(['passed', 'failed', 'declined', 'rescheduled', 'no-show', 'pending'])
    .describe('What happened.'),
  location: z
    .object({ country: countryCodeSchema.optional(), city: z.string().optional() })
    .optional()
    .describe('Where the person was found to be, for location checks.'),
  notes: z.string().optional(),
  accommodation: z
    .string()
    .optional()
    .describe(
      'A documented accommodation (e.g. mobility impairment, a notarised check offered instead) that explains a declined or rescheduled step; suppresses avoidance signals.',
    ),
});

/** A photo of the person and any vendor or reverse-image result about it. */
export const photoSchema = z.object({
  id: recordIdSchema,
  source: sourceSchema.describe('Where the photo was taken from (resume, profile, document, interview...).'),
  capturedAt: dateTimeSchema.optional(),
  perceptualHash: z
    .string()
    .regex(/^[0-9a-fA-F]+$/, 'Expected a hexadecimal perceptual hash')
    .optional()
    .describe('Caller-supplied perceptual hash (hex), compared by Hamming distance.'),
  assessment: z
    .enum(['authentic', 'synthetic', 'belongs-to-other', 'stock', 'inconclusive'])
    .optional()
    .describe('Vendor or reverse-image result.'),
});

/** An education entry from the resume or application. */
export const educationSchema = z.object({
  id: recordIdSchema,
  organisation: z.string().min(1),
  domain: z.string().optional().describe('Web domain of the institution.'),
  degree: z.string().optional(),
  field: z.string().optional(),
  country: countryCodeSchema.optional(),
  start: partialDateSchema.optional(),
  end: partialDateSchema.optional(),
  fullTime: z
    .boolean()
    .optional()
    .describe('True when the study was claimed as full-time, on site; compared with full-time employment for impossible overlaps.'),
  confirmed: confirmationSchema.optional(),
});

/** An employment entry from the resume or application. */
export const employmentSchema = z.object({
  id: recordIdSchema,
  organisation: z.string().min(1),
  domain: z.string().optional().describe('Web domain of the employer.'),
  role: z.string().optional(),
  country: countryCodeSchema.optional(),
  start: partialDateSchema.optional(),
  end: partialDateSchema.optional().describe('End date; omitted means current.'),
  fullTime: z.boolean().optional().describe('True when the role was claimed as full-time.'),
  technologies: z.array(z.string()).optional().describe('Technologies claimed in this role.'),
  confirmed: confirmationSchema.optional(),
});

/** A skill the person claims, with how long they claim to have used it. */
export const claimedSkillSchema = z.object({
  name: z.string().min(1).describe('The technology or skill as written, e.g. "Kubernetes".'),
  years: z.number().nonnegative().optional().describe('Years of experience claimed, as of the application date.'),
  since: partialDateSchema.optional().describe('Year (or month) the person claims to have started using it.'),
  source: sourceSchema.optional(),
});

/** A professional reference. */
export const professionalReferenceSchema = z.object({
  id: recordIdSchema,
  name: z.string().optional(),
  organisation: z.string().optional(),
  domain: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  confirmed: confirmationSchema.optional(),
});

/** An online profile: code hosting, freelance platform, professional network. */
export const onlineProfileSchema = z.object({
  id: recordIdSchema,
  platform: z.string().min(1).describe('Platform name, e.g. github, upwork, linkedin.'),
  handle: z.string().optional(),
  url: z.string().optional(),
  createdAt: dateTimeSchema.optional().describe('When the account was created.'),
  earliestActivityAt: dateTimeSchema
    .optional()
    .describe('Earliest activity the profile shows (e.g. first commit date), which can predate createdAt when backfilled.'),
  rating: z.number().optional(),
  hoursBilled: z.number().nonnegative().optional().describe('Cumulative hours billed on the platform.'),
  jobsCompleted: z.number().int().nonnegative().optional(),
  contributions: z.number().int().nonnegative().optional().describe('Public contributions, e.g. commits in the last year.'),
  followers: z.number().int().nonnegative().optional(),
  status: z.enum(['active', 'deleted', 'suspended', 'replaced']).optional(),
  previousHandles: z
    .array(z.object({ handle: z.string(), changedAt: dateTimeSchema.optional() }))
    .optional()
    .describe('Earlier handles of this account.'),
  observedAt: dateTimeSchema.optional(),
});

/** An interview, as recorded by the interviewer or an interview vendor: facts, never affect inference. */
export const interviewSchema = z.object({
  id: recordIdSchema,
  at: dateTimeSchema,
  mode: z.enum(['video', 'audio', 'phone', 'text-chat', 'in-person']).describe('How the interview was held.'),
  requestedMode: z
    .enum(['video', 'audio', 'phone', 'text-chat', 'in-person'])
    .optional()
    .describe('The mode the employer asked for, when it differs.'),
  cameraOn: z.boolean().optional(),
  outcome: z.enum(['held', 'declined-by-candidate', 'rescheduled', 'no-show', 'ended-early']),
  accommodation: z
    .string()
    .optional()
    .describe('A documented accommodation (e.g. disability, bandwidth) that explains the mode; suppresses avoidance signals.'),
  flags: z
    .array(
      z.enum([
        'camera-excuse',
        'prefers-text',
        'person-differs',
        'voice-differs',
        'lip-sync-mismatch',
        'face-glitch-on-occlusion',
        'voice-changer',
        'background-obscured',
        'off-camera-prompting',
        'location-check-failed',
      ]),
    )
    .optional()
    .describe('Facts the interviewer or vendor recorded.'),
  faceMatch: z
    .object({
      comparedTo: z.enum(['document', 'previous-interview', 'onboarding', 'profile-photo']),
      result: z.enum(['match', 'mismatch', 'inconclusive']),
      score: z.number().min(0).max(1).optional(),
    })
    .optional()
    .describe('Face-match result supplied by a vendor.'),
  interviewer: z.string().optional(),
  notes: z.string().optional(),
});

/** A time slot the candidate offered for meetings. */
export const availabilitySchema = z.object({
  from: dateTimeSchema,
  to: dateTimeSchema,
  source: sourceSchema.optional(),
});

/** Pay asked for, and an optional market reference from the caller. */
export const compensationSchema = z.object({
  rateAsked: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional().describe('ISO 4217 currency code.'),
  period: z.enum(['hour', 'day', 'month', 'year']).optional(),
  marketRate: z.number().positive().optional().describe('Caller-supplied market reference rate, same currency and period.'),
  marketRateSource: z.string().optional(),
});

/** A payout instruction: where the person asked to be paid, from a given time. */
export const paymentInstructionSchema = z.object({
  id: recordIdSchema,
  at: dateTimeSchema.describe('When the instruction was submitted or took effect.'),
  method: z.enum(['bank', 'payment-platform', 'crypto', 'money-service', 'check', 'other']),
  accountHolderName: z.string().optional(),
  bankName: z.string().optional(),
  bankCountry: countryCodeSchema.optional(),
  accountNumber: z.string().optional().describe('Account number, or a keyed hash of it.'),
  iban: z.string().optional(),
  routingNumber: z.string().optional(),
  walletAddress: z.string().optional(),
  walletNetwork: z.string().optional(),
  platform: z.string().optional().describe('Payment platform or money-service business.'),
  platformAccount: z.string().optional(),
  source: sourceSchema.optional(),
});

/** A request by the person about payment outside the normal payroll cycle. */
export const paymentRequestSchema = z.object({
  id: recordIdSchema,
  at: dateTimeSchema,
  kind: z.enum(['advance', 'prepayment', 'off-platform', 'other']),
  amount: z.number().optional(),
  currency: z.string().length(3).optional(),
});

/** A shipment of company equipment and any requests to change where it goes. */
export const shipmentSchema = z.object({
  id: recordIdSchema,
  shippedAt: dateTimeSchema.optional(),
  deliveredAt: dateTimeSchema.optional(),
  deviceId: z.string().optional(),
  serial: z.string().optional().describe('Serial number of the device shipped.'),
  address: postalAddressSchema,
  recipientName: z.string().optional(),
  forwarder: z.boolean().optional().describe('True when the address is a known freight forwarder or reshipper.'),
  changeRequests: z
    .array(z.object({ at: dateTimeSchema, address: postalAddressSchema, reason: z.string().optional() }))
    .optional()
    .describe('Requests to change the ship-to address.'),
});

/** An engagement the person holds elsewhere (declared or discovered). */
export const engagementSchema = z.object({
  id: recordIdSchema,
  organisation: z.string().min(1),
  start: partialDateSchema.optional(),
  end: partialDateSchema.optional(),
  hoursPerWeek: z.number().nonnegative().optional(),
  source: sourceSchema.optional(),
});

/** A request by the worker about how they work: personal device, virtual desktop, another ship-to place... */
export const workArrangementRequestSchema = z.object({
  id: recordIdSchema,
  at: dateTimeSchema.describe('When the request was made.'),
  kind: z
    .enum(['personal-device', 'virtual-desktop', 'other'])
    .describe('What was asked: to work from a personal device, from a virtual desktop, or something else.'),
  reason: z.string().optional().describe('The reason the worker gave.'),
  approved: z.boolean().optional().describe('True when the organisation approved it as policy allows.'),
  source: sourceSchema.optional(),
});

/**
 * One person being assessed: an applicant before hire, a worker or contractor after.
 * Every fact except `id` is optional, because real HR data is sparse; an indicator that needs a
 * missing fact reports that it could not run, and the report lists it under coverage.
 */
export const subjectSchema = z.object({
  id: recordIdSchema,
  kind: z.enum(['applicant', 'employee', 'contractor', 'freelancer']).optional(),
  role: z.string().optional().describe('Role or job family, used to compare with role peers.'),
  projects: z.array(z.string()).optional().describe('Projects or repositories the person is assigned to.'),
  authorizedDataTags: z
    .array(z.string())
    .optional()
    .describe('Sensitive data tags the role legitimately needs (e.g. energy for a grid-software engineer).'),
  appliedAt: dateTimeSchema.optional(),
  offerAt: dateTimeSchema.optional(),
  hiredAt: dateTimeSchema.optional().describe('Start of tenure.'),
  referredBy: recordIdSchema.optional().describe('Subject id of the person who referred this one.'),
  identity: claimedIdentitySchema.optional(),
  contacts: contactsSchema.optional(),
  documents: z.array(identityDocumentSchema).optional(),
  identityChecks: z.array(identityCheckSchema).optional(),
  verifications: z.array(verificationSchema).optional(),
  photos: z.array(photoSchema).optional(),
  education: z.array(educationSchema).optional(),
  employment: z.array(employmentSchema).optional(),
  references: z.array(professionalReferenceSchema).optional(),
  skills: z
    .array(claimedSkillSchema)
    .optional()
    .describe('Skills claimed on the resume or application with years of experience, compared with technology release years.'),
  profiles: z.array(onlineProfileSchema).optional(),
  resumeText: z.string().optional().describe('Plain text of the resume or bid, for near-duplicate detection.'),
  interviews: z.array(interviewSchema).optional(),
  availability: z.array(availabilitySchema).optional(),
  compensation: compensationSchema.optional(),
  paymentInstructions: z.array(paymentInstructionSchema).optional(),
  paymentRequests: z.array(paymentRequestSchema).optional(),
  shipments: z.array(shipmentSchema).optional(),
  engagements: z.array(engagementSchema).optional(),
  workArrangementRequests: z
    .array(workArrangementRequestSchema)
    .optional()
    .describe('Requests to work from a personal device or a virtual desktop instead of the managed device (HR or IT tickets).'),
  extensions: extensionsSchema.optional(),
});

/** One person being assessed; see {@link subjectSchema}. */
export type Subject = z.infer<typeof subjectSchema>;
/** An interview record. */
export type Interview = z.infer<typeof interviewSchema>;
/** An identity document record. */
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;
/** A payout instruction. */
export type PaymentInstruction = z.infer<typeof paymentInstructionSchema>;
/** A shipment of company equipment. */
export type Shipment = z.infer<typeof shipmentSchema>;
/** An online profile. */
export type OnlineProfile = z.infer<typeof onlineProfileSchema>;
/** An employment entry. */
export type Employment = z.infer<typeof employmentSchema>;
/** A claimed skill. */
export type ClaimedSkill = z.infer<typeof claimedSkillSchema>;
/** An education entry. */
export type Education = z.infer<typeof educationSchema>;
