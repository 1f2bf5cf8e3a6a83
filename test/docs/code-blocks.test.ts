import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { docBlocks, runnableLanguages, type DocBlock } from './blocks';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The pages whose code blocks are meant to run as written. */
const pages = ['README.md'];

/** Package entry points as a user imports them, and the sources they are built from. */
const entryPoints: Readonly<Record<string, string>> = {
  redflags: 'src/index.ts',
  'redflags/testing': 'src/testing/index.ts',
  'redflags/connectors': 'src/connectors/index.ts',
};

/** Runs a TypeScript or JavaScript block as a module importing the sources, and returns what it logged. */
async function runScript(block: DocBlock, index: number): Promise<string> {
  const code = block.code.replace(/from '(redflags(?:\/\w+)?)'/g, (whole, name: string) =>
    entryPoints[name] !== undefined ? `from ${JSON.stringify(join(root, entryPoints[name]))}` : whole,
  );
  const dir = join(root, '.tmp', 'doc-blocks');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `block-${index}.${block.language.startsWith('j') ? 'mjs' : 'ts'}`);
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

/** The command line as `npx redflags` runs it once installed: the built `dist/cli.js`. */
function cliPath(): string {
  const cli = join(root, 'dist', 'cli.js');
  // CI builds first; a developer's checkout gets the quick build of the command alone.
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'ignore' });
  return cli;
}

/** Runs a shell block with bash in a fresh directory holding the files it names. */
function runShell(block: DocBlock): { status: number | null; stdout: string; stderr: string; missing: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'redflags-doc-'));
  for (const [name, from] of block.files) copyFileSync(join(root, from), join(dir, name));
  const prelude = `set -euo pipefail\nnpx() { if [ "$1" = redflags ]; then shift; node ${JSON.stringify(cliPath())} "$@"; else command npx "$@"; fi; }\n`;
  const result = spawnSync('bash', ['-c', prelude + block.code], { cwd: dir, encoding: 'utf8' });
  // Every file the block says it writes is there.
  const missing = [...block.code.matchAll(/(?:--out |> )([\w.-]+)/g)].map((m) => m[1] as string).filter((name) => !existsSync(join(dir, name)));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, missing };
}

for (const page of pages) {
  const blocks = docBlocks(page, readFileSync(join(root, page), 'utf8')).filter((b) => runnableLanguages.has(b.language));

  describe(`the code blocks of ${page}`, () => {
    it('are each run here or marked with the reason they are not', () => {
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) if (block.skip !== undefined) expect(block.skip.length, block.where).toBeGreaterThan(10);
    });

    blocks.forEach((block, index) => {
      if (block.skip !== undefined) return;
      it(`${block.where} runs${block.prints !== undefined ? ' and prints what the page shows' : ''}`, async () => {
        if (block.language.startsWith('s') || block.language === 'bash') {
          const result = runShell(block);
          expect(result.status, `${block.where}\n${result.stderr}`).toBe(0);
          expect(result.missing, `${block.where} did not write these`).toEqual([]);
          if (block.prints !== undefined) expect(result.stdout).toBe(block.prints);
          return;
        }
        const printed = await runScript(block, index);
        expect(printed.length, `${block.where} prints nothing`).toBeGreaterThan(0);
        if (block.prints !== undefined) expect(printed).toBe(block.prints);
      }, 120_000);
    });
  });
}
