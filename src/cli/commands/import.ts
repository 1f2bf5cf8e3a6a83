import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { docsLink } from '../../docsLink';
import { terminalSafe } from '../../render/format';
import { commonWrappers, type Connector } from '../../connectors/contract';
import { csvMappings } from '../../connectors/mappings/index';
import { connectors } from '../../connectors/registry';
import type { MappingReport } from '../../connectors/report';
import { createImporter, type SourceRow } from '../../connectors/run';
import { checkCsvMapping, csvConnector } from '../../connectors/sources/csv-mapping';
import { createOsqueryConnector } from '../../connectors/sources/osquery';
import { createGitHubAuditConnector, githubAuditConnector } from '../../connectors/sources/github-audit';
import { createCsvRowReader } from '../../connectors/text/csv';
import { createJsonRowSplitter } from '../../connectors/text/json-rows';
import { helpTexts } from '../help';
import { checkOut } from '../commandSupport';
import { terminalFilter } from '../formats';
import { CliUsageError, write, type CliIo } from '../io';
import { writeOutput } from '../output';
import { countOf } from '../../text/plural';
import { firstRepeatedKey } from '../../text/repeatedKeys';

const sourceIds = [...Object.keys(connectors), 'csv'];

async function loadMapping(name: string, io: CliIo): Promise<Connector> {
  const shipped = Object.hasOwn(csvMappings, name) ? csvMappings[name] : undefined;
  if (shipped !== undefined) return csvConnector(shipped);
  let text: string;
  try {
    text = await readFile(resolvePath(io.cwd, name), 'utf8');
  } catch {
    throw new CliUsageError(
      `cannot read the mapping ${name}: no such file, and no shipped mapping has that name (shipped: ${Object.keys(csvMappings).join(', ')}).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`the mapping ${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const repeated = firstRepeatedKey(text);
  if (repeated !== undefined) throw new CliUsageError(`invalid mapping in ${name}: ${repeated}; give each key once.`);
  const checked = checkCsvMapping(value);
  if (!checked.ok) {
    throw new CliUsageError(
      `invalid mapping in ${name}:\n${checked.problems.map((p) => `  - ${p.path === '' ? '(mapping)' : p.path}: ${p.message}`).join('\n')}\nThe mapping format: ${docsLink('docs/connectors.md')}`,
    );
  }
  return csvConnector(checked.mapping);
}

async function pickConnector(source: string, mapping: string | undefined, io: CliIo): Promise<Connector> {
  const id = source.toLowerCase();
  if (id === 'csv') {
    if (mapping === undefined)
      throw new CliUsageError(`import csv needs --mapping: a shipped mapping (${Object.keys(csvMappings).join(', ')}) or a JSON mapping file.`);
    return loadMapping(mapping, io);
  }
  if (mapping !== undefined) throw new CliUsageError(`--mapping is for csv sources; ${source} has its own mapping.`);
  // An own property only: "constructor" or "__proto__" is an unknown source, not a property of Object.prototype.
  const connector = Object.hasOwn(connectors, id) ? connectors[id] : undefined;
  if (connector === undefined) throw new CliUsageError(`unknown source "${source}". Sources: ${sourceIds.join(', ')}.`);
  return connector;
}

/** Plain `osqueryi --json` output carries no time and no host: `--at` and `--device` give them. */
function withPlainRowOptions(connector: Connector, at: string | undefined, device: string | undefined): Connector {
  if (at === undefined && device === undefined) return connector;
  if (connector.id !== 'osquery')
    throw new CliUsageError(`--at and --device are for plain osquery output; ${connector.id} rows carry their own time and device.`);
  try {
    return createOsqueryConnector({ ...(at !== undefined ? { at } : {}), ...(device !== undefined ? { device } : {}) });
  } catch (error) {
    throw new CliUsageError(`--at: ${error instanceof Error ? error.message : String(error)}. Example: --at 2024-04-02T12:00:00Z`);
  }
}

/** `--no-approvals`: the GitHub audit log written as it streams, merges without their approvals. */
function withoutApprovals(connector: Connector, noApprovals: boolean): Connector {
  if (!noApprovals) return connector;
  if (connector.id !== githubAuditConnector.id)
    throw new CliUsageError(`--no-approvals is for github-audit, whose merges are held for their reviews; ${connector.id} holds no merges.`);
  return createGitHubAuditConnector({ approvals: false });
}

async function openInput(file: string, io: CliIo): Promise<Readable> {
  if (file === '-') {
    io.stdin.setEncoding('utf8');
    return io.stdin;
  }
  const path = resolvePath(io.cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new CliUsageError(`cannot read ${file}: no such file. Check the path, or pass - to read standard input.`);
  return createReadStream(path, { encoding: 'utf8' });
}

/**
 * Reads a subject map: a CSV with an `account` and a `subject` column (case-insensitive), one
 * account a row. Accounts are matched lower-cased; accounts not in the map are skipped by name.
 */
async function loadSubjectMap(file: string, io: CliIo): Promise<Map<string, string>> {
  const input = await openInput(file, io);
  const reader = createCsvRowReader();
  const map = new Map<string, string>();
  const add = (rows: SourceRow[]): void => {
    for (const row of rows) {
      const cells = row.value as Record<string, string>;
      const key = (name: string) => Object.keys(cells).find((k) => k.toLowerCase() === name);
      const accountKey = key('account');
      const subjectKey = key('subject');
      if (accountKey === undefined || subjectKey === undefined)
        throw new CliUsageError(`the subject map ${file} needs an "account" and a "subject" column (line ${row.line ?? '?'}).`);
      const account = (cells[accountKey] ?? '').trim().toLowerCase();
      const subject = (cells[subjectKey] ?? '').trim();
      if (account !== '' && subject !== '') map.set(account, subject);
    }
  };
  for await (const chunk of input) add(reader.write(chunk as string));
  add(reader.end());
  return map;
}

/** Reads one file chunk by chunk (never the whole file at once) and yields its rows. */
async function* rowsOf(file: string, connector: Connector, io: CliIo, several: boolean): AsyncGenerator<SourceRow> {
  const input = await openInput(file, io);
  const splitter = connector.format === 'csv' ? createCsvRowReader() : createJsonRowSplitter(connector.wrappers ?? commonWrappers);
  const label = several ? { file } : {};
  try {
    for await (const chunk of input) for (const row of splitter.write(chunk as string)) yield { ...row, ...label };
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const row of splitter.end()) yield { ...row, ...label };
}

/** The report as people read it on standard error; `--report` has every detail as JSON. */
export function describeReport(report: MappingReport, files: number): string {
  const lines: string[] = [];
  const { rows, records } = report;
  lines.push(
    `redflags import ${report.source} (${report.title}): ${countOf(rows.read, 'row')} read from ${countOf(files, 'file')}: ${rows.mapped} mapped, ${countOf(rows.sessionEnds, 'session end')}, ${rows.skipped} skipped.`,
  );
  const byType = Object.entries(records.byType).map(([type, count]) => `${type} ${count}`);
  lines.push(`Records written: ${records.written}${byType.length > 0 ? ` (${byType.join(', ')})` : ''}.`);
  if (records.duplicates.identical + records.duplicates.conflicting > 0) {
    lines.push(`Duplicates dropped: ${records.duplicates.identical} identical, ${records.duplicates.conflicting} conflicting (the first kept).`);
  }
  if (report.sessionEnds.matched + report.sessionEnds.unmatched > 0) {
    lines.push(`Session ends: ${report.sessionEnds.matched} matched to a session, ${report.sessionEnds.unmatched} matching no session in the input.`);
  }
  if (report.skipped.byReason.length > 0) {
    lines.push('Skipped rows, by reason:');
    for (const { reason, count } of report.skipped.byReason.slice(0, 20)) lines.push(`  ${String(count).padStart(6)}  ${reason}`);
    if (report.skipped.byReason.length > 20) lines.push(`  … and ${report.skipped.byReason.length - 20} more reasons (see --report).`);
    const first = report.skipped.rows
      .slice(0, 10)
      .map((r) => `${r.file !== undefined ? `${r.file}:` : ''}${r.line !== undefined ? `line ${r.line}` : `row ${r.row}`}`);
    lines.push(`  first skipped: ${first.join(', ')}${report.skipped.rows.length > 10 || report.skipped.truncated ? ', …' : ''}`);
  }
  if (report.fields.unmapped.length > 0) {
    lines.push('Source fields not mapped (rows holding them):');
    for (const f of report.fields.unmapped.slice(0, 30)) lines.push(`  ${String(f.count).padStart(6)}  ${f.path}`);
    if (report.fields.unmapped.length > 30) lines.push(`  … and ${report.fields.unmapped.length - 30} more (see --report).`);
  }
  if (report.fields.invalid.length > 0) {
    lines.push('Values that could not be read (the field was left out of the record):');
    for (const f of report.fields.invalid)
      lines.push(
        `  ${String(f.count).padStart(6)}  ${f.path}: ${f.reason}${f.examples !== undefined ? ` (e.g. ${f.examples.map((e) => JSON.stringify(e)).join(', ')})` : ''}`,
      );
  }
  if (report.droppedRecordFields.length > 0) {
    lines.push('Record fields the validator refused (removed, the record kept):');
    for (const f of report.droppedRecordFields) lines.push(`  ${String(f.count).padStart(6)}  ${f.path}: ${f.reason}`);
  }
  if (report.fields.ignored.length > 0)
    lines.push(`Fields left out on purpose: ${report.fields.ignored.length} (listed with reasons in --report and ${docsLink('docs/connectors.md')}).`);
  // Column names, values and file names come from the export: nothing in them may restyle the terminal.
  return terminalSafe(`${lines.join('\n')}\n`);
}

/** `redflags import <source> <file...>`: maps exports onto records (NDJSON) and reports what happened to every row and field. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      out: { type: 'string', short: 'o' },
      report: { type: 'string' },
      subjects: { type: 'boolean' },
      'no-session-ends': { type: 'boolean' },
      'no-approvals': { type: 'boolean' },
      'subject-map': { type: 'string' },
      at: { type: 'string' },
      device: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.import);
    return 0;
  }
  const [source, ...files] = positionals;
  if (source === undefined)
    throw new CliUsageError(
      `import needs a source and at least one file. Sources: ${sourceIds.join(', ')}. Example: redflags import okta okta-export.json --out records.ndjson`,
    );
  if (files.length === 0)
    throw new CliUsageError(
      `import ${source} needs at least one file (or - for standard input). Example: redflags import ${source} export.json --out records.ndjson`,
    );
  if (files.filter((f) => f === '-').length > 1) throw new CliUsageError('standard input (-) can be read only once.');
  const connector = withoutApprovals(
    withPlainRowOptions(await pickConnector(source, values.mapping, io), values.at, values.device),
    values['no-approvals'] === true,
  );
  const subjectMap = values['subject-map'] !== undefined ? await loadSubjectMap(values['subject-map'], io) : undefined;
  const importer = createImporter(connector, {
    ...(subjectMap !== undefined ? { subjectIdOf: (account: string) => subjectMap.get(account.trim().toLowerCase()) } : {}),
    ...(values.subjects === true ? { emitSubjects: true } : {}),
    ...(values['no-session-ends'] === true ? { pairSessionEnds: false } : {}),
  });
  // Check every file before writing anything, so a typo costs nothing.
  for (const file of files) if (file !== '-') await openInput(file, io).then((s) => s.destroy());
  if (values.out !== undefined) {
    const [first = '-', ...others] = files;
    await checkOut(values.out, first, io, [...others, values.mapping, values['subject-map'], values.report]);
  }
  if (values.report !== undefined && values.out !== undefined && resolvePath(io.cwd, values.report) === resolvePath(io.cwd, values.out)) {
    throw new CliUsageError(`--report and --out are both ${values.out}: the mapping report would replace the records. Give them different files.`);
  }
  if (values.report !== undefined) await checkOut(values.report, files[0] ?? '-', io, [...files.slice(1), values.mapping, values['subject-map'], values.out]);
  async function* lines(): AsyncGenerator<string> {
    for (const file of files) {
      for await (const row of rowsOf(file, connector, io, files.length > 1)) {
        for (const record of importer.push(row)) yield `${JSON.stringify(record)}\n`;
      }
    }
    for (const record of importer.finishEach()) yield `${JSON.stringify(record)}\n`;
  }
  // Through a temporary file renamed when complete, as score writes: an interrupted import leaves the previous file.
  await writeOutput(io, values.out, lines(), terminalFilter('ndjson', io, values.out));
  const report = importer.report();
  if (values.report !== undefined) {
    try {
      await writeFile(resolvePath(io.cwd, values.report), `${JSON.stringify({ ...report, files }, null, 2)}\n`, 'utf8');
    } catch (error) {
      throw new CliUsageError(`cannot write the report ${values.report} (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  if (values.quiet !== true) await write(io.stderr, describeReport(report, files.length));
  return 0;
}
