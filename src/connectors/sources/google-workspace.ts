import { defineConnector, skip, type RecordDraft, type RowResult, type SessionEnd } from '../contract';
import { mfaMethodOf, type MfaMethod } from '../helpers/mfa';
import { accountIpSessionKey, sessionDraft, sessionEnd } from '../helpers/sessions';
import { parseNumber } from '../helpers/values';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

/** Google login-audit risk events to the model's detections. */
const riskEvents: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  suspicious_login: 'unfamiliar-sign-in',
  suspicious_login_less_secure_app: 'unfamiliar-sign-in',
  suspicious_programmatic_login: 'unfamiliar-sign-in',
  account_disabled_password_leak: 'leaked-credentials',
  account_disabled_hijacked: 'other',
  account_disabled_spamming: 'other',
  gov_attack_warning: 'other',
});

/** A parameter of a Reports API event: `{ name, value | intValue | boolValue | multiValue[] }`. */
interface Parameter {
  readonly reader: FieldReader;
}

function parameters(event: FieldReader): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const reader of event.list('parameters')) {
    const name = reader.string('name');
    if (name !== undefined) out.set(name.toLowerCase(), { reader });
  }
  return out;
}

function text(params: Map<string, Parameter>, name: string): string | undefined {
  const p = params.get(name)?.reader;
  return p?.string('value') ?? p?.string('intValue');
}

function flag(params: Map<string, Parameter>, name: string): boolean | undefined {
  const p = params.get(name)?.reader;
  if (p === undefined) return undefined;
  return p.has('boolValue') ? p.boolean('boolValue') : p.boolean('value');
}

function list(params: Map<string, Parameter>, name: string): string[] | undefined {
  const p = params.get(name)?.reader;
  if (p === undefined) return undefined;
  return p.strings('multiValue') ?? p.strings('value');
}

/** The second factor of a login: the first challenge method that names one (`password` alone is single factor). */
function mfaOf(methods: readonly string[] | undefined): { method: MfaMethod } | undefined {
  if (methods === undefined) return undefined;
  for (const label of methods) {
    const method = mfaMethodOf(label);
    if (method !== undefined) return { method };
  }
  return methods.some((m) => m.toLowerCase() === 'password') ? { method: 'none' } : { method: 'other' };
}

