import type { DataFamily, Evidence, EvaluationContext, FindingDraft, FindingKind, MessageData, Mitigation, NotEvaluated, SubjectView } from '../contract/types';
import type { ResolvedIndicator } from './resolve';
import { ignoreSettlement, isThenable } from './thenable';
import { describeThrown } from './thrown';
import { compareText } from './order';

/** A finding that passed the runtime checks, with its canonical evidence. */
export interface CheckedFinding {
  readonly messageId: string;
  readonly data: MessageData;
  readonly strength: number;
  readonly kind: FindingKind;
  readonly evidence: readonly Evidence[];
  /** Orders the findings of one outcome among themselves; empty when the outcome had one finding (never compared). */
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

/** The key evidence items sort by: time, record, field. */
function evidenceKey(e: Evidence): string {
  return `${e.at ?? ''}\u0000${e.recordId}\u0000${e.field ?? ''}`;
}

class MalformedOutcome extends Error {}

/** A value as an error message shows it: strings and numbers as they are, anything else by its type (never `String()` of an object). */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return `a value of type ${typeof value}`;
}

/**
 * An object's own keys in code-unit order (as `sort()` orders strings). A finding's data has a
 * handful of keys: an insertion sort in place, since `Array#sort` allocates a work array per call
 * (a third of the engine's sorting garbage on the core bench); long lists take `sort()`.
 */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function checkFinding(draft: unknown, index: number, resolved: ResolvedIndicator, keyed: boolean): CheckedFinding | undefined {
  const where = `finding ${index}`;
  if (typeof draft !== 'object' || draft === null) throw new MalformedOutcome(`${where} is not an object`);
  // Each field is read once: a getter must not pass a check with one value and return another.
  const {
    messageId,
    strength,
    kind: givenKind,
    evidence: givenEvidence,
    data: givenData,
    family,
    mitigatedBy: givenMitigations,
  } = draft as Partial<FindingDraft>;
  const meta = resolved.indicator.meta;
  if (typeof messageId !== 'string' || !Object.hasOwn(meta.messages, messageId)) {
    throw new MalformedOutcome(`${where} has unknown messageId ${shown(messageId)}; known: ${Object.keys(meta.messages).join(', ')}`);
  }
  if (typeof strength !== 'number' || !Number.isFinite(strength) || strength < 0 || strength > 1) {
    throw new MalformedOutcome(`${where} has strength ${shown(strength)}, outside [0, 1]`);
  }
  const kind: FindingKind = givenKind ?? (meta.kind === 'mitigating' ? 'mitigating' : 'risk');
  if (kind !== 'risk' && kind !== 'mitigating') throw new MalformedOutcome(`${where} has kind ${shown(kind)}`);
  if (!Array.isArray(givenEvidence) || givenEvidence.length === 0) throw new MalformedOutcome(`${where} has no evidence`);
  const data: Record<string, string | number | boolean> = {};
  if (givenData !== undefined) {
    if (typeof givenData !== 'object' || givenData === null) throw new MalformedOutcome(`${where} has data that is not an object`);
    for (const key of sortedKeys(givenData)) {
      const value = (givenData as Record<string, unknown>)[key];
      if (!isPlainValue(value)) throw new MalformedOutcome(`${where} has data.${key} that is not a string, finite number or boolean`);
      // -0 would print as 0 and come back as +0, so a report would not round-trip through JSON equal to itself.
      data[key] = value === 0 ? 0 : (value as string | number | boolean);
    }
  }
  if (family !== undefined && (typeof family !== 'string' || (family as string) === ''))
    throw new MalformedOutcome(`${where} has a family that is not a non-empty string`);
  const mitigatedBy = checkMitigations(givenMitigations, where);
  if (strength === 0 && mitigatedBy === undefined) {
    // Silenced and explained by nothing: never reported, so its evidence is checked but not copied.
    for (const e of givenEvidence as unknown[]) if (!hasRecordId(e)) throw new MalformedOutcome(`${where} has evidence without a recordId`);
    return undefined;
  }
  const evidence = copyEvidence(givenEvidence as unknown[], where);
  const checked: { -readonly [K in keyof CheckedFinding]: CheckedFinding[K] } = {
    messageId,
    data,
    strength,
    kind,
    family: family ?? meta.family,
    evidence,
    // The key only orders the findings of one outcome among themselves: a lone finding is never compared.
    sortKey: keyed ? `${messageId}\u0000${JSON.stringify(data)}\u0000${JSON.stringify(evidence)}` : '',
  };
  // Set only when present (no spread of a fresh object per finding), last, as before.
  if (mitigatedBy !== undefined) checked.mitigatedBy = mitigatedBy;
  return checked;
}

function hasRecordId(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as Evidence).recordId === 'string' && (e as Evidence).recordId !== '';
}

/**
 * The copy a JSON round trip would give of an evidence item that is a plain object of strings,
 * booleans and finite numbers (the usual item), made without the round trip: each field read
 * once, -0 written as 0 as JSON writes it. Undefined for anything else (nested values, a
 * prototype other than Object's, a `toJSON`), which takes the round trip.
 */
function flatCopy(e: unknown): Evidence | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(e);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const copy: Record<string, string | number | boolean> = {};
  for (const key of Object.keys(e)) {
    // Assigning `__proto__` would set the copy's prototype, not a field: the round trip keeps it as a field.
    if (key === '__proto__') return undefined;
    const value: unknown = (e as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'boolean') copy[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) copy[key] = value === 0 ? 0 : value;
    else return undefined;
  }
  return copy as unknown as Evidence;
}

