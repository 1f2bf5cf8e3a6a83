// Writes the benchmark population (bench/population.mjs) as NDJSON grouped by subject, the input
// --stream reads: each subject line followed by its events. For the CLI figures in
// docs/performance.md; write it outside the repository:
//   node bench/generate-ndjson.mjs --subjects 100000 --events 200 > /tmp/redflags-100k.ndjson
//   node bench/generate-ndjson.mjs 100000 /tmp/redflags-100k.ndjson     (the older form)
// About 250 bytes per event: 100,000 x 200 is about 5 GB.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { populationSubjects } from './population.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { subjects: { type: 'string' }, events: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
});
const subjects = Number(values.subjects ?? positionals[0] ?? 100000);
const per = Number(values.events ?? 200);
const target = values.out ?? positionals[1];
const out = target !== undefined ? createWriteStream(target) : process.stdout;
let buf = '';
const flush = async () => {
  if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
  buf = '';
};
for (const { subject, events } of populationSubjects(subjects, per, Number(values.seed ?? 1))) {
  buf += `${JSON.stringify({ recordType: 'subject', ...subject })}\n`;
  for (const event of events) buf += `${JSON.stringify({ recordType: 'event', ...event })}\n`;
  if (buf.length > 1 << 20) await flush();
}
await flush();
if (out !== process.stdout) out.end();
