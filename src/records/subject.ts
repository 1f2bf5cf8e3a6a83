import { z } from 'zod';
import { recordLimits } from './limits';
import {
  confirmationSchema,
  countryCodeSchema,
  dateTimeSchema,
  endNotBeforeStart,
  extensionsSchema,
  partialDateSchema,
  documentTextSchema,
  longTextSchema,
  noteSchema,
  postalAddressSchema,
  postalAddressShape,
  recordIdSchema,
  recordObject,
  sourceSchema,
  timeZoneSchema,
  unorderedStrings,
} from './common';
import { priorBehaviourBaselineSchema } from './baseline';
import { caseNoteSchema, declaredExceptionSchema, declaredRelationshipSchema, outsideEngagementDetailShape, travelSchema } from './declared';
import { heldAccountSchema, hiringSchema, lifecycleSchema, positionSchema, rosterChangeSchema } from './engagement';
import {
  backgroundCheckSchema,
  documentOverrideShape,
  emailEnrichmentShape,
  employmentVerificationSchema,
  onlineProfileDetailShape,
  phoneEnrichmentShape,
  photoCheckShape,
  verificationDetailShape,
  workAuthorizationSchema,
} from './screening';

/** One name the person used, with where it was seen. */
export const personNameSchema = recordObject({
  value: z.string().min(1).describe('The name as written, e.g. "Andrew Miller".'),
  kind: z.enum(['legal', 'preferred', 'alias', 'former', 'document', 'account-holder']).optional().describe('What kind of name this is.'),
  source: sourceSchema.optional(),
  observedAt: dateTimeSchema.optional().describe('When this name was first seen.'),
});

/** The identity the person claims: names, citizenship, residence, date of birth. */
export const claimedIdentitySchema = recordObject({
  names: z.array(personNameSchema).optional().describe('Every name the person used or was recorded under.'),
  claimedCitizenship: z
    .array(countryCodeSchema)
    .optional()
    .describe('Citizenships the person claims. Only ever compared with evidence, never scored on their own.'),
  residence: recordObject({
    country: countryCodeSchema
      .optional()
      .describe(
        'ISO 3166-1 alpha-2 country the person claims to live in: a claim compared with evidence (logins, phone, bank, shipments), never scored by itself.',
      ),
    region: z.string().optional().describe('State, province or region claimed.'),
    city: z.string().optional().describe('City claimed.'),
    lat: z.number().min(-90).max(90).optional().describe('Latitude of the claimed residence (caller-geocoded), for distances to login locations.'),
    lon: z.number().min(-180).max(180).optional().describe('Longitude of the claimed residence (caller-geocoded), for distances to login locations.'),
    timeZone: timeZoneSchema
      .optional()
      .describe('IANA time zone of the claimed residence, e.g. America/Chicago; activity and offered meeting slots are read in local time here.'),
    address: postalAddressSchema.optional().describe('Full residential address, when given.'),
    verified: z.boolean().optional().describe('True when the residence was verified independently (e.g. in person, utility bill).'),
    source: sourceSchema.optional(),
  })
    .optional()
    .describe('The residence the person claims.'),
  dateOfBirth: partialDateSchema.optional().describe('Date of birth; never scored, only compared across sources.'),
});

/** An e-mail address with where it came from and caller-supplied enrichment. */
export const emailContactSchema = recordObject({
  address: z.string().min(3).max(recordLimits.shortText).describe('The e-mail address.'),
  source: sourceSchema.optional(),
  createdAt: dateTimeSchema.optional().describe('When the mailbox was created (caller-supplied enrichment).'),
  disposable: z.boolean().optional().describe('True when enrichment says the domain is a disposable-mail service.'),
  ...emailEnrichmentShape,
});

/** A phone number with where it came from and caller-supplied line-type enrichment. */
export const phoneContactSchema = recordObject({
  number: z.string().min(3).describe('The phone number, ideally in E.164 form such as +16155550100.'),
  source: sourceSchema.optional(),
  lineType: z
    .enum(['mobile', 'landline', 'voip', 'virtual', 'toll-free', 'unknown'])
    .optional()
    .describe('Line type from a carrier look-up (caller-supplied enrichment).'),
  carrier: z.string().optional().describe('Carrier name from enrichment.'),
  createdAt: dateTimeSchema.optional().describe('When the number was first seen or provisioned, if known.'),
  ...phoneEnrichmentShape,
});

