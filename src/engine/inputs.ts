import type { Issue } from '../errors/ScoringError';
import type { StandardSchemaV1 } from '../contract/standardSchema';
import { formatPath } from '../records/validate';
import { ignoreSettlement, isThenable } from './thenable';
import { describeThrown } from './thrown';
import type { ResolvedConfig } from './resolve';

/** The schemas the enabled indicators declare for each named batch input (`inputs.<name>`). */
export type DeclaredInputs = ReadonlyMap<string, readonly StandardSchemaV1[]>;

/** Collects, once per scorer, the named inputs the enabled indicators declare; one schema object declared by several indicators counts once. */
export function declaredInputs(config: ResolvedConfig): DeclaredInputs {
  const out = new Map<string, StandardSchemaV1[]>();
  for (const r of config.indicators) {
    if (!r.enabled || r.indicator.inputs === undefined) continue;
    for (const [name, schema] of Object.entries(r.indicator.inputs)) {
      const list = out.get(name);
      if (list === undefined) out.set(name, [schema]);
      else if (!list.includes(schema)) list.push(schema);
    }
  }
  return out;
}

/** The batch's named inputs, the declared ones validated, and what was wrong with the others. */
export interface ValidatedInputs {
  /** Frozen: declared inputs as their schema outputs (defaults applied), the rest as given. An invalid input is left out. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Every problem of an invalid declared input, with its path from the document (`inputs.linkSettings.ipWindowHours`). */
  readonly issues: readonly Issue[];
}

function validateOne(schema: StandardSchemaV1, value: unknown, name: string): { value: unknown; issues: Issue[] } {
  let result: ReturnType<StandardSchemaV1['~standard']['validate']>;
  try {
    result = schema['~standard'].validate(value);
  } catch (thrown) {
    return { value: undefined, issues: [{ path: `inputs.${name}`, message: `could not be validated: ${describeThrown(thrown)}` }] };
  }
  if (isThenable(result)) {
    // Never awaited: the engine is synchronous, and a schema that is not cannot check the input.
    ignoreSettlement(result);
    return { value: undefined, issues: [{ path: `inputs.${name}`, message: 'has an asynchronous schema, which the engine cannot use' }] };
  }
  if (result.issues === undefined) return { value: result.value, issues: [] };
  return {
    value: undefined,
    issues: result.issues.map((issue) => ({
      path: formatPath(['inputs', name, ...(issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p))]),
      message: issue.message,
    })),
  };
}

/**
 * Validates the named inputs of a batch once, with the schemas the indicators declared, before any
 * `prepare` runs: a malformed input is one entry with field paths, and is left out (its
 * indicators use their defaults), rather than an error in every report of every indicator that
 * reads it. Inputs no indicator declares are passed on as given.
 */
export function validateInputs(given: Readonly<Record<string, unknown>>, declared: DeclaredInputs): ValidatedInputs {
  const inputs: Record<string, unknown> = { ...given };
  const issues: Issue[] = [];
  for (const [name, schemas] of declared) {
    const value = inputs[name];
    // null is no data, as in records: the indicators use their defaults.
    if (value === undefined || value === null) {
      delete inputs[name];
      continue;
    }
    let output: unknown;
    let failed = false;
    for (const schema of schemas) {
      const result = validateOne(schema, value, name);
      for (const issue of result.issues) issues.push(issue);
      if (result.issues.length > 0) failed = true;
      else if (output === undefined) output = result.value;
    }
    if (failed) delete inputs[name];
    else inputs[name] = output;
  }
  return { inputs: Object.freeze(inputs), issues };
}
