import { z } from 'zod';
import {
  countryCodeSchema,
  dateTimeSchema,
  endNotBeforeStart,
  extensionsSchema,
  freeFormObjectSchema,
  ipAddressSchema,
  longTextSchema,
  noteSchema,
  recordIdSchema,
  recordObject,
  unorderedStrings,
} from './common';
import { codeChangeShape, privilegeDetailShape, transferAnomalyShape } from './code-integrity';
import { dataAccessDetailShape, destinationDetailShape, emailShape, printShape, webShape } from './data-movement';
import { deviceCheckinDetailShape, remoteAccessSessionShape, removableMediaShape, softwareEventShape } from './devices';
import { authenticatorRegistrationShape, identityRiskShape, networkEnrichmentDetailShape, sessionDetailShape } from './identity-provider';

const eventBase = {
  id: recordIdSchema.describe('Identifier of the event, unique among all events of the batch; findings cite it as evidence.'),
  subjectId: recordIdSchema.describe('The subject the event belongs to.'),
  at: dateTimeSchema.describe('When the event happened (for spans: when it started).'),
  source: z.string().optional().describe('System the event came from, e.g. okta, entra, jamf, github.'),
  extensions: extensionsSchema.optional(),
};

/** IP enrichment supplied by the caller; the library bundles no IP database. */
export const networkEnrichmentSchema = recordObject({
  country: countryCodeSchema
    .optional()
    .describe(
      'ISO 3166-1 alpha-2 country of the IP address, from IP geolocation (caller-supplied enrichment); compared with the claimed residence, never scored by itself.',
    ),
  region: z.string().optional().describe('State, province or region of the IP address, from IP geolocation (caller-supplied enrichment).'),
  city: z.string().optional().describe('City of the IP address, from IP geolocation (caller-supplied enrichment).'),
  lat: z
    .number()
    .min(-90)
    .max(90)
    .optional()
    .describe('Latitude of the IP geolocation in decimal degrees (caller-supplied enrichment), used for distances and travel speed.'),
  lon: z
    .number()
    .min(-180)
    .max(180)
    .optional()
    .describe('Longitude of the IP geolocation in decimal degrees (caller-supplied enrichment), used for distances and travel speed.'),
  asn: z.number().int().nonnegative().optional().describe('Autonomous system number of the IP address (caller-supplied enrichment), e.g. 7922.'),
  asnOrg: z
    .string()
    .optional()
    .describe(
      'Organisation that holds the autonomous system, e.g. an ISP, hosting or VPN company (caller-supplied enrichment); also matched against VPN provider names.',
    ),
  isHosting: z.boolean().optional().describe('Egress is a hosting or data-centre range.'),
  isVpn: z.boolean().optional().describe('True when enrichment says the IP address is a commercial VPN exit; false when it says it is not.'),
  isProxy: z.boolean().optional().describe('True when enrichment says the IP address is an open or anonymizing proxy.'),
  isResidentialProxy: z
    .boolean()
    .optional()
    .describe('True when enrichment says the IP address belongs to a residential-proxy network (traffic relayed through home connections).'),
  isTor: z.boolean().optional().describe('True when the IP address is a Tor exit node.'),
  vpnProvider: z.string().optional().describe('VPN provider name from enrichment, e.g. Astrill.'),
  openPorts: z.array(z.number().int().min(0).max(65535)).optional().describe('Open ports found by a scan of the egress IP.'),
  services: unorderedStrings(z.string()).optional().describe('Service banners found by a scan, e.g. pikvm, rdp, vnc.'),
  ...networkEnrichmentDetailShape,
}).describe('Caller-supplied enrichment of the IP address (geolocation, ASN, anonymizer flags, scan results); the library bundles no IP database.');