/** A postal address the person gave or that a system of record holds. */
export const addressContactSchema = recordObject({
  ...postalAddressShape,
  kind: z.enum(['residence', 'document', 'mailing', 'billing', 'other']).optional().describe('What the address is used for.'),
  source: sourceSchema.optional(),
  verified: z.boolean().optional().describe('True when the address was verified independently.'),
});

/** Contact points, each with where it came from. */
export const contactsSchema = recordObject({
  emails: z.array(emailContactSchema).optional().describe('E-mail addresses the person gave or that systems hold, in any order.'),
  phones: z.array(phoneContactSchema).optional().describe('Phone numbers the person gave or that systems hold, in any order.'),
  addresses: z
    .array(addressContactSchema)
    .optional()
    .describe('Postal addresses the person gave or that systems of record hold (residence, mailing, billing...), in any order.'),
});

/** An identity document and what an identity-verification vendor reported about it. */
export const identityDocumentSchema = recordObject({
  id: recordIdSchema,
  type: z
    .enum(['passport', 'national-id', 'drivers-license', 'residence-permit', 'visa', 'work-permit', 'other'])
    .describe('Kind of identity document: passport, national-id (national identity card), drivers-license, residence-permit, visa, work-permit, other.'),
  issuingCountry: countryCodeSchema
    .optional()
    .describe('ISO 3166-1 alpha-2 code of the country that issued the document; compared with other claims, never scored by itself.'),
  holderName: z.string().optional().describe('Name printed on the document.'),
  number: z.string().optional().describe('Document number, or a keyed hash of it.'),
  address: postalAddressSchema.optional().describe('Address printed on the document.'),
  dateOfBirth: partialDateSchema.optional().describe('Date of birth printed on the document.'),
  verification: recordObject({
    vendor: z.string().optional().describe('Identity-verification vendor.'),
    checkedAt: dateTimeSchema.optional().describe('When the vendor checked the document.'),
    outcome: z
      .enum(['verified', 'failed', 'tampered', 'ai-altered', 'synthetic', 'inconclusive', 'not-performed'])
      .describe(
        'The vendor outcome for the document: verified (authentic), failed (did not pass, no reason given), tampered (physically or digitally altered, e.g. a swapped photo), ai-altered (altered with generative AI), synthetic (entirely fabricated), inconclusive, not-performed.',
      ),
    liveness: z
      .enum(['passed', 'failed', 'inconclusive', 'not-performed'])
      .optional()
      .describe("Result of the vendor's liveness check (a live person rather than a photo, replay or deepfake presented the document)."),
    selfieMatch: z.enum(['match', 'mismatch', 'inconclusive', 'not-performed']).optional().describe('Whether the selfie matched the document portrait.'),
    reasons: unorderedStrings(z.string()).optional().describe('Vendor reason codes or notes.'),
    ...documentOverrideShape,
  })
    .optional()
    .describe('What an identity-verification vendor reported about the document, when it was checked.'),
  source: sourceSchema.optional(),
});

/** A background, database or identity check on the person's data. */
export const identityCheckSchema = recordObject({
  id: recordIdSchema,
  kind: z.enum(['background-check', 'ssn-trace', 'credit-header', 'e-verify', 'database', 'reverse-image', 'other']).describe('What kind of check it was.'),
  provider: z.string().optional().describe('Company or database that ran the check, e.g. the background-check vendor.'),
  at: dateTimeSchema.optional().describe('When the check was completed.'),
  outcome: z
    .enum(['consistent', 'belongs-to-other', 'deceased', 'synthetic', 'no-record', 'inconclusive'])
    .describe(
      'What the check found about the personal data: consistent (matches the person), belongs-to-other (the data belongs to someone else), deceased (belongs to a deceased person), synthetic (a fabricated identity built from mixed data), no-record (no record found), inconclusive.',
    ),
  consumerReport: z.boolean().optional().describe('True when the check is a consumer report (FCRA adverse-action duties apply).'),
  details: noteSchema().optional().describe('Free-text details or reason codes from the provider, quoted in findings.'),
});

