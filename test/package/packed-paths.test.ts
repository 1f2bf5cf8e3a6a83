import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { docsLink, REPOSITORY_URL } from '../../src/docsLink';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Mention {
  readonly file: string;
  readonly text: string;
  /** The string is the argument of `docsLink(...)`: a link to the repository, not a packed file. */
  readonly linked: boolean;
}

/** Every string literal and template text of the sources (comments are not messages). */
function stringsOf(file: string): Mention[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: Mention[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const call = node.parent;
      const linked = ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'docsLink';
      found.push({ file: relative(root, file), text: node.text, linked });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

/** Top-level entries of the repository: a path in a message that starts with one names a file of the repository. */
const topLevel = new Set(readdirSync(root).filter((name) => !name.startsWith('.') && name !== 'node_modules'));

/** Relative paths in a text whose first segment is a top-level entry of the repository. */
function repositoryPaths(text: string): string[] {
  const paths: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s('"`])((?:[\w.-]+\/)+[\w.-]+)/g)) {
    const path = (match[1] as string).replace(/[.]+$/, '');
    if (topLevel.has(path.split('/')[0] as string)) paths.push(path);
  }
  return paths;
}

describe('paths that messages point users at', () => {
  const mentions = sourceFiles(join(root, 'src')).flatMap(stringsOf);
  const packed = new Set(
    (
      JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[]
    )[0]?.files.map((f) => f.path),
  );

  it('are shipped in the packed package, or are links to the repository', () => {
    expect(packed.has('package.json')).toBe(true);
    const unshipped = mentions
      .filter((m) => !m.linked)
      .flatMap((m) => repositoryPaths(m.text).map((path) => `${m.file}: ${path}`))
      // dist/ is shipped but exists only after a build.
      .filter((line) => !packed.has(line.slice(line.indexOf(': ') + 2)) && !line.includes(': dist/'));
    expect(unshipped).toEqual([]);
  });

  it('links only to files that exist in the repository', () => {
    const linked = mentions.filter((m) => m.linked);
    expect(linked.length).toBeGreaterThan(0);
    for (const m of linked) expect(existsSync(join(root, m.text)), `${m.file}: ${m.text}`).toBe(true);
  });

  it('link to the repository named in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
    expect(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(REPOSITORY_URL);
    expect(docsLink('docs/cli.md')).toBe(`${REPOSITORY_URL}/blob/main/docs/cli.md`);
  });
});
