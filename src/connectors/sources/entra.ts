import { defineConnector, skip, type RowResult } from '../contract';
import { mfaMethodOf, type MfaMethod } from '../helpers/mfa';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

type SignInKind = 'interactive' | 'token-refresh' | 'non-interactive' | 'service';

/** Log Analytics / Event Hub `category` (and Graph beta `signInEventTypes`) to the kind of sign-in. */
const kinds: Readonly<Record<string, SignInKind>> = /* @__PURE__ */ lookupTable({
  signinlogs: 'interactive',
  interactiveuser: 'interactive',
  noninteractiveusersigninlogs: 'token-refresh',
  noninteractiveuser: 'token-refresh',
  serviceprincipalsigninlogs: 'service',
  serviceprincipal: 'service',
  managedidentitysigninlogs: 'service',
  managedidentity: 'service',
});

const riskLevels: Readonly<Record<string, 'none' | 'low' | 'medium' | 'high'>> = /* @__PURE__ */ lookupTable({
  none: 'none',
  low: 'low',
  medium: 'medium',
  high: 'high',
});

/**
 * The Event Hub and diagnostic-settings envelope (`{ time, category, properties: {...} }`):
 * the sign-in is under `properties`; the envelope's own fields repeat it (`location` there is the
 * Azure region, not the sign-in's).
 */
function signInOf(row: FieldReader): { signIn: FieldReader; envelope: boolean } {
  const properties = row.object('properties');
  if (properties !== undefined && (properties.has('createdDateTime') || properties.has('id') || properties.has('userPrincipalName'))) {
    return { signIn: properties, envelope: true };
  }
  return { signIn: row, envelope: false };
}

function kindOf(row: FieldReader, signIn: FieldReader): SignInKind | undefined {
  const types = signIn.strings('signInEventTypes');
  if (types !== undefined) {
    for (const type of types) {
      const kind = kinds[type.toLowerCase()];
      if (kind !== undefined) return kind;
    }
  }
  for (const reader of [row, signIn]) {
    const category = reader.string('category');
    if (category !== undefined && kinds[category.toLowerCase()] !== undefined) return kinds[category.toLowerCase()];
  }
  const interactive = signIn.boolean('isInteractive');
  // Entra logs silent token renewals as non-interactive sign-ins: not the person signing in.
  return interactive === undefined ? undefined : interactive ? 'interactive' : 'token-refresh';
}

interface Mfa {
  method?: MfaMethod | undefined;
  authenticatorId?: string | undefined;
  approvedAt?: string | undefined;
  satisfiedBy?: 'this-sign-in' | 'token' | 'previously-satisfied' | undefined;
}

/** The second factor: the first successful non-password step of authenticationDetails, else mfaDetail. */
function mfaOf(signIn: FieldReader): Mfa | undefined {
  const appDevice = signIn.string('authenticationAppDeviceDetails.deviceId');
  let found: Mfa | undefined;
  for (const step of signIn.list('authenticationDetails')) {
    step.ignore('authenticationStepRequirement', 'which requirement the step met (primary or MFA)');
    if (found !== undefined) {
      step.ignore('', 'authentication step after the second factor');
      continue;
    }
    const label = step.string('authenticationMethod');
    const succeeded = step.boolean('succeeded');
    const detail = step.string('authenticationStepResultDetail');
    const method = label !== undefined ? mfaMethodOf(label) : undefined;
    if (label !== undefined && succeeded !== false && label.toLowerCase() === 'previously satisfied') {
      found = { satisfiedBy: 'previously-satisfied', approvedAt: step.time('authenticationStepDateTime') };
    } else if (method !== undefined && succeeded !== false) {
      found = {
        method,
        // The Authenticator app's device id is comparable across people; the method detail (a masked phone number) is the fallback.
        authenticatorId: (method === 'push' || method === 'platform' ? appDevice : undefined) ?? step.string('authenticationMethodDetail'),
        approvedAt: step.time('authenticationStepDateTime'),
        satisfiedBy: detail !== undefined && /claim in the token/i.test(detail) ? 'token' : 'this-sign-in',
      };
    }
    step.ignore('', 'authentication step that is not the second factor (password, failed attempt)');
  }
  if (found !== undefined) return found;
  const authMethod = signIn.string('mfaDetail.authMethod');
  if (authMethod !== undefined) {
    const method = mfaMethodOf(authMethod);
    return { method: method ?? 'other', authenticatorId: signIn.string('mfaDetail.authDetail') };
  }
  return undefined;
}

