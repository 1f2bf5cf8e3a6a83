import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { run } from '../cli/run';
import { docBlocks, runnableLanguages, type DocBlock } from './blocks';
import { redflagsCommands } from './shell';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The pages whose code blocks are meant to run as written: the README and every page of docs/. */
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** Package entry points as a user imports them, and the sources they are built from. */
const entryPoints: Readonly<Record<string, string>> = {
  redflags: 'src/index.ts',
  'redflags/core': 'src/core.ts',
  'redflags/kit': 'src/kit/index.ts',
  'redflags/testing': 'src/testing/index.ts',
  'redflags/connectors': 'src/connectors/index.ts',
};

/** The names a prelude exports that the snippet uses without defining them itself. */
async function preludeImport(block: DocBlock, code: string): Promise<string> {
  if (block.prelude === undefined) return '';
  const path = join(root, block.prelude);
  const exported = Object.keys((await import(pathToFileURL(path).href)) as object);
  const used = exported.filter((name) => new RegExp(`\\b${name}\\b`).test(code) && !new RegExp(`\\b(?:const|let|var|function|class) ${name}\\b`).test(code));
  return used.length > 0 ? `import { ${used.join(', ')} } from ${JSON.stringify(path)};\n` : '';
}

/** Runs a TypeScript or JavaScript block as a module importing the sources, and returns what it logged. */
async function runScript(block: DocBlock): Promise<string> {
  const whole = `${block.continues ?? ''}${block.code}`;
  const code =
    (await preludeImport(block, whole)) +
    whole.replace(/from '(redflags(?:\/\w+)?)'/g, (all, name: string) =>
      entryPoints[name] !== undefined ? `from ${JSON.stringify(join(root, entryPoints[name]))}` : all,
    );
  const dir = join(root, '.tmp', 'doc-blocks');
  mkdirSync(dir, { recursive: true });
  // One file per block: the module cache would otherwise hand back an earlier block.
  const file = join(dir, `${block.where.replace(/\W+/g, '-')}.${block.language.startsWith('j') ? 'mjs' : 'ts'}`);
  writeFileSync(file, code);
  const logged: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(`${format(...args)}\n`));
  try {
    await import(pathToFileURL(file).href);
  } finally {
    spy.mockRestore();
  }
  return logged.join('');
}

/** The command line as `npx redflags` runs it once installed: the built `dist/cli.js`, for blocks that need a real shell. */
function cliPath(): string {
  const cli = join(root, 'dist', 'cli.js');
  // CI builds first; a developer's checkout gets the quick build of the command alone.
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'ignore' });
  return cli;
}

interface ShellResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly missing: string[];
}

/** A fresh directory holding the files the block names. */
function blockDirectory(block: DocBlock): string {
  const dir = mkdtempSync(join(tmpdir(), 'redflags-doc-'));
  for (const [name, from] of block.files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    copyFileSync(join(root, from), join(dir, name));
  }
  return dir;
}

/**
 * Runs a shell block in a fresh directory: in-process through `main` when it is only `redflags`
 * commands (no process start per command), otherwise with bash and the built command.
 */
async function runShell(block: DocBlock): Promise<ShellResult> {
  const dir = blockDirectory(block);
  const commands = redflagsCommands(block.code);
  let result: Omit<ShellResult, 'missing'>;
  if (commands !== undefined) {
    let stdout = '';
    let stderr = '';
    let status = 0;
    for (const command of commands) {
      const outcome = await run(command.argv, { io: { cwd: dir } });
      stderr += outcome.stderr;
      if (command.stdoutTo !== undefined) writeFileSync(join(dir, command.stdoutTo), outcome.stdout);
      else stdout += outcome.stdout;
      status = outcome.code;
      if (status !== 0) break;
    }
    result = { status, stdout, stderr };
  } else {
    const cli = JSON.stringify(cliPath());
    const prelude = `set -euo pipefail\nredflags() { node ${cli} "$@"; }\nnpx() { if [ "$1" = redflags ]; then shift; redflags "$@"; else command npx "$@"; fi; }\n`;
    const spawned = spawnSync('bash', ['-c', prelude + block.code], { cwd: dir, encoding: 'utf8' });
    result = { status: spawned.status, stdout: spawned.stdout, stderr: spawned.stderr };
  }
  // Every file the block says it writes is there.
  const missing = [...block.code.matchAll(/(?:--out |--report |> )([\w./-]+)/g)].map((m) => m[1] as string).filter((name) => !existsSync(join(dir, name)));
  return { ...result, missing };
}

for (const page of pages) {
  const blocks = docBlocks(page, readFileSync(join(root, page), 'utf8')).filter((b) => runnableLanguages.has(b.language));
  if (blocks.length === 0) continue;

  describe(`the code blocks of ${page}`, () => {
    it('are each run here or marked with the reason they are not', () => {
      for (const block of blocks)
        if (block.skip !== undefined) expect(block.skip.trim().split(/\s+/).length, `${block.where}: give the reason it is not run`).toBeGreaterThanOrEqual(3);
    });

    for (const block of blocks) {
      if (block.skip !== undefined) continue;
      it(`${block.where} runs${block.prints !== undefined ? ' and prints what the page shows' : ''}`, async () => {
        if (block.language.startsWith('s') || block.language === 'bash') {
          const result = await runShell(block);
          expect(result.status, `${block.where}\n${result.stderr}`).toBe(0);
          expect(result.missing, `${block.where} did not write these`).toEqual([]);
          if (block.prints !== undefined) expect(result.stdout).toBe(block.prints);
          return;
        }
        const printed = await runScript(block);
        // The README's snippets are the first a newcomer copies: each shows its result.
        if (page === 'README.md') expect(printed.length, `${block.where} prints nothing`).toBeGreaterThan(0);
        if (block.prints !== undefined) expect(printed).toBe(block.prints);
      }, 120_000);
    }
  });
}
