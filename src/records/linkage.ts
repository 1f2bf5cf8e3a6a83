/**
 * The record model of linkage: the link key kinds, `reference.linkAllowList`, and the batch
 * inputs `inputs.linkGroups` and `inputs.linkSettings`. Shapes only; `linking/linkInput.ts`
 * normalises and converts them for the link index.
 */
import { z } from 'zod';
import { dateTimeSchema, postalAddressSchema, recordIdSchema } from './common';

/** The kinds of link keys. */
export type LinkKeyKind =
  'email' | 'phone' | 'address' | 'bank-account' | 'wallet' | 'payout-account' | 'device' | 'mfa-device' | 'ip' | 'photo' | 'document' | 'text';

/** Every link key kind, in a stable order. */
export const linkKeyKinds: readonly LinkKeyKind[] = [
  'email',
  'phone',
  'address',
  'bank-account',
  'wallet',
  'payout-account',
  'device',
  'mfa-device',
  'ip',
  'photo',
  'document',
  'text',
];

const linkKeyKindSchema = z.enum(linkKeyKinds as [LinkKeyKind, ...LinkKeyKind[]]).describe('Kind of link key.');

/** One record of an externally grouped link key. */
export const linkGroupMemberSchema = z.object({
  subjectId: recordIdSchema.describe('Subject the record belongs to.'),
  recordId: recordIdSchema.describe('Record that carries the key (as extractLinkKeys reported it).'),
  field: z.string().min(1).describe('Field path in the record.'),
  at: dateTimeSchema.optional().describe('First seen.'),
  until: dateTimeSchema.optional().describe('Last seen (IP addresses, devices).'),
  signature: z.string().optional().describe('Photo hash or MinHash signature, for photo and text keys.'),
});

/**
 * One externally grouped link key: the rows of `GROUP BY kind, key` over the pairs a caller's
 * workers emitted with `extractLinkKeys`. Give `members` (with record ids, so reports can
 * explain the link) or, at least, `subjectIds`.
 */
export const linkGroupSchema = z
  .object({
    kind: linkKeyKindSchema,
    key: z.string().min(1).describe('Normalised or pseudonymised key, or LSH bucket key for photo and text.'),
    members: z.array(linkGroupMemberSchema).optional().describe('The records carrying the key.'),
    subjectIds: z
      .array(recordIdSchema)
      .optional()
      .describe('The subjects carrying the key, when the grouping kept no record detail; the link is then explained by subject only.'),
  })
  .refine((g) => (g.members?.length ?? 0) > 0 || (g.subjectIds?.length ?? 0) > 0, 'Give members or subjectIds');

/** Settings of the link index built for a batch (`inputs.linkSettings`). */
export const linkSettingsSchema = z.object({
  ipWindowHours: z
    .number()
    .positive()
    .default(24)
    .describe('Two subjects share an IP only when their periods of use, widened by this many hours, overlap: addresses are reassigned over time.'),
  deviceWindowDays: z
    .number()
    .positive()
    .default(30)
    .describe(
      'Two subjects share a device or MFA device only when their periods of use, widened by this many days, overlap: laptops and tokens are re-issued after someone leaves.',
    ),
  photoMaxDistance: z
    .number()
    .int()
    .min(0)
    .max(32)
    .default(6)
    .describe('Hamming distance (bits of a 64-bit perceptual hash) within which two photo hashes are one photo; re-encoding and resizing flip a few bits.'),
  textMinSimilarity: z
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe(
      'Estimated Jaccard similarity of 3-word shingles at which two resumes are near-duplicates; independent resumes in one field stay well below 0.3.',
    ),
  householdSize: z
    .number()
    .int()
    .min(1)
    .default(2)
    .describe('Up to this many subjects who all claim an address as home are a household (a couple), not a cluster.'),
  maxBucketSize: z
    .number()
    .int()
    .positive()
    .default(1000)
    .describe('LSH buckets larger than this are degenerate (blank photos, boilerplate) and skipped, so verification never becomes all-pairs.'),
  defaultCallingCode: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .describe('Country calling code assumed for phone numbers written without one.'),
});

/** Link settings, defaults applied. */
export type LinkSettings = z.infer<typeof linkSettingsSchema>;

/**
 * The batch inputs the linkage indicators read: `inputs.linkGroups` (externally grouped keys;
 * when present they replace in-memory extraction) and `inputs.linkSettings`.
 */
export const linkageInputsSchema = z.object({
  linkGroups: z.array(linkGroupSchema).optional().describe('Externally grouped link keys; replace in-memory extraction when given.'),
  linkSettings: linkSettingsSchema.optional(),
});

/**
 * The named batch inputs the linkage indicators read, with their schemas, as they declare them
 * (`Indicator.inputs`): the engine validates them once per batch, so a malformed one is one
 * rejected entry with field paths, not an error of every linkage indicator in every report.
 */
export const linkageInputs = Object.freeze({
  linkGroups: linkageInputsSchema.shape.linkGroups.unwrap(),
  linkSettings: linkageInputsSchema.shape.linkSettings.unwrap(),
});

/** The link settings when a batch gives none: every default. */
export const defaultLinkSettings: LinkSettings = Object.freeze(linkSettingsSchema.parse({}));

/** An externally grouped link key, as the input gives it. */
export type LinkGroupInput = z.infer<typeof linkGroupSchema>;

/** One allow-listed shared key in `reference.linkAllowList`. */
export const linkAllowListEntrySchema = z
  .object({
    kind: linkKeyKindSchema,
    value: z.string().optional().describe('Raw value (e-mail, phone, IP, account, device id...), normalised like the keys.'),
    address: postalAddressSchema.optional().describe('For kind address: the address, normalised like the keys.'),
    key: z.string().optional().describe('An already normalised or pseudonymised key, as extractLinkKeys produced it.'),
    cidr: z.string().optional().describe('For kind ip: a range (IPv4 or IPv6), e.g. the company VPN egress.'),
    subjectIds: z.array(recordIdSchema).optional().describe('Allowed only when shared by no one but these subjects (e.g. two spouses).'),
    reason: z.string().min(1).describe('Why the sharing is expected, e.g. "company VPN egress" or "staffing agency office".'),
  })
  .describe('A shared key the caller expects, which linkage indicators skip.');

/** The allow-list of shared keys in the reference tables. */
export const linkAllowListSchema = z.array(linkAllowListEntrySchema);
