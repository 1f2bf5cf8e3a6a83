import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { bandOrder, scorerConfigSchema, type Band, type ScorerConfig } from '../engine/config';
import { createScorer, type BatchInput, type BatchResult, type Scorer } from '../engine/createScorer';
import type { Issue } from '../errors/ScoringError';
import { isConfigError, isIndicatorOptionsError, isInvalidRecordError } from '../errors/guards';
import { builtinIndicators } from '../indicators/index';
import { dateTimeSchema } from '../records/common';
import { jsonSchema } from '../records/jsonSchema';
import { toIssues } from '../records/validate';
import { printable } from '../report/format';
import { renderHtml, renderMarkdown, renderTable, type ReportView } from '../report/index';
import { VERSION } from '../version';
import { configProblems } from './config';
import { importCommand } from './commands/import';
import { helpTexts } from './help';
import { loadInput, withLines, type CliRejected, type InputFormat, type LoadedInput } from './input';
import { CliUsageError, write, type CliIo } from './io';
import { createProgress, type Progress } from './progress';
import { scoreStream } from './stream';
import { scoreSharded } from './workers';

/** Output formats of `redflags score`. */
export const outputFormats = ['table', 'json', 'ndjson', 'markdown', 'html'] as const;
/** An output format of `redflags score`. */
export type OutputFormat = (typeof outputFormats)[number];

/** The JSON output of `redflags score`: the contract downstream tools rely on. */
export interface ScoreOutput {
  /** The point in time used. */
  readonly asOf: string;
  /** Where it came from: `input` (--as-of or the document) or `latest-event`. */
  readonly asOfSource: BatchResult['asOfSource'];
  /** Reports, highest score first. */
  readonly reports: BatchResult['reports'];
  /** Records that failed validation, with NDJSON line numbers when read from NDJSON. */
  readonly rejected: readonly CliRejected[];
}

const EXIT_OK = 0;
const EXIT_FAIL_ON = 1;
const EXIT_USAGE = 2;

function describeRejected(record: CliRejected): string {
  const where = [`${record.kind === 'document' ? 'line' : `${record.kind}s`}[${record.index}]`];
  if (record.line !== undefined) where[0] = `line ${record.line}`;
  const name = record.recordId !== undefined ? `${record.kind} "${printable(record.recordId)}"` : record.kind === 'document' ? 'input' : `${record.kind} without id`;
  const lines = [`${name} (${where.join(', ')}):`];
  for (const issue of record.issues) lines.push(`  - ${issue.path === '' ? '(record)' : printable(issue.path)}: ${printable(issue.message)}`);
  return lines.join('\n');
}

function formatIssueList(prefix: string, issues: readonly Issue[]): string {
  return issues.map((i) => `  - ${prefix === '' && i.path === '' ? '(config)' : `${prefix}${i.path}`}: ${i.message}`).join('\n');
}

