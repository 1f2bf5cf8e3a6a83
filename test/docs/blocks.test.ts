import { docBlocks } from './blocks';
import { redflagsCommands } from './shell';

const fence = '```';

describe('docBlocks', () => {
  it('reads the skip, files, prelude and continues markers of the block below them', () => {
    const page = [
      '<!-- doc-test: prelude test/docs/preludes/demo-population.ts -->',
      `${fence}ts`,
      'const a = input;',
      fence,
      'Then:',
      '<!-- doc-test: continues -->',
      `${fence}ts`,
      'console.log(a);',
      fence,
      '<!-- doc-test: skip needs a running osquery daemon -->',
      `${fence}sh`,
      'osqueryi',
      fence,
      '<!-- doc-test: files a.json=x/a.json b.csv=y/b.csv -->',
      `${fence}sh`,
      'redflags score a.json',
      fence,
    ].join('\n');
    const [first, second, third, fourth] = docBlocks('page.md', page);
    expect(first).toMatchObject({ where: 'page.md:2', prelude: 'test/docs/preludes/demo-population.ts', files: [] });
    expect(first?.continues).toBeUndefined();
    expect(second).toMatchObject({ where: 'page.md:7', continues: 'const a = input;\n', code: 'console.log(a);\n' });
    expect(third).toMatchObject({ skip: 'needs a running osquery daemon' });
    expect(fourth?.files).toEqual([
      ['a.json', 'x/a.json'],
      ['b.csv', 'y/b.csv'],
    ]);
    expect(fourth?.skip).toBeUndefined();
  });

  it('refuses a misspelt marker and one that is not followed by its block, so no test is turned off by accident', () => {
    expect(() => docBlocks('p.md', `<!-- doc-test: skipp because -->\n${fence}sh\nx\n${fence}`)).toThrow(/p\.md:1: unknown doc-test marker "skipp"/);
    expect(() => docBlocks('p.md', `<!-- doc-test: skip because of x -->\nSome prose.\n${fence}sh\nx\n${fence}`)).toThrow(
      /p\.md:1: a doc-test marker must be followed/,
    );
    expect(() => docBlocks('p.md', `text\n<!-- doc-test: skip because of x -->\n`)).toThrow(/p\.md:2/);
  });
});

describe('redflagsCommands', () => {
  it('takes blocks of plain redflags commands, with continuations, comments and a redirect', () => {
    expect(
      redflagsCommands('npx redflags score a.json --out r.html   # comment\nredflags schema > s.json\nredflags import okta x.json \\\n  --out y.ndjson\n'),
    ).toEqual([
      { argv: ['score', 'a.json', '--out', 'r.html'] },
      { argv: ['schema'], stdoutTo: 's.json' },
      { argv: ['import', 'okta', 'x.json', '--out', 'y.ndjson'] },
    ]);
  });

  it('leaves to a shell whatever needs one: pipes, other programs, globs, quotes, variables', () => {
    for (const code of [
      'cat a | redflags score -',
      'jq . a.json',
      'redflags import cert r/*.csv',
      "redflags score 'a b.json'",
      'redflags score $FILE',
      'npm run demo',
    ]) {
      expect(redflagsCommands(code), code).toBeUndefined();
    }
  });
});