/** A verification step run on the person: in-person ID check, location check, drug test... */
export const verificationSchema = recordObject({
  id: recordIdSchema,
  kind: z
    .enum(['in-person-id-check', 'notarized-id', 'video-id-check', 'location-check', 'drug-test', 'in-person-meeting', 'other'])
    .describe(
      "Which verification: in-person-id-check (ID checked face to face), notarized-id (ID certified by a notary), video-id-check (ID shown on a live video call), location-check (the person's location confirmed, e.g. by a visit or a geolocated check), drug-test, in-person-meeting, other.",
    ),
  at: dateTimeSchema.optional().describe('When the step took place or was scheduled.'),
  outcome: z
    .enum(['passed', 'failed', 'declined', 'rescheduled', 'no-show', 'pending'])
    .describe(
      "What happened: passed, failed, declined (the person refused), rescheduled (moved at the person's request), no-show (the person did not attend), pending (not yet done).",
    ),
  location: recordObject({
    country: countryCodeSchema.optional().describe('ISO 3166-1 alpha-2 country where the check found the person; compared with the claimed residence.'),
    city: z.string().optional().describe('City where the check found the person.'),
  })
    .optional()
    .describe('Where the person was found to be, for location checks.'),
  notes: noteSchema().optional().describe('Free-text notes by whoever ran the step; quoted in findings.'),
  accommodation: noteSchema()
    .optional()
    .describe(
      'A documented accommodation (e.g. mobility impairment, a notarised check offered instead) that explains a declined or rescheduled step; suppresses avoidance signals.',
    ),
  ...verificationDetailShape,
});

/** A photo of the person and any vendor or reverse-image result about it. */
export const photoSchema = recordObject({
  id: recordIdSchema,
  source: sourceSchema.describe('Where the photo was taken from (resume, profile, document, interview...).'),
  capturedAt: dateTimeSchema.optional().describe('When the photo was taken or collected.'),
  perceptualHash: z
    .string()
    .regex(/^[0-9a-fA-F]+$/, 'Expected a hexadecimal perceptual hash')
    .optional()
    .describe('Caller-supplied perceptual hash (hex), compared by Hamming distance.'),
  assessment: z
    .enum(['authentic', 'synthetic', 'belongs-to-other', 'stock', 'inconclusive'])
    .optional()
    .describe(
      "Vendor or reverse-image result: authentic, synthetic (AI-generated or AI-altered), belongs-to-other (the photo shows someone else, e.g. found on another person's profile), stock (a stock photo), inconclusive.",
    ),
  ...photoCheckShape,
});

/** An education entry from the resume or application. */
export const educationSchema = recordObject({
  id: recordIdSchema,
  organisation: z.string().min(1).describe('Name of the school or university, as claimed.'),
  domain: z.string().optional().describe('Web domain of the institution.'),
  degree: z.string().optional().describe('Degree or qualification claimed, e.g. BSc.'),
  field: z.string().optional().describe('Field of study claimed, e.g. Computer Science.'),
  country: countryCodeSchema.optional().describe('ISO 3166-1 alpha-2 country of the institution, as claimed.'),
  start: partialDateSchema.optional().describe('When the study started, as claimed.'),
  end: partialDateSchema.optional().describe('When the study ended or is expected to end, as claimed.'),
  fullTime: z
    .boolean()
    .optional()
    .describe('True when the study was claimed as full-time, on site; compared with full-time employment for impossible overlaps.'),
  confirmed: confirmationSchema
    .optional()
    .describe(
      'Whether the institution confirmed the entry through independently found contact details: confirmed, unconfirmed (tried, could not), contradicted, not-checked.',
    ),
});

/** An employment entry from the resume or application. */
export const employmentSchema = recordObject({
  id: recordIdSchema,
  organisation: z.string().min(1).describe('Name of the employer or client, as claimed.'),
  domain: z.string().optional().describe('Web domain of the employer.'),
  role: z.string().optional().describe('Job title or role claimed, e.g. Senior Backend Engineer.'),
  country: countryCodeSchema.optional().describe('ISO 3166-1 alpha-2 country where the role was claimed to be held.'),
  start: partialDateSchema.optional().describe('When the role started, as claimed.'),
  end: partialDateSchema.optional().describe('End date; omitted means current.'),
  fullTime: z.boolean().optional().describe('True when the role was claimed as full-time.'),
  technologies: unorderedStrings(z.string()).optional().describe('Technologies claimed in this role.'),
  confirmed: confirmationSchema
    .optional()
    .describe(
      'Whether the employer confirmed the entry through independently found contact details: confirmed, unconfirmed (tried, could not), contradicted, not-checked.',
    ),
});

