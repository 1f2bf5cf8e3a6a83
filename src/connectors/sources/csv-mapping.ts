import { z } from 'zod';
import { toIssues } from '../../records/validate';
import { defineConnector, skip, type Connector, type RowResult } from '../contract';
import type { FieldReader } from '../reader';

const valueTypes = ['string', 'lowercase', 'number', 'integer', 'boolean', 'date', 'datetime', 'country', 'list'] as const;

/** Where a record field path may point: `identity.residence.country`, `contacts.emails[0].address`. */
const fieldPathSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?)*$/,
    'Expected a field path such as identity.residence.country or contacts.emails[0].address',
  );

/** How one column maps onto a record field. */
export const columnMappingSchema = z.union([
  fieldPathSchema,
  z
    .object({
      field: fieldPathSchema.describe('Record field the column fills.'),
      type: z
        .enum(valueTypes)
        .optional()
        .describe(
          'How the cell is read (default string): string, lowercase, number, integer, boolean, date (YYYY-MM-DD), datetime (ISO 8601 UTC), country (name or ISO code to alpha-2), list (split on separator).',
        ),
      values: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
        .optional()
        .describe(
          'Value map, matched case-insensitively: the cell "Full-Time" with { "full-time": "employee" } gives "employee". Cells not in the map are counted as invalid.',
        ),
      with: z
        .record(fieldPathSchema, z.union([z.string(), z.number(), z.boolean()]))
        .optional()
        .describe('Constants set only when the cell has a value, e.g. { "contacts.emails[0].kind": "work" }.'),
      append: z.boolean().optional().describe('Append to a text the field already holds, with a space (e.g. first and last name into one name).'),
      separator: z.string().min(1).optional().describe('Separator of list cells (default ";").'),
      prefix: z.string().optional().describe('Text put before the value (e.g. "cand-").'),
    })
    .strict(),
]);

/** A declarative CSV mapping: which column fills which field of a subject or event record. */
export const csvMappingSchema = z
  .object({
    title: z.string().min(1).describe('What the export is, e.g. "HRIS worker export".'),
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe("Source id: record-id prefix and the events' `source`, e.g. hris, ats."),
    recordType: z.enum(['subject', 'event']).describe('What each row becomes.'),
    id: z
      .object({ column: z.string().min(1), prefix: z.string().optional(), lowercase: z.boolean().optional() })
      .strict()
      .describe('Column holding the record id; rows without one are skipped.'),
    subjectId: z
      .object({ column: z.string().min(1), prefix: z.string().optional(), lowercase: z.boolean().optional() })
      .strict()
      .optional()
      .describe('For events: column holding the subject id.'),
    dateOrder: z
      .enum(['iso', 'month-first', 'day-first'])
      .optional()
      .describe('How slashed dates are ordered (default iso: slashed dates are refused as ambiguous).'),
    constants: z
      .record(fieldPathSchema, z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Fields set on every record, e.g. { "kind": "employee" }.'),
    columns: z.record(z.string(), columnMappingSchema).describe('Column name (case-insensitive) to field.'),
    ignore: z.record(z.string(), z.string()).optional().describe('Columns left out on purpose, with why; reported as ignored rather than unmapped.'),
    docs: z
      .array(z.object({ title: z.string(), url: z.string() }).strict())
      .optional()
      .describe('Vendor pages the mapping follows.'),
  })
  .strict();

/** A declarative CSV mapping; see {@link csvMappingSchema}. */
export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** Result of checking a mapping: the mapping, or the problems with their paths. */
export type CsvMappingCheck =
  { readonly ok: true; readonly mapping: CsvMapping } | { readonly ok: false; readonly problems: readonly { path: string; message: string }[] };

/** Checks a parsed mapping file; every problem comes with its path in the file. */
export function checkCsvMapping(value: unknown): CsvMappingCheck {
  const result = csvMappingSchema.safeParse(value);
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, problems: toIssues(result.error.issues) };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, append: boolean): void {
  const segments = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < segments.length; i++) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(segments[i] as string) as RegExpExecArray;
    const key = m[1] as string;
    const index = m[2] !== undefined ? Number(m[2]) : undefined;
    const last = i === segments.length - 1;
    const container = node as Record<string, unknown>;
    if (index === undefined) {
      if (last) {
        const prev = container[key];
        container[key] = append && typeof prev === 'string' && typeof value === 'string' ? `${prev} ${value}` : value;
        return;
      }
      if (typeof container[key] !== 'object' || container[key] === null) container[key] = {};
      node = container[key] as Record<string, unknown>;
    } else {
      if (!Array.isArray(container[key])) container[key] = [];
      const list = container[key] as unknown[];
      // Indices give positions; gaps left by empty cells are closed when the record is compacted.
      while (list.length <= index) list.push(undefined);
      if (last) {
        const prev = list[index];
        list[index] = append && typeof prev === 'string' && typeof value === 'string' ? `${prev} ${value}` : value;
        return;
      }
      if (typeof list[index] !== 'object' || list[index] === null) list[index] = {};
      node = list[index] as Record<string, unknown>;
    }
  }
}

