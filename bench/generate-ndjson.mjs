// Writes NDJSON grouped by subject (the input --stream reads), in the style of core.bench.mjs: N subjects with
// 200 events each. For the CLI figures in docs/performance.md; write it outside the repository:
//   node bench/generate-ndjson.mjs 100000 /tmp/redflags-100k.ndjson
import { createWriteStream } from 'node:fs';
import { mulberry32 as prng } from './prng.mjs';
const subjects = Number(process.argv[2] ?? 100000), per = 200;
const out = createWriteStream(process.argv[3] ?? '/tmp/redflags-population.ndjson');
const rand = prng(1); const base = Date.UTC(2025, 0, 1);
let buf = '';
const flush = async () => { if (!out.write(buf)) await new Promise((r) => out.once('drain', r)); buf = ''; };
for (let s = 0; s < subjects; s++) {
  const id = `s${s}`;
  buf += JSON.stringify({ recordType: 'subject', id, identity: { residence: { country: 'US', timeZone: 'America/Chicago' } }, profiles: [{ id: `${id}-p`, platform: 'upwork', hoursBilled: Math.floor(rand() * 6000), createdAt: '2023-01-01T00:00:00Z' }] }) + '\n';
  let t = base + Math.floor(rand() * 86_400_000);
  for (let e = 0; e < per; e++) {
    t += Math.floor(rand() * 8 * 3_600_000);
    const at = new Date(t).toISOString();
    const ev = e % 4 === 3
      ? { recordType: 'event', id: `${id}-${e}`, subjectId: id, type: 'worklog', at, end: new Date(t + 8 * 3_600_000).toISOString(), hours: 8 }
      : { recordType: 'event', id: `${id}-${e}`, subjectId: id, type: 'session', at, end: new Date(t + Math.floor(rand() * 10 * 3_600_000)).toISOString(), accountId: rand() < 0.9 ? 'corp' : 'alt', ip: `198.51.${(s >> 8) & 255}.${s & 255}`, network: { country: 'US', asn: 7922, isVpn: rand() < 0.05 }, deviceId: `${id}-laptop` };
    buf += JSON.stringify(ev) + '\n';
  }
  if (buf.length > 1 << 20) await flush();
}
await flush(); out.end();
