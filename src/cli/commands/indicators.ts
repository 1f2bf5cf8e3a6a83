import { parseArgs } from 'node:util';
import { builtinIndicators } from '../../defaults';
import { builtinTypologyNames, typologyShortName } from '../../contract/typologies';
import { helpTexts } from '../help';
import { write, type CliIo } from '../io';
import { EXIT_OK } from '../commandSupport';

// `redflags indicators`: list the indicators a config resolves to.

export async function indicatorsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    await write(io.stdout, helpTexts.indicators);
    return EXIT_OK;
  }
  const catalogue = builtinIndicators.map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    category: meta.category,
    description: meta.docs.description,
    kind: meta.kind,
    family: meta.family,
    typologies: [...meta.typologies],
    defaultWeight: meta.defaultWeight,
    ...(meta.correlationGroup !== undefined ? { correlationGroup: meta.correlationGroup } : {}),
    sources: meta.docs.sources.map((s) => ({ title: s.title, url: s.url })),
  }));
  if (values.json === true) {
    await write(io.stdout, `${JSON.stringify(catalogue, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  for (const item of catalogue) {
    lines.push(`${item.id}  (weight ${item.defaultWeight}, ${item.category}, ${item.typologies.map(typologyShortName).join('+')})`);
    lines.push(`  ${item.title}`);
    if (item.sources.length > 0) lines.push(`  sources: ${item.sources.map((s) => s.title).join('; ')}`);
  }
  lines.push(
    `${catalogue.length} indicators. Typologies: ${Object.values(builtinTypologyNames)
      .map((n) => `${n.short} = ${n.label.toLowerCase()}`)
      .join(', ')}. Use --json for descriptions and URLs.`,
  );
  await write(io.stdout, `${lines.join('\n')}\n`);
  return EXIT_OK;
}
