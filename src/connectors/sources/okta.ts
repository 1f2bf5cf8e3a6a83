import { defineConnector, skip, type RecordDraft, type RowResult } from '../contract';
import { mfaMethodOf, type MfaMethod } from '../helpers/mfa';
import { sessionDraft, sessionEnd } from '../helpers/sessions';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

type Kind = 'session-start' | 'sign-in' | 'sso' | 'session-end' | 'factor' | 'risk';

const factorActions: Readonly<Record<string, 'registered' | 'removed' | 'reset'>> = /* @__PURE__ */ lookupTable({
  activate: 'registered',
  enroll: 'registered',
  deactivate: 'removed',
  reset_all: 'reset',
  reset: 'reset',
});

const riskDetections: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  'security.session.detect_client_roaming': 'session-cookie-replay',
  'security.threat.detected': 'malicious-ip',
  'user.risk.detect': 'other',
  'user.risk.change': 'other',
  'user.account.report_suspicious_activity_by_enduser': 'other',
});

function kindOf(eventType: string): Kind | undefined {
  const type = eventType.toLowerCase();
  if (type === 'user.session.start') return 'session-start';
  if (type === 'user.session.end' || type === 'user.authentication.slo') return 'session-end';
  if (type === 'user.authentication.sso') return 'sso';
  if (type.startsWith('user.authentication.')) return 'sign-in';
  if (/^(user|system)\.mfa\.factor\.(activate|enroll|deactivate|reset_all|reset)$/.test(type)) return 'factor';
  if (type in riskDetections) return 'risk';
  return undefined;
}

const riskLevels: Readonly<Record<string, 'none' | 'low' | 'medium' | 'high'>> = /* @__PURE__ */ lookupTable({
  none: 'none',
  low: 'low',
  medium: 'medium',
  high: 'high',
});

/** Okta writes `risk` as `{level=HIGH, reasons=...}` text, or as JSON inside `logOnlySecurityData`. */
function riskLevel(row: FieldReader): 'none' | 'low' | 'medium' | 'high' | undefined {
  for (const path of ['debugContext.debugData.logOnlySecurityData.risk.level', 'debugContext.debugData.risk.level']) {
    if (row.has(path)) return row.oneOf(path, riskLevels, 'not an Okta risk level');
  }
  const text = row.string('debugContext.debugData.risk');
  if (text === undefined) return undefined;
  const level = /level=(\w+)/i.exec(text)?.[1]?.toLowerCase();
  return level !== undefined ? riskLevels[level] : undefined;
}

/** Behaviours Okta evaluated as POSITIVE (`New Device`, `New Geo-Location`...), and a suspected threat. */
function detections(row: FieldReader): string[] {
  const out: string[] = [];
  for (const base of ['debugContext.debugData.logOnlySecurityData.behaviors', 'debugContext.debugData.behaviors']) {
    const object = row.object(base);
    if (object !== undefined) {
      const plain = row.raw(base) as Record<string, unknown>;
      for (const [name, value] of Object.entries(plain)) if (String(value).toUpperCase() === 'POSITIVE') out.push(name);
      continue;
    }
    const text = row.string(base);
    if (text === undefined) continue;
    // "{New Device=POSITIVE, New IP=NEGATIVE}": split on braces and commas, one pass (a regex with a
    // leading negated class rescans the text from every start position).
    for (const pair of text.split(/[{},]/)) {
      const eq = pair.lastIndexOf('=');
      if (
        eq < 0 ||
        !pair
          .slice(eq + 1)
          .toUpperCase()
          .startsWith('POSITIVE')
      )
        continue;
      const name = pair.slice(pair.lastIndexOf('=', eq - 1) + 1, eq).trim();
      if (name !== '') out.push(name.toLowerCase());
    }
  }
  if (row.boolean('debugContext.debugData.threatSuspected') === true) out.push('threatSuspected');
  return [...new Set(out)];
}

interface Targets {
  application?: string | undefined;
  user?: string | undefined;
  factorLabel?: string | undefined;
  factorName?: string | undefined;
}

function readTargets(row: FieldReader): Targets {
  const out: Targets = {};
  for (const target of row.list('target')) {
    const type = target.string('type')?.toLowerCase();
    if (type === 'appinstance') out.application ??= target.string('displayName');
    else if (type === 'user') out.user ??= target.string('alternateId');
    else if (type === 'authenticatorenrollment' || type === 'authenticator') {
      out.factorLabel ??= target.string('detailEntry.methodTypeUsed');
      out.factorName ??= target.string('displayName');
    }
    target.ignore('id', 'Okta internal id of the target');
    target.ignore('detailEntry', 'target detail other than the MFA method used');
  }
  return out;
}

function mfaMethod(row: FieldReader, targets: Targets): MfaMethod | undefined {
  for (const label of [row.string('debugContext.debugData.factor'), targets.factorLabel, row.string('authenticationContext.credentialType')]) {
    if (label === undefined) continue;
    const method = mfaMethodOf(label);
    if (method !== undefined) return method;
  }
  return undefined;
}