/** A sign-in or session on an account. */
export const sessionEventSchema = recordObject({
  ...eventBase,
  type: z.literal('session').describe('Event type: a sign-in to, or session on, an account.'),
  end: dateTimeSchema.optional().describe('When the session ended; omitted while still open.'),
  accountId: z.string().optional().describe('The account signed in to (e.g. IdP user id or username); activity on different accounts is kept apart.'),
  ip: ipAddressSchema.optional().describe('Egress IP address of the sign-in (IPv4 or IPv6), as the identity provider or VPN logged it.'),
  network: networkEnrichmentSchema.optional().describe('Caller-supplied enrichment of the egress IP address.'),
  deviceId: z.string().optional().describe('Identifier of the device used, as the identity provider or device management reported it.'),
  deviceManaged: z.boolean().optional().describe('False for personal or unmanaged devices.'),
  deviceCompliant: z
    .boolean()
    .optional()
    .describe("Whether the device met the organisation's compliance policy at sign-in (e.g. Intune or Jamf compliance); false for non-compliant."),
  virtualDesktop: z.boolean().optional().describe('True when the session ran in a virtual desktop.'),
  userAgent: longTextSchema().optional().describe('User-agent string of the client, as logged.'),
  mfaDeviceId: z.string().optional().describe('The MFA device that approved the sign-in.'),
  remoteAccessSoftware: unorderedStrings(z.string()).optional().describe('Remote-access software seen running during the session.'),
  result: z
    .enum(['success', 'failure'])
    .optional()
    .describe('Outcome of the sign-in: success, or failure (failed sign-ins are not counted as activity). Omitted means success.'),
  ...sessionDetailShape,
}).superRefine(endNotBeforeStart('at', 'end'));

/** Logged hours cannot exceed the hours between the start and the end of their period. */
function hoursWithinPeriod(record: { at: string; end: string; hours: number }, ctx: z.core.$RefinementCtx<unknown>): void {
  const periodHours = (Date.parse(record.end) - Date.parse(record.at)) / 3_600_000;
  if (periodHours >= 0 && record.hours > periodHours) {
    ctx.addIssue({ code: 'custom', path: ['hours'], message: `is more than the ${periodHours} hours between at and end` });
  }
}

/** Hours logged for a period (timesheet, freelance work diary). */
export const worklogEventSchema = recordObject({
  ...eventBase,
  type: z.literal('worklog').describe('Event type: hours logged for a period (timesheet or freelance work diary); at is the start of the period.'),
  end: dateTimeSchema.describe('End of the logged period.'),
  hours: z.number().nonnegative().describe('Hours logged or billed for the period; decimal hours (1.5 = 90 minutes).'),
  accountId: z.string().optional().describe('Account the hours were logged under, e.g. a freelance-platform or time-tracking user.'),
  engagement: z.string().optional().describe('The contract or engagement the hours were billed to.'),
})
  .superRefine(endNotBeforeStart('at', 'end'))
  .superRefine(hoursWithinPeriod);

/** A payment made to the subject. */
export const paymentEventSchema = recordObject({
  ...eventBase,
  type: z.literal('payment').describe('Event type: a payment made to the subject (payroll, invoice or platform payout).'),
  amount: z.number().describe('Amount paid, in the currency given, in major units (e.g. 1250.50).'),
  currency: z.string().length(3).describe('ISO 4217 currency code of the amount, e.g. USD.'),
  method: z
    .enum(['bank', 'payment-platform', 'crypto', 'money-service', 'check', 'other'])
    .optional()
    .describe(
      'How the money was sent: bank (transfer to a bank account), payment-platform (e.g. Payoneer, PayPal, Wise), crypto (to a wallet), money-service (money transmitter or remittance business), check, other.',
    ),
  payeeName: z
    .string()
    .optional()
    .describe("Name of the account holder who received the payment, as the bank or platform reported it; compared with the person's names."),
  destinationCountry: countryCodeSchema
    .optional()
    .describe('ISO 3166-1 alpha-2 country of the receiving account, compared with the claimed residence; never scored by itself.'),
  platform: z.string().optional().describe('Payment platform or money-service business used, e.g. Payoneer.'),
  accountNumber: z.string().optional().describe('Receiving bank account number, or a keyed hash of it.'),
  iban: z.string().optional().describe('Receiving IBAN (International Bank Account Number), or a keyed hash of it.'),
  walletAddress: z.string().optional().describe('Receiving cryptocurrency wallet address.'),
});

