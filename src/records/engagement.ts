import { z } from 'zod';
import { dateTimeSchema, partialDateSchema, recordObject, sourceSchema, timeZoneSchema } from './common';

/** A wall-clock time of day, `HH:MM` in 24-hour form, such as `09:00` or `22:30`. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time of day as HH:MM, e.g. "09:00"')
  .describe('Time of day, HH:MM in 24-hour form.');

/**
 * Where the person is in the engagement lifecycle, as the HR system of record holds it
 * (Workday worker status and termination, BambooHR employment status, an ATS for applicants).
 */
export const lifecycleSchema = recordObject({
  status: z
    .enum(['applicant', 'offer', 'active', 'on-leave', 'on-notice', 'terminated', 'resigned'])
    .optional()
    .describe(
      'Engagement status in the HR system of record (Workday, BambooHR; Greenhouse or Lever for applicants): applicant, offer (offer made, not started), active, on-leave, on-notice (resigned or given notice, still working), terminated (ended by the organisation), resigned (ended by the person).',
    ),
  statusAt: dateTimeSchema.optional().describe('When the current status took effect (HRIS effective date-time).'),
  startDate: partialDateSchema
    .optional()
    .describe('First day of work (Workday hire date, BambooHR hire date); hiredAt, when given, is the same moment as a date-time.'),
  noticeDate: partialDateSchema.optional().describe('Date notice was given by either side (HRIS resignation or termination notification date).'),
  endDate: partialDateSchema.optional().describe('Last day of the engagement (HRIS termination date or contract end); omitted while ongoing.'),
  endReason: z
    .enum(['resignation', 'termination-for-cause', 'termination-other', 'layoff', 'contract-ended', 'retirement', 'other'])
    .optional()
    .describe('Why the engagement ended, as the HRIS termination reason category gives it; the free-text reason stays in the HR system.'),
  source: sourceSchema.optional(),
}).describe('Lifecycle of the engagement: status, start, notice and end, from the HR system of record.');

/** Working hours agreed with the person, against which their activity rhythm is read. */
export const agreedHoursSchema = recordObject({
  start: clockTimeSchema.describe('Agreed start of the working day, local time in timeZone.'),
  end: clockTimeSchema.describe('Agreed end of the working day, local time in timeZone; earlier than start for a night shift (22:00 to 06:00).'),
  timeZone: timeZoneSchema
    .optional()
    .describe("IANA zone the hours are agreed in (e.g. the team's zone for someone who works its hours from abroad); defaults to the claimed residence zone."),
  note: z.string().optional().describe('Free-text note on the agreement (e.g. "follows the Sydney team"); shown to reviewers, never scored.'),
  source: sourceSchema.optional(),
}).describe('Working hours agreed in the contract or with the manager (Workday work schedule, BambooHR custom field).');

/** What the role demands of whoever holds it: a property of the role, never of the person. */
export const roleRequirementsSchema = recordObject({
  citizenOrNationalOnly: z
    .boolean()
    .optional()
    .describe(
      "True when the role is restricted to citizens or nationals (e.g. a government contract clause). A property of the role; the person's citizenship is never read.",
    ),
  usPersonOnly: z.boolean().optional().describe('True when the role is restricted to US persons under ITAR or EAR (a property of the role).'),
  exportControlEligibilityRequired: z
    .boolean()
    .optional()
    .describe('True when the role handles export-controlled technology and needs an export-control eligibility determination or licence.'),
}).describe('Restrictions of the role from the requisition or job profile (Workday job profile, Greenhouse job custom fields).');

/** The person's place in the organisation: team, manager, work arrangement, agreed hours. */
export const positionSchema = recordObject({
  team: z
    .string()
    .optional()
    .describe('Team or cost centre the person works in (Workday supervisory organisation, BambooHR department); the peer group for team baselines.'),
  department: z.string().optional().describe('Department or division.'),
  managerId: z.string().optional().describe("Identifier of the person's manager: a subject id when the manager is in the batch, else the HRIS worker id."),
  workArrangement: z
    .enum(['remote', 'hybrid', 'on-site'])
    .optional()
    .describe('Where the person is expected to work: remote, hybrid (part at an office), on-site (Workday work space / location type, BambooHR location).'),
  officeId: z.string().optional().describe('The office the person is attached to, matching reference.organisation.offices[].id.'),
  agreedHours: agreedHoursSchema.optional(),
  roleRequirements: roleRequirementsSchema.optional(),
  source: sourceSchema.optional(),
}).describe("The person's position: team, manager, work arrangement, agreed hours and role restrictions, from the HRIS.");

/** How the person came to be hired, and who employs them on paper. */
export const hiringSchema = recordObject({
  channel: z
    .enum(['careers-site', 'job-board', 'staffing-firm', 'marketplace', 'referral', 'recruiter-outreach', 'other'])
    .optional()
    .describe(
      'How the application arrived (Greenhouse or Lever source): careers-site, job-board, staffing-firm (an agency submitted the person), marketplace (a freelance marketplace), referral, recruiter-outreach (sourced by a recruiter), other.',
    ),
  channelName: z.string().optional().describe('Name of the job board, agency or marketplace, as the ATS records the source.'),
  employerOfRecord: z
    .string()
    .optional()
    .describe('Company that employs the person on paper when it is not the organisation (an employer-of-record service or staffing firm).'),
  requisitionId: z.string().optional().describe('Requisition or job id in the ATS.'),
  source: sourceSchema.optional(),
}).describe('How the person was hired: channel, agency or marketplace, employer of record (ATS and HRIS).');

/** An account the person holds in one system (IdP, code host, cloud, chat...). */
export const heldAccountSchema = recordObject({
  system: z.string().min(1).describe('System the account lives in, e.g. okta, entra, google-workspace, github, aws, slack.'),
  accountId: z.string().min(1).describe("The account's identifier in that system, as events carry it in accountId (username, UPN, user id)."),
  kind: z
    .enum(['standard', 'privileged', 'service', 'shared'])
    .optional()
    .describe('standard (everyday account), privileged (an admin twin), service (non-human), shared (used by several people, e.g. a lab login).'),
  createdAt: dateTimeSchema.optional().describe('When the account was created or provisioned (IdP user created, SCIM provisioning).'),
  disabledAt: dateTimeSchema.optional().describe('When the account was disabled or deprovisioned; omitted while active.'),
  source: sourceSchema.optional(),
});

/** One change in the org roster over time: a move to another team, manager or role. */
export const rosterChangeSchema = recordObject({
  effectiveDate: partialDateSchema.describe('When the change took effect (HRIS effective date).'),
  team: z.string().optional().describe('Team after the change.'),
  managerId: z.string().optional().describe('Manager after the change: a subject id or HRIS worker id.'),
  role: z.string().optional().describe('Role or job family after the change.'),
  source: sourceSchema.optional(),
});
