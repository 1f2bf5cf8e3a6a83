/** MFA methods of the record model. */
export type MfaMethod = 'push' | 'totp' | 'sms' | 'voice' | 'email' | 'fido2' | 'piv' | 'platform' | 'none' | 'other';

// Ordered: the first pattern found in the vendor's label wins, so "Okta Verify Push" is push, not totp.
const patterns: readonly (readonly [RegExp, MfaMethod])[] = [
  [/push|notification|internal_two_factor|google prompt|idv_any_phone|idv_preregistered_phone/i, 'push'],
  [/fido|webauthn|u2f|security.?key|passkey/i, 'fido2'],
  [/windows hello|signed_nonce|fastpass|platform|touch id|face id/i, 'platform'],
  [/\bsms\b|sms_|text message|onewaysms|login_otp/i, 'sms'],
  [/voice|phone call|call_factor|twowayvoice/i, 'voice'],
  [/e-?mail/i, 'email'],
  [
    /otp|totp|soft_token|hotp|verification code|google_authenticator|authenticator app|oath|backup_code|token:software|token:hardware|yubikey_token|rsa|symantec/i,
    'totp',
  ],
  [/piv|x\.?509|certificate|smart.?card|cac\b/i, 'piv'],
];

/**
 * The MFA method of a vendor's factor label (Okta `factor`/`methodTypeUsed`, Entra
 * `authenticationMethod`, Google `login_challenge_method`), or undefined when the label names no
 * second factor (a password) or none this table knows: unknown labels are not guessed.
 */
export function mfaMethodOf(label: string): MfaMethod | undefined {
  for (const [pattern, method] of patterns) if (pattern.test(label)) return method;
  return undefined;
}