type ColumnSpec = Exclude<CsvMapping['columns'][string], string>;

function readCell(row: FieldReader, column: string, spec: ColumnSpec, dateOrder: CsvMapping['dateOrder']): unknown {
  if (spec.values !== undefined) {
    const table: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(spec.values)) table[k.trim().toLowerCase()] = v;
    return row.oneOf(column, table, "value not in the mapping's values");
  }
  switch (spec.type ?? 'string') {
    case 'lowercase':
      return row.string(column)?.toLowerCase();
    case 'number':
      return row.number(column);
    case 'integer':
      return row.count(column);
    case 'boolean':
      return row.boolean(column);
    case 'date':
      return row.date(column, dateOrder ?? 'iso');
    case 'datetime':
      return row.time(column);
    case 'country':
      return row.country(column);
    case 'list': {
      const text = row.string(column);
      if (text === undefined) return undefined;
      const items = text
        .split(spec.separator ?? ';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return items.length > 0 ? items : undefined;
    }
    default:
      return row.string(column);
  }
}

function idOf(row: FieldReader, spec: { column: string; prefix?: string | undefined; lowercase?: boolean | undefined }): string | undefined {
  const raw = row.string(spec.column);
  if (raw === undefined) return undefined;
  return `${spec.prefix ?? ''}${spec.lowercase === true ? raw.toLowerCase() : raw}`;
}

/**
 * A connector for a CSV export described by a declarative mapping (see {@link csvMappingSchema}):
 * each column fills a record field, with date, country and value-map parsing; unmapped columns
 * are counted, columns under `ignore` are reported with their reason.
 */
export function csvConnector(mapping: CsvMapping): Connector {
  const mapRow = (row: FieldReader, ctx: { source: string }): RowResult => {
    const id = idOf(row, mapping.id);
    if (id === undefined) return skip(`no value in the id column "${mapping.id.column}"`);
    const record: Record<string, unknown> = { id };
    if (mapping.recordType === 'event') {
      if (mapping.subjectId === undefined) return skip('the mapping has no subjectId column for events');
      const subjectId = idOf(row, mapping.subjectId);
      if (subjectId === undefined) return skip(`no value in the subject column "${mapping.subjectId.column}"`);
      record['subjectId'] = subjectId;
      record['source'] = ctx.source;
    }
    for (const [path, value] of Object.entries(mapping.constants ?? {})) setPath(record, path, value, false);
    for (const [column, mapped] of Object.entries(mapping.columns)) {
      const spec: ColumnSpec = typeof mapped === 'string' ? { field: mapped } : mapped;
      const value = readCell(row, column, spec, mapping.dateOrder);
      if (value === undefined) continue;
      setPath(record, spec.field, typeof value === 'string' && spec.prefix !== undefined ? `${spec.prefix}${value}` : value, spec.append === true);
      for (const [path, constant] of Object.entries(spec.with ?? {})) setPath(record, path, constant, false);
    }
    return { records: [{ recordType: mapping.recordType, record }] };
  };
  return defineConnector({
    id: mapping.source,
    title: mapping.title,
    docs: mapping.docs ?? [],
    format: 'csv',
    ignored: mapping.ignore ?? {},
    mapRow,
  });
}
