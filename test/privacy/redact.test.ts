import { builtinIndicators, createScorer, redactResult, renderHtml, renderMarkdown, type Report } from '../../src/index';
import { hmacSha256Hex } from '../../src/util/sha256';
import { loadDemo } from '../support/demo';
import { demoIndicators } from '../support/demoIndicators';

// Every personal value of the input, found by field name independently of the redactor's own list.
function personalStrings(value: unknown, key = '', parent = '', out = new Set<string>()): Set<string> {
  const personal = new Set([
    'accountHolderName',
    'accountNumber',
    'city',
    'holderName',
    'iban',
    'ip',
    'line1',
    'line2',
    'payeeName',
    'postalCode',
    'recipientName',
    'walletAddress',
    'handle',
    'url',
    'number',
  ]);
  if (typeof value === 'string') {
    if (personal.has(key) || (key === 'value' && parent === 'names') || (key === 'address' && parent === 'emails')) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) personalStrings(v, key, parent, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) personalStrings(v, k, key, out);
  return out;
}

/** The local part of an e-mail address is personal; its domain is usually a provider's. */
function personalPart(value: string): string {
  const at = value.indexOf('@');
  return at > 0 ? value.slice(0, at) : value;
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== ''),
  );
}

/** The personal strings of the input that still show in a text: whole values, or their words of 5+ characters. */
/** Whether the digits `value` stand in `text` as a whole number, not inside a longer one (a postal code inside a log-odds figure is no leak). */
function hasWholeNumber(text: string, value: string): boolean {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    if (!isDigit(text[at - 1]) && !isDigit(text[at + value.length])) return true;
  }
  return false;
}

function leaks(text: string, personal: ReadonlySet<string>, vocabulary: ReadonlySet<string> = new Set()): string[] {
  const lower = text.toLowerCase();
  const present = words(text);
  const found: string[] = [];
  for (const value of personal) {
    if (value.length >= 4 && (/^\d+$/.test(value) ? hasWholeNumber(lower, value) : lower.includes(value.toLowerCase()))) found.push(value);
    // A word the library itself writes (a field name, an indicator id, a message template) is not a leak of the input.
    else for (const w of words(personalPart(value))) if (w.length >= 5 && present.has(w) && !vocabulary.has(w)) found.push(`${value} (${w})`);
  }
  return found;
}

describe('redaction of a whole batch', () => {
  const input = loadDemo();
  const indicators = [...builtinIndicators, ...demoIndicators];
  const result = createScorer({ indicators }).scoreBatch(input);
  const personal = personalStrings(input.subjects);
  for (const e of personalStrings(input.events ?? [])) personal.add(e);
  // The library's own words: report keys, ids, field paths and every text of the indicators' meta.
  const vocabulary = new Set<string>();
  const keysAndIds = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(keysAndIds);
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        for (const w of words(k)) vocabulary.add(w);
        if ((k === 'indicatorId' || k === 'messageId' || k === 'field' || k === 'typology') && typeof v === 'string')
          for (const w of words(v)) vocabulary.add(w);
        keysAndIds(v);
      }
    }
  };
  keysAndIds(result.reports);
  for (const indicator of indicators) for (const w of words(JSON.stringify(indicator.meta))) vocabulary.add(w);

  it('the unredacted reports do show personal data (so the scan below means something)', () => {
    expect(personal.size).toBeGreaterThan(100);
    expect(leaks(JSON.stringify(result), personal, vocabulary).length).toBeGreaterThan(5);
  });

  for (const mode of ['mask', 'pseudonymise'] as const) {
    it(`${mode}: JSON, Markdown and HTML of every report show no personal string of the input, and keep ids, scores and reasons`, () => {
      const safe = redactResult(result, input, mode === 'pseudonymise' ? { pseudonymKey: 'test-key' } : {});
      const outputs = {
        json: JSON.stringify(safe),
        markdown: renderMarkdown(safe, { indicators }),
        html: renderHtml(safe, { indicators }),
      };
      for (const [format, text] of Object.entries(outputs)) expect({ format, leaks: leaks(text, personal, vocabulary) }).toEqual({ format, leaks: [] });
      const strip = (r: Report) => ({
        s: r.subjectId,
        score: r.score,
        band: r.band,
        logOdds: r.logOdds,
        reasons: r.reasons.map((x) => [x.indicatorId, x.messageId, x.contribution, x.kind]),
        evidence: r.findings.map((f) => f.evidence.map((e) => [e.recordId, e.field, e.at])),
      });
      expect(safe.reports.map(strip)).toEqual(result.reports.map(strip));
      expect(safe.asOf).toBe(result.asOf);
    });
  }

  it('pseudonymises consistently across the batch, with the key deciding the pseudonym', () => {
    const a = JSON.stringify(redactResult(result, input, { pseudonymKey: 'k1' }));
    const b = JSON.stringify(redactResult(result, input, { pseudonymKey: 'k2' }));
    // The farm's shared payout account shows as one pseudonym in every linked subject's report.
    const shared = result.reports.flatMap((r) => r.findings.filter((f) => f.indicatorId === 'linkage/shared-payment-instrument'));
    expect(shared.length).toBeGreaterThan(1);
    const safe = redactResult(result, input, { pseudonymKey: 'k1' });
    const pseudonym = `‹p:${hmacSha256Hex('k1', 'acctfarm7731').slice(0, 12)}›`;
    const values = safe.reports.flatMap((r) =>
      r.findings.filter((f) => f.indicatorId === 'linkage/shared-payment-instrument').map((f) => String(f.data.value)),
    );
    expect(values.length).toBe(shared.length);
    for (const value of values) expect(value).toContain(pseudonym);
    expect(a).not.toBe(b);
    expect(JSON.stringify(redactResult(result, input, { pseudonymKey: 'k1' }))).toBe(a);
  });
});
