import type { Evidence, EvidenceValue, MessageData } from '../contract/types';
import type { Report, ReportFinding } from '../engine/report';
import { hmacSha256Hex } from '../util/sha256';
import { ShardedMap, ShardedSet } from '../engine/shardedMap';

/** How personal data is replaced: `mask` writes `[redacted]`; `pseudonymise` writes a keyed hash. */
export interface RedactionOptions {
  /**
   * Key of the pseudonyms. When given, each personal value becomes `‹p:0123456789ab›`, the first 12
   * hex digits of HMAC-SHA256(key, the value in lower case): the same value gives the same pseudonym
   * across the batch, so "the same account" stays visible without the account; the reviewer
   * resolves a pseudonym by hashing candidate values from the HR system with the same key.
   * Without it, personal values are masked as `[redacted]`.
   */
  readonly pseudonymKey?: string;
}

/** The records personal values are learnt from: the scoring input. */
export interface RedactionSource {
  readonly subjects?: readonly unknown[] | undefined;
  readonly events?: readonly unknown[] | undefined;
}

/** A function that removes personal data from a text. */
export type Redactor = (text: string) => string;

// Fields whose string values are personal data: names, e-mails, phones, postal addresses, account
// and wallet numbers, IP addresses, handles and profile URLs.
const personalKeys = new Set([
  'accountHolderName',
  'accountId',
  'accountNumber',
  'city',
  'dateOfBirth',
  'email',
  'handle',
  'holderName',
  'iban',
  'interviewer',
  'ip',
  'line1',
  'line2',
  'name',
  'number',
  'payeeName',
  'phone',
  'platformAccount',
  'postalCode',
  'previousHandles',
  'recipientName',
  'routingNumber',
  'url',
  'walletAddress',
]);

const isAlnum = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;

/** The alphanumeric runs of a text with their positions. */
function tokens(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const alnum = i < text.length && isAlnum(text.charCodeAt(i));
    if (alnum && start < 0) start = i;
    else if (!alnum && start >= 0) {
      out.push({ start, end: i });
      start = -1;
    }
  }
  return out;
}

/** Adds a personal value's words (3+ characters, 4+ digits when numeric) and its compact form to the dictionary. */
function learn(value: string, key: string, dictionary: ShardedSet<string>): void {
  let text = value;
  // An e-mail's domain is usually a provider's, not personal: learn the local part and the whole address.
  if (key === 'email' || key === 'address' || value.includes('@')) {
    const at = value.indexOf('@');
    if (at > 0) text = value.slice(0, at);
  }
  if (key === 'ip') return; // IP addresses are caught by pattern: their numeric parts are too short to be words.
  const lower = text.toLowerCase();
  let compact = '';
  for (const t of tokens(lower)) {
    const word = lower.slice(t.start, t.end);
    compact += word;
    const numeric = /^\d+$/.test(word);
    if (word.length >= (numeric ? 4 : 3)) dictionary.add(word);
  }
  // Normalised forms join the words (ACCTFARM7731 for acct-farm-7731): learn that too.
  if (compact.length >= 6) dictionary.add(compact);
}

function walk(value: unknown, key: string, parentKey: string, dictionary: ShardedSet<string>): void {
  if (typeof value === 'string') {
    const personal = personalKeys.has(key) || (key === 'value' && parentKey === 'names') || (key === 'address' && parentKey === 'emails');
    if (personal) learn(value, key, dictionary);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(item, key, parentKey, dictionary);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) walk(v, k, key, dictionary);
  }
}

// Patterns that are personal wherever they appear, learnt or not. Each is linear: no nested quantifiers.
/** Characters that end the local part or the domain of an e-mail address found in free text. */
const emailStops = new Set([...'@<>()[]{}"\',;']);
function isEmailChar(char: string): boolean {
  return !emailStops.has(char) && char.trim() !== '';
}

/**
 * Replaces every `local@domain` run in `text`, scanning from each `@` outwards: a stretch of text
 * between two `@` is read at most twice, so the cost is linear (a global regex with a leading
 * `[^@]+` rescans the rest of the text from every start position).
 */
function replaceEmails(text: string, replace: (match: string) => string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && isEmailChar(text[start - 1] as string)) start--;
    let end = at + 1;
    while (end < text.length && isEmailChar(text[end] as string)) end++;
    if (start === at || end === at + 1) continue;
    out += text.slice(copied, start) + replace(text.slice(start, end));
    copied = end;
    at = end - 1;
  }
  return out + text.slice(copied);
}
const ipv4Pattern = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const ipv6Pattern = /\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;
const longDigits = /\+?\d(?:[ ().-]?\d){6,}/g;
/** A colon run is an IPv6 address (not a time such as 01:17:00) when a group has 3+ hex digits or a hex letter. */
function isIpv6(text: string): boolean {
  const groups = text.split(':');
  return groups.length >= 3 && groups.some((g) => g.length >= 3 || /[a-f]/i.test(g));
}
// Dates and times are not personal and must stay readable.
const dateLike = /^\d{4}-\d{2}-\d{2}/;

