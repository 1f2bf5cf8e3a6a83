import { z } from 'zod';
import { countryCodeSchema, dateTimeSchema, extensionsSchema, recordIdSchema } from './common';

const eventBase = {
  id: recordIdSchema,
  subjectId: recordIdSchema.describe('The subject the event belongs to.'),
  at: dateTimeSchema.describe('When the event happened (for spans: when it started).'),
  source: z.string().optional().describe('System the event came from, e.g. okta, entra, jamf, github.'),
  extensions: extensionsSchema.optional(),
};

/** IP enrichment supplied by the caller; the library bundles no IP database. */
export const networkEnrichmentSchema = z.object({
  country: countryCodeSchema.optional(),
  region: z.string().optional(),
  city: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  asn: z.number().int().nonnegative().optional(),
  asnOrg: z.string().optional(),
  isHosting: z.boolean().optional().describe('Egress is a hosting or data-centre range.'),
  isVpn: z.boolean().optional(),
  isProxy: z.boolean().optional(),
  isResidentialProxy: z.boolean().optional(),
  isTor: z.boolean().optional(),
  vpnProvider: z.string().optional().describe('VPN provider name from enrichment, e.g. Astrill.'),
  openPorts: z.array(z.number().int().min(0).max(65535)).optional().describe('Open ports found by a scan of the egress IP.'),
  services: z.array(z.string()).optional().describe('Service banners found by a scan, e.g. pikvm, rdp, vnc.'),
});

/** A sign-in or session on an account. */
export const sessionEventSchema = z.object({
  ...eventBase,
  type: z.literal('session'),
  end: dateTimeSchema.optional().describe('When the session ended; omitted while still open.'),
  accountId: z.string().optional(),
  ip: z.string().optional(),
  network: networkEnrichmentSchema.optional(),
  deviceId: z.string().optional(),
  deviceManaged: z.boolean().optional().describe('False for personal or unmanaged devices.'),
  deviceCompliant: z.boolean().optional(),
  virtualDesktop: z.boolean().optional().describe('True when the session ran in a virtual desktop.'),
  userAgent: z.string().optional(),
  mfaDeviceId: z.string().optional().describe('The MFA device that approved the sign-in.'),
  remoteAccessSoftware: z.array(z.string()).optional().describe('Remote-access software seen running during the session.'),
  result: z.enum(['success', 'failure']).optional(),
});

/** Hours logged for a period (timesheet, freelance work diary). */
export const worklogEventSchema = z.object({
  ...eventBase,
  type: z.literal('worklog'),
  end: dateTimeSchema.describe('End of the logged period.'),
  hours: z.number().nonnegative(),
  accountId: z.string().optional(),
  engagement: z.string().optional().describe('The contract or engagement the hours were billed to.'),
});

/** A payment made to the subject. */
export const paymentEventSchema = z.object({
  ...eventBase,
  type: z.literal('payment'),
  amount: z.number(),
  currency: z.string().length(3),
  method: z.enum(['bank', 'payment-platform', 'crypto', 'money-service', 'check', 'other']).optional(),
  payeeName: z.string().optional(),
  destinationCountry: countryCodeSchema.optional(),
  platform: z.string().optional(),
  accountNumber: z.string().optional(),
  iban: z.string().optional(),
  walletAddress: z.string().optional(),
});

/** An access to data: read, download, clone, export, push... */
export const dataAccessEventSchema = z.object({
  ...eventBase,
  type: z.literal('data-access'),
  resource: z.string().min(1).describe('What was accessed: repository, share, document, dataset.'),
  project: z.string().optional().describe('Project the resource belongs to.'),
  tags: z.array(z.string()).optional().describe('Sensitivity or technology tags, e.g. energy, military, nuclear, construction, export-controlled.'),
  action: z.enum(['read', 'download', 'clone', 'export', 'upload', 'push', 'copy', 'print', 'sync', 'modify']),
  volumeBytes: z.number().nonnegative().optional(),
  itemCount: z.number().int().nonnegative().optional(),
  destination: z
    .object({
      kind: z.enum(['corporate', 'personal-repo', 'personal-cloud', 'removable-media', 'personal-email', 'unknown']),
      host: z.string().optional(),
      url: z.string().optional(),
    })
    .optional()
    .describe('Where the data went, for pushes, uploads and syncs.'),
  files: z.array(z.string()).optional().describe('Paths changed, for modify events (CI/CD and dependency manifests matter).'),
});