async function loadConfig(path: string, io: CliIo): Promise<ScorerConfig> {
  let text: string;
  try {
    text = await readFile(resolvePath(io.cwd, path), 'utf8');
  } catch {
    throw new CliUsageError(`cannot read the config file ${path}. Check the path; the config is a JSON file such as {"indicators": {"activity/excessive-hours": {"weight": 1}}}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`the config file ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const problems = configProblems(value);
  const result = scorerConfigSchema.safeParse(value);
  // The precise problems come first; the engine's own issues are kept unless one of them already covers that path.
  // Unknown keys are among the precise problems already, with the list of known keys.
  const engineIssues = result.success ? [] : result.error.issues.filter((i) => i.code !== 'unrecognized_keys');
  const vague = toIssues(engineIssues).filter((i) => !problems.some((p) => p.path === i.path || p.path.startsWith(`${i.path}.`)));
  if (problems.length > 0 || vague.length > 0) {
    throw new CliUsageError(`invalid config in ${path}:\n${formatIssueList('', [...problems, ...vague])}\nFix these fields; see docs/configuration.md for the config format.`);
  }
  return value as ScorerConfig;
}

function pickFormat(requested: string | undefined, out: string | undefined, io: CliIo): OutputFormat {
  if (requested !== undefined) {
    if (!(outputFormats as readonly string[]).includes(requested)) {
      throw new CliUsageError(`unknown --format "${requested}". Use one of: ${outputFormats.join(', ')}.`);
    }
    return requested as OutputFormat;
  }
  if (out !== undefined) {
    const ext = extname(out).toLowerCase();
    if (ext === '.html' || ext === '.htm') return 'html';
    if (ext === '.md' || ext === '.markdown') return 'markdown';
    if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
    if (ext === '.txt') return 'table';
    return 'json';
  }
  return io.stdoutIsTTY === true ? 'table' : 'json';
}

function pickInputFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  if (value !== 'json' && value !== 'ndjson') throw new CliUsageError(`unknown --input-format "${value}". Use json or ndjson, or leave it out to detect it.`);
  return value;
}

function render(output: ScoreOutput, format: OutputFormat, options: { view: ReportView; detail: 'all' | 'flagged'; title?: string; columns?: number }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(output, null, 2)}\n`;
    case 'ndjson': {
      const lines = [JSON.stringify({ recordType: 'summary', asOf: output.asOf, asOfSource: output.asOfSource, reports: output.reports.length, rejected: output.rejected.length })];
      for (const report of output.reports) lines.push(JSON.stringify({ recordType: 'report', ...report }));
      for (const record of output.rejected) lines.push(JSON.stringify({ recordType: 'rejected', ...record }));
      return `${lines.join('\n')}\n`;
    }
    case 'markdown':
      return renderMarkdown(output, { view: options.view, detail: options.detail, ...(options.title !== undefined ? { title: options.title } : {}) });
    case 'html':
      return renderHtml(output, { view: options.view, detail: options.detail, ...(options.title !== undefined ? { title: options.title } : {}) });
    case 'table':
      return renderTable(output, { width: options.columns ?? 100 });
  }
}

function toBatchInput(input: LoadedInput, asOf: string | undefined): BatchInput {
  return {
    ...(asOf !== undefined ? { asOf } : {}),
    subjects: input.subjects,
    events: input.events,
    watchlists: input.watchlists,
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
    ...(input.inputs !== undefined ? { inputs: input.inputs } : {}),
  };
}

async function reportRejected(io: CliIo, rejected: readonly CliRejected[]): Promise<void> {
  if (rejected.length === 0) return;
  const shown = rejected.slice(0, 50);
  const lines = [`redflags: ${rejected.length} invalid record${rejected.length === 1 ? ' was' : 's were'} not scored; every valid record was.`];
  for (const record of shown) lines.push(describeRejected(record));
  if (rejected.length > shown.length) lines.push(`… and ${rejected.length - shown.length} more. Run \`redflags validate <file> --json\` for the full list.`);
  lines.push('Fix the fields above and score again (see `redflags schema` for the record model).');
  await write(io.stderr, `${lines.join('\n')}\n`);
}