/** A skill the person claims, with how long they claim to have used it. */
export const claimedSkillSchema = recordObject({
  name: z.string().min(1).describe('The technology or skill as written, e.g. "Kubernetes".'),
  years: z.number().nonnegative().max(100).optional().describe('Years of experience claimed, as of the application date (at most 100).'),
  since: partialDateSchema.optional().describe('Year (or month) the person claims to have started using it.'),
  source: sourceSchema.optional(),
});

/** A professional reference. */
export const professionalReferenceSchema = recordObject({
  id: recordIdSchema,
  name: z.string().optional().describe('Name of the referee.'),
  organisation: z.string().optional().describe('Organisation the referee works for, as given.'),
  domain: z.string().optional().describe("Web domain of the referee's organisation, e.g. from their e-mail address; checked against front-company domains."),
  email: z.string().optional().describe('E-mail address given for the referee.'),
  phone: z.string().optional().describe('Phone number given for the referee.'),
  confirmed: confirmationSchema
    .optional()
    .describe(
      'Whether the reference was confirmed through independently found contact details (not only those the candidate supplied): confirmed, unconfirmed, contradicted, not-checked.',
    ),
});

/** An online profile: code hosting, freelance platform, professional network. */
export const onlineProfileSchema = recordObject({
  id: recordIdSchema,
  platform: z.string().min(1).describe('Platform name, e.g. github, upwork, linkedin.'),
  handle: z.string().optional().describe('Current username or handle on the platform.'),
  url: longTextSchema().optional().describe('URL of the profile.'),
  createdAt: dateTimeSchema.optional().describe('When the account was created.'),
  earliestActivityAt: dateTimeSchema
    .optional()
    .describe('Earliest activity the profile shows (e.g. first commit date), which can predate createdAt when backfilled.'),
  rating: z.number().optional().describe("Rating or job-success score as the platform shows it, on the platform's own scale."),
  hoursBilled: z
    .number()
    .nonnegative()
    .max(1_000_000)
    .optional()
    .describe('Cumulative hours billed on the platform (at most 1,000,000: over a century around the clock).'),
  jobsCompleted: z.number().int().nonnegative().optional().describe('Number of jobs or contracts completed on the platform.'),
  contributions: z.number().int().nonnegative().optional().describe('Public contributions, e.g. commits in the last year.'),
  followers: z.number().int().nonnegative().optional().describe('Number of followers the profile shows.'),
  status: z
    .enum(['active', 'deleted', 'suspended', 'replaced'])
    .optional()
    .describe('State of the account: active, deleted (removed by its owner), suspended (by the platform), replaced (abandoned for a new account).'),
  previousHandles: z
    .array(
      recordObject({
        handle: z.string().describe('A handle the account used before.'),
        changedAt: dateTimeSchema.optional().describe('When the account changed away from this handle.'),
      }),
    )
    .optional()
    .describe('Earlier handles of this account.'),
  observedAt: dateTimeSchema.optional().describe('When the profile was viewed or captured; its figures are as of this time.'),
  ...onlineProfileDetailShape,
});