/** An access to data: read, download, clone, export, push... */
export const dataAccessEventSchema = recordObject({
  ...eventBase,
  type: z.literal('data-access').describe('Event type: an access to data (read, download, clone, export, push...).'),
  resource: longTextSchema().min(1).describe('What was accessed: repository, share, document, dataset.'),
  project: z.string().optional().describe('Project the resource belongs to.'),
  tags: unorderedStrings(z.string()).optional().describe('Sensitivity or technology tags, e.g. energy, military, nuclear, construction, export-controlled.'),
  action: z
    .enum(['read', 'download', 'clone', 'export', 'upload', 'push', 'copy', 'print', 'sync', 'modify'])
    .describe(
      'What was done: read (viewed), download, clone (a repository), export (from an application), upload, push (to a remote repository), copy (to another location), print, sync (by a sync client), modify (changed files; see files).',
    ),
  volumeBytes: z.number().nonnegative().optional().describe('Volume of data moved, in bytes.'),
  itemCount: z.number().int().nonnegative().optional().describe('Number of items (files, records, documents) accessed in the event.'),
  destination: recordObject({
    kind: z
      .enum(['corporate', 'personal-repo', 'personal-cloud', 'removable-media', 'personal-email', 'unknown'])
      .describe(
        'Kind of destination: corporate (a company-controlled system), personal-repo (a personal code repository, e.g. a personal GitHub account), personal-cloud (personal cloud storage), removable-media (USB drive or similar), personal-email (a personal mailbox), unknown.',
      ),
    host: z.string().optional().describe('Host name of the destination, e.g. github.com or drive.google.com; checked against allowed hosts.'),
    url: longTextSchema().optional().describe('Full URL of the destination, e.g. the personal repository.'),
    ...destinationDetailShape,
  })
    .optional()
    .describe('Where the data went, for pushes, uploads and syncs.'),
  files: unorderedStrings(longTextSchema()).optional().describe('Paths changed, for modify events (CI/CD and dependency manifests matter).'),
  ...dataAccessDetailShape,
  network: networkEnrichmentSchema.optional().describe('Caller-supplied enrichment of the IP address the access came from.'),
});

/** A security-tool detection on a device or account. */
export const securityEventSchema = recordObject({
  ...eventBase,
  type: z.literal('security').describe('Event type: a detection by a security tool (EDR, MDM, DLP, network monitoring) on a device or account.'),
  category: z
    .enum([
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
      'extortion',
      'other',
    ])
    .describe(
      'What was detected: remote-access-tool (remote-control software such as AnyDesk or TeamViewer), ip-kvm (an IP-KVM or similar remote-control hardware), usb-device (an unexpected USB device), single-board-computer (e.g. a Raspberry Pi attached), unauthorized-software (software outside policy), malware, port-scan, exploit-attempt, credential-harvest (attempts to collect credentials), cookie-theft (session-cookie theft), privilege-escalation, extortion (an extortion or data-ransom demand that security, legal or law enforcement tied to the person or their accounts, e.g. a threat to leak data after termination), other.',
    ),
  severity: z
    .enum(['low', 'medium', 'high', 'critical'])
    .optional()
    .describe('Severity as the security tool rated it; omitted when the tool gives none (such detections still count).'),
  deviceId: z
    .string()
    .optional()
    .describe('Identifier of the device the detection was made on; matched with shipments[].deviceId to time detections after delivery.'),
  software: z.string().optional().describe('Software name as the tool reported it.'),
  usbId: z.string().optional().describe('USB vendor:product id, e.g. 1d6b:0104.'),
  deviceName: z.string().optional().describe('USB product string or EDID monitor name.'),
  detail: noteSchema().optional().describe('Free-text detail from the security tool, e.g. the rule name or process path.'),
});

