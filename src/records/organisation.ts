import { z } from 'zod';
import { dateTimeSchema, postalAddressSchema, recordIdSchema, recordObject, timeZoneSchema, unorderedStrings } from './common';
import { clockTimeSchema } from './engagement';

/** An office of the organisation. */
export const officeSchema = recordObject({
  id: z.string().min(1).describe('Identifier of the office, referred to by position.officeId and devices[].officeId.'),
  name: z.string().optional().describe('Name of the office, e.g. "Austin HQ".'),
  address: postalAddressSchema
    .optional()
    .describe(
      'Street address of the office. A ship-to or residence address matches it whatever line2 says (unit, floor, "attn" line), so equipment picked up at an office is not a shared drop address.',
    ),
  timeZone: timeZoneSchema.optional().describe('IANA zone of the office.'),
  egressIps: unorderedStrings(z.string()).optional().describe('Public IP addresses or CIDR ranges the office egresses from.'),
});

/** A device the organisation issued, and how it reached the person. */
export const issuedDeviceSchema = recordObject({
  deviceId: z.string().optional().describe('Identifier in device management (matches device-checkin deviceId).'),
  serial: z.string().optional().describe('Hardware serial number.'),
  subjectId: recordIdSchema.optional().describe('Subject the device is assigned to; omitted for pool or lab machines.'),
  handover: z
    .enum(['shipped', 'on-site', 'pool', 'lab'])
    .describe(
      'shipped (sent by carrier, see shipments), on-site (handed over at an office; never shipped, so no shipment serial to compare), pool (a loaner), lab (a shared lab or kiosk computer used by several people).',
    ),
  officeId: z.string().optional().describe('Office where it was handed over or stands.'),
  issuedAt: dateTimeSchema.optional().describe('When it was issued (asset-management or ITSM record).'),
});

/** A caller-supplied baseline of one behaviour measure: the median and a high percentile per person. */
export const measureBaselineSchema = recordObject({
  median: z.number().nonnegative().describe('Median per person, in the unit of the measure.'),
  high: z.number().nonnegative().optional().describe('High percentile per person (see highPercentile), in the same unit; omitted means the median.'),
});

/** A baseline of a role or team, supplied by the caller from its own history. */
export const peerBaselineSchema = recordObject({
  scope: z.enum(['role', 'team']).describe('Whether the baseline is for a role (subject.role) or a team (position.team).'),
  name: z.string().min(1).describe('The role or team name, as subjects carry it.'),
  dailyBytesMedian: z.number().nonnegative().optional().describe('Median daily data volume (downloads, clones, exports) per person, in bytes.'),
  dailyBytesHigh: z.number().nonnegative().optional().describe('High percentile of daily data volume per person, in bytes (see highPercentile).'),
  highPercentile: z.number().min(50).max(100).optional().describe('Which percentile dailyBytesHigh is, e.g. 95.'),
  workingHours: recordObject({
    start: clockTimeSchema.describe('Usual start of the working day.'),
    end: clockTimeSchema.describe('Usual end of the working day.'),
    timeZone: timeZoneSchema.optional().describe('IANA zone the hours are in.'),
  })
    .optional()
    .describe('Usual working hours of the role or team.'),
  measures: recordObject({
    afterHoursShare: measureBaselineSchema.optional().describe('Share of activity after hours, as a fraction from 0 to 1.'),
    activeHours: measureBaselineSchema.optional().describe('Active hours per working day.'),
    distinctDevices: measureBaselineSchema.optional().describe('Distinct devices a week.'),
    removableMedia: measureBaselineSchema.optional().describe('Removable-media connects and copies a week.'),
    externalMailAttachments: measureBaselineSchema.optional().describe('External e-mails with attachments a week.'),
  })
    .optional()
    .describe(
      'Baselines of the other behaviour measures of insider/peer-baseline-shift (data volume is dailyBytesMedian and dailyBytesHigh), over the same recent window; each replaces the batch for its measure.',
    ),
});

/**
 * Organisation context: reference facts about the organisation, not about any one person. The
 * library fetches nothing; the caller passes what its HR, IT and security systems hold.
 */
export const organisationSchema = recordObject({
  offices: z.array(officeSchema).optional().describe('Offices with address, time zone and egress IPs (HRIS locations, facilities, network team).'),
  corporateEgress: unorderedStrings(z.string())
    .optional()
    .describe('Public IP addresses or CIDR ranges of corporate egress (VPN concentrators, secure web gateway, zero-trust proxy).'),
  approvedRemoteAccessTools: unorderedStrings(z.string())
    .optional()
    .describe('Remote-access tools the organisation sanctions (IT support, RMM), by name; device/remote-access-software does not report them.'),
  approvedVpnProviders: unorderedStrings(z.string())
    .optional()
    .describe(
      'VPN services or clients the organisation sanctions (its own gateway, a contracted service), by name; their egress is never counted as anonymizing.',
    ),
  devices: z.array(issuedDeviceSchema).optional().describe('Devices issued, with how they were handed over (asset management, Intune/Jamf enrolment records).'),
  baselines: z.array(peerBaselineSchema).optional().describe('Role or team baselines of data volume and working hours.'),
  sensitivityTags: recordObject({
    sensitiveTechnology: unorderedStrings(z.string()).optional().describe('Tags that mark sensitive technology (e.g. energy, aerospace).'),
    exportControlled: unorderedStrings(z.string()).optional().describe('Tags that mark export-controlled material (ITAR, EAR).'),
    valueMoving: unorderedStrings(z.string()).optional().describe('Tags that mark code or systems that move value (payments, custody, signing).'),
  })
    .optional()
    .describe('Which data and path tags count as sensitive technology, export-controlled or value-moving.'),
}).describe('Organisation context: offices, corporate egress, approved tools, issued devices, baselines and sensitivity tags.');

/** Organisation context. */
export type Organisation = z.infer<typeof organisationSchema>;