/** Entra fields left out on purpose, with why (also applied under an Event Hub envelope's properties). */
const entraIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  userDisplayName: 'display name: names come from HR data onto the subject',
  userId: 'object id of the user: the UPN is the account (used only when the UPN is absent)',
  appId: 'application id: appDisplayName is kept',
  resourceDisplayName: 'resource (API) the token is for',
  resourceId: 'resource (API) id',
  resourceTenantId: 'tenant of the resource',
  homeTenantId: 'home tenant of the user',
  tenantId: 'tenant id',
  clientAppUsed: 'client protocol (Browser, Mobile Apps and Desktop clients, IMAP...)',
  conditionalAccessStatus: 'Conditional Access result: a policy outcome, not a fact about the person',
  appliedConditionalAccessPolicies: 'policies evaluated',
  ConditionalAccessPolicies: 'policies evaluated (Log Analytics name)',
  AppliedEventListeners: 'event listeners triggered',
  'status.additionalDetails': 'free-text detail of the status',
  'status.failureReason': 'read for failed sign-ins; successful ones carry a placeholder ("Other.")',
  Location: 'country code repeated from LocationDetails (read when LocationDetails has none)',
  ResultType: 'error code repeated from status.errorCode (read when status is absent)',
  'deviceDetail.displayName': 'device name',
  'deviceDetail.operatingSystem': 'OS of the client: session events have no OS field; device check-ins carry it',
  'deviceDetail.browser': 'browser of the client, derived from the user agent',
  'deviceDetail.trustType': 'join type (Azure AD joined, registered)',
  'location.geoCoordinates.altitude': 'altitude of the IP geolocation',
  'locationDetails.geoCoordinates.altitude': 'altitude of the IP geolocation',
  riskDetail: 'why the risk state was set (remediation detail)',
  riskLevelAggregated: "aggregated user risk; riskLevelDuringSignIn is the sign-in's",
  riskState: 'review state of the user risk',
  correlationId: 'request correlation id, used as sessionId only when there is no sessionId',
  originalRequestId: 'request id, used as the record id only when there is no id',
  authenticationRequirement: 'whether MFA was required: what happened is read from authenticationDetails',
  authenticationRequirementPolicies: 'policies that set the requirement',
  authenticationProtocol: 'protocol (oAuth2, saml20, deviceCode...)',
  authenticationProcessingDetails: 'processing detail (legacy TLS, root key type...)',
  authenticationMethodsUsed: 'methods summarised; authenticationDetails is read step by step',
  authenticationContextClassReferences: 'authentication contexts requested',
  'authenticationAppDeviceDetails.appVersion': 'Authenticator app version',
  'authenticationAppDeviceDetails.clientApp': 'Authenticator app name',
  'authenticationAppDeviceDetails.operatingSystem': 'OS of the authenticator phone',
  incomingTokenType: 'token type presented',
  tokenIssuerType: 'token issuer (AzureAD, ADFederationServices)',
  tokenIssuerName: 'token issuer name',
  uniqueTokenIdentifier: 'token id',
  processingTimeInMilliseconds: 'processing time',
  crossTenantAccessType: 'cross-tenant access',
  isTenantRestricted: 'tenant restriction',
  isInteractive: 'read only when neither signInEventTypes nor the category says the kind of sign-in',
  signInIdentifier: 'identifier typed at sign-in',
  signInIdentifierType: 'kind of identifier typed',
  servicePrincipalId: 'workload identity',
  servicePrincipalName: 'workload identity',
  flaggedForReview: 'admin review flag',
  networkLocationDetails: 'named-location labels of the IP (trusted or not) as the tenant configured them',
  sessionLifetimePolicies: 'session lifetime policies applied',
  mfaDetail: 'read only when authenticationDetails has no second factor',
  TimeGenerated: 'Log Analytics ingestion time; createdDateTime is the sign-in',
  SourceSystem: 'Log Analytics source',
  Type: 'Log Analytics table name',
  OperationName: 'Log Analytics operation name',
  OperationVersion: 'Log Analytics operation version',
  Category: 'read for the kind of sign-in',
  ResultSignature: 'Log Analytics result signature',
  ResultDescription: 'read as failureReason only when status.failureReason is absent',
  DurationMs: 'duration of processing',
  Identity: 'display name of the user',
  Level: 'log level',
  Resource: 'Log Analytics resource',
  ResourceGroup: 'Log Analytics resource group',
  ResourceProvider: 'Log Analytics resource provider',
  AlternateSignInName: 'alternate sign-in name (phone number sign-in)',
  UserType: 'Member or Guest',
  globalSecureAccessIpAddress: 'Global Secure Access egress',
  ipAddressFromResourceProvider: 'IP address seen by the resource provider',
});