async function emit(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) {
    await write(io.stdout, text);
    return;
  }
  try {
    await writeFile(resolvePath(io.cwd, out), text, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot write ${out} (${error instanceof Error ? error.message : String(error)}). Check that its directory exists and is writable.`);
  }
}

/** Checks the directory of `--out` before any scoring, so a typo costs seconds, not the whole run. */
async function checkOutDir(out: string, io: CliIo): Promise<void> {
  const dir = dirname(resolvePath(io.cwd, out));
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new CliUsageError(`cannot write ${out}: the directory ${dir} does not exist. Create it first (mkdir -p), or pick another --out.`);
  }
}

async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      workers: { type: 'string' },
      view: { type: 'string' },
      title: { type: 'string' },
      detail: { type: 'string' },
      'input-format': { type: 'string' },
      stream: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.score);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliUsageError(`score takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags score export.json`);
  }
  const source = positionals[0] as string;
  let asOf: string | undefined;
  if (values['as-of'] !== undefined) {
    if (!dateTimeSchema.safeParse(values['as-of']).success) {
      throw new CliUsageError(`--as-of "${values['as-of']}" is not an ISO 8601 date-time with an offset. Example: --as-of 2025-06-01T00:00:00Z`);
    }
    asOf = values['as-of'];
  }
  let failOn: Band | undefined;
  if (values['fail-on'] !== undefined) {
    if (!(bandOrder as readonly string[]).includes(values['fail-on']) || values['fail-on'] === 'low') {
      throw new CliUsageError(`unknown --fail-on band "${values['fail-on']}". Use elevated, high or critical.`);
    }
    failOn = values['fail-on'] as Band;
  }
  let workers = 1;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new CliUsageError(`--workers "${values.workers}" must be a whole number from 1 to 64.`);
    }
  }
  const view = values.view ?? 'investigator';
  if (view !== 'investigator' && view !== 'candidate') throw new CliUsageError(`unknown --view "${view}". Use investigator or candidate.`);
  const detail = values.detail ?? 'all';
  if (detail !== 'all' && detail !== 'flagged') throw new CliUsageError(`unknown --detail "${detail}". Use all or flagged.`);
  const format = pickFormat(values.format, values.out, io);
  if (view === 'candidate' && format !== 'markdown' && format !== 'html') {
    // The other formats carry scores, bands and evidence: writing them under a "candidate" label would leak what the view withholds.
    throw new CliUsageError(`--view candidate needs --format markdown or html (got ${format}, which shows scores and evidence). Example: --view candidate --format html --out summary.html`);
  }
  if (values.out !== undefined) await checkOutDir(values.out, io);
  const inputFormat = pickInputFormat(values['input-format']);
  const config = values.config !== undefined ? await loadConfig(values.config, io) : undefined;

  let scorer: ReturnType<typeof createScorer>;
  try {
    scorer = createScorer(config !== undefined ? { config } : {});
  } catch (error) {
    if (isConfigError(error) || isIndicatorOptionsError(error)) {
      const issues = (error as { issues?: readonly Issue[] }).issues ?? [];
      // Option issues are relative to the indicator's options; name them from the top of the config file.
      const prefix = isIndicatorOptionsError(error) ? `indicators.${error.indicatorId}.options.` : '';
      throw new CliUsageError(`invalid config in ${values.config ?? 'the config'}:\n${issues.length > 0 ? formatIssueList(prefix, issues) : error.message}\nFix these fields; \`redflags indicators\` lists the indicator ids.`);
    }
    throw error;
  }

  const progress = createProgress(io.stderr, io.stderrIsTTY === true);
  let output: ScoreOutput;
  if (values.stream === true) {
    if (asOf === undefined) throw new CliUsageError('--stream needs --as-of: the default, the latest event, is known only at the end of the input. Example: --as-of 2025-06-01T00:00:00Z');
    if (workers > 1) throw new CliUsageError('--stream and --workers cannot be combined: --stream scores one subject at a time in one thread.');
    if (inputFormat === 'json') throw new CliUsageError('--stream reads NDJSON only; drop --stream for a JSON document.');
    const population = scorer.indicators.filter((i) => i.enabled && builtinIndicators.find((b) => b.meta.id === i.id)?.prepare !== undefined).map((i) => i.id);
    if (population.length > 0) {
      throw new CliUsageError(
        `--stream scores one subject at a time, but these enabled indicators compare subjects across the whole population: ${population.join(', ')}. Drop --stream (the records are then held in memory), or disable them in --config, e.g. {"indicators": {"${population[0] as string}": false}}, if you accept losing them.`,
      );
    }
    const result = await scoreStream(source, io, progress, scorer, asOf);
    output = { asOf: result.asOf, asOfSource: result.asOfSource, reports: result.reports, rejected: result.rejected };
  } else {
    output = await scoreLoaded(source, io, progress, inputFormat, asOf, workers, config, scorer);
  }
  return finish(output, io, { format, view, detail, failOn, out: values.out, title: values.title });
}

