import { z } from 'zod';
import { inputDocumentSchema } from './batchInput';
import { activityEventSchema } from './events';
import { subjectSchema } from './subject';

/** The record kinds whose JSON Schema can be generated. */
export type SchemaName = 'input' | 'subject' | 'event';

const schemas = { input: inputDocumentSchema, subject: subjectSchema, event: activityEventSchema } as const;

/**
 * The JSON Schema (draft 2020-12) of an input record kind, generated from the zod schemas — the
 * one source of truth — for callers that do not use TypeScript.
 *
 * @example
 * ```ts
 * import { jsonSchema } from 'redflags';
 * const schema = jsonSchema('input'); // what `redflags schema` prints
 * ```
 */
export function jsonSchema(name: SchemaName = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schemas[name], { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