function mapEntra(row: FieldReader, ctx: { source: string; subjectIdFor(account: string): string | undefined }): RowResult {
  const { signIn, envelope } = signInOf(row);
  const at = signIn.time('createdDateTime') ?? (envelope ? row.time('time') : signIn.time('TimeGenerated'));
  const account = signIn.string('userPrincipalName') ?? signIn.string('userId');
  const kind = kindOf(row, signIn);
  if (account === undefined) {
    return skip(
      kind === 'service' ? 'workload-identity sign-in (service principal or managed identity): not a person' : 'no userPrincipalName or userId: no account',
    );
  }
  if (at === undefined) return skip('no readable createdDateTime');
  const subjectId = ctx.subjectIdFor(account);
  if (subjectId === undefined) return skip(`no subject for account "${account}"`);
  const vendorId = signIn.string('id') ?? signIn.string('originalRequestId');
  const id = `${ctx.source}:${vendorId ?? `h${row.contentHash()}`}`;
  const errorCode = signIn.has('status.errorCode') ? signIn.number('status.errorCode') : signIn.number('resultType');
  const result = errorCode === undefined ? undefined : errorCode === 0 ? 'success' : 'failure';
  // Graph writes `location` as an object; Log Analytics has `LocationDetails` (object) and `Location` (a country code).
  const location = signIn.object('location') !== undefined ? 'location' : 'locationDetails';
  const riskDetections = signIn.strings('riskEventTypes_v2') ?? signIn.strings('riskEventTypes');
  const record = {
    id,
    subjectId,
    at,
    source: ctx.source,
    type: 'session',
    accountId: account,
    ip: signIn.string('ipAddress'),
    network: {
      country: signIn.country(`${location}.countryOrRegion`) ?? (location === 'locationDetails' ? signIn.country('location') : undefined),
      region: signIn.string(`${location}.state`),
      city: signIn.string(`${location}.city`),
      lat: signIn.number(`${location}.geoCoordinates.latitude`),
      lon: signIn.number(`${location}.geoCoordinates.longitude`),
      asn: signIn.count('autonomousSystemNumber'),
    },
    deviceId: signIn.string('deviceDetail.deviceId'),
    deviceManaged: signIn.boolean('deviceDetail.isManaged'),
    deviceCompliant: signIn.boolean('deviceDetail.isCompliant'),
    userAgent: signIn.string('userAgent'),
    result,
    failureReason: result === 'failure' ? (signIn.string('status.failureReason') ?? signIn.string('resultDescription')) : undefined,
    application: signIn.string('appDisplayName'),
    signInKind: kind === 'non-interactive' ? 'non-interactive' : kind,
    sessionId: signIn.string('sessionId') ?? signIn.string('correlationId'),
    mfa: mfaOf(signIn),
    riskLevel: signIn.has('riskLevelDuringSignIn')
      ? signIn.oneOf('riskLevelDuringSignIn', riskLevels, 'not a risk level (hidden or unknownFutureValue)')
      : undefined,
    riskDetections: riskDetections?.filter((d) => d.toLowerCase() !== 'none'),
  };
  if (envelope) {
    for (const key of row.keys())
      if (key.toLowerCase() !== 'properties' && key.toLowerCase() !== 'category') row.ignore(key, 'Event Hub envelope: the sign-in is read from properties');
    signIn.ignoreAll(entraIgnored);
  }
  return { records: [{ recordType: 'event', record }] };
}

/**
 * Microsoft Entra sign-in logs: Graph `signIn` (v1.0 and beta), Log Analytics `SigninLogs` and
 * `AADNonInteractiveUserSignInLogs` exports, and Event Hub / diagnostic-settings records
 * (`{ records: [{ category, properties }] }`). Interactive sign-ins, token refreshes
 * (non-interactive) and workload sign-ins are told apart; MFA detail, risk and location are mapped.
 */
export const entraConnector = defineConnector({
  id: 'entra',
  title: 'Microsoft Entra sign-in logs',
  docs: [
    { title: 'Microsoft Graph v1.0: signIn resource type', url: 'https://learn.microsoft.com/en-us/graph/api/resources/signin?view=graph-rest-1.0' },
    { title: 'Microsoft Graph beta: signIn resource type', url: 'https://learn.microsoft.com/en-us/graph/api/resources/signin?view=graph-rest-beta' },
    { title: 'Azure Monitor Logs reference: SigninLogs', url: 'https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/signinlogs' },
    {
      title: 'Azure Monitor Logs reference: AADNonInteractiveUserSignInLogs',
      url: 'https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/aadnoninteractiveusersigninlogs',
    },
    {
      title: 'Stream Microsoft Entra logs to an event hub',
      url: 'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/howto-stream-logs-to-event-hub',
    },
  ],
  format: 'json',
  wrappers: ['value', 'records', 'items', 'data.events'],
  ignored: entraIgnored,
  detect: (row) => row.has('userPrincipalName') || row.has('properties.userPrincipalName'),
  mapRow: mapEntra,
});