async function scoreLoaded(
  source: string,
  io: CliIo,
  progress: Progress,
  inputFormat: InputFormat | undefined,
  asOf: string | undefined,
  workers: number,
  config: ScorerConfig | undefined,
  scorer: Scorer,
): Promise<ScoreOutput> {
  const input = await loadInput(source, io, progress, inputFormat);
  const docAsOf = asOf ?? (typeof input.asOf === 'string' ? input.asOf : undefined);
  if (asOf === undefined && input.asOf !== undefined && !dateTimeSchema.safeParse(input.asOf).success) {
    throw new CliUsageError(`the input's "asOf" is not an ISO 8601 date-time with an offset (e.g. 2025-06-01T00:00:00Z). Fix it, or pass --as-of.`);
  }
  const batch = toBatchInput(input, docAsOf);
  let result: BatchResult;
  try {
    if (workers > 1) {
      const large = input.bytes >= 5 * 1024 * 1024;
      result = await scoreSharded(batch, config, workers, io.workerScript, (done) => {
        if (large) progress.update(done / workers, `scored ${done} of ${workers} shards`);
      });
    } else {
      result = scorer.scoreBatch(batch);
    }
  } catch (error) {
    if (isInvalidRecordError(error) || (error instanceof Error && error.name === 'InvalidRecordError')) {
      throw new CliUsageError(`${error.message.replace(/^Invalid document without a readable id:\n\s*-\s*/, 'the input: ')}\nPass --as-of <ISO time>, or include valid events.`);
    }
    throw error;
  }
  progress.done();
  return { asOf: result.asOf, asOfSource: result.asOfSource, reports: result.reports, rejected: withLines(result.rejected, input) };
}

interface FinishOptions {
  readonly format: OutputFormat;
  readonly view: ReportView;
  readonly detail: 'all' | 'flagged';
  readonly failOn: Band | undefined;
  readonly out: string | undefined;
  readonly title: string | undefined;
}

