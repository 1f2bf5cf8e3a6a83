import { readFileSync } from 'node:fs';
import { createCsvRowReader } from '../../src/connectors/text/csv';
import { createJsonRowSplitter } from '../../src/connectors/text/json-rows';
import { createImporter, type ImportedRecord, type ImportOptions, type SourceRow } from '../../src/connectors/run';
import type { Connector } from '../../src/connectors/contract';
import { commonWrappers } from '../../src/connectors/contract';
import type { MappingReport } from '../../src/connectors/report';

/** The text of a connector fixture. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Splits a text into rows the way the command does, in chunks of the given size. */
export function rowsOf(connector: Connector, text: string, chunkSize = 7): SourceRow[] {
  const splitter = connector.format === 'csv' ? createCsvRowReader() : createJsonRowSplitter(connector.wrappers ?? commonWrappers);
  const rows: SourceRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) rows.push(...splitter.write(text.slice(i, i + chunkSize)));
  rows.push(...splitter.end());
  return rows;
}

/** Imports rows: records and the report. */
export function runImport(connector: Connector, rows: readonly SourceRow[], options: ImportOptions = {}): { records: ImportedRecord[]; report: MappingReport } {
  const importer = createImporter(connector, options);
  const records: ImportedRecord[] = [];
  for (const row of rows) records.push(...importer.push(row));
  records.push(...importer.finish());
  return { records, report: importer.report() };
}

/** Imports a fixture file. */
export function importFixture(connector: Connector, name: string, options: ImportOptions = {}): { records: ImportedRecord[]; report: MappingReport } {
  return runImport(connector, rowsOf(connector, fixture(name)), options);
}

/** A record by id. */
export function byId(records: readonly ImportedRecord[], id: string): ImportedRecord | undefined {
  return records.find((r) => r['id'] === id);
}

/** Present leaf paths of a row, as the report spells them (array indices collapsed), lower case. */
export function leafPaths(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => leafPaths(item, `${path}[]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leafPaths(v, path === '' ? k : `${path}.${k}`, out);
  else if (value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '')) out.add(path.toLowerCase());
  return out;
}

/** Every path the report counts (mapped, ignored, invalid or unmapped), lower case. */
export function countedPaths(report: MappingReport): Set<string> {
  return new Set([...report.fields.mapped, ...report.fields.ignored, ...report.fields.invalid, ...report.fields.unmapped].map((f) => f.path.toLowerCase()));
}