/**
 * The evidence of a reported finding as plain data, sorted. Each item is copied as one JSON round
 * trip would give it (no undefined, no class instances, no getters, so reports round-trip); the
 * usual flat item is copied field by field, anything else goes through the round trip. Sort keys
 * are kept beside the items (no wrapper object per item), and the usual evidence, already in
 * order, is not sorted at all. The copies are plain data, so the JSON of the array (in a finding's
 * sort key) is the JSON of the items as given.
 */
function copyEvidence(given: readonly unknown[], where: string): Evidence[] {
  let items: Evidence[] = [];
  // The sort key once per item, not twice per comparison; a single item (the usual case) needs none.
  const keys: string[] = [];
  let inOrder = true;
  for (const e of given) {
    let item: unknown = flatCopy(e);
    if (item === undefined) {
      // JSON.stringify gives undefined for a function or symbol item, which an array writes as null: no recordId either way.
      const text = JSON.stringify(e) as string | undefined;
      item = text === undefined ? null : JSON.parse(text);
    }
    if (!hasRecordId(item)) throw new MalformedOutcome(`${where} has evidence without a recordId`);
    items.push(item as Evidence);
    if (given.length > 1) {
      const key = evidenceKey(item as Evidence);
      if (keys.length > 0 && (keys[keys.length - 1] as string) > key) inOrder = false;
      keys.push(key);
    }
  }
  if (!inOrder) {
    // A stable sort of positions by key, as a sort of the items themselves would order them.
    const copies = items;
    items = keys
      .map((_, i) => i)
      .sort((a, b) => compareText(keys[a] as string, keys[b] as string))
      .map((i) => copies[i] as Evidence);
  }
  return items;
}

/** The mitigations of a finding as plain data sorted by record and field, or undefined when it has none. */
function checkMitigations(given: unknown, where: string): Mitigation[] | undefined {
  if (given === undefined) return undefined;
  if (!Array.isArray(given)) throw new MalformedOutcome(`${where} has mitigatedBy that is not an array`);
  if (given.length === 0) return undefined;
  const out: Mitigation[] = [];
  for (const m of given as unknown[]) {
    if (typeof m !== 'object' || m === null) throw new MalformedOutcome(`${where} has a mitigation without recordId, field and explains`);
    // Each field is read once: a getter could answer differently on a second read.
    const { recordId, field, explains } = m as Partial<Mitigation>;
    if (typeof recordId !== 'string' || recordId === '' || typeof field !== 'string' || typeof explains !== 'string') {
      throw new MalformedOutcome(`${where} has a mitigation without recordId, field and explains`);
    }
    out.push({ recordId, field, explains });
  }
  const key = (m: Mitigation): string => `${m.recordId}\u0000${m.field}\u0000${m.explains}`;
  return out.sort((a, b) => compareText(key(a), key(b)));
}

/**
 * The context an indicator evaluates every subject of a run with: built once per indicator and
 * run, not per call, and frozen, so no subject's evaluation can change what the next one sees.
 */
export function evaluationContext(
  resolved: ResolvedIndicator,
  base: Omit<EvaluationContext<unknown, unknown>, 'options' | 'prepared' | 'notEvaluated'>,
  prepared: unknown,
): EvaluationContext<unknown, unknown> {
  return Object.freeze({
    asOf: base.asOf,
    asOfMs: base.asOfMs,
    watchlists: base.watchlists,
    reference: base.reference,
    options: resolved.options as object,
    prepared,
    notEvaluated,
  });
}

/** No findings: shared and frozen, for the lists of outcomes that have none. */
const noFindings: readonly CheckedFinding[] = Object.freeze([]);

/**
 * What an indicator that found nothing gave: most runs, so one shared outcome rather than an
 * object and two arrays per call; frozen, so no consumer can add to what every subject shares.
 */
const ranEmpty: RunOutcome = Object.freeze({ status: 'ran', findings: noFindings, mitigated: noFindings });

/**
 * Runs one indicator on one subject and checks what it returned; never throws, whatever the
 * indicator throws or returns. The engine is synchronous: a promise (an `async evaluate`) is an
 * error, and its rejection is handled so the host never sees an unhandled rejection. More than
 * `maxFindings` findings is an error too, found before any finding is read.
 */
export function runIndicator(resolved: ResolvedIndicator, view: SubjectView, context: EvaluationContext<unknown, unknown>, maxFindings: number): RunOutcome {
  let outcome: unknown;
  try {
    outcome = resolved.indicator.evaluate(view, context);
  } catch (cause) {
    return { status: 'error', message: `threw: ${describeThrown(cause)}`, cause };
  }
  if (isThenable(outcome)) {
    ignoreSettlement(outcome);
    return { status: 'error', message: 'returned a promise; evaluate must be synchronous (the engine does not await it)' };
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
    const produced = outcome.length;
    if (produced > maxFindings) {
      return { status: 'error', message: `produced ${produced} findings, more than the cap of ${maxFindings} (config maxFindingsPerIndicator)` };
    }
    if (produced === 0) return ranEmpty;
    const findings: CheckedFinding[] = [];
    // Usually none: the shared empty list then, not an array per call.
    let mitigated: CheckedFinding[] | undefined;
    for (let index = 0; index < produced; index++) {
      const checked = checkFinding(outcome[index], index, resolved, produced > 1);
      if (checked === undefined) continue;
      if (checked.mitigatedBy !== undefined) (mitigated ??= []).push(checked);
      if (checked.strength > 0) findings.push(checked);
    }
    return findings.length === 0 && mitigated === undefined ? ranEmpty : { status: 'ran', findings, mitigated: mitigated ?? noFindings };
  } catch (error) {
    return { status: 'error', message: `malformed outcome: ${describeThrown(error)}` };
  }
}