/** An interview, as recorded by the interviewer or an interview vendor: facts, never affect inference. */
export const interviewSchema = recordObject({
  id: recordIdSchema,
  at: dateTimeSchema.describe('When the interview was held or scheduled.'),
  mode: z.enum(['video', 'audio', 'phone', 'text-chat', 'in-person']).describe('How the interview was held.'),
  requestedMode: z.enum(['video', 'audio', 'phone', 'text-chat', 'in-person']).optional().describe('The mode the employer asked for, when it differs.'),
  cameraOn: z.boolean().optional().describe("For video interviews: whether the candidate's camera was on for the interview."),
  outcome: z
    .enum(['held', 'declined-by-candidate', 'rescheduled', 'no-show', 'ended-early'])
    .describe('held, declined-by-candidate, rescheduled, no-show (the candidate did not attend), ended-early (ended before its planned end).'),
  accommodation: noteSchema()
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
    .describe(
      'Facts the interviewer or vendor recorded: camera-excuse (a reason given for not turning the camera on), prefers-text (asked to use text chat instead), person-differs (not the same person as before), voice-differs, lip-sync-mismatch (lips out of sync with the audio), face-glitch-on-occlusion (the face glitched when a hand passed in front of it), voice-changer (voice-changing software evident), background-obscured, off-camera-prompting (someone else appeared to supply answers), location-check-failed.',
    ),
  faceMatch: recordObject({
    comparedTo: z
      .enum(['document', 'previous-interview', 'onboarding', 'profile-photo'])
      .describe('What the face was compared with: the identity document portrait, a previous interview, onboarding capture, or the profile photo.'),
    result: z.enum(['match', 'mismatch', 'inconclusive']).describe("The vendor's verdict: match, mismatch or inconclusive."),
    score: z.number().min(0).max(1).optional().describe('Vendor similarity score from 0 (different faces) to 1 (same face).'),
  })
    .optional()
    .describe('Face-match result supplied by a vendor.'),
  interviewer: z.string().optional().describe('Name or identifier of the interviewer or vendor who recorded the interview; quoted in findings.'),
  notes: noteSchema().optional().describe('Free-text notes by the interviewer; never analysed for emotion or affect.'),
});

/** A time slot the candidate offered for meetings. */
export const availabilitySchema = recordObject({
  from: dateTimeSchema.describe('Start of the offered slot.'),
  to: dateTimeSchema.describe('End of the offered slot.'),
  source: sourceSchema.optional(),
}).superRefine(endNotBeforeStart('from', 'to'));

/** Pay asked for, and an optional market reference from the caller. */
export const compensationSchema = recordObject({
  rateAsked: z.number().nonnegative().optional().describe('Pay the person asked for, per period, in the currency given.'),
  currency: z.string().length(3).optional().describe('ISO 4217 currency code.'),
  period: z.enum(['hour', 'day', 'month', 'year']).optional().describe('Period the rates are quoted per: hour, day, month or year.'),
  marketRate: z.number().positive().optional().describe('Caller-supplied market reference rate, same currency and period.'),
  marketRateSource: longTextSchema().optional().describe('Where the market rate came from, e.g. a salary survey; quoted in findings.'),
});

/** A payout instruction: where the person asked to be paid, from a given time. */
export const paymentInstructionSchema = recordObject({
  id: recordIdSchema,
  at: dateTimeSchema.describe('When the instruction was submitted or took effect.'),
  method: z
    .enum(['bank', 'payment-platform', 'crypto', 'money-service', 'check', 'other'])
    .describe(
      'How the person asked to be paid: bank (a bank account), payment-platform (e.g. Payoneer, PayPal, Wise), crypto (a wallet), money-service (money transmitter or remittance business), check, other.',
    ),
  accountHolderName: z.string().optional().describe("Name of the account holder, as given or as the bank reported it; compared with the person's names."),
  bankName: z.string().optional().describe('Name of the bank.'),
  bankCountry: countryCodeSchema
    .optional()
    .describe('ISO 3166-1 alpha-2 country of the bank account, compared with the claimed residence; never scored by itself.'),
  accountNumber: z.string().optional().describe('Account number, or a keyed hash of it.'),
  iban: z.string().optional().describe('IBAN (International Bank Account Number), or a keyed hash of it.'),
  routingNumber: z.string().optional().describe('Bank routing or sort code (e.g. ABA routing number) of the account.'),
  walletAddress: z.string().optional().describe('Cryptocurrency wallet address.'),
  walletNetwork: z.string().optional().describe('Blockchain network of the wallet, e.g. ethereum, tron, bitcoin.'),
  platform: z.string().optional().describe('Payment platform or money-service business.'),
  platformAccount: z.string().optional().describe('Account identifier on the payment platform, e.g. the e-mail or id of the payee account.'),
  source: sourceSchema.optional(),
});

/** A request by the person about payment outside the normal payroll cycle. */
export const paymentRequestSchema = recordObject({
  id: recordIdSchema,
  at: dateTimeSchema.describe('When the request was made.'),
  kind: z
    .enum(['advance', 'prepayment', 'off-platform', 'other'])
    .describe('advance (pay before the normal pay date), prepayment (pay before the work is done), off-platform (pay outside the freelance platform), other.'),
  amount: z.number().optional().describe('Amount requested, in major units of the currency given.'),
  currency: z.string().length(3).optional().describe('ISO 4217 currency code of the amount.'),
});

