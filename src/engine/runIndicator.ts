import type { DataFamily, Evidence, EvaluationContext, FindingDraft, FindingKind, MessageData, Mitigation, NotEvaluated, SubjectView } from '../indicator/types';
import type { ResolvedIndicator } from './resolve';

/** A finding that passed the runtime checks, with its canonical evidence. */
export interface CheckedFinding {
  readonly messageId: string;
  readonly data: MessageData;
  readonly strength: number;
  readonly kind: FindingKind;
  readonly evidence: readonly Evidence[];
  readonly sortKey: string;
  /** The data family of the finding's evidence: its own when it names one, else the indicator's. */
  readonly family: DataFamily;
  /** Declared records that explain the finding; with strength 0 it was silenced by them. */
  readonly mitigatedBy?: readonly Mitigation[];
}

/** What running one indicator on one subject gave. */
export type RunOutcome =
  | {
      readonly status: 'ran';
      readonly findings: readonly CheckedFinding[];
      /** Signals silenced (strength 0) or reduced by declared records, strongest first as returned. */
      readonly mitigated: readonly CheckedFinding[];
    }
  | { readonly status: 'not-evaluated'; readonly reason: string; readonly missing: readonly string[] }
  | { readonly status: 'error'; readonly message: string; readonly cause?: unknown };

function notEvaluated(reason: string, missing: readonly string[] = []): NotEvaluated {
  return { notEvaluated: true, reason, missing };
}

function isPlainValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function compareEvidence(a: Evidence, b: Evidence): number {
  const ka = `${a.at ?? ''}\u0000${a.recordId}\u0000${a.field ?? ''}`;
  const kb = `${b.at ?? ''}\u0000${b.recordId}\u0000${b.field ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

class MalformedOutcome extends Error {}

function checkFinding(draft: unknown, index: number, resolved: ResolvedIndicator): CheckedFinding | undefined {
  const where = `finding ${index}`;
  if (typeof draft !== 'object' || draft === null) throw new MalformedOutcome(`${where} is not an object`);
  const f = draft as Partial<FindingDraft>;
  const meta = resolved.indicator.meta;
  if (typeof f.messageId !== 'string' || !Object.hasOwn(meta.messages, f.messageId)) {
    throw new MalformedOutcome(
      `${where} has unknown messageId "${String(f.messageId)}"; known: ${Object.keys(meta.messages).join(', ')}`,
    );
  }
  if (typeof f.strength !== 'number' || !Number.isFinite(f.strength) || f.strength < 0 || f.strength > 1) {
    throw new MalformedOutcome(`${where} has strength ${String(f.strength)}, outside [0, 1]`);
  }
  const kind: FindingKind = f.kind ?? (meta.kind === 'mitigating' ? 'mitigating' : 'risk');
  if (kind !== 'risk' && kind !== 'mitigating') throw new MalformedOutcome(`${where} has kind "${String(kind)}"`);
  if (!Array.isArray(f.evidence) || f.evidence.length === 0) throw new MalformedOutcome(`${where} has no evidence`);
  for (const e of f.evidence as unknown[]) {
    if (typeof e !== 'object' || e === null || typeof (e as Evidence).recordId !== 'string' || (e as Evidence).recordId === '') {
      throw new MalformedOutcome(`${where} has evidence without a recordId`);
    }
  }
  const data: Record<string, string | number | boolean> = {};
  if (f.data !== undefined) {
    if (typeof f.data !== 'object' || f.data === null) throw new MalformedOutcome(`${where} has data that is not an object`);
    for (const key of Object.keys(f.data).sort()) {
      const value = (f.data as Record<string, unknown>)[key];
      if (!isPlainValue(value)) throw new MalformedOutcome(`${where} has data.${key} that is not a string, finite number or boolean`);
      // -0 would print as 0 and come back as +0, so a report would not round-trip through JSON equal to itself.
      data[key] = value === 0 ? 0 : (value as string | number | boolean);
    }
  }
  if (f.family !== undefined && (typeof f.family !== 'string' || (f.family as string) === '')) throw new MalformedOutcome(`${where} has a family that is not a non-empty string`);
  const mitigatedBy = checkMitigations(f.mitigatedBy, where);
  if (f.strength === 0 && mitigatedBy === undefined) return undefined;
  // A JSON round trip makes evidence plain data (no undefined, no class instances), so reports round-trip.
  const evidence = (JSON.parse(JSON.stringify(f.evidence)) as Evidence[]).sort(compareEvidence);
  return {
    messageId: f.messageId,
    data,
    strength: f.strength,
    kind,
    family: f.family ?? meta.family,
    evidence,
    sortKey: `${f.messageId}\u0000${JSON.stringify(data)}\u0000${JSON.stringify(evidence)}`,
    ...(mitigatedBy !== undefined ? { mitigatedBy } : {}),
  };
}

/** The mitigations of a finding as plain data sorted by record and field, or undefined when it has none. */
function checkMitigations(given: unknown, where: string): Mitigation[] | undefined {
  if (given === undefined) return undefined;
  if (!Array.isArray(given)) throw new MalformedOutcome(`${where} has mitigatedBy that is not an array`);
  if (given.length === 0) return undefined;
  const out: Mitigation[] = [];
  for (const m of given as unknown[]) {
    const x = m as Partial<Mitigation>;
    if (typeof m !== 'object' || m === null || typeof x.recordId !== 'string' || x.recordId === '' || typeof x.field !== 'string' || typeof x.explains !== 'string') {
      throw new MalformedOutcome(`${where} has a mitigation without recordId, field and explains`);
    }
    out.push({ recordId: x.recordId, field: x.field, explains: x.explains });
  }
  const key = (m: Mitigation): string => `${m.recordId}\u0000${m.field}\u0000${m.explains}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Runs one indicator on one subject and checks what it returned; never throws. */
export function runIndicator(
  resolved: ResolvedIndicator,
  view: SubjectView,
  base: Omit<EvaluationContext<unknown, unknown>, 'options' | 'prepared' | 'notEvaluated'>,
  prepared: unknown,
): RunOutcome {
  let outcome: unknown;
  try {
    outcome = resolved.indicator.evaluate(view, { ...base, options: resolved.options as object, prepared, notEvaluated });
  } catch (cause) {
    return { status: 'error', message: `threw: ${cause instanceof Error ? cause.message : String(cause)}`, cause };
  }
  try {
    if (typeof outcome === 'object' && outcome !== null && (outcome as NotEvaluated).notEvaluated === true) {
      const ne = outcome as NotEvaluated;
      return {
        status: 'not-evaluated',
        reason: typeof ne.reason === 'string' ? ne.reason : 'not enough data',
        missing: Array.isArray(ne.missing) ? ne.missing.filter((m): m is string => typeof m === 'string') : [],
      };
    }
    if (!Array.isArray(outcome)) throw new MalformedOutcome('evaluate returned neither an array of findings nor notEvaluated(...)');
    const findings: CheckedFinding[] = [];
    const mitigated: CheckedFinding[] = [];
    outcome.forEach((draft, index) => {
      const checked = checkFinding(draft, index, resolved);
      if (checked === undefined) return;
      if (checked.mitigatedBy !== undefined) mitigated.push(checked);
      if (checked.strength > 0) findings.push(checked);
    });
    return { status: 'ran', findings, mitigated };
  } catch (error) {
    if (error instanceof MalformedOutcome) return { status: 'error', message: `malformed outcome: ${error.message}` };
    return { status: 'error', message: `malformed outcome: ${String(error)}` };
  }
}