/** Okta's `tunnels` (anonymizing tunnels it saw in front of the client): VPN and Tor flags and the operator. */
function tunnels(row: FieldReader): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const tunnel of row.list('debugContext.debugData.tunnels')) {
    const type = tunnel.string('type')?.toUpperCase();
    tunnel.used('anonymous');
    if (type === 'VPN') {
      out['isVpn'] = true;
      out['vpnProvider'] ??= tunnel.string('operator');
    } else if (type === 'TOR') out['isTor'] = true;
    else if (type === 'PROXY') out['isProxy'] = true;
    else if (type !== undefined) tunnel.invalid('type', 'tunnel type not known to the connector');
  }
  return out;
}

function network(row: FieldReader): Record<string, unknown> {
  return {
    country: row.country('client.geographicalContext.country'),
    region: row.string('client.geographicalContext.state'),
    city: row.string('client.geographicalContext.city'),
    lat: row.number('client.geographicalContext.geolocation.lat'),
    lon: row.number('client.geographicalContext.geolocation.lon'),
    asn: row.count('securityContext.asNumber'),
    asnOrg: row.string('securityContext.asOrg') ?? row.string('securityContext.isp'),
    isProxy: row.boolean('securityContext.isProxy'),
    // A tunnel Okta saw is a positive finding; it wins over a securityContext "false".
    ...tunnels(row),
  };
}

function result(row: FieldReader): 'success' | 'failure' | 'challenge' | 'other' | undefined {
  const outcome = row.string('outcome.result')?.toUpperCase();
  if (outcome === undefined) return undefined;
  if (outcome === 'SUCCESS' || outcome === 'ALLOW') return 'success';
  if (outcome === 'FAILURE' || outcome === 'DENY') return 'failure';
  return outcome === 'CHALLENGE' ? 'challenge' : 'other';
}

function mapOkta(row: FieldReader, ctx: { source: string; subjectIdFor(account: string): string | undefined }): RowResult {
  const eventType = row.string('eventType');
  if (eventType === undefined) return skip('no eventType: not an Okta System Log event');
  const kind = kindOf(eventType);
  if (kind === undefined) return skip(`event type "${eventType}" is not mapped (not a sign-in, session end, factor or risk event)`);
  const at = row.time('published');
  if (at === undefined) return skip('no readable "published" time');
  const sessionId = row.string('authenticationContext.externalSessionId');
  if (kind === 'session-end') {
    if (sessionId === undefined) return skip(`${eventType} without authenticationContext.externalSessionId: no session to end`);
    return { sessionEnds: [sessionEnd(sessionId, at)] };
  }
  const targets = readTargets(row);
  const actor = row.string('actor.alternateId') ?? row.string('actor.id');
  const account = kind === 'factor' ? (targets.user ?? actor) : actor;
  if (account === undefined) return skip('no actor.alternateId or actor.id: no account');
  const subjectId = ctx.subjectIdFor(account);
  if (subjectId === undefined) return skip(`no subject for account "${account}"`);
  const outcome = result(row);
  if (kind !== 'factor' && kind !== 'risk' && (outcome === 'challenge' || outcome === 'other')) {
    return skip(`outcome "${row.string('outcome.result') ?? ''}" is not the result of a sign-in (the completing event is mapped)`);
  }
  const uuid = row.string('uuid');
  const id = `${ctx.source}:${uuid ?? `h${row.contentHash()}`}`;
  const ip = row.string('client.ipAddress');
  const method = mfaMethod(row, targets);
  const deviceId = row.string('device.id') ?? row.string('debugContext.debugData.deviceFingerprint') ?? row.string('debugContext.debugData.dtHash');
  // The top-level device is the registered device (Okta Verify, FastPass) that satisfied the factor: comparable across people.
  const authenticatorId = method === 'push' || method === 'platform' ? row.string('device.id') : undefined;
  const base = { id, subjectId, at, source: ctx.source, accountId: account };

  if (kind === 'factor') {
    const action = factorActions[eventType.toLowerCase().split('.').pop() as string] as 'registered' | 'removed' | 'reset';
    const draft: RecordDraft = {
      recordType: 'event',
      record: {
        ...base,
        type: 'authenticator-registration',
        action,
        method,
        authenticatorId: row.string('device.id'),
        authenticatorName: targets.factorName ?? row.string('device.name'),
        ip,
        byHelpDesk: actor !== undefined && targets.user !== undefined ? actor.toLowerCase() !== targets.user.toLowerCase() : undefined,
        network: network(row),
      },
    };
    return { records: [draft] };
  }
  if (kind === 'risk') {
    return {
      records: [
        {
          recordType: 'event',
          record: {
            ...base,
            type: 'identity-risk',
            detection: riskDetections[eventType.toLowerCase()],
            vendorDetection: eventType,
            riskLevel: riskLevel(row),
            sessionId,
            ip,
            detail: row.string('outcome.reason') ?? row.string('displayMessage'),
            network: network(row),
          },
        },
      ],
    };
  }
  const found = detections(row);
  const session = {
    ...base,
    type: 'session',
    ip,
    network: network(row),
    deviceId,
    deviceManaged: row.boolean('device.managed'),
    userAgent: row.string('client.userAgent.rawUserAgent'),
    mfaDeviceId: authenticatorId,
    result: outcome,
    failureReason: outcome === 'failure' ? row.string('outcome.reason') : undefined,
    application: targets.application,
    signInKind: kind === 'sso' ? 'non-interactive' : 'interactive',
    sessionId,
    mfa:
      method !== undefined && method !== 'none'
        ? { method, authenticatorId, approvedAt: kind === 'sign-in' && outcome === 'success' ? at : undefined, satisfiedBy: 'this-sign-in' }
        : undefined,
    riskLevel: riskLevel(row),
    riskDetections: found.length > 0 ? found : undefined,
  };
  return { records: [sessionDraft(session, kind === 'session-start' ? sessionId : undefined)] };
}

