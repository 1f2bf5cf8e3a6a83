import { ESLint } from 'eslint';

// The lint CI runs (`npm run lint`, eslint.config.mjs), shown to find what it exists for and to
// pass what it allows. The probes are linted with types from a small default project rather than
// tsconfig.test.json, so the test does not build the whole program; the rules are the config's.
const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['lint-probe/**/*.ts'],
      languageOptions: { parserOptions: { project: null, projectService: { allowDefaultProject: ['lint-probe/*.ts'] }, tsconfigRootDir: root } },
    },
  ],
});

async function rulesFound(code: string, file = 'lint-probe/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the lint', { timeout: 120_000 }, () => {
  it('finds a floating promise, and a promise given where a plain callback is expected', async () => {
    const found = await rulesFound(
      'async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n  [1].forEach(async () => save());\n}\n',
    );
    expect(found).toContain('@typescript-eslint/no-floating-promises');
    expect(found).toContain('@typescript-eslint/no-misused-promises');
  });
  it('passes a promise that is awaited, returned or explicitly let go', async () => {
    const code =
      'async function save(): Promise<void> {}\nexport async function run(): Promise<void> {\n  await save();\n  void save();\n  return save();\n}\n';
    expect(await rulesFound(code)).toEqual([]);
  });
  it('finds unused imports and locals, but not an argument kept for its place', async () => {
    const found = await rulesFound(
      "import { readFileSync } from 'node:fs';\nexport function f(_first: number, second: number): number {\n  const unused = 1;\n  return second;\n}\n",
    );
    expect(found.filter((r) => r === '@typescript-eslint/no-unused-vars')).toHaveLength(2);
  });
  it('wants import type for an import used only as a type, and no explicit any', async () => {
    const found = await rulesFound("import { Readable } from 'node:stream';\nexport const f = (r: Readable, x: any): unknown => [r, x];\n");
    expect(found).toContain('@typescript-eslint/consistent-type-imports');
    expect(found).toContain('@typescript-eslint/no-explicit-any');
  });
  it('limits code and comment lines to 160 characters, not strings or URLs', async () => {
    const longName = 'x'.repeat(160);
    expect(await rulesFound(`export const ${longName} = 1;\n`)).toEqual(['max-len']);
    expect(await rulesFound(`// ${longName}\nexport const a = 1;\n`)).toEqual(['max-len']);
    expect(await rulesFound(`export const message = '${longName}';\n`)).toEqual([]);
    expect(await rulesFound(`// See https://example.com/${longName}\nexport const a = 1;\n`)).toEqual([]);
  });
  it('lints plain .mjs files with the rules that need no types', async () => {
    expect(await rulesFound("import { readFileSync } from 'node:fs';\nexport const a = 1;\n", 'lint-probe/probe.mjs')).toEqual([
      '@typescript-eslint/no-unused-vars',
    ]);
  });
});
