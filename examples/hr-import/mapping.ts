// Maps two everyday exports onto the redflags record model:
//   - an applicant-tracking system (ATS) candidate export as CSV (applicants.csv), and
//   - identity-provider sign-in logs: Okta System Log (okta-signins.json) and Microsoft Entra
//     sign-in logs from Graph (entra-signins.json).
// Column and field names differ between vendors and tenants: adapt the constants below. Facts the
// export does not hold are left out, never guessed: a missing fact makes an indicator report
// "not evaluated", which is honest; an invented one is not.
//
// The example imports the sources relatively; in your project import from 'redflags'.
import { activityEventSchema, subjectSchema, type ActivityEvent, type Subject } from '../../src/index';

/** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (header === undefined) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), (cells[i] ?? '').trim()])));
}

/** Country names as exports spell them, to ISO 3166-1 alpha-2. Extend it for your data. */
export const countryCodes: Readonly<Record<string, string>> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  canada: 'CA',
  germany: 'DE',
  'united kingdom': 'GB',
  netherlands: 'NL',
  poland: 'PL',
  ukraine: 'UA',
  japan: 'JP',
  mexico: 'MX',
};

/** The ISO code of a country name or code, or undefined when unknown (never guessed). */
export function countryCode(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  return countryCodes[value.toLowerCase()];
}

/** Time zones of the cities in the sample. ATS exports rarely carry one; ask the candidate or your HRIS. */
export const cityTimeZones: Readonly<Record<string, string>> = {
  'chicago|US': 'America/Chicago',
  'austin|US': 'America/Chicago',
  'berlin|DE': 'Europe/Berlin',
};

/**
 * ATS timestamps such as `2025-01-06 14:03` (UTC in this export) as ISO 8601; undefined when the
 * cell is empty, in another layout, or not a real date or time (`2025-02-30`, `24:10`).
 */
export function atsTime(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h = '00', mi = '00'] = m.slice(1) as [string, string, string, string?, string?];
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const iso = `${y}-${mo}-${d}T${h}:${mi}:00Z`;
  // Date.UTC rolls 30 February over to 2 March; a date that does not survive the round trip is not real.
  return new Date(ms).toISOString() === iso.replace('Z', '.000Z') ? iso : undefined;
}

