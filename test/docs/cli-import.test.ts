import { readFileSync } from 'node:fs';
import { helpTexts } from '../../src/cli/help';
import { connectors } from '../../src/connectors/registry';

const page = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
/** The `redflags import` section of docs/cli.md, up to the next command. */
const section = page.slice(page.indexOf('## `redflags import'), page.indexOf('\n## ', page.indexOf('## `redflags import') + 1));

describe('docs/cli.md documents `redflags import`', () => {
  it('names every source the command takes', () => {
    expect(section.length).toBeGreaterThan(500);
    for (const id of [...Object.keys(connectors), 'csv']) expect(section, id).toContain(`\`${id}\``);
  });

  it('lists every option of `redflags import --help` in its table', () => {
    const options = [...helpTexts.import.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1] as string);
    expect(options.length).toBeGreaterThan(8);
    for (const option of options.filter((o) => o !== '--help')) expect(section, option).toMatch(new RegExp(`\\| \`(?:-\\w, )?${option}\\b`));
  });
});
