// The API report: every exported name of each package entry with its kind and signature, read
// from the built declarations (dist/*.d.ts), one file per entry under api-report/. CI runs it with
// --check, which fails when the built API differs from the committed report: a change to the
// public API is then deliberate (regenerate with `npm run api:report` and list it in the changelog).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'api-report');
const check = process.argv.includes('--check');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = Object.entries(pkg.exports)
  .filter(([key]) => key !== './package.json')
  .map(([key, value]) => ({ name: key === '.' ? 'redflags' : `redflags/${key.slice(2)}`, file: join(root, value.import.types) }));

for (const entry of entries) {
  if (!existsSync(entry.file)) {
    console.error(`${entry.file} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}

const program = ts.createProgram(
  entries.map((e) => e.file),
  { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
);
const checker = program.getTypeChecker();
const flags = ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.WriteArrowStyleSignature;

// TypeScript prints a union's members in the order it created their types, which can change
// from one build to the next without any change to the API: members are printed sorted instead.
const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: true });
const scratchFile = ts.createSourceFile('api-report.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
const print = (node) => printer.printNode(ts.EmitHint.Unspecified, node, scratchFile);

/** The node with every union's members sorted by their printed text, innermost first. */
function sortUnions(node) {
  const visit = (n) => {
    const visited = ts.visitEachChild(n, visit, undefined);
    if (!ts.isUnionTypeNode(visited)) return visited;
    // null and undefined last, as TypeScript writes them (`T | undefined`).
    const rank = (text) => (text === 'undefined' ? 2 : text === 'null' ? 1 : 0);
    const members = visited.types
      .map((t) => ({ t, text: print(t) }))
      .sort((a, b) => rank(a.text) - rank(b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    return ts.factory.updateUnionTypeNode(visited, ts.factory.createNodeArray(members.map((m) => m.t)));
  };
  return visit(node);
}

const nodeFlags = ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope | ts.NodeBuilderFlags.IgnoreErrors;

/** A type as TypeScript prints it, unions sorted. */
function typeText(type) {
  const node = checker.typeToTypeNode(type, undefined, nodeFlags);
  return node === undefined ? checker.typeToString(type, undefined, flags) : print(sortUnions(node));
}

/** A call signature in arrow style, unions sorted. */
function signatureText(signature) {
  const node = checker.signatureToSignatureDeclaration(signature, ts.SyntaxKind.FunctionType, undefined, nodeFlags);
  return node === undefined ? checker.signatureToString(signature, undefined, flags) : print(sortUnions(node));
}

/** One line per export: kind, name and, for values, the signature or type as TypeScript prints it. */
function describe(symbol) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const name = symbol.getName();
  const f = target.flags;
  const deprecated = target.getJsDocTags(checker).some((t) => t.name === 'deprecated') ? ' @deprecated' : '';
  if (f & ts.SymbolFlags.Class) return `class ${name}${deprecated}`;
  if (f & ts.SymbolFlags.Function) {
    const type = checker.getTypeOfSymbol(target);
    return type
      .getCallSignatures()
      .map((s) => `function ${name}${signatureText(s)}${deprecated}`)
      .join('\n');
  }
  if (f & ts.SymbolFlags.Variable) return `const ${name}: ${typeText(checker.getTypeOfSymbol(target))}${deprecated}`;
  if (f & ts.SymbolFlags.Interface) {
    // Well-known symbols print as `__@iterator@<internal id>`; the id changes between builds, so it is left out.
    const members = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(target)).map((p) => p.getName().replace(/^__@(\w+)@\d+$/, '[Symbol.$1]'));
    return `interface ${name} { ${members.join('; ')} }${deprecated}`;
  }
  if (f & ts.SymbolFlags.TypeAlias) return `type ${name}${deprecated}`;
  return `export ${name}${deprecated}`;
}

let stale = 0;
if (!check) mkdirSync(outDir, { recursive: true });
for (const entry of entries) {
  const source = program.getSourceFile(entry.file);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exports = checker.getExportsOfModule(moduleSymbol).sort((a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0));
  const text = `# API report of ${entry.name}: ${exports.length} exports. Generated by scripts/api-report.mjs; do not edit.\n${exports.map(describe).join('\n')}\n`;
  const file = join(outDir, `${entry.name.replace('/', '-')}.api.txt`);
  if (check) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== text) {
      stale++;
      console.error(
        `the public API of ${entry.name} differs from ${file.slice(root.length + 1)}: run \`npm run build && npm run api:report\`, review the diff and list the change in the changelog`,
      );
    }
  } else writeFileSync(file, text);
}
if (stale > 0) process.exit(1);
console.log(check ? `API report: ${entries.length} entries match api-report/` : `API report written to api-report/ (${entries.length} entries)`);