/** An amount as exports write it (`145000`, `145,000`, `$145,000.00`); undefined when it is not one. */
export function amount(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const cleaned = value.replace(/[\s,$€£]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A phone number with its formatting removed, `+` kept: `+1 (312) 555-0142` → `+13125550142`. */
function phone(value: string): string {
  return value.replace(/[^\d+]/g, '');
}

/** A US-style one-line address, `88 Commerce Blvd Unit 14, Miami, FL 33166`; anything else goes to line1. */
function oneLineAddress(value: string): { line1?: string; city?: string; region?: string; postalCode?: string; country?: string } {
  const m = /^(.+?),\s*([^,]+),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(value);
  if (m === null) return { line1: value };
  return { line1: m[1] as string, city: m[2] as string, region: m[3] as string, postalCode: m[4] as string, country: 'US' };
}

const interviewModes: Readonly<Record<string, 'video' | 'audio' | 'phone' | 'text-chat' | 'in-person'>> = {
  video: 'video',
  audio: 'audio',
  phone: 'phone',
  chat: 'text-chat',
  onsite: 'in-person',
  'in person': 'in-person',
};

/** The result of a mapping: records for redflags, and rows that could not be mapped, with why. */
export interface Mapped<T> {
  readonly records: T[];
  readonly skipped: { readonly row: number; readonly reason: string }[];
}

/**
 * Maps an ATS candidate export (one row per candidate) onto subject records. Each subject is
 * validated with the exported `subjectSchema`; a row that fails is skipped with the reason.
 */
export function applicantsFromCsv(text: string): Mapped<Subject> & { readonly dropped: { readonly row: number; readonly column: string; readonly value: string }[] } {
  const records: Subject[] = [];
  const skipped: { row: number; reason: string }[] = [];
  const dropped: { row: number; column: string; value: string }[] = [];
  csvRecords(text).forEach((r, index) => {
    const row = index + 2; // the header is row 1
    const candidateId = r['Candidate ID'];
    if (candidateId === undefined || candidateId === '') {
      skipped.push({ row, reason: 'no Candidate ID' });
      return;
    }
    const id = `cand-${candidateId}`;
    // One unreadable cell must not cost the whole candidate: the fact is left out (that check then
    // reports "not evaluated") and the cell is listed under `dropped` for someone to fix at source.
    const time = (column: string): string | undefined => {
      const value = atsTime(r[column]);
      if (value === undefined && (r[column] ?? '') !== '') dropped.push({ row, column, value: r[column] as string });
      return value;
    };
    const salary = amount(r['Desired Salary']);
    if (salary === undefined && (r['Desired Salary'] ?? '') !== '') dropped.push({ row, column: 'Desired Salary', value: r['Desired Salary'] as string });
    const country = countryCode(r['Country']);
    const city = r['City'] || undefined;
    const timeZone = city !== undefined && country !== undefined ? cityTimeZones[`${city.toLowerCase()}|${country}`] : undefined;
    const name = [r['First Name'], r['Last Name']].filter((x) => x !== undefined && x !== '').join(' ');
    const interviewAt = time('Interview Date');
    const mode = interviewModes[(r['Interview Type'] ?? '').toLowerCase()];
    const shipTo = r['Laptop Ship-To'];
    const candidate = {
      id,
      kind: r['Stage'] === 'Hired' ? 'employee' : 'applicant',
      role: r['Job Title'] || undefined,
      appliedAt: time('Applied At'),
      offerAt: time('Offer Date'),
      hiredAt: r['Stage'] === 'Hired' ? time('Start Date') : undefined,
      identity: {
        names: name !== '' ? [{ value: name, kind: 'legal', source: 'ats' }] : undefined,
        residence: { country, region: r['State/Province'] || undefined, city, timeZone, source: 'application-form' },
      },
      contacts: {
        emails: r['Email'] ? [{ address: r['Email'], source: 'application-form' }] : undefined,
        phones: r['Phone'] ? [{ number: phone(r['Phone']), source: 'application-form' }] : undefined,
      },
      employment: r['Current Company'] ? [{ id: `${id}-emp1`, organisation: r['Current Company'], role: r['Current Title'] || undefined }] : undefined,
      profiles: [
        ...(r['LinkedIn'] ? [{ id: `${id}-linkedin`, platform: 'linkedin', url: r['LinkedIn'] }] : []),
        ...(r['GitHub'] ? [{ id: `${id}-github`, platform: 'github', url: r['GitHub'], handle: r['GitHub'].split('/').pop() }] : []),
      ],
      compensation: salary !== undefined ? { rateAsked: salary, currency: r['Salary Currency'] || undefined, period: 'year' } : undefined,
      interviews:
        interviewAt !== undefined && mode !== undefined
          ? [{ id: `${id}-int1`, at: interviewAt, mode, cameraOn: r['Camera On'] === '' ? undefined : r['Camera On']?.toLowerCase() === 'yes', outcome: 'held', notes: r['Interview Notes'] || undefined }]
          : undefined,
      shipments: shipTo ? [{ id: `${id}-ship1`, address: oneLineAddress(shipTo), recipientName: name || undefined }] : undefined,
    };
    const parsed = subjectSchema.safeParse(dropUndefined(candidate));
    if (parsed.success) records.push(parsed.data);
    else skipped.push({ row, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  });
  return { records, skipped, dropped };
}

/** Removes undefined values and empty arrays, so optional fields are absent rather than undefined. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = dropUndefined(v);
  }
  return out;
}

function validEvent(candidate: unknown, skipped: { row: number; reason: string }[], row: number): ActivityEvent | undefined {
  const parsed = activityEventSchema.safeParse(dropUndefined(candidate));
  if (parsed.success) return parsed.data;
  skipped.push({ row, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  return undefined;
}

/** Okta System Log entries, as the `/api/v1/logs` API or a SIEM export returns them (subset). */
export interface OktaLogEntry {
  uuid: string;
  published: string;
  eventType: string;
  actor?: { alternateId?: string };
  client?: {
    ipAddress?: string;
    userAgent?: { rawUserAgent?: string };
    geographicalContext?: { city?: string; state?: string; country?: string; geolocation?: { lat?: number; lon?: number } };
  };
  securityContext?: { asNumber?: number; asOrg?: string; isProxy?: boolean };
  outcome?: { result?: string };
  debugContext?: { debugData?: Record<string, string | undefined> };
}

/**
 * Maps Okta `user.session.start` entries onto session events. `subjectIdOf` maps the login to a
 * subject id (from your HRIS); sign-ins of unknown logins are skipped, not guessed.
 */
export function sessionsFromOkta(entries: readonly OktaLogEntry[], subjectIdOf: (login: string) => string | undefined): Mapped<ActivityEvent> {
  const records: ActivityEvent[] = [];
  const skipped: { row: number; reason: string }[] = [];
  entries.forEach((e, index) => {
    if (e.eventType !== 'user.session.start') return;
    const login = e.actor?.alternateId ?? '';
    const subjectId = subjectIdOf(login);
    if (subjectId === undefined) {
      skipped.push({ row: index, reason: `no subject for login "${login}"` });
      return;
    }
    const geo = e.client?.geographicalContext;
    const debug = e.debugContext?.debugData ?? {};
    const event = validEvent(
      {
        id: `okta-${e.uuid}`,
        subjectId,
        type: 'session',
        at: e.published,
        source: 'okta',
        accountId: login,
        ip: e.client?.ipAddress,
        network: {
          country: countryCode(geo?.country),
          region: geo?.state,
          city: geo?.city,
          lat: geo?.geolocation?.lat,
          lon: geo?.geolocation?.lon,
          asn: e.securityContext?.asNumber,
          asnOrg: e.securityContext?.asOrg,
          isProxy: e.securityContext?.isProxy,
        },
        deviceId: debug['deviceId'],
        userAgent: e.client?.userAgent?.rawUserAgent,
        mfaDeviceId: debug['factorDeviceId'],
        mfa: debug['factorDeviceId'] !== undefined ? { authenticatorId: debug['factorDeviceId'] } : undefined,
        result: e.outcome?.result === 'SUCCESS' ? 'success' : 'failure',
      },
      skipped,
      index,
    );
    if (event !== undefined) records.push(event);
  });
  return { records, skipped };
}

/** Microsoft Entra sign-in log entries, as Graph `/auditLogs/signIns` returns them (subset). */
export interface EntraSignIn {
  id: string;
  createdDateTime: string;
  userPrincipalName: string;
  ipAddress?: string;
  status?: { errorCode?: number };
  location?: { city?: string; state?: string; countryOrRegion?: string; geoCoordinates?: { latitude?: number; longitude?: number } };
  deviceDetail?: { deviceId?: string; isCompliant?: boolean; isManaged?: boolean };
  autonomousSystemNumber?: number;
  appDisplayName?: string;
  isInteractive?: boolean;
  correlationId?: string;
  mfaDetail?: { authMethod?: string; authDetail?: string };
  riskLevelDuringSignIn?: string;
  riskEventTypes_v2?: string[];
}

/** Entra `mfaDetail.authMethod` labels as MFA methods of the model; anything else is `other`. */
const entraMfaMethods: Readonly<Record<string, string>> = {
  'mobile app notification': 'push',
  phoneappnotification: 'push',
  'mobile app verification code': 'totp',
  phoneappotp: 'totp',
  'oath verification code': 'totp',
  'text message': 'sms',
  onewaysms: 'sms',
  'phone call approval (authentication phone)': 'voice',
  twowayvoicemobile: 'voice',
  'fido2 security key': 'fido2',
  'windows hello for business': 'platform',
  'x.509 certificate': 'piv',
};

function entraRiskLevel(value: string | undefined): string | undefined {
  return value === 'none' || value === 'low' || value === 'medium' || value === 'high' ? value : undefined;
}

/** Maps Entra sign-ins onto session events; `subjectIdOf` maps the user principal name to a subject id. */
export function sessionsFromEntra(log: { value: readonly EntraSignIn[] }, subjectIdOf: (login: string) => string | undefined): Mapped<ActivityEvent> {
  const records: ActivityEvent[] = [];
  const skipped: { row: number; reason: string }[] = [];
  log.value.forEach((e, index) => {
    const subjectId = subjectIdOf(e.userPrincipalName);
    if (subjectId === undefined) {
      skipped.push({ row: index, reason: `no subject for login "${e.userPrincipalName}"` });
      return;
    }
    const event = validEvent(
      {
        id: `entra-${e.id}`,
        subjectId,
        type: 'session',
        at: e.createdDateTime,
        source: 'entra',
        accountId: e.userPrincipalName,
        ip: e.ipAddress,
        network: {
          country: countryCode(e.location?.countryOrRegion),
          region: e.location?.state,
          city: e.location?.city,
          lat: e.location?.geoCoordinates?.latitude,
          lon: e.location?.geoCoordinates?.longitude,
          asn: e.autonomousSystemNumber,
        },
        deviceId: e.deviceDetail?.deviceId || undefined,
        deviceManaged: e.deviceDetail?.isManaged,
        deviceCompliant: e.deviceDetail?.isCompliant,
        application: e.appDisplayName,
        // Entra logs token refreshes as non-interactive sign-ins: they are not the person signing in.
        signInKind: e.isInteractive === false ? 'token-refresh' : e.isInteractive === true ? 'interactive' : undefined,
        sessionId: e.correlationId,
        mfa:
          e.mfaDetail?.authMethod !== undefined
            ? {
                method: entraMfaMethods[e.mfaDetail.authMethod.toLowerCase()] ?? 'other',
                // authDetail names the phone (Authenticator app) or number (SMS): comparable across people.
                authenticatorId: e.mfaDetail.authDetail || undefined,
              }
            : undefined,
        riskLevel: entraRiskLevel(e.riskLevelDuringSignIn),
        riskDetections: e.riskEventTypes_v2 !== undefined && e.riskEventTypes_v2.length > 0 ? e.riskEventTypes_v2 : undefined,
        result: e.status?.errorCode === 0 ? 'success' : 'failure',
      },
      skipped,
      index,
    );
    if (event !== undefined) records.push(event);
  });
  return { records, skipped };
}