function mapGoogle(row: FieldReader, ctx: { source: string; subjectIdFor(account: string): string | undefined }): RowResult {
  const application = row.string('id.applicationName');
  if (application !== undefined && application.toLowerCase() !== 'login') return skip(`application "${application}" is not the login audit`);
  const at = row.time('id.time');
  if (at === undefined) return skip('no readable id.time');
  const account = row.string('actor.email') ?? row.string('actor.profileId');
  if (account === undefined) return skip('no actor.email or actor.profileId: no account');
  const subjectId = ctx.subjectIdFor(account);
  if (subjectId === undefined) return skip(`no subject for account "${account}"`);
  const ip = row.string('ipAddress');
  const unique = row.string('id.uniqueQualifier') ?? `h${row.contentHash()}`;
  const network = {
    country: row.country('networkInfo.regionCode'),
    region: row.string('networkInfo.subdivisionCode'),
    // ipAsn is a list; the first is the address's own AS.
    asn: parseNumber(row.strings('networkInfo.ipAsn')?.[0]),
  };
  const records: RecordDraft[] = [];
  const sessionEnds: SessionEnd[] = [];
  const unmappedEvents: string[] = [];
  const events = row.list('events');
  events.forEach((event, index) => {
    const name = event.string('name')?.toLowerCase();
    event.ignore('type', 'event group (login, account_warning...): the name is read');
    const params = parameters(event);
    const id = `${ctx.source}:${unique}${events.length > 1 ? `:${index}` : ''}`;
    const base = { id, subjectId, at, source: ctx.source, accountId: account };
    const key = accountIpSessionKey(account, ip);
    if (name === 'login_success' || name === 'login_failure' || name === 'login_verification') {
      const failed = name === 'login_failure' || (name === 'login_verification' && /fail/i.test(text(params, 'login_challenge_status') ?? ''));
      const suspicious = flag(params, 'is_suspicious');
      const loginType = text(params, 'login_type');
      records.push(
        sessionDraft(
          {
            ...base,
            type: 'session',
            ip,
            network,
            result: failed ? 'failure' : 'success',
            failureReason: failed ? text(params, 'login_failure_type') : undefined,
            application: loginType !== undefined && loginType.toLowerCase() === 'saml' ? 'saml' : undefined,
            signInKind: 'interactive',
            mfa: mfaOf(list(params, 'login_challenge_method')),
            riskDetections: suspicious === true ? ['is_suspicious'] : undefined,
          },
          name === 'login_success' ? key : undefined,
        ),
      );
      if (name !== 'login_verification') params.get('login_challenge_status')?.reader.ignore('value', 'challenge status of a login event');
      params.get('is_second_factor')?.reader.ignore('boolValue', 'whether the challenge was a second factor; the method says it');
      params.get('login_timestamp')?.reader.ignore('intValue', 'login time in microseconds; id.time is read');
      params.get('affected_email_address')?.reader.ignore('value', 'address the event concerns (the actor for logins)');
      for (const p of params.values()) p.reader.used('name');
      return;
    }
    if (name === 'logout') {
      sessionEnds.push(sessionEnd(key, at));
      for (const p of params.values()) p.reader.used('name');
      return;
    }
    if (name === '2sv_enroll' || name === '2sv_disable') {
      records.push({
        recordType: 'event',
        record: { ...base, type: 'authenticator-registration', action: name === '2sv_enroll' ? 'registered' : 'removed', ip, network },
      });
      return;
    }
    if (name !== undefined && riskEvents[name] !== undefined) {
      records.push({
        recordType: 'event',
        record: { ...base, type: 'identity-risk', detection: riskEvents[name], vendorDetection: name, ip, network },
      });
      for (const p of params.values()) p.reader.ignore('', 'parameter of a risk event: the event name is the detection');
      return;
    }
    unmappedEvents.push(name ?? '(no name)');
  });
  if (records.length === 0 && sessionEnds.length === 0) {
    return skip(
      events.length === 0
        ? 'no events in the activity'
        : `event "${unmappedEvents.join('", "')}" is not mapped (not a login, logout, 2-step enrolment or login risk event)`,
    );
  }
  return { records, sessionEnds };
}

/**
 * Google Workspace login audit (Admin SDK Reports API, `applicationName=login`): logins as
 * session events, ended by the same account's next `logout` from the same IP; 2-step
 * verification enrolment as authenticator registrations; suspicious-login and leaked-password
 * events as identity-risk events. Reads the API's `{ items: [...] }` pages, arrays and NDJSON.
 */
export const googleWorkspaceConnector = defineConnector({
  id: 'google-workspace',
  title: 'Google Workspace login audit',
  docs: [
    { title: 'Reports API: activities.list (Activity resource)', url: 'https://developers.google.com/admin-sdk/reports/reference/rest/v1/activities/list' },
    { title: 'Reports API: login audit activity events', url: 'https://developers.google.com/admin-sdk/reports/v1/appendix/activity/login' },
    { title: 'Reports API: login activity report guide', url: 'https://developers.google.com/admin-sdk/reports/v1/guides/manage-audit-login' },
  ],
  format: 'json',
  wrappers: ['items', 'value', 'records', 'data.events'],
  ignored: {
    kind: 'resource kind (admin#reports#activity)',
    etag: 'resource version tag',
    ownerDomain: 'domain of the account owner',
    'id.customerId': 'Google Workspace customer id',
    'id.applicationName': 'always login for this connector',
    'actor.callerType': 'USER or KEY',
    'actor.key': 'caller key for non-user callers',
    'actor.profileId': 'Google profile id: the e-mail is the account (used when there is none)',
  },
  detect: (row) => row.has('id.applicationName') || row.has('events'),
  mapRow: mapGoogle,
});
