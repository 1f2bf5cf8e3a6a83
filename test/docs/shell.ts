/** One `redflags` command of a shell block: its arguments and the file its standard output is redirected to, if any. */
export interface RedflagsCommand {
  readonly argv: readonly string[];
  readonly stdoutTo?: string;
}

/** A word the command can take as is: no quoting, expansion, glob or shell operator in it. */
const plainWord = /^[\w./:=@+,-]+$/;

/**
 * The `redflags` commands of a shell block, when the block is nothing but such commands
 * (`redflags ...` or `npx redflags ...`, one a line, with `\` continuations, `#` comments and an
 * optional `> file`), so the test can run them in-process; `undefined` when it needs a shell
 * (pipes, other programs, quoting, globs, variables).
 */
export function redflagsCommands(code: string): RedflagsCommand[] | undefined {
  const commands: RedflagsCommand[] = [];
  for (const raw of code.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    if (words[0] === 'npx') words.shift();
    if (words.shift() !== 'redflags') return undefined;
    let stdoutTo: string | undefined;
    const arrow = words.indexOf('>');
    if (arrow !== -1) {
      if (arrow !== words.length - 2) return undefined;
      stdoutTo = words[arrow + 1];
      words.splice(arrow, 2);
    }
    if (!words.every((w) => plainWord.test(w)) || (stdoutTo !== undefined && !plainWord.test(stdoutTo))) return undefined;
    commands.push({ argv: words, ...(stdoutTo !== undefined ? { stdoutTo } : {}) });
  }
  return commands.length > 0 ? commands : undefined;
}