/** A managed device checking in with device management. */
export const deviceCheckinEventSchema = recordObject({
  ...eventBase,
  type: z.literal('device-checkin').describe('Event type: a managed device checking in with device management (MDM/EDR).'),
  deviceId: z.string().min(1).describe('Identifier of the device in device management; matches shipments[].deviceId and session deviceId.'),
  serial: z.string().optional().describe('Hardware serial number the device reported; compared with the serial of the device shipped.'),
  ip: ipAddressSchema.optional().describe('Public IP address the device checked in from (IPv4 or IPv6).'),
  network: networkEnrichmentSchema.optional().describe('Caller-supplied enrichment of the check-in IP address.'),
  managed: z.boolean().optional().describe('Whether the device is enrolled in device management; false for a personal or unenrolled device.'),
  compliant: z.boolean().optional().describe("Whether the device met the organisation's compliance policy at check-in."),
  ...deviceCheckinDetailShape,
});

/** A request for, attempt at, or grant of a privilege. */
export const privilegeEventSchema = recordObject({
  ...eventBase,
  type: z.literal('privilege').describe('Event type: a request for, attempt at, or grant of a privilege.'),
  privilege: z
    .enum(['admin', 'publish', 'sign', 'pipeline', 'repo-admin', 'multisig-signer', 'secrets', 'other'])
    .describe(
      'Which privilege: admin (administrator rights on a system), publish (releasing packages or builds), sign (code or release signing), pipeline (changing CI/CD pipelines), repo-admin (repository administration), multisig-signer (signer on a multi-signature wallet), secrets (access to secrets or keys), other.',
    ),
  action: z
    .enum(['request', 'attempt', 'grant'])
    .describe('request (asked for it, e.g. an access ticket), attempt (tried to use or obtain it directly), grant (it was given).'),
  resource: z.string().optional().describe('The system, repository, package or wallet the privilege applies to.'),
  granted: z.boolean().optional().describe('Whether the request or attempt succeeded; an attempt not marked true counts as failed.'),
  ...privilegeDetailShape,
});

/** A message exchanged with the subject (reply times tell a rhythm). */
export const messageEventSchema = recordObject({
  ...eventBase,
  type: z.literal('message').describe('Event type: a message exchanged with the subject; only the time and direction are used, never the content.'),
  direction: z.enum(['from-subject', 'to-subject']).describe('from-subject (sent by the subject, e.g. a reply) or to-subject (sent to the subject).'),
  channel: z.string().optional().describe('Channel the message went through, e.g. email, slack, platform chat.'),
});

/** A change the subject made to their own account or profile details. */
export const profileChangeEventSchema = recordObject({
  ...eventBase,
  type: z.literal('profile-change').describe('Event type: a change the subject made to their own account or profile details.'),
  field: z
    .enum(['name', 'handle', 'email', 'phone', 'photo', 'payout', 'address'])
    .describe('Which detail changed: display or legal name, handle (username), e-mail, phone, photo, payout (payment destination), address.'),
  platform: z.string().optional().describe('Platform or system where the change was made, e.g. github, upwork, hris.'),
  from: longTextSchema().optional().describe('Value before the change, when known (may be a keyed hash for payout details).'),
  to: longTextSchema().optional().describe('Value after the change, when known (may be a keyed hash for payout details).'),
});

/** A calendar entry, for conflicts with other engagements. */
export const calendarEventSchema = recordObject({
  ...eventBase,
  type: z.literal('calendar').describe('Event type: a calendar entry (meeting), used to find conflicts with other engagements.'),
  end: dateTimeSchema.describe('When the calendar entry ended.'),
  attended: z.boolean().optional().describe('Whether the subject attended the meeting, when known.'),
  conflict: noteSchema().optional().describe('What the entry conflicted with, when known (e.g. another employer meeting).'),
}).superRefine(endNotBeforeStart('at', 'end'));

/** An event of a kind the library does not model, for custom indicators. */
export const customEventSchema = recordObject({
  ...eventBase,
  type: z.literal('custom').describe('Event type: an event of a kind the library does not model, for custom indicators; built-in indicators ignore it.'),
  kind: z.string().min(1).describe('The caller-defined kind of event.'),
  data: freeFormObjectSchema().optional().describe('Caller-defined payload of the custom event.'),
});

