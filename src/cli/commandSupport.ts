import { firstRepeatedKey } from '../text/repeatedKeys';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { scorerConfigSchema, type ScorerConfig } from '../engine/config';
import type { BatchInput } from '../engine/createScorer';
import type { Issue } from '../errors/ScoringError';
import { toIssues } from '../records/validate';
import { printable } from '../render/format';
import { docsLink } from '../docsLink';
import { configProblems } from './config';
import type { CliRejected, InputFormat, LoadedInput } from './readInput';
import { CliUsageError, say, type CliIo } from './io';
import { writeOutput } from './output';
import { terminalFilter } from './formats';

// What the commands share: exit codes, config loading, batch input, rejected records, `--out`.

export const EXIT_OK = 0;
export const EXIT_FAIL_ON = 1;
export const EXIT_USAGE = 2;

export function describeRejected(record: CliRejected): string {
  // A document-level problem (the reference section, a top-level key) has no position in a list.
  const where = record.line !== undefined ? `line ${record.line}` : record.kind === 'document' ? undefined : `${record.kind}s[${record.index}]`;
  const name =
    record.recordId !== undefined
      ? `${record.kind} "${printable(record.recordId)}"`
      : record.kind === 'document'
        ? where === undefined
          ? 'input document'
          : 'input'
        : `${record.kind} without id`;
  const lines = [where === undefined ? `${name}:` : `${name} (${where}):`];
  for (const issue of record.issues) lines.push(`  - ${issue.path === '' ? '(record)' : printable(issue.path)}: ${printable(issue.message)}`);
  return lines.join('\n');
}

export function formatIssueList(prefix: string, issues: readonly Issue[]): string {
  return issues.map((i) => `  - ${prefix === '' && i.path === '' ? '(config)' : `${prefix}${i.path}`}: ${i.message}`).join('\n');
}

export async function loadConfig(path: string, io: CliIo): Promise<ScorerConfig> {
  let text: string;
  try {
    text = await readFile(resolvePath(io.cwd, path), 'utf8');
  } catch {
    throw new CliUsageError(
      `cannot read the config file ${path}. Check the path; the config is a JSON file such as {"indicators": {"activity/excessive-hours": {"weight": 1}}}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`the config file ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  // JSON.parse keeps a repeated key's last value: a weight or an indicator given twice must not pass unnoticed.
  const repeated = firstRepeatedKey(text);
  if (repeated !== undefined) throw new CliUsageError(`invalid config in ${path}: ${repeated}; give each key once.`);
  const problems = configProblems(value);
  const result = scorerConfigSchema.safeParse(value);
  // The precise problems come first; the engine's own issues are kept unless one of them already covers that path.
  // Unknown keys are among the precise problems already, with the list of known keys.
  const engineIssues = result.success ? [] : result.error.issues.filter((i) => i.code !== 'unrecognized_keys');
  const vague = toIssues(engineIssues).filter((i) => !problems.some((p) => p.path === i.path || p.path.startsWith(`${i.path}.`)));
  if (problems.length > 0 || vague.length > 0) {
    throw new CliUsageError(
      `invalid config in ${path}:\n${formatIssueList('', [...problems, ...vague])}\nFix these fields; the config format: ${docsLink('docs/configuration.md')}`,
    );
  }
  return value as ScorerConfig;
}

export function pickInputFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  if (value !== 'json' && value !== 'ndjson') throw new CliUsageError(`unknown --input-format "${value}". Use json or ndjson, or leave it out to detect it.`);
  return value;
}

export function toBatchInput(input: LoadedInput, asOf: string | undefined): BatchInput {
  return {
    ...(asOf !== undefined ? { asOf } : {}),
    subjects: input.subjects,
    events: input.events,
    watchlists: input.watchlists,
    ...(input.suppressions.length > 0 ? { suppressions: input.suppressions } : {}),
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
    ...(input.inputs !== undefined ? { inputs: input.inputs } : {}),
  };
}

/** Lists rejected records on standard error (the first 50), each with its position and field paths. */
export async function reportRejected(io: CliIo, rejected: readonly CliRejected[]): Promise<void> {
  if (rejected.length === 0) return;
  const shown = rejected.slice(0, 50);
  const lines = [`redflags: ${rejected.length} invalid record${rejected.length === 1 ? ' was' : 's were'} not scored; every valid record was.`];
  for (const record of shown) lines.push(describeRejected(record));
  if (rejected.length > shown.length) lines.push(`… and ${rejected.length - shown.length} more. Run \`redflags validate <file> --json\` for the full list.`);
  lines.push('Fix the fields above and score again (see `redflags schema` for the record model).');
  await say(io.stderr, `${lines.join('\n')}\n`);
}

export async function reportWarnings(io: CliIo, warnings: readonly CliRejected[] | undefined): Promise<void> {
  if (warnings === undefined || warnings.length === 0) return;
  const lines = [
    `redflags: ${warnings.length} record${warnings.length === 1 ? ' was' : 's were'} accepted with unknown keys dropped (--lenient):`,
    ...warnings.map(describeRejected),
  ];
  await say(io.stderr, `${lines.join('\n')}\n`);
}

/**
 * Writes one finished text to standard output or to `--out` (a temporary file renamed when
 * complete), as `score` writes its reports. On a terminal, JSON has its control and bidi
 * characters escaped as \uXXXX (the same values) and any other text has them replaced.
 */
export async function emit(io: CliIo, out: string | undefined, text: string, kind: 'json' | 'text'): Promise<void> {
  await writeOutput(io, out, [text], terminalFilter(kind === 'json' ? 'json' : 'markdown', io, out));
}

/**
 * Checks `--out` before any scoring, so a mistake costs seconds, not the whole run: its directory
 * must exist, and it must be neither a directory nor a file the command reads (writing over the
 * input, the config, the outcomes or a key file would destroy it).
 *
 * @param source the input file (`-` for standard input).
 * @param alsoRead the other files the command reads (`--config`, `--outcomes`, a key file, ...).
 */
export async function checkOut(out: string, source: string, io: CliIo, alsoRead: readonly (string | undefined)[] = []): Promise<void> {
  const target = resolvePath(io.cwd, out);
  const dir = dirname(target);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (dirInfo === undefined || !dirInfo.isDirectory()) {
    throw new CliUsageError(`cannot write ${out}: the directory ${dir} does not exist. Create it first (mkdir -p), or pick another --out.`);
  }
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory() === true) throw new CliUsageError(`--out ${out} is a directory. Give a file name, e.g. --out ${join(out, 'report.json')}.`);
  if (info === undefined) return;
  const isTarget = async (file: string): Promise<boolean> => {
    if (file === '-') return false;
    const path = resolvePath(io.cwd, file);
    if (path === target) return true;
    // Another name for the same file (a link, a relative path through a symlink).
    const read = await stat(path).catch(() => undefined);
    return read !== undefined && read.ino === info.ino && read.dev === info.dev;
  };
  if (await isTarget(source)) {
    throw new CliUsageError(`--out ${out} is the input file: writing the report there would destroy the records. Pick another --out.`);
  }
  for (const file of alsoRead) {
    if (file !== undefined && (await isTarget(file))) {
      const same = file === out ? '' : ` (${file})`;
      throw new CliUsageError(`--out ${out} is a file this command reads${same}: writing the output there would destroy it. Pick another --out.`);
    }
  }
}