/** A shipment of company equipment and any requests to change where it goes. */
export const shipmentSchema = recordObject({
  id: recordIdSchema,
  shippedAt: dateTimeSchema.optional().describe('When the equipment was shipped.'),
  deliveredAt: dateTimeSchema.optional().describe('When the carrier reported delivery.'),
  deviceId: z.string().optional().describe('Identifier of the device shipped in device management; matches device-checkin deviceId.'),
  serial: z.string().optional().describe('Serial number of the device shipped.'),
  address: postalAddressSchema.describe('Ship-to address the equipment was sent to.'),
  recipientName: z.string().optional().describe('Name of the recipient on the shipping label.'),
  forwarder: z.boolean().optional().describe('True when the address is a known freight forwarder or reshipper.'),
  changeRequests: z
    .array(
      recordObject({
        at: dateTimeSchema.describe('When the change was requested.'),
        address: postalAddressSchema.describe('The new ship-to address requested.'),
        reason: noteSchema().optional().describe('The reason the person gave for the change.'),
      }),
    )
    .optional()
    .describe('Requests to change the ship-to address.'),
});

/** An engagement the person holds elsewhere (declared or discovered). */
export const engagementSchema = recordObject({
  id: recordIdSchema,
  organisation: z.string().min(1).describe('Organisation or client of the other engagement.'),
  start: partialDateSchema.optional().describe('When the engagement started.'),
  end: partialDateSchema.optional().describe('When the engagement ended; omitted means ongoing.'),
  hoursPerWeek: z.number().nonnegative().max(168).optional().describe('Hours per week the engagement takes, in decimal hours.'),
  source: sourceSchema.optional(),
  ...outsideEngagementDetailShape,
});

/** A request by the worker about how they work: personal device, virtual desktop, another ship-to place... */
export const workArrangementRequestSchema = recordObject({
  id: recordIdSchema,
  at: dateTimeSchema.describe('When the request was made.'),
  kind: z
    .enum(['personal-device', 'virtual-desktop', 'other'])
    .describe('What was asked: to work from a personal device, from a virtual desktop, or something else.'),
  reason: noteSchema().optional().describe('The reason the worker gave.'),
  approved: z.boolean().optional().describe('True when the organisation approved it as policy allows.'),
  source: sourceSchema.optional(),
});

/**
 * One person being assessed: an applicant before hire, a worker or contractor after.
 * Every fact except `id` is optional, because real HR data is sparse; an indicator that needs a
 * missing fact reports that it could not run, and the report lists it under coverage.
 */
