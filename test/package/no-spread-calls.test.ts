import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

/**
 * Spreads that are allowed: `file:line` of a spread over a tuple of fixed, small size. Empty: every
 * spread into a call was replaced by a loop. A spread of a population-sized array into a call
 * overflows the stack (each element becomes an argument), so the list stays short and justified.
 */
const allowed: ReadonlySet<string> = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** `file:line` of every spread argument in a call or `new` expression of one file. */
function spreadArguments(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments !== undefined) {
      for (const arg of node.arguments) {
        if (ts.isSpreadElement(arg)) {
          const { line } = file.getLineAndCharacterOfPosition(arg.getStart(file));
          found.push(`${relative(root, path)}:${line + 1}: ${arg.getText(file)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no spread arguments in src/', { timeout: 60_000 }, () => {
  it('finds a spread argument when there is one (the scan works)', () => {
    const file = ts.createSourceFile('probe.ts', 'Math.max(...xs); out.push(...ys); new Set(...zs); f(a, [...b]);', ts.ScriptTarget.Latest, true);
    let spreads = 0;
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments !== undefined) spreads += node.arguments.filter(ts.isSpreadElement).length;
      ts.forEachChild(node, visit);
    };
    visit(file);
    expect(spreads).toBe(3);
  });

  it('has no f(...xs), Math.max(...xs), push(...xs) or new X(...xs) in src/**/*.ts, whose array could be population-sized', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap(spreadArguments).filter((hit) => !allowed.has(hit.slice(0, hit.indexOf(': '))));
    expect(found, `spread arguments (use a loop instead):\n${found.join('\n')}`).toEqual([]);
  });
});
