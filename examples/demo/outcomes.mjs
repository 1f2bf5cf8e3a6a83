// Writes outcomes.ndjson: what reviewers decided about each demo subject, from scenarios.json.
// Deterministic: no clock, no randomness. Run: node examples/demo/outcomes.mjs [outDir] (default: here)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = new URL('./', import.meta.url);
const scenarios = JSON.parse(readFileSync(new URL('scenarios.json', here), 'utf8'));
// Decisions were taken on four review days in May 2025; each subject is scored as of its own.
const reviewDays = ['2025-05-06T16:00:00Z', '2025-05-13T16:00:00Z', '2025-05-20T16:00:00Z', '2025-05-27T16:00:00Z'];
const lines = [];
Object.keys(scenarios)
  .sort()
  .forEach((subjectId, i) => {
    const { kind, label } = scenarios[subjectId];
    let outcome = 'cleared';
    if (kind !== 'honest') outcome = /bulk|download/.test(label) ? 'confirmed-insider' : 'confirmed-fraud';
    // Two honest subjects whose reviews could not conclude: counted, but not in the metrics.
    else if (/night owl/.test(label) && i % 2 === 0) outcome = 'inconclusive';
    lines.push(
      JSON.stringify({
        recordType: 'outcome',
        id: `out-${subjectId}`,
        subjectId,
        decidedAt: reviewDays[i % reviewDays.length],
        outcome,
        decidedBy: kind === 'honest' ? 'hr-review' : 'trust-and-safety',
        caseId: `CASE-${String(i + 1).padStart(3, '0')}`,
      }),
    );
  });
writeFileSync(join(process.argv[2] ?? fileURLToPath(here), 'outcomes.ndjson'), `${lines.join('\n')}\n`);
