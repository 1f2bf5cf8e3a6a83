import { editDistance } from '../errors/didYouMean';
import { VERSION } from '../version';
import { auditCommand } from './commands/audit';
import { backtestCommand } from './commands/backtest';
import { calibrateCommand } from './commands/calibrate';
import { importCommand } from './commands/import';
import { timelineCommand } from './commands/timeline';
import { helpTexts } from './help';
import { CliUsageError, say, write, type CliIo } from './io';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';
import { indicatorsCommand } from './commands/indicators';
import { schemaCommand } from './commands/schema';
import { EXIT_OK, EXIT_USAGE } from './commandSupport';

// The `redflags` command line: finds the command and runs it; each command lives in commands/.

// A Map, not an object: `redflags constructor` or `redflags __proto__` must not find Object.prototype's members.
const commands: ReadonlyMap<string, (args: string[], io: CliIo) => Promise<number>> = new Map([
  ['score', scoreCommand],
  ['validate', validateCommand],
  ['indicators', indicatorsCommand],
  ['schema', schemaCommand],
  ['backtest', backtestCommand],
  ['calibrate', calibrateCommand],
  ['audit', auditCommand],
  ['timeline', timelineCommand],
  ['import', importCommand],
]);

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
      await write(io.stdout, topic !== undefined && Object.hasOwn(helpTexts, topic) ? helpTexts[topic as keyof typeof helpTexts] : helpTexts.main);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '-v' || command === '--version') {
      await write(io.stdout, `${VERSION}\n`);
      return EXIT_OK;
    }
    const run = commands.get(command);
    if (run === undefined) {
      const close = [...commands.keys()].find((c) => editDistance(c, command, 2) <= 2 || c.startsWith(command));
      throw new CliUsageError(
        `unknown command "${command}".${close !== undefined ? ` Did you mean "${close}"?` : ''} Commands: ${[...commands.keys()].join(', ')}. Run \`redflags --help\`.`,
      );
    }
    return await run([...rest], io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      await say(io.stderr, `redflags: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      await say(io.stderr, `redflags: ${(error as Error).message}. Run \`redflags ${command ?? ''} --help\` for the options.\n`);
      return EXIT_USAGE;
    }
    await say(
      io.stderr,
      `redflags: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report it with the command you ran.\n`,
    );
    return EXIT_USAGE;
  }
}

export { outputFormats, type OutputFormat, type ScoreOutput } from './formats';
