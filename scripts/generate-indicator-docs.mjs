// Generates the indicator reference in docs/indicators/ from each indicator's `meta`, so it is
// never written twice. Run after `npm run build`; `--check` fails when the committed pages are stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'docs/indicators');
const check = process.argv.includes('--check');
const { builtinIndicators, builtinGroups, jsonSchema } = await import(join(root, 'dist/index.js'));

const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function optionsTable(schema) {
  if (schema === undefined) return '_This indicator takes no options._\n';
  let json;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return `_Options are validated by a ${schema['~standard']?.vendor ?? 'Standard Schema'} schema._\n`;
  }
  const props = json.properties ?? {};
  const rows = Object.entries(props).map(([name, p]) => {
    const type = p.type ?? (p.anyOf ? p.anyOf.map((a) => a.type ?? 'object').join(' \\| ') : 'any');
    const def = p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``;
    return `| \`${name}\` | ${esc(type)} | ${def} | ${esc(p.description ?? '')} |`;
  });
  if (rows.length === 0) return '_This indicator takes no options._\n';
  return ['| Option | Type | Default | Why this default |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function page(meta) {
  const group = meta.correlationGroup;
  const groupSetting = group ? builtinGroups[group] : undefined;
  const lines = [
    `# \`${meta.id}\`: ${meta.title}`,
    '',
    `<!-- Generated from the indicator's meta by scripts/generate-indicator-docs.mjs. Do not edit. -->`,
    '',
    meta.description,
    '',
    '| | |',
    '| --- | --- |',
    `| Kind | ${meta.kind} |`,
    `| Data family | ${meta.family} |`,
    `| Typologies | ${meta.typologies.join(', ') || '(none)'} |`,
    `| Default weight | ${meta.defaultWeight} log-odds at strength 1 |`,
    `| Correlation group | ${group ? `\`${group}\`${groupSetting?.cap !== undefined ? ` (cap ${groupSetting.cap} log-odds)` : ''}` : '(none)'} |`,
    `| Version | ${meta.version} |`,
    `| Reads | ${meta.requires.map((r) => `\`${r}\``).join(', ')} |`,
    '',
    '## Options',
    '',
    optionsTable(meta.options),
    '## Messages',
    '',
    '| messageId | Template |',
    '| --- | --- |',
    ...Object.entries(meta.messages).map(([id, t]) => `| \`${id}\` | ${esc(t)} |`),
    '',
    '## For the reviewer',
    '',
    `- **Recommended next step:** ${meta.recommendedAction}`,
    `- **Neutral wording** (candidate-facing, adverse-action notices): "${meta.neutralReason}"`,
    ...(meta.threatHypothesis ? [`- **Investigator hypothesis** (never shown to the candidate): ${meta.threatHypothesis}`] : []),
    '',
  ];
  if (meta.falsePositives?.length) {
    lines.push('## Honest explanations to rule out', '', ...meta.falsePositives.map((f) => `- ${f}`), '');
  }
  lines.push('## Sources', '', ...(meta.sources.length ? meta.sources.map((s) => `- [${s.title}](${s.url})`) : ['- (none)']), '');
  return lines.join('\n');
}

const files = new Map();
const byCategory = new Map();
for (const { meta } of builtinIndicators) {
  files.set(`${meta.id}.md`, page(meta));
  if (!byCategory.has(meta.category)) byCategory.set(meta.category, []);
  byCategory.get(meta.category).push(meta);
}
const index = [
  '# Indicator reference',
  '',
  '<!-- Generated from the indicators\' meta by scripts/generate-indicator-docs.mjs. Do not edit. -->',
  '',
  `${builtinIndicators.length} built-in indicators. Weights are log-odds added at full strength; see [scoring](../scoring.md).`,
  '',
];
for (const [category, metas] of [...byCategory].sort()) {
  index.push(`## ${category}`, '', '| Indicator | Title | Family | Weight | Typologies |', '| --- | --- | --- | --- | --- |');
  for (const m of metas) {
    index.push(`| [\`${m.id}\`](${m.id}.md) | ${esc(m.title)} | ${m.family} | ${m.defaultWeight} | ${m.typologies.join(', ')} |`);
  }
  index.push('');
}
files.set('README.md', index.join('\n'));
// The JSON Schema of the input document, for callers that do not use TypeScript.
files.set('../schema/input.schema.json', `${JSON.stringify(jsonSchema('input'), null, 2)}\n`);

function listExisting(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listExisting(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

if (check) {
  const stale = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(name);
  }
  for (const name of listExisting(outDir)) if (!files.has(name)) stale.push(`${name} (no such indicator)`);

  if (stale.length > 0) {
    console.error(`docs/indicators is stale; run npm run docs:indicators and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`docs/indicators is up to date (${files.size} pages)`);
} else {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(join(root, 'docs/schema'), { recursive: true, force: true });
  for (const [name, content] of files) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  console.log(`wrote ${files.size} pages to docs/indicators`);
}
