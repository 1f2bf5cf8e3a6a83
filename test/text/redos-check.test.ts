import { ESLint } from 'eslint';

// The ReDoS check that CI runs on src/ (`npm run check:regex`, eslint.regex.config.mjs): here it
// is shown to reject the patterns it exists for, and to accept the linear forms that replaced them.
const configFile = new URL('../../eslint.regex.config.mjs', import.meta.url).pathname;

async function problems(code: string): Promise<string[]> {
  const eslint = new ESLint({ overrideConfigFile: configFile, cwd: new URL('../..', import.meta.url).pathname });
  const [result] = await eslint.lintText(code, { filePath: 'src/probe.ts' });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the ReDoS check', { timeout: 120_000 }, () => {
  it('rejects exponential backtracking: /(a+)+$/', async () => {
    expect(await problems('export const bad = /(a+)+$/;\n')).toContain('regexp/no-super-linear-backtracking');
  });
  it('rejects the quadratic scans this code base had', async () => {
    for (const pattern of ['/%.*$/', '/[/?#].*$/', '/\\s*(?:x|ext\\.?|extension|#)\\s*\\d+\\s*$/i', '/\\s*\\bv?\\d+(?:\\.(?:\\d+|x))*\\+?\\s*$/i']) {
      expect(await problems(`export const re = ${pattern};\n`), pattern).toContain('regexp/no-super-linear-move');
    }
  });
  it('rejects them inside new RegExp, and a pattern it cannot read', async () => {
    expect(await problems("export const bad = new RegExp('(a|a)*b$');\n")).not.toEqual([]);
    expect(await problems('export const bad = (p: string) => new RegExp(p);\n')).toContain('no-restricted-syntax');
  });
  it('cannot be switched off by a comment in the file', async () => {
    const found = await problems('// eslint-disable-next-line\nexport const bad = /(a+)+$/;\n');
    expect(found).toContain('regexp/no-super-linear-backtracking');
  });
  it('accepts anchored and linear patterns', async () => {
    expect(await problems('export const ok = [/^\\d{1,3}$/, /^[a-z0-9-]+(\\.[a-z0-9-]+)+$/, /\\{\\{[^{}]*\\}\\}/];\n')).toEqual([]);
    // A run that is replaced wherever it is found never fails, so it is linear: the check knows the use.
    expect(await problems("export const ok = (s: string) => s.replace(/[^\\p{L}\\p{N}]+/gu, ' ');\n")).toEqual([]);
  });
});