/** A second factor registered, removed or reset on an account (IdP audit log). */
export const authenticatorRegistrationEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('authenticator-registration')
    .describe(
      'Event type: an MFA authenticator registered, removed or reset on an account (Okta system.mfa.factor.*, Entra security-info audit events, Google Workspace 2SV enrolment).',
    ),
  ...authenticatorRegistrationShape,
  network: networkEnrichmentSchema.optional().describe('Caller-supplied enrichment of the registration IP address.'),
});

/** A risk detection by the identity provider, including token and session-cookie replay. */
export const identityRiskEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('identity-risk')
    .describe(
      'Event type: a risk detection by the identity provider (Entra ID Protection riskDetection, Okta ThreatInsight and session-hijack events, Google Workspace suspicious-login alerts).',
    ),
  ...identityRiskShape,
  network: networkEnrichmentSchema.optional().describe('Caller-supplied enrichment of the IP address.'),
});

/** Removable media connected to or removed from a computer, or a file copied to it. */
export const removableMediaEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('removable-media')
    .describe(
      'Event type: removable media connected or removed, or a file copied to it (Defender DeviceEvents and DeviceFileEvents, CrowdStrike device control, Jamf, DLP, osquery).',
    ),
  ...removableMediaShape,
});

/** Software installed, removed or executed on a computer. */
export const softwareEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('software')
    .describe('Event type: software installed, removed or executed on a computer (EDR process and inventory events, MDM install reports, osquery).'),
  ...softwareEventShape,
});

/** A remote-access session to or from a computer, with the peer address. */
export const remoteAccessSessionEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('remote-access-session')
    .describe('Event type: a remote-access session into (inbound) or out of a computer (remote-access tool connection logs, RMM audit, EDR network events).'),
  ...remoteAccessSessionShape,
  peerNetwork: networkEnrichmentSchema.optional().describe('Caller-supplied enrichment of the peer IP address.'),
});

/** A visit or upload to a website, with a caller-supplied category. */
export const webEventSchema = recordObject({
  ...eventBase,
  type: z.literal('web').describe('Event type: a visit, upload or download on a website (web proxy, secure web gateway, DLP; CERT http.csv).'),
  ...webShape,
});

/** An e-mail the subject sent: counts and sizes only, never the content. */
export const emailEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('email')
    .describe(
      'Event type: an e-mail the subject sent, with recipient and attachment counts (mail gateway, Microsoft 365 message trace, Google Workspace Gmail logs, DLP; CERT email.csv). Never the content.',
    ),
  ...emailShape,
});

/** A print job. */
export const printEventSchema = recordObject({
  ...eventBase,
  type: z.literal('print').describe('Event type: a print job (print server, Microsoft 365 or DLP print audit).'),
  ...printShape,
});

/** A merge, protected-branch push, deployment, release or pipeline change. */
export const codeChangeEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('code-change')
    .describe(
      'Event type: a change to code or its delivery: merge, direct push, deployment, release, CI/CD or protection change (GitHub and GitLab audit logs, CI/CD audit).',
    ),
  ...codeChangeShape,
});

/** A transfer anomaly that a custody or treasury platform reported. */
export const transferAnomalyEventSchema = recordObject({
  ...eventBase,
  type: z
    .literal('transfer-anomaly')
    .describe('Event type: a transfer the custody, treasury or payments platform flagged as anomalous, which the subject initiated, approved or signed.'),
  ...transferAnomalyShape,
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
  authenticatorRegistrationEventSchema,
  identityRiskEventSchema,
  removableMediaEventSchema,
  softwareEventSchema,
  remoteAccessSessionEventSchema,
  webEventSchema,
  emailEventSchema,
  printEventSchema,
  codeChangeEventSchema,
  transferAnomalyEventSchema,
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
  'authenticator-registration',
  'identity-risk',
  'removable-media',
  'software',
  'remote-access-session',
  'web',
  'email',
  'print',
  'code-change',
  'transfer-anomaly',
] as const satisfies readonly ActivityEventType[];
