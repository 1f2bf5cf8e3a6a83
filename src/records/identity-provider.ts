import { z } from 'zod';
import { dateTimeSchema, recordObject, unorderedStrings } from './common';

/** MFA methods, named after the concept rather than one vendor's label. */
export const mfaMethodSchema = z
  .enum(['push', 'totp', 'sms', 'voice', 'email', 'fido2', 'piv', 'platform', 'none', 'other'])
  .describe(
    'Second factor: push (authenticator-app push, e.g. Okta Verify, Microsoft Authenticator), totp (one-time code app), sms, voice, email, fido2 (security key or passkey), piv (smart card or certificate), platform (Windows Hello, Touch ID), none (single factor), other.',
  );

/** Risk levels as identity providers rate them (Entra riskLevel, Okta risk). */
export const idpRiskLevelSchema = z.enum(['none', 'low', 'medium', 'high']).describe('Risk level as the identity provider rated it.');

/** Fields added to the IP enrichment: what kind of connection the address belongs to. */
export const networkEnrichmentDetailShape = {
  connectionType: z
    .enum(['residential', 'mobile', 'business', 'hosting', 'corporate', 'education', 'satellite', 'unknown'])
    .optional()
    .describe(
      "Kind of connection the IP belongs to, from IP intelligence (usage type) or the identity provider (Okta securityContext, Google Workspace): residential, mobile, business, hosting (data centre), corporate (the organisation's own egress, see reference.organisation.corporateEgress), education, satellite, unknown.",
    ),
};

/** How the sign-in's second factor was satisfied: method, authenticator and time. */
export const sessionMfaSchema = recordObject({
  method: mfaMethodSchema.optional(),
  authenticatorId: z
    .string()
    .optional()
    .describe(
      "Identifier of the authenticator that approved the sign-in, comparable across people: the phone's device id or push-device fingerprint, the security key's credential id or AAGUID plus serial, the phone number behind SMS (or a keyed hash). Okta: the factor's device; Entra: authenticationMethodDetail. Feeds the shared-authenticator checks like mfaDeviceId.",
    ),
  approvedAt: dateTimeSchema.optional().describe('When the second factor was approved (Entra authenticationStepDateTime).'),
  satisfiedBy: z
    .enum(['this-sign-in', 'token', 'previously-satisfied'])
    .optional()
    .describe('this-sign-in (the factor was presented now), token (the MFA claim in a token), previously-satisfied (an earlier sign-in satisfied it).'),
}).describe(
  'Second-factor detail of the sign-in (Okta authenticationContext and debugContext, Entra authenticationDetails and mfaDetail, Google Workspace login_challenge_method).',
);

/** Fields added to a session: the application, the kind of sign-in, MFA detail and IdP risk. */
export const sessionDetailShape = {
  application: z.string().optional().describe('Application signed in to (Entra appDisplayName, Okta target app, Google Workspace application).'),
  signInKind: z
    .enum(['interactive', 'token-refresh', 'non-interactive', 'service'])
    .optional()
    .describe(
      "interactive (the person entered credentials or approved a factor), token-refresh (a client renewed its token silently, Entra non-interactive), non-interactive (other sign-ins on the person's behalf), service (a workload identity). Omitted means interactive.",
    ),
  sessionId: z
    .string()
    .optional()
    .describe('Identity-provider session id (Okta externalSessionId, Entra correlation or session id), to tie token replays to sessions.'),
  failureReason: z.string().optional().describe('Why a failed sign-in failed, as the provider words it (Entra status.failureReason, Okta outcome.reason).'),
  mfa: sessionMfaSchema.optional(),
  riskLevel: idpRiskLevelSchema.optional(),
  riskDetections: unorderedStrings(z.string())
    .optional()
    .describe(
      'Risk detections the identity provider attached to the sign-in, as it names them (Entra riskEventTypes_v2, Okta debugContext risk and behaviors).',
    ),
};

/** Fields of an authenticator-registration event: a factor enrolled, removed or reset. */
export const authenticatorRegistrationShape = {
  accountId: z.string().optional().describe('Account the authenticator was registered on.'),
  action: z
    .enum(['registered', 'removed', 'reset'])
    .describe(
      'registered (enrolled, Okta system.mfa.factor.activate, Entra "User registered security info"), removed, reset (all factors reset, e.g. by the help desk).',
    ),
  method: mfaMethodSchema.optional(),
  authenticatorId: z.string().optional().describe('Identifier of the authenticator, comparable across people (as in sessions[].mfa.authenticatorId).'),
  authenticatorName: z.string().optional().describe('Name of the authenticator as the provider shows it (phone model, key name).'),
  ip: z.string().optional().describe('IP address the registration came from.'),
  byHelpDesk: z.boolean().optional().describe("True when an administrator or the help desk performed it on the person's behalf."),
};

/** Fields of an identity-risk event: a detection by the identity provider, including token or cookie replay. */
export const identityRiskShape = {
  accountId: z.string().optional().describe('Account the detection is about.'),
  detection: z
    .enum([
      'token-replay',
      'session-cookie-replay',
      'anomalous-token',
      'impossible-travel',
      'unfamiliar-sign-in',
      'anonymous-ip',
      'malicious-ip',
      'leaked-credentials',
      'password-spray',
      'mfa-fatigue',
      'suspicious-browser',
      'other',
    ])
    .describe(
      'What the identity provider detected: token-replay (a token used from another device or network than it was issued to), session-cookie-replay (a stolen session cookie used, Okta session hijacking), anomalous-token, impossible-travel, unfamiliar-sign-in, anonymous-ip, malicious-ip, leaked-credentials, password-spray, mfa-fatigue (repeated push requests), suspicious-browser, other.',
    ),
  vendorDetection: z.string().optional().describe('The detection as the provider names it (Entra riskEventType, Okta eventType).'),
  riskLevel: idpRiskLevelSchema.optional(),
  state: z
    .enum(['at-risk', 'confirmed-compromised', 'confirmed-safe', 'dismissed', 'remediated'])
    .optional()
    .describe('Review state at the provider (Entra riskState): at-risk, confirmed-compromised, confirmed-safe, dismissed, remediated.'),
  sessionId: z.string().optional().describe('The session the detection is about, when given.'),
  ip: z.string().optional().describe('IP address the risky activity came from.'),
  detail: z.string().optional().describe('Free-text detail from the provider; shown to reviewers.'),
};
