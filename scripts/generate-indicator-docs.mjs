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
    const type = p.type ?? (p.anyOf ? p.anyOf.map((a) => a.type ?? 'object').join(' | ') : 'any');
    const def = p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``;
    return `| \`${name}\` | ${esc(type)} | ${def} | ${esc(p.description ?? '')} |`;
  });
  if (rows.length === 0) return '_This indicator takes no options._\n';
  return ['| Option | Type | Default | Why this default |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function page(meta) {
  const { docs } = meta;
  const group = meta.correlationGroup;
  const groupSetting = group ? builtinGroups[group] : undefined;
  const lines = [
    `# \`${meta.id}\`: ${meta.title}`,
    '',
    `<!-- Generated from the indicator's meta by scripts/generate-indicator-docs.mjs. Do not edit. -->`,
    '',
    docs.description,
    '',
    '| | |',
    '| --- | --- |',
    `| Kind | ${meta.kind} |`,
    `| Data family | ${meta.family} |`,
    `| Typologies | ${meta.typologies.join(', ') || '(none)'} |`,
    `| Default weight | ${meta.defaultWeight} log-odds at strength 1 |`,
    `| Correlation group | ${group ? `\`${group}\`${groupSetting?.cap !== undefined ? ` (cap ${groupSetting.cap} log-odds)` : ''}` : '(none)'} |`,
    `| Version | ${meta.version} |`,
    `| Reads | ${docs.requires.map((r) => `\`${r}\``).join(', ')} |`,
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
    ...(docs.threatHypothesis ? [`- **Investigator hypothesis** (never shown to the candidate): ${docs.threatHypothesis}`] : []),
    '',
  ];
  if (docs.falsePositives?.length) {
    lines.push('## Honest explanations to rule out', '', ...docs.falsePositives.map((f) => `- ${f}`), '');
  }
  lines.push('## Sources', '', ...(docs.sources.length ? docs.sources.map((s) => `- [${s.title}](${s.url})`) : ['- (none)']), '');
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
  "<!-- Generated from the indicators' meta by scripts/generate-indicator-docs.mjs. Do not edit. -->",
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
files.set('../records.md', recordsPage());
// The JSON Schema of the input document, for callers that do not use TypeScript.
files.set('../schema/input.schema.json', `${JSON.stringify(jsonSchema('input'), null, 2)}\n`);

/** A field-by-field reference of the record model, from the same JSON Schema. */
function recordsPage() {
  const typeOf = (n) => {
    if (n === undefined) return 'any';
    if (n.const !== undefined) return `\`${JSON.stringify(n.const)}\``;
    if (n.enum) return n.enum.map((v) => `\`${v}\``).join(' | ');
    // `null` in an optional field means unknown (said once in the page's introduction), so it is not repeated per field.
    if (n.anyOf)
      return n.anyOf
        .filter((a) => a.type !== 'null')
        .map(typeOf)
        .join(' | ');
    if (n.type === 'array') return `${typeOf(n.items)}[]`;
    if (n.format === 'date-time') return 'date-time';
    if (Array.isArray(n.type)) return n.type.filter((t) => t !== 'null').join(' | ');
    if (n.type === 'string' && n.maxLength !== undefined) return `string (max ${n.maxLength})`;
    return n.type ?? 'object';
  };
  const rows = (node, prefix, out) => {
    const required = new Set(node.required ?? []);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = `${prefix}${name}`;
      const shown = child.anyOf?.find((c) => c.type === 'object' || c.type === 'array') ?? child;
      const type = shown.type === 'object' && shown.properties ? 'object' : typeOf(child);
      out.push(`| \`${path}\` | ${esc(type)} | ${required.has(name) ? 'yes' : ''} | ${esc(child.description ?? shown.description ?? '')} |`);
      if (shown.type === 'object' && shown.properties) rows(shown, `${path}.`, out);
      if (shown.type === 'array' && shown.items?.properties) rows(shown.items, `${path}[].`, out);
    }
    return out;
  };
  const table = (node) => ['| Field | Type | Required | Meaning |', '| --- | --- | --- | --- |', ...rows(node, '', [])].join('\n');
  const subject = jsonSchema('subject');
  const event = jsonSchema('event');
  const variants = event.oneOf ?? event.anyOf ?? [];
  const lines = [
    '---',
    'title: Record reference',
    '---',
    '',
    '# Record reference',
    '',
    '<!-- Generated from the zod schemas by scripts/generate-indicator-docs.mjs. Do not edit. -->',
    '',
    'Every record type, field by field, generated from the zod schemas that validate input (the one',
    'source of truth; the JSON Schema is [docs/schema/input.schema.json](schema/input.schema.json)).',
    'Every field except ids, `subjectId`, `type` and `at` is optional: real HR data is sparse. `null` in an',
    'optional field means unknown and counts as no data, like an empty object; an unknown field is an',
    'error with a suggestion (put extra data under `extensions`). Limits (lengths, depth, year range) are in',
    '[reliability](reliability.md#records-validation-limits).',
    '',
    '## Subject',
    '',
    table(subject),
    '',
  ];
  for (const v of variants) {
    lines.push(`## Event \`${v.properties?.type?.const ?? '?'}\``, '', ...(v.description ? [v.description, ''] : []), table(v), '');
  }
  return lines.join('\n');
}

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