/**
 * Okta System Log: sign-ins (`user.session.start`, `user.authentication.*`) as session events,
 * with the end from `user.session.end` (matched by `authenticationContext.externalSessionId`);
 * factor enrolment and resets as authenticator registrations; session roaming, ThreatInsight
 * and user-risk events as identity-risk events. Reads the API shape (`/api/v1/logs`), event-hook
 * deliveries (`data.events[]`), NDJSON, and flattened or lower-case SIEM exports.
 */
export const oktaConnector = defineConnector({
  id: 'okta',
  title: 'Okta System Log',
  docs: [
    { title: 'Okta System Log API: LogEvent object', url: 'https://developer.okta.com/docs/reference/api/system-log/' },
    { title: 'Okta event types', url: 'https://developer.okta.com/docs/reference/api/event-types/' },
    { title: 'Okta event hooks (delivery shape data.events)', url: 'https://developer.okta.com/docs/concepts/event-hooks/' },
  ],
  format: 'json',
  wrappers: ['data.events', 'value', 'records', 'items'],
  ignored: {
    version: 'schema version of the log event',
    severity: 'Okta severity of the log line; the outcome is read instead',
    legacyEventType: 'older name of eventType',
    displayMessage: 'human-readable text of eventType (used as detail of risk events only)',
    transaction: 'request transaction (id, type, detail): correlates log lines, not a fact about the person',
    'request.ipChain': 'proxy chain of the request; client.ipAddress is the address the person used',
    'client.userAgent.os': 'derived from rawUserAgent, which is kept',
    'client.userAgent.browser': 'derived from rawUserAgent, which is kept',
    'client.id': 'OAuth client id of the calling application',
    'client.device': 'device class (Computer, Mobile) derived from the user agent',
    'client.zone': 'Okta network zone name; corporate egress ranges belong in reference.organisation.corporateEgress',
    'client.geographicalContext.postalCode': 'postal code of the IP geolocation: finer than the model keeps',
    'securityContext.domain': 'reverse-DNS domain of the IP: the network enrichment has no field for it',
    'securityContext.isp': 'ISP name: the model keeps the AS organisation (asOrg), and uses isp only when asOrg is absent',
    'actor.displayName': 'display name: names come from HR data onto the subject',
    'actor.type': 'actor kind (User for sign-ins)',
    'actor.id': 'Okta user id: the login (alternateId) is the account',
    'actor.detailEntry': 'extra actor detail',
    'authenticationContext.authenticationProvider': 'which Okta component authenticated (OKTA_AUTHENTICATION_PROVIDER, FACTOR_PROVIDER...)',
    'authenticationContext.credentialProvider': 'credential provider; the factor is read from debugData.factor and the target',
    'authenticationContext.credentialType': 'read for the MFA method when it names one (OTP, SMS, EMAIL...), else left',
    'authenticationContext.issuer': 'token issuer',
    'authenticationContext.interface': 'client interface',
    'authenticationContext.authenticationStep': 'step counter, always 0',
    'authenticationContext.rootSessionId': 'root session id; externalSessionId is the session',
    'debugContext.debugData.requestId': 'request id: correlates log lines',
    'debugContext.debugData.deviceFingerprint': 'browser fingerprint: read as the device id when the event has no top-level device',
    'debugContext.debugData.dtHash': 'device-token hash: read as the device id when there is neither a top-level device nor a fingerprint',
    'debugContext.debugData.requestUri': 'request path',
    'debugContext.debugData.url': 'request URL',
    'debugContext.debugData.authnRequestId': 'authentication request id: correlates log lines',
    'device.name': 'device name (used as the authenticator name of factor events)',
    'device.os_platform': 'device posture at sign-in: session events have no OS field; device check-ins carry it',
    'device.os_version': 'device posture at sign-in: session events have no OS field; device check-ins carry it',
    'device.registered': 'device posture at sign-in',
    'device.device_integrator': 'device posture at sign-in',
    'device.disk_encryption_type': 'device posture at sign-in: device check-ins carry encryption',
    'device.screen_lock_type': 'device posture at sign-in',
    'device.secure_hardware_present': 'device posture at sign-in',
    'device.jailbreak': 'device posture at sign-in',
  },
  detect: (row) => row.has('eventType') && row.has('published'),
  mapRow: mapOkta,
});
