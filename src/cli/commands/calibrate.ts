import { parseArgs } from 'node:util';
import { calibrate, type CalibrationResult } from '../../decisions/calibrate';
import type { ScorerConfig } from '../../engine/config';
import { isConfigError, isIndicatorOptionsError, isInvalidRecordError } from '../../errors/guards';
import { printable } from '../../render/format';
import { helpTexts } from '../help';
import { loadInput } from '../readInput';
import { CliUsageError, write, type CliIo } from '../io';
import { checkOut, emit, loadConfig, pickInputFormat, toBatchInput } from '../commandSupport';
import { loadOutcomes, placeRejectedOutcomes } from '../outcomes';
import { createProgress } from '../progress';

const signed = (x: number): string => `${x > 0 ? '+' : ''}${x.toFixed(2)}`;

/** The diff of a calibration: one line per weight that changed or was held back, and the prior. */
export function calibrationDiff(result: CalibrationResult): string {
  const c = result.counts;
  const lines = [`Calibrated on ${c.confirmed} confirmed and ${c.cleared} cleared outcomes (${c.inconclusive} inconclusive not used).`];
  if (!result.enoughOutcomes) {
    lines.push(
      `Not enough outcomes to change anything: need ${result.minimums.outcomes} confirmed or cleared, with at least ${result.minimums.perClass} of each. The proposal equals the config given.`,
    );
  }
  const row = (name: string, before: number, after: number, se: number | null, status: string, outcomes?: string): string =>
    `${after !== before ? '~' : ' '} ${name}: ${before} -> ${after} (${signed(after - before)}${se !== null ? `, ± ${se.toFixed(2)}` : ''}${outcomes ?? ''}) ${status}`;
  lines.push(row('prior', result.prior.before, result.prior.after, result.prior.standardError, result.prior.status));
  for (const w of result.weights)
    lines.push(row(printable(w.indicatorId), w.before, w.after, w.standardError, w.status, `; fired on ${w.outcomes} outcomes, ${w.confirmed} confirmed`));
  lines.push(`Mean log-loss on these outcomes: ${result.logLoss.before.toFixed(4)} -> ${result.logLoss.after.toFixed(4)}.`);
  lines.push('Backtest the proposal before adopting it: redflags backtest <input> --outcomes <file> --config <current> --config <proposal>.');
  return `${lines.join('\n')}\n`;
}

/** `redflags calibrate`: proposes weights fitted to outcomes; writes the config and prints a diff. */
export async function calibrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      outcomes: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      'min-outcomes': { type: 'string' },
      'min-per-weight': { type: 'string' },
      'keep-prior': { type: 'boolean' },
      'input-format': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    await write(io.stdout, helpTexts.calibrate);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliUsageError(
      `calibrate takes one input: a file, or - for standard input (got ${positionals.length}). Example: redflags calibrate export.json --outcomes outcomes.ndjson --out proposal.json`,
    );
  if (values.outcomes === undefined) throw new CliUsageError('calibrate needs --outcomes <file> (see `redflags backtest --help` for the format).');
  const count = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`--${name} "${value}" must be a whole number of at least 1.`);
    return n;
  };
  const minOutcomes = count('min-outcomes', values['min-outcomes']);
  const minPerWeight = count('min-per-weight', values['min-per-weight']);
  if (values.out !== undefined) await checkOut(values.out, positionals[0] as string, io, [values.outcomes, values.config]);
  const config: ScorerConfig | undefined = values.config !== undefined ? await loadConfig(values.config, io) : undefined;
  const loadedOutcomes = await loadOutcomes(values.outcomes, io);
  const input = await loadInput(positionals[0] as string, io, createProgress(io.stderr, io.stderrIsTTY === true), pickInputFormat(values['input-format']));
  let result: CalibrationResult;
  try {
    result = calibrate(toBatchInput(input, undefined), loadedOutcomes.outcomes, {
      ...(config !== undefined ? { config } : {}),
      ...(minOutcomes !== undefined ? { minOutcomes } : {}),
      ...(minPerWeight !== undefined ? { minPerWeight } : {}),
      ...(values['keep-prior'] === true ? { fitPrior: false } : {}),
    });
  } catch (error) {
    if (isConfigError(error) || isIndicatorOptionsError(error) || isInvalidRecordError(error)) throw new CliUsageError(error.message);
    throw error;
  }
  const proposal = `${JSON.stringify(result.config, null, 2)}\n`;
  const rejectedOutcomes = placeRejectedOutcomes(loadedOutcomes, result.rejectedOutcomes);
  const unusable = rejectedOutcomes.length + result.rejected.length;
  if (values.json === true) {
    await emit(io, values.out, `${JSON.stringify({ ...result, rejectedOutcomes }, null, 2)}\n`, 'json');
  } else if (values.out !== undefined) {
    await emit(io, values.out, proposal, 'json');
    await write(io.stdout, calibrationDiff(result));
  } else {
    await write(io.stdout, proposal);
    await write(io.stderr, calibrationDiff(result));
  }
  if (unusable > 0)
    await write(
      io.stderr,
      `redflags: ${unusable} record${unusable === 1 ? ' was' : 's were'} not used; run \`redflags backtest\` with the same files for the list.\n`,
    );
  return unusable > 0 ? 2 : 0;
}