/**
 * Builds a redactor from the scoring input: it learns every personal value of the subjects and
 * events (names, e-mails, phones, addresses, account and wallet numbers, handles, URLs), and
 * also replaces anything shaped like an e-mail, an IP address or a long number (phones,
 * accounts), learnt or not. Words are matched whole and case-insensitively, one hash lookup
 * each, so the cost is linear in the input and the text. When masking, adjacent personal words
 * become one `[redacted]`; pseudonyms are per word.
 */
export function createRedactor(source: RedactionSource, options: RedactionOptions = {}): Redactor {
  // Population-sized: every personal word of every record.
  const dictionary = new ShardedSet<string>();
  for (const subject of source.subjects ?? []) walk(subject, '', '', dictionary);
  for (const event of source.events ?? []) walk(event, '', '', dictionary);
  const key = options.pseudonymKey;
  const cache = new ShardedMap<string, string>();
  const replace = (value: string): string => {
    if (key === undefined) return '[redacted]';
    const canonical = value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}@.:]+/gu, ' ')
      .trim();
    let out = cache.get(canonical);
    if (out === undefined) {
      out = `‹p:${hmacSha256Hex(key, canonical).slice(0, 12)}›`;
      cache.set(canonical, out);
    }
    return out;
  };
  return (text: string): string => {
    if (text === '') return text;
    let out = replaceEmails(text, replace)
      .replace(ipv4Pattern, replace)
      .replace(ipv6Pattern, (m) => (isIpv6(m) ? replace(m) : m))
      .replace(longDigits, (m) => (dateLike.test(m) ? m : replace(m)));
    const list = tokens(out);
    const spans: { start: number; end: number }[] = [];
    for (const t of list) {
      const word = out.slice(t.start, t.end).toLowerCase();
      if (!dictionary.has(word)) continue;
      const last = spans[spans.length - 1];
      // Masking merges words separated only by spaces or punctuation ("Anya Walker" is one
      // [redacted]); pseudonyms stay per word, so a value keeps its pseudonym in every normalised
      // form it appears in (ACCTFARM7731 inside acct:ACCTFARM7731 and acct:064000017/ACCTFARM7731).
      if (key === undefined && last !== undefined && !/[\p{L}\p{N}]/u.test(out.slice(last.end, t.start)) && t.start - last.end <= 3) last.end = t.end;
      else spans.push({ start: t.start, end: t.end });
    }
    for (let i = spans.length - 1; i >= 0; i--) {
      const s = spans[i] as { start: number; end: number };
      out = out.slice(0, s.start) + replace(out.slice(s.start, s.end)) + out.slice(s.end);
    }
    return out;
  };
}

function redactValue(value: EvidenceValue | undefined, redact: Redactor): EvidenceValue | undefined {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact) as EvidenceValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, EvidenceValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, redact) as EvidenceValue;
    return out;
  }
  return value;
}

function redactEvidence(evidence: Evidence, redact: Redactor): Evidence {
  return {
    ...evidence,
    ...(evidence.value !== undefined ? { value: redactValue(evidence.value, redact) as EvidenceValue } : {}),
    ...(evidence.note !== undefined ? { note: redact(evidence.note) } : {}),
  };
}

function redactFinding<F extends Pick<ReportFinding, 'message' | 'data' | 'evidence'>>(finding: F, redact: Redactor): F {
  const data: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(finding.data)) data[k] = typeof v === 'string' ? redact(v) : v;
  return { ...finding, message: redact(finding.message), data: data as MessageData, evidence: finding.evidence.map((e) => redactEvidence(e, redact)) };
}

/**
 * A copy of a report with personal data removed from messages, message data, evidence values and
 * notes, and indicator error messages. Subject and record ids, field paths, times, scores, bands,
 * log-odds, contributions and reason codes are unchanged.
 */
export function redactReport(report: Report, redact: Redactor): Report {
  return {
    ...report,
    reasons: report.reasons.map((r) => ({ ...r, message: redact(r.message) })),
    findings: report.findings.map((f) => redactFinding(f, redact)),
    errors: report.errors.map((e) => ({ ...e, message: redact(e.message) })),
    ...(report.suppressed !== undefined ? { suppressed: report.suppressed.map((f) => redactFinding(f, redact)) } : {}),
    ...(report.suppressions !== undefined
      ? {
          suppressions: report.suppressions.map((x) => ({
            ...x,
            suppression: { ...x.suppression, reason: redact(x.suppression.reason), approvedBy: redact(x.suppression.approvedBy) },
          })),
        }
      : {}),
  };
}

/**
 * Redacts (or, with `pseudonymKey`, pseudonymises) every report of a batch result, learning the
 * personal values from the input that was scored. The renderers (JSON, Markdown, HTML, table) then
 * show no personal value of the input. The candidate view already shows neutral wording only.
 *
 * @example
 * ```ts
 * const result = scorer.scoreBatch(input);
 * const safe = redactResult(result, input, { pseudonymKey: process.env.PSEUDONYM_KEY });
 * renderHtml(safe);
 * ```
 */
export function redactResult<T extends { readonly reports: readonly Report[] }>(result: T, source: RedactionSource, options: RedactionOptions = {}): T {
  const redact = createRedactor(source, options);
  return { ...result, reports: result.reports.map((r) => redactReport(r, redact)) };
}
