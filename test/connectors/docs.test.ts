import { readFileSync } from 'node:fs';
import { csvMappings } from '../../src/connectors/mappings/index';
import { connectors } from '../../src/connectors/registry';

const page = readFileSync(new URL('../../docs/connectors.md', import.meta.url), 'utf8');

describe('docs/connectors.md', () => {
  const sources = [
    ...Object.values(connectors).map((c) => ({ id: c.id, docs: c.docs, ignored: Object.keys(c.ignored ?? {}) })),
    ...Object.entries(csvMappings).map(([id, m]) => ({ id, docs: m.docs ?? [], ignored: Object.keys(m.ignore ?? {}) })),
  ];

  it.each(sources)('documents $id: its vendor pages and every field it leaves out on purpose', ({ id, docs, ignored }) => {
    expect(page).toContain(`\`${id}\``);
    for (const doc of docs) expect(page).toContain(doc.url);
    for (const path of ignored) expect(page, path).toContain(`${path.split('.').pop() as string}\``);
  });
});