export const subjectSchema = recordObject({
  id: recordIdSchema.describe('Identifier of the subject, unique in the batch; events refer to it by subjectId and findings cite it.'),
  kind: z
    .enum(['applicant', 'employee', 'contractor', 'freelancer'])
    .optional()
    .describe(
      'Relationship to the organisation: applicant (before hire), employee, contractor (engaged through a contract or agency), freelancer (engaged through a freelance platform).',
    ),
  role: z.string().optional().describe('Role or job family, used to compare with role peers.'),
  projects: unorderedStrings(z.string()).optional().describe('Projects or repositories the person is assigned to.'),
  authorizedDataTags: z.array(z.string()).optional().describe('Sensitive data tags the role legitimately needs (e.g. energy for a grid-software engineer).'),
  appliedAt: dateTimeSchema.optional().describe('When the person applied.'),
  offerAt: dateTimeSchema.optional().describe('When the offer was made.'),
  hiredAt: dateTimeSchema.optional().describe('Start of tenure.'),
  referredBy: recordIdSchema.optional().describe('Subject id of the person who referred this one.'),
  identity: claimedIdentitySchema.optional().describe('The identity the person claims: names, citizenship, residence, date of birth.'),
  contacts: contactsSchema.optional().describe('E-mail addresses, phone numbers and postal addresses, each with where it came from.'),
  documents: z
    .array(identityDocumentSchema)
    .optional()
    .describe('Identity documents the person presented, with identity-verification vendor results, in any order.'),
  identityChecks: z.array(identityCheckSchema).optional().describe("Background, database and identity checks run on the person's data, in any order."),
  verifications: z.array(verificationSchema).optional().describe('Verification steps run on the person (in-person ID check, location check...), in any order.'),
  photos: z.array(photoSchema).optional().describe('Photos of the person from the resume, profiles, documents or interviews, in any order.'),
  education: z.array(educationSchema).optional().describe('Education entries from the resume or application, in any order.'),
  employment: z.array(employmentSchema).optional().describe('Employment history from the resume or application, in any order.'),
  references: z.array(professionalReferenceSchema).optional().describe('Professional references the person gave, in any order.'),
  skills: z
    .array(claimedSkillSchema)
    .optional()
    .describe('Skills claimed on the resume or application with years of experience, compared with technology release years.'),
  profiles: z
    .array(onlineProfileSchema)
    .optional()
    .describe('Online profiles (code hosting, freelance platforms, professional networks) linked to the person, in any order.'),
  resumeText: documentTextSchema().optional().describe('Plain text of the resume or bid, for near-duplicate detection.'),
  interviews: z.array(interviewSchema).optional().describe('Interviews held or attempted, in any order.'),
  availability: z
    .array(availabilitySchema)
    .optional()
    .describe('Time slots the candidate offered for meetings, in any order; read in the claimed residence time zone.'),
  compensation: compensationSchema.optional().describe('Pay the person asked for, with an optional market reference.'),
  paymentInstructions: z
    .array(paymentInstructionSchema)
    .optional()
    .describe('Payout instructions the person gave over time (where to be paid, from when), in any order.'),
  paymentRequests: z
    .array(paymentRequestSchema)
    .optional()
    .describe('Requests about payment outside the normal payroll cycle (advances, prepayment, off-platform), in any order.'),
  shipments: z.array(shipmentSchema).optional().describe('Shipments of company equipment to the person, in any order.'),
  engagements: z.array(engagementSchema).optional().describe('Other jobs or contracts the person holds elsewhere, declared or discovered, in any order.'),
  workArrangementRequests: z
    .array(workArrangementRequestSchema)
    .optional()
    .describe('Requests to work from a personal device or a virtual desktop instead of the managed device (HR or IT tickets).'),
  lifecycle: lifecycleSchema.optional(),
  position: positionSchema.optional(),
  hiring: hiringSchema.optional(),
  accounts: z
    .array(heldAccountSchema)
    .optional()
    .describe(
      'Accounts the person holds in each system (IdP, code host, cloud, chat), with when each was created, in any order (Okta/Entra/Google Workspace users, SCIM).',
    ),
  rosterChanges: z
    .array(rosterChangeSchema)
    .optional()
    .describe('Changes of team, manager or role over time, from the HRIS job history (Workday, BambooHR), in any order.'),
  exceptions: z
    .array(declaredExceptionSchema)
    .optional()
    .describe('Approved policy exceptions and accommodations with scope, approver, validity window and documentation (ITSM or HR cases), in any order.'),
  travel: z
    .array(travelSchema)
    .optional()
    .describe('Booked journey legs (travel-booking or expense system), in any order; explain sign-ins from the countries on the trip.'),
  behaviourBaseline: priorBehaviourBaselineSchema
    .optional()
    .describe(
      "The person's own earlier behaviour, summarised by the caller (SIEM or UEBA) from history the events do not reach; insider/own-baseline-shift uses it where the events give too few baseline weeks.",
    ),
  relationships: z
    .array(declaredRelationshipSchema)
    .optional()
    .describe('Declared household and other relationships, used only to explain a shared address or IP, in any order.'),
  notes: z.array(caseNoteSchema).optional().describe('Free-text notes by HR, security or managers; kept with the record, never scored.'),
  backgroundChecks: z
    .array(backgroundCheckSchema)
    .optional()
    .describe('Background-check reports with overall result and address history (Checkr, Sterling, HireRight), in any order.'),
  employmentVerifications: z
    .array(employmentVerificationSchema)
    .optional()
    .describe('Employment verifications, with any concurrent employers found, in any order.'),
  workAuthorizations: z
    .array(workAuthorizationSchema)
    .optional()
    .describe('Work-authorisation checks (method and result only; immigration status is never stored), in any order.'),
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
