import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { backtest, type BacktestConfig, type BacktestResult } from '../../decisions/backtest';
import { isConfigError, isIndicatorOptionsError, isInvalidRecordError } from '../../errors/guards';
import { renderBacktestHtml } from '../../render/backtest-html';
import { printable } from '../../render/format';
import { helpTexts } from '../help';
import { loadInput, withLines } from '../readInput';
import { CliUsageError, write, type CliIo } from '../io';
import { checkOut, emit, loadConfig, pickInputFormat, toBatchInput } from '../commandSupport';
import { loadOutcomes, placeRejectedOutcomes } from '../outcomes';
import { createProgress } from '../progress';
import { countOf } from '../../text/plural';

/** Reads `--config` values: a JSON config file, or `default` for the built-in defaults; each named by its file name. */
export async function loadNamedConfigs(values: readonly string[] | undefined, io: CliIo): Promise<BacktestConfig[]> {
  const configs: BacktestConfig[] = [];
  for (const value of values ?? ['default']) {
    if (value === 'default') configs.push({ name: 'default' });
    else configs.push({ name: basename(value, extname(value)), config: await loadConfig(value, io) });
  }
  const names = configs.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new CliUsageError(`two --config values are both named "${twice}"; give the files different names.`);
  return configs;
}

/** A one-screen text summary of a backtest. */
export function summariseBacktest(result: BacktestResult): string {
  const c = result.counts;
  const lines = [`${c.confirmed} confirmed, ${c.cleared} cleared, ${c.inconclusive} inconclusive; each scored as of its decision time.`];
  for (const run of result.runs) {
    const auc =
      run.auc === null
        ? 'AUC n/a (needs confirmed and cleared outcomes)'
        : `AUC ${run.auc.auc.toFixed(3)} (95% CI ${run.auc.lower.toFixed(3)}-${run.auc.upper.toFixed(3)})`;
    const pr = run.thresholds
      .map((t) => `${t.band}+ P ${t.precision === undefined ? '-' : t.precision.toFixed(2)} R ${t.recall === undefined ? '-' : t.recall.toFixed(2)}`)
      .join(', ');
    lines.push(`${printable(run.name)}: ${auc}; ${pr}`);
  }
  lines.push(`${countOf(result.changes.length, 'decision change')} against ${printable(result.runs[0]?.name ?? '')}.`);
  return `${lines.join('\n')}\n`;
}

/** `redflags backtest`: scores every subject with an outcome as of its decision time, per configuration. */
export async function backtestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      outcomes: { type: 'string' },
      config: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      'input-format': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.backtest);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliUsageError(
      `backtest takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags backtest export.json --outcomes outcomes.ndjson`,
    );
  if (values.outcomes === undefined)
    throw new CliUsageError(
      'backtest needs --outcomes <file>: NDJSON lines {"recordType":"outcome","subjectId":...,"decidedAt":...,"outcome":...,"decidedBy":...}.',
    );
  const format = values.format ?? (values.out !== undefined && /\.html?$/i.test(values.out) ? 'html' : 'json');
  if (format !== 'json' && format !== 'html' && format !== 'text') throw new CliUsageError(`unknown --format "${format}". Use json, html or text.`);
  if (values.out !== undefined)
    await checkOut(values.out, positionals[0] as string, io, [values.outcomes, ...(values.config ?? []).filter((c) => c !== 'default')]);
  const configs = await loadNamedConfigs(values.config, io);
  const loadedOutcomes = await loadOutcomes(values.outcomes, io);
  const input = await loadInput(positionals[0] as string, io, createProgress(io.stderr, io.stderrIsTTY === true), pickInputFormat(values['input-format']));
  let result: BacktestResult;
  try {
    result = backtest(toBatchInput(input, undefined), loadedOutcomes.outcomes, { configs });
  } catch (error) {
    if (isConfigError(error) || isIndicatorOptionsError(error) || isInvalidRecordError(error)) throw new CliUsageError(error.message);
    throw error;
  }
  const rejected = withLines(result.rejected, input);
  const rejectedOutcomes = placeRejectedOutcomes(loadedOutcomes, result.rejectedOutcomes);
  const output = { ...result, rejected, rejectedOutcomes };
  const text =
    format === 'html'
      ? renderBacktestHtml(output, values.title !== undefined ? { title: values.title } : {})
      : format === 'text'
        ? summariseBacktest(output)
        : `${JSON.stringify(output, null, 2)}\n`;
  await emit(io, values.out, text, format === 'json' ? 'json' : 'text');
  const problems = [...rejected.map((r) => ({ ...r, kind: r.kind as string })), ...rejectedOutcomes];
  if (problems.length > 0) {
    const shown = problems.slice(0, 50).map((p) => {
      const where = 'line' in p && p.line !== undefined ? `line ${p.line}` : `${p.kind}s[${p.index}]`;
      return `${p.kind}${p.recordId !== undefined ? ` "${printable(p.recordId)}"` : ''} (${where}): ${p.issues.map((i) => `${i.path === '' ? '(record)' : printable(i.path)}: ${printable(i.message)}`).join('; ')}`;
    });
    await write(io.stderr, `redflags: ${problems.length} record${problems.length === 1 ? ' was' : 's were'} not used:\n${shown.join('\n')}\n`);
  }
  if (values.out !== undefined)
    await write(io.stderr, `redflags: wrote the backtest (${format}) of ${countOf(result.runs.length, 'configuration')} to ${values.out}.\n`);
  return problems.length > 0 ? 2 : 0;
}
