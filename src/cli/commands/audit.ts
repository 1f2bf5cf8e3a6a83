import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { auditImpact, renderAuditMarkdown } from '../../decisions/audit';
import { bandOrder, type Band } from '../../engine/config';
import { helpTexts } from '../help';
import { CliUsageError, write, type CliIo } from '../io';
import { checkOut, emit } from '../commandSupport';
import { firstRepeatedKey } from '../../text/repeatedKeys';

async function readText(path: string, io: CliIo, what: string): Promise<string> {
  try {
    return (await readFile(resolvePath(io.cwd, path), 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    throw new CliUsageError(`cannot read ${what} ${path}. Check the path.`);
  }
}

/** Refuses a JSON text that repeats a key: JSON.parse keeps the last value, so a band or a label given twice would be read as one of them unseen. */
function refuseRepeatedKeys(text: string, where: string, what: 'report' | 'label'): void {
  const repeated = firstRepeatedKey(text);
  if (repeated === undefined) return;
  throw new CliUsageError(`${where}: ${repeated}; JSON keeps only the last value, so the ${what}s could be read wrong. Give each key once.`);
}

/** Reads the output of `redflags score`: JSON `{ reports: [...] }` or NDJSON with `report` lines. */
export function parseScoredReports(text: string, name: string): { subjectId: string; band: Band }[] {
  const pick = (value: unknown, where: string): { subjectId: string; band: Band } => {
    const r = value as { subjectId?: unknown; band?: unknown };
    if (typeof r?.subjectId !== 'string' || !(bandOrder as readonly unknown[]).includes(r.band)) {
      throw new CliUsageError(`${name}: ${where} is not a report with subjectId and band. Pass the JSON or NDJSON output of \`redflags score\`.`);
    }
    return { subjectId: r.subjectId, band: r.band as Band };
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{"recordType"')) {
    const out: { subjectId: string; band: Band }[] = [];
    trimmed.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let value: { recordType?: unknown };
      try {
        value = JSON.parse(line) as { recordType?: unknown };
      } catch {
        throw new CliUsageError(`${name}: line ${i + 1} is not valid JSON.`);
      }
      refuseRepeatedKeys(line, `${name}: line ${i + 1}`, 'report');
      if (value.recordType === 'report') out.push(pick(value, `line ${i + 1}`));
    });
    return out;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (error) {
    throw new CliUsageError(
      `${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Pass the output of \`redflags score --format json\`.`,
    );
  }
  refuseRepeatedKeys(trimmed, name, 'report');
  const reports = (doc as { reports?: unknown })?.reports;
  if (!Array.isArray(reports)) throw new CliUsageError(`${name}: expected { "reports": [...] }, the output of \`redflags score --format json\`.`);
  return reports.map((r, i) => pick(r, `reports[${i}]`));
}

/** Splits one CSV line, with double-quoted fields ("" for a quote inside). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/**
 * Reads group labels: JSON `{ "<subjectId>": { "<category>": "<label>" } }`, or CSV with a header
 * `subjectId,<category>,...` and one row per subject.
 */
export function parseGroupLabels(text: string, name: string): Map<string, Record<string, string>> {
  const trimmed = text.trim();
  const labels = new Map<string, Record<string, string>>();
  if (trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (error) {
      throw new CliUsageError(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    refuseRepeatedKeys(trimmed, name, 'label');
    for (const [subjectId, record] of Object.entries(doc as Record<string, unknown>)) {
      if (typeof record !== 'object' || record === null || Object.values(record).some((v) => typeof v !== 'string')) {
        throw new CliUsageError(`${name}: "${subjectId}" must map categories to string labels, e.g. {"sex": "female"}.`);
      }
      labels.set(subjectId, record as Record<string, string>);
    }
    return labels;
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = csvFields(lines[0] ?? '');
  if (header[0] !== 'subjectId' || header.length < 2)
    throw new CliUsageError(`${name}: a CSV needs a header "subjectId,<category>,..." (got "${lines[0] ?? ''}").`);
  const columns = new Set<string>();
  let twice: string | undefined;
  for (const column of header) {
    if (columns.has(column)) twice ??= column;
    columns.add(column);
  }
  if (twice !== undefined) throw new CliUsageError(`${name}: the header names the column "${twice}" twice; give each column once.`);
  lines.slice(1).forEach((line, i) => {
    const fields = csvFields(line);
    if (fields.length !== header.length) throw new CliUsageError(`${name}: line ${i + 2} has ${fields.length} fields; the header has ${header.length}.`);
    const record: Record<string, string> = {};
    header.slice(1).forEach((category, k) => {
      const value = fields[k + 1] as string;
      if (value !== '') record[category] = value;
    });
    const subjectId = fields[0] as string;
    if (labels.has(subjectId)) throw new CliUsageError(`${name}: line ${i + 2} labels subject "${subjectId}" again; give each subject one row.`);
    labels.set(subjectId, record);
  });
  return labels;
}

/** `redflags audit`: selection rates and impact ratios per group, from scored reports and group labels kept outside scoring. */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      groups: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'min-group-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.audit);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliUsageError(
      `audit takes one input: the output of redflags score (got ${positionals.length}). Example: redflags audit scores.json --groups groups.csv`,
    );
  if (values.groups === undefined)
    throw new CliUsageError('audit needs --groups <file>: the group labels per subject, kept outside the scoring input (JSON or CSV with a subjectId column).');
  const format = values.format ?? (values.out !== undefined && /\.json$/i.test(values.out) ? 'json' : 'markdown');
  if (format !== 'json' && format !== 'markdown') throw new CliUsageError(`unknown --format "${format}". Use markdown or json.`);
  let minGroupSize: number | undefined;
  if (values['min-group-size'] !== undefined) {
    minGroupSize = Number(values['min-group-size']);
    if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
      throw new CliUsageError(`--min-group-size "${values['min-group-size']}" must be a whole number of at least 1.`);
  }
  if (values.out !== undefined) await checkOut(values.out, positionals[0] as string, io, [values.groups]);
  const source = positionals[0] as string;
  const reports = parseScoredReports(await readText(source, io, 'the scores'), source);
  const labels = parseGroupLabels(await readText(values.groups, io, 'the group labels'), values.groups);
  const result = auditImpact(reports, labels, minGroupSize !== undefined ? { minGroupSize } : {});
  await emit(io, values.out, format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderAuditMarkdown(result), format === 'json' ? 'json' : 'text');
  return 0;
}
