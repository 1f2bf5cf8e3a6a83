import { z } from 'zod';
import type { Issue } from '../errors/ScoringError';
import { dateTimeSchema, recordIdSchema } from '../records/common';
import { recordLimits } from '../records/limits';
import { readRecordId, runSchema } from '../records/validate';

/** What a reviewer concluded about a subject. */
export const outcomeKinds = ['confirmed-fraud', 'confirmed-insider', 'cleared', 'inconclusive'] as const;
/** What a reviewer concluded about a subject. */
export type OutcomeKind = (typeof outcomeKinds)[number];

/**
 * An outcome record: what a human decided about a subject, and when. Backtests score each
 * subject as of `decidedAt`, so no fact recorded after the decision can leak into the result.
 */
export const outcomeSchema = z.strictObject({
  id: recordIdSchema.optional().describe('Identifier of the outcome record, when the case system has one.'),
  subjectId: recordIdSchema.describe('The subject the decision is about.'),
  decidedAt: dateTimeSchema.describe('When the decision was made; the subject is scored as of this instant.'),
  outcome: z
    .enum(outcomeKinds)
    .describe('confirmed-fraud and confirmed-insider count as positive, cleared as negative; inconclusive is counted but not scored.'),
  decidedBy: z.string().min(1).max(recordLimits.shortText).describe('Who decided: a reviewer, a team or a process.'),
  caseId: z.string().min(1).max(recordLimits.shortText).optional().describe('The case the decision was taken in.'),
});

/** An outcome record, validated. */
export type Outcome = z.infer<typeof outcomeSchema>;

/** An outcome record that could not be used, with its position and every problem. */
export interface RejectedOutcome {
  /** Always `outcome`. */
  readonly kind: 'outcome';
  /** Its position in the outcomes given. */
  readonly index: number;
  /** Its id or, failing that, its subject id, when readable. */
  readonly recordId?: string;
  /** Every problem, with field paths. */
  readonly issues: readonly Issue[];
}

/** The label an outcome gives a subject: positive (confirmed), negative (cleared) or none. */
export function outcomeLabel(outcome: OutcomeKind): 1 | 0 | undefined {
  if (outcome === 'confirmed-fraud' || outcome === 'confirmed-insider') return 1;
  if (outcome === 'cleared') return 0;
  return undefined;
}

/** The outcomes that decide each subject, and those set aside. */
export interface ParsedOutcomes {
  /** One outcome per subject: the latest by `decidedAt` (then by id, then by position). */
  readonly bySubject: ReadonlyMap<string, Outcome>;
  /** Position of each subject's standing outcome in the records given. */
  readonly indexBySubject: ReadonlyMap<string, number>;
  /** Earlier outcomes of a subject that a later one replaced, by position. */
  readonly superseded: readonly number[];
  /** Outcomes that failed validation. */
  readonly rejected: readonly RejectedOutcome[];
}

function nameOf(value: unknown): string | undefined {
  const id = readRecordId(value);
  if (id !== undefined) return id;
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    const subjectId = (value as { subjectId?: unknown }).subjectId;
    if (typeof subjectId === 'string' && subjectId !== '') return subjectId;
  } catch {
    // A getter or proxy trap that throws: the outcome has no readable name.
  }
  return undefined;
}

/**
 * Validates outcome records and keeps one per subject: the latest decision is the one that
 * stands. Never throws for a bad record; it is listed under `rejected` with its field paths.
 * The result does not depend on the order of the records.
 */
export function parseOutcomes(values: readonly unknown[]): ParsedOutcomes {
  const rejected: RejectedOutcome[] = [];
  const best = new Map<string, { outcome: Outcome; index: number; ms: number }>();
  const superseded: number[] = [];
  values.forEach((value, index) => {
    // A getter or proxy trap that throws is a rejected outcome with a path, not an exception.
    const result = runSchema(outcomeSchema, value);
    if (!result.ok) {
      const recordId = nameOf(value);
      rejected.push({ kind: 'outcome', index, ...(recordId !== undefined ? { recordId } : {}), issues: result.issues });
      return;
    }
    const outcome = result.data;
    const ms = Date.parse(outcome.decidedAt);
    const prev = best.get(outcome.subjectId);
    if (prev === undefined) {
      best.set(outcome.subjectId, { outcome, index, ms });
      return;
    }
    const later =
      ms !== prev.ms ? ms > prev.ms : (outcome.id ?? '') !== (prev.outcome.id ?? '') ? (outcome.id ?? '') > (prev.outcome.id ?? '') : index > prev.index;
    if (later) {
      superseded.push(prev.index);
      best.set(outcome.subjectId, { outcome, index, ms });
    } else superseded.push(index);
  });
  const bySubject = new Map<string, Outcome>();
  const indexBySubject = new Map<string, number>();
  for (const [subjectId, { outcome, index }] of [...best].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    bySubject.set(subjectId, outcome);
    indexBySubject.set(subjectId, index);
  }
  return { bySubject, indexBySubject, superseded: superseded.sort((a, b) => a - b), rejected };
}
