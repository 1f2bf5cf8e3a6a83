import type { Issue } from '../errors/ScoringError';
import type { Evidence } from '../contract/types';
import type { ReportFinding } from '../engine/report';
import { interpolate } from '../engine/interpolate';
import { compareText } from '../engine/order';
import type { ResolvedConfig } from '../engine/resolve';
import type { CheckedFinding, RunOutcome } from '../engine/runIndicator';
import { sha256, utf8 } from '../util/sha256';
import { suppressionSchema, type Suppression } from '../records/suppression';
import { readRecordId, runSchema } from '../records/validate';

export { suppressionSchema, type Suppression };

/** Where a suppression stands at `asOf`: not yet started, active, or expired (`asOf` at or after `until`). */
export type SuppressionStatus = 'pending' | 'active' | 'expired';

/**
 * A finding that an active suppression took out of the score, with the record that did it: the
 * finding's own fields as in {@link ReportFinding} (its `kind` is always `risk`, since mitigating
 * findings are never suppressed, and its `strength` counts 0 while suppressed), without a
 * contribution, plus its finding key and the suppression's id.
 */
export interface SuppressedFinding extends Pick<ReportFinding, 'indicatorId' | 'messageId' | 'message' | 'data' | 'kind' | 'strength' | 'evidence'> {
  /** Its finding key ({@link findingKeyOf}). */
  readonly findingKey: string;
  /** Id of the suppression that covers it. */
  readonly suppressionId: string;
}

/** A suppression of the subject, where it stands at `asOf`, and how many findings it took out. */
export interface ReportSuppression {
  /** The record, as given: with it the score can be re-derived. */
  readonly suppression: Suppression;
  /** pending, active or expired at `asOf`. */
  readonly status: SuppressionStatus;
  /** Findings it took out of the score (0 unless active). */
  readonly findings: number;
}