/** Writes the report, lists rejected records, and picks the exit code. */
async function finish(output: ScoreOutput, io: CliIo, options: FinishOptions): Promise<number> {
  const { format, failOn } = options;
  const text = render(output, format, {
    view: options.view,
    detail: options.detail,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(io.columns !== undefined ? { columns: io.columns } : {}),
  });
  await emit(io, options.out, text);
  await reportRejected(io, output.rejected);
  if (options.out !== undefined) {
    await write(io.stderr, `redflags: wrote ${output.reports.length} report${output.reports.length === 1 ? '' : 's'} (${format}) to ${options.out}, as of ${output.asOf}.\n`);
  }
  const invalid = output.rejected.length > 0;
  if (failOn !== undefined) {
    const threshold = bandOrder.indexOf(failOn);
    const reached = output.reports.filter((r) => bandOrder.indexOf(r.band) >= threshold);
    if (reached.length > 0) {
      // Invalid input wins the exit code, but a pipeline reading stderr must still learn that the band was reached.
      const code = invalid ? 'exit 2, since records were rejected' : 'exit 1';
      await write(io.stderr, `redflags: ${reached.length} subject${reached.length === 1 ? '' : 's'} reached --fail-on ${failOn}; ${code}.\n`);
      return invalid ? EXIT_USAGE : EXIT_FAIL_ON;
    }
  }
  return invalid ? EXIT_USAGE : EXIT_OK;
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'input-format': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.validate);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliUsageError(`validate takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags validate export.json`);
  }
  const input = await loadInput(positionals[0] as string, io, createProgress(io.stderr, io.stderrIsTTY === true), pickInputFormat(values['input-format']));
  const extra: CliRejected[] = [];
  let asOf = '1970-01-01T00:00:00Z';
  if (input.asOf !== undefined) {
    const parsed = dateTimeSchema.safeParse(input.asOf);
    if (parsed.success) asOf = parsed.data;
    else extra.push({ kind: 'document', index: 0, issues: [{ path: 'asOf', message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T00:00:00Z' }] });
  }
  // Scoring with no indicators runs exactly the engine's validation (schemas, duplicate ids, orphan events) and nothing else.
  const result = createScorer({ indicators: [] }).scoreBatch({ ...toBatchInput(input, undefined), asOf });
  const rejected = [...extra, ...withLines(result.rejected, input)];
  const counts = { subjects: input.subjects.length, events: input.events.length, watchlists: input.watchlists.length };
  if (values.json === true) {
    await write(io.stdout, `${JSON.stringify({ valid: rejected.length === 0, counts, rejected }, null, 2)}\n`);
  } else {
    const lines = rejected.map(describeRejected);
    const problems = rejected.reduce((n, r) => n + r.issues.length, 0);
    lines.push(
      rejected.length === 0
        ? `ok: ${counts.subjects} subjects, ${counts.events} events and ${counts.watchlists} watchlists are valid.`
        : `${rejected.length} invalid record${rejected.length === 1 ? '' : 's'} (${problems} problem${problems === 1 ? '' : 's'}) among ${counts.subjects} subjects, ${counts.events} events and ${counts.watchlists} watchlists. Fix the fields above; \`redflags schema\` prints the record model.`,
    );
    await write(io.stdout, `${lines.join('\n')}\n`);
  }
  return rejected.length === 0 ? EXIT_OK : EXIT_USAGE;
}

async function indicatorsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    await write(io.stdout, helpTexts.indicators);
    return EXIT_OK;
  }
  const catalogue = builtinIndicators.map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    category: meta.category,
    description: meta.description,
    kind: meta.kind,
    family: meta.family,
    typologies: [...meta.typologies],
    defaultWeight: meta.defaultWeight,
    ...(meta.correlationGroup !== undefined ? { correlationGroup: meta.correlationGroup } : {}),
    sources: meta.sources.map((s) => ({ title: s.title, url: s.url })),
  }));
  if (values.json === true) {
    await write(io.stdout, `${JSON.stringify(catalogue, null, 2)}\n`);
    return EXIT_OK;
  }
  const short = (t: string): string => (t === 'remote-hire-identity-fraud' ? 'hire' : t === 'insider-technology-collection' ? 'insider' : t);
  const lines: string[] = [];
  for (const item of catalogue) {
    lines.push(`${item.id}  (weight ${item.defaultWeight}, ${item.category}, ${item.typologies.map(short).join('+')})`);
    lines.push(`  ${item.title}`);
    if (item.sources.length > 0) lines.push(`  sources: ${item.sources.map((s) => s.title).join('; ')}`);
  }
  lines.push(`${catalogue.length} indicators. Typologies: hire = remote-hire identity fraud, insider = insider technology collection. Use --json for descriptions and URLs.`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    await write(io.stdout, helpTexts.schema);
    return EXIT_OK;
  }
  await write(io.stdout, `${JSON.stringify(jsonSchema('input'), null, 2)}\n`);
  return EXIT_OK;
}

/** Levenshtein distance, to suggest the command the user meant. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

const commands: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = {
  score: scoreCommand,
  validate: validateCommand,
  indicators: indicatorsCommand,
  schema: schemaCommand,
  import: importCommand,
};

/**
 * Runs the `redflags` command with the arguments after the program name and returns the exit
 * code: 0 done, 1 `--fail-on` reached, 2 usage or input errors. Never calls `process.exit`, so
 * tests drive it with in-memory streams.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      await write(io.stdout, topic !== undefined && topic in helpTexts ? helpTexts[topic as keyof typeof helpTexts] : helpTexts.main);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '-v' || command === '--version') {
      await write(io.stdout, `${VERSION}\n`);
      return EXIT_OK;
    }
    const run = commands[command];
    if (run === undefined) {
      const close = Object.keys(commands).find((c) => editDistance(c, command) <= 2 || c.startsWith(command));
      throw new CliUsageError(`unknown command "${command}".${close !== undefined ? ` Did you mean "${close}"?` : ''} Commands: score, validate, indicators, schema, import. Run \`redflags --help\`.`);
    }
    return await run([...rest], io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      await write(io.stderr, `redflags: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      await write(io.stderr, `redflags: ${(error as Error).message}. Run \`redflags ${command ?? ''} --help\` for the options.\n`);
      return EXIT_USAGE;
    }
    await write(io.stderr, `redflags: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report it with the command you ran.\n`);
    return EXIT_USAGE;
  }
}
