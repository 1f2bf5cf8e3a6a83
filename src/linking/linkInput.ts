import type { z } from 'zod';
import { normalizeIp } from '../records/ip';
import type { LinkKeyKind, LinkSettings, LinkGroupInput, linkAllowListEntrySchema } from '../records/linkage';
import type { AllowListedKey, LinkGroup, LinkIndexOptions } from './linkIndex';
import { normalizeAccount, normalizeAddress, normalizeEmail, normalizeIdentifier, normalizePhone, normalizeWallet } from './normalize';

/** Normalises a raw value of a key kind exactly as {@link extractLinkKeys} does; undefined when it is not valid. */
export function normalizeLinkValue(kind: LinkKeyKind, value: string, defaultCallingCode?: string): string | undefined {
  switch (kind) {
    case 'email':
      return normalizeEmail(value);
    case 'phone':
      return normalizePhone(value, defaultCallingCode !== undefined ? { defaultCallingCode } : {});
    case 'ip':
      return normalizeIp(value);
    case 'bank-account': {
      const v = normalizeAccount(value);
      if (v === undefined) return undefined;
      return /^[A-Z]{2}\d{2}/.test(v) ? `iban:${v}` : `acct:${v}`;
    }
    case 'wallet':
      return normalizeWallet(value);
    case 'device':
    case 'mfa-device':
    case 'payout-account':
      return normalizeIdentifier(value);
    default:
      return value;
  }
}

/** Turns `reference.linkAllowList` entries into index allow-list keys (raw values normalised). */
export function toAllowList(entries: readonly z.infer<typeof linkAllowListEntrySchema>[], defaultCallingCode?: string): AllowListedKey[] {
  const out: AllowListedKey[] = [];
  for (const e of entries) {
    const base = { kind: e.kind, reason: e.reason, ...(e.subjectIds !== undefined ? { subjectIds: e.subjectIds } : {}) };
    if (e.key !== undefined) out.push({ ...base, key: e.key });
    if (e.value !== undefined) {
      const key = normalizeLinkValue(e.kind, e.value, defaultCallingCode);
      if (key !== undefined) out.push({ ...base, key });
    }
    if (e.address !== undefined) {
      const key = normalizeAddress(e.address);
      if (key !== undefined) out.push({ ...base, key });
    }
    if (e.cidr !== undefined) out.push({ ...base, cidr: e.cidr });
  }
  return out;
}

/** Converts validated input groups to index groups (subject-only groups get one member per subject). */
export function toLinkGroups(groups: readonly LinkGroupInput[]): LinkGroup[] {
  return groups.map((g) => ({
    kind: g.kind,
    key: g.key,
    members:
      g.members !== undefined && g.members.length > 0
        ? g.members.map((m) => ({
            subjectId: m.subjectId,
            recordId: m.recordId,
            field: m.field,
            ...(m.at !== undefined ? { at: m.at } : {}),
            ...(m.until !== undefined ? { until: m.until } : {}),
            ...(m.signature !== undefined ? { signature: m.signature } : {}),
          }))
        : (g.subjectIds ?? []).map((s) => ({ subjectId: s, recordId: s, field: g.kind })),
  }));
}

/** Index options from validated settings and allow-list. */
export function toIndexOptions(settings: LinkSettings, allowList: readonly AllowListedKey[]): LinkIndexOptions {
  return {
    ipWindowMs: settings.ipWindowHours * 3_600_000,
    deviceWindowMs: settings.deviceWindowDays * 86_400_000,
    photoMaxDistance: settings.photoMaxDistance,
    textMinSimilarity: settings.textMinSimilarity,
    householdSize: settings.householdSize,
    maxBucketSize: settings.maxBucketSize,
    allowList,
  };
}