/** A suppression record that could not be used, with its position and every problem. */
export interface RejectedSuppression {
  /** Its position in the suppressions given. */
  readonly index: number;
  /** Its id, when readable. */
  readonly recordId?: string;
  /** Every problem, with field paths. */
  readonly issues: readonly Issue[];
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * The key of a finding: `<indicatorId>#<16 hex digits>`, the digits from SHA-256 of the finding's
 * evidence identity, the set of (record id, field, value) of its evidence. The time of an evidence
 * item, the message, the strength and the indicator's version are not part of it, so a key
 * survives config and indicator version changes; a new record, another field or a changed value
 * gives another key: materially different evidence, which a key-bound suppression does not cover.
 */
export function findingKeyOf(finding: { readonly indicatorId: string; readonly evidence: readonly Evidence[] }): string {
  const identities = finding.evidence.map((e) => JSON.stringify([e.recordId, e.field ?? '', e.value ?? null]));
  identities.sort(compareText);
  const unique: string[] = [];
  for (const id of identities) if (unique[unique.length - 1] !== id) unique.push(id);
  const digest = hex(sha256(utf8(`[${unique.join(',')}]`))).slice(0, 16);
  return `${finding.indicatorId}#${digest}`;
}

/** Where a suppression stands at `asOfMs`: active from `from` (included) to `until` (excluded). */
export function suppressionStatus(suppression: Pick<Suppression, 'from' | 'until'>, asOfMs: number): SuppressionStatus {
  if (asOfMs < Date.parse(suppression.from)) return 'pending';
  return asOfMs < Date.parse(suppression.until) ? 'active' : 'expired';
}

/**
 * Whether an active suppression covers a finding. Bound to a key: the finding's key must match.
 * Indicator-wide: every dated evidence item must lie at or before `from`, the evidence the
 * reviewer could have seen; a finding with later evidence is new and counts.
 */
function covers(suppression: Suppression, indicatorId: string, finding: CheckedFinding, key: string): boolean {
  if (finding.kind !== 'risk' || suppression.indicatorId !== indicatorId) return false;
  if (suppression.findingKey !== undefined) return suppression.findingKey === key;
  const cutoff = Date.parse(suppression.from);
  for (const e of finding.evidence) {
    if (e.at === undefined) continue;
    const t = Date.parse(e.at);
    if (!Number.isNaN(t) && t > cutoff) return false;
  }
  return true;
}

/**
 * Validates suppression records and groups them by subject. Never throws: a bad record, or a
 * repeated id (every copy), is listed under `rejected` with its field paths.
 */
export function parseSuppressions(values: readonly unknown[]): {
  bySubject: Map<string, Suppression[]>;
  /** Position of each valid suppression in the records given, by id. */
  indexById: Map<string, number>;
  rejected: RejectedSuppression[];
} {
  const rejected: RejectedSuppression[] = [];
  const valid: { suppression: Suppression; index: number }[] = [];
  const idCount = new Map<string, number>();
  values.forEach((value, index) => {
    // A getter or proxy trap that throws is a rejected suppression with a path, not an exception.
    const result = runSchema(suppressionSchema, value);
    if (!result.ok) {
      const recordId = readRecordId(value);
      rejected.push({ index, ...(recordId !== undefined ? { recordId } : {}), issues: result.issues });
      return;
    }
    valid.push({ suppression: result.data, index });
    idCount.set(result.data.id, (idCount.get(result.data.id) ?? 0) + 1);
  });
  const bySubject = new Map<string, Suppression[]>();
  const indexById = new Map<string, number>();
  for (const { suppression, index } of valid) {
    const count = idCount.get(suppression.id) as number;
    if (count > 1) {
      rejected.push({ index, recordId: suppression.id, issues: [{ path: 'id', message: `duplicate suppression id: ${count} suppressions share it` }] });
      continue;
    }
    indexById.set(suppression.id, index);
    const list = bySubject.get(suppression.subjectId);
    if (list === undefined) bySubject.set(suppression.subjectId, [suppression]);
    else list.push(suppression);
  }
  for (const list of bySubject.values()) list.sort((a, b) => compareText(a.id, b.id));
  rejected.sort((a, b) => a.index - b.index);
  return { bySubject, indexById, rejected };
}

/** The outcomes with suppressed findings taken out, and the report's suppression sections. */
export interface AppliedSuppressions {
  readonly outcomes: ReadonlyMap<string, RunOutcome>;
  readonly suppressed: readonly SuppressedFinding[];
  readonly suppressions: readonly ReportSuppression[];
}

/**
 * Applies a subject's suppressions at `asOfMs`: a risk finding covered by an active suppression
 * (the first by id, when several cover it) is taken out of its indicator's findings, so it adds
 * nothing, and listed as suppressed with the suppression's id. Pending and expired suppressions
 * take nothing out and are listed with their status. Linear in findings × the subject's
 * suppressions of that indicator.
 */
export function applySuppressions(
  outcomes: ReadonlyMap<string, RunOutcome>,
  suppressions: readonly Suppression[],
  config: ResolvedConfig,
  asOfMs: number,
): AppliedSuppressions {
  const active = new Map<string, Suppression[]>();
  const counts = new Map<string, number>();
  const statuses = suppressions.map((s) => ({ suppression: s, status: suppressionStatus(s, asOfMs) }));
  for (const { suppression, status } of statuses) {
    if (status !== 'active') continue;
    const list = active.get(suppression.indicatorId);
    if (list === undefined) active.set(suppression.indicatorId, [suppression]);
    else list.push(suppression);
  }
  const out = new Map(outcomes);
  const suppressed: SuppressedFinding[] = [];
  for (const resolved of config.indicators) {
    const candidates = active.get(resolved.id);
    const outcome = outcomes.get(resolved.id);
    if (candidates === undefined || outcome?.status !== 'ran') continue;
    const kept: CheckedFinding[] = [];
    for (const finding of outcome.findings) {
      const key = findingKeyOf({ indicatorId: resolved.id, evidence: finding.evidence });
      const by = candidates.find((s) => covers(s, resolved.id, finding, key));
      if (by === undefined) {
        kept.push(finding);
        continue;
      }
      counts.set(by.id, (counts.get(by.id) ?? 0) + 1);
      suppressed.push({
        indicatorId: resolved.id,
        messageId: finding.messageId,
        message: interpolate(resolved.indicator.meta.messages[finding.messageId] as string, finding.data),
        data: finding.data,
        kind: finding.kind,
        strength: finding.strength,
        findingKey: key,
        evidence: finding.evidence,
        suppressionId: by.id,
      });
    }
    if (kept.length !== outcome.findings.length) out.set(resolved.id, { ...outcome, findings: kept });
  }
  suppressed.sort((a, b) => compareText(a.indicatorId, b.indicatorId) || b.strength - a.strength || compareText(a.findingKey, b.findingKey));
  return {
    outcomes: out,
    suppressed,
    suppressions: statuses.map(({ suppression, status }) => ({ suppression, status, findings: counts.get(suppression.id) ?? 0 })),
  };
}

/**
 * The report with its suppression sections; a subject without suppression records keeps its
 * report as it was, so the JSON of reports without suppressions does not change.
 */
export function withSuppressions<R extends object>(report: R, applied: AppliedSuppressions | undefined): R {
  if (applied === undefined || applied.suppressions.length === 0) return report;
  return { ...report, suppressed: applied.suppressed, suppressions: applied.suppressions };
}