/** A security-tool detection on a device or account. */
export const securityEventSchema = z.object({
  ...eventBase,
  type: z.literal('security'),
  category: z.enum([
    'remote-access-tool',
    'ip-kvm',
    'usb-device',
    'single-board-computer',
    'unauthorized-software',
    'malware',
    'port-scan',
    'exploit-attempt',
    'credential-harvest',
    'cookie-theft',
    'privilege-escalation',
    'other',
  ]),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  deviceId: z.string().optional(),
  software: z.string().optional().describe('Software name as the tool reported it.'),
  usbId: z.string().optional().describe('USB vendor:product id, e.g. 1d6b:0104.'),
  deviceName: z.string().optional().describe('USB product string or EDID monitor name.'),
  detail: z.string().optional(),
});

/** A managed device checking in with device management. */
export const deviceCheckinEventSchema = z.object({
  ...eventBase,
  type: z.literal('device-checkin'),
  deviceId: z.string().min(1),
  serial: z.string().optional(),
  ip: z.string().optional(),
  network: networkEnrichmentSchema.optional(),
  managed: z.boolean().optional(),
  compliant: z.boolean().optional(),
});

/** A request for, attempt at, or grant of a privilege. */
export const privilegeEventSchema = z.object({
  ...eventBase,
  type: z.literal('privilege'),
  privilege: z.enum(['admin', 'publish', 'sign', 'pipeline', 'repo-admin', 'multisig-signer', 'secrets', 'other']),
  action: z.enum(['request', 'attempt', 'grant']),
  resource: z.string().optional(),
  granted: z.boolean().optional(),
});

/** A message exchanged with the subject (reply times tell a rhythm). */
export const messageEventSchema = z.object({
  ...eventBase,
  type: z.literal('message'),
  direction: z.enum(['from-subject', 'to-subject']),
  channel: z.string().optional(),
});

/** A change the subject made to their own account or profile details. */
export const profileChangeEventSchema = z.object({
  ...eventBase,
  type: z.literal('profile-change'),
  field: z.enum(['name', 'handle', 'email', 'phone', 'photo', 'payout', 'address']),
  platform: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

/** A calendar entry, for conflicts with other engagements. */
export const calendarEventSchema = z.object({
  ...eventBase,
  type: z.literal('calendar'),
  end: dateTimeSchema,
  attended: z.boolean().optional(),
  conflict: z.string().optional().describe('What the entry conflicted with, when known (e.g. another employer meeting).'),
});

/** An event of a kind the library does not model, for custom indicators. */
export const customEventSchema = z.object({
  ...eventBase,
  type: z.literal('custom'),
  kind: z.string().min(1).describe('The caller-defined kind of event.'),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** Any activity event, discriminated by `type`. */
export const activityEventSchema = z.discriminatedUnion('type', [
  sessionEventSchema,
  worklogEventSchema,
  paymentEventSchema,
  dataAccessEventSchema,
  securityEventSchema,
  deviceCheckinEventSchema,
  privilegeEventSchema,
  messageEventSchema,
  profileChangeEventSchema,
  calendarEventSchema,
  customEventSchema,
]);

/** Any activity event. */
export type ActivityEvent = z.infer<typeof activityEventSchema>;
/** The `type` of an activity event. */
export type ActivityEventType = ActivityEvent['type'];
/** An activity event of one given type. */
export type ActivityEventOf<T extends ActivityEventType> = Extract<ActivityEvent, { type: T }>;
/** A sign-in or session. */
export type SessionEvent = z.infer<typeof sessionEventSchema>;
/** A work-log entry. */
export type WorklogEvent = z.infer<typeof worklogEventSchema>;
/** IP enrichment. */
export type NetworkEnrichment = z.infer<typeof networkEnrichmentSchema>;

/** Every event type the model knows, in a stable order. */
export const activityEventTypes = [
  'session',
  'worklog',
  'payment',
  'data-access',
  'security',
  'device-checkin',
  'privilege',
  'message',
  'profile-change',
  'calendar',
  'custom',
] as const satisfies readonly ActivityEventType[];
