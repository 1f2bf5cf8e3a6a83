import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activityEventSchema, inputDocumentSchema, subjectSchema, type InputDocument } from '../../src/index';

const here = fileURLToPath(new URL('.', import.meta.url));
const text = readFileSync(join(here, 'population.json'), 'utf8');
const doc = JSON.parse(text) as InputDocument;
const scenarios = JSON.parse(readFileSync(join(here, 'scenarios.json'), 'utf8')) as Record<string, { label: string; kind: 'honest' | 'fraud' }>;

describe('examples/demo/population.json', () => {
  it('is a valid input document: every subject and event passes the schemas', () => {
    expect(inputDocumentSchema.safeParse(doc).success).toBe(true);
    for (const subject of doc.subjects) expect(subjectSchema.safeParse(subject).error).toBeUndefined();
    for (const event of doc.events ?? []) expect(activityEventSchema.safeParse(event).error).toBeUndefined();
  });

  it('has at least 40 subjects with months of events, and stays small enough to commit', () => {
    expect(doc.subjects.length).toBeGreaterThanOrEqual(40);
    const times = (doc.events ?? []).map((e) => Date.parse(e.at));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(90 * 86_400_000);
    for (const subject of doc.subjects) expect((doc.events ?? []).filter((e) => e.subjectId === subject.id).length).toBeGreaterThan(60);
    expect(Buffer.byteLength(text)).toBeLessThan(3 * 1024 * 1024);
  });

  it('mixes honest workers (travellers, VPN users, night owls) with fraud patterns', () => {
    const labels = Object.values(scenarios);
    expect(Object.keys(scenarios).sort()).toEqual(doc.subjects.map((s) => s.id).sort());
    for (const pattern of ['traveller', 'VPN user', 'night owl', 'accommodation'])
      expect(labels.some((l) => l.kind === 'honest' && l.label.includes(pattern))).toBe(true);
    for (const pattern of ['identity', 'video avoidance', 'third-party', 'forwarder', 'remote-access', 'bulk downloads', 'laptop farm', 'shared MFA']) {
      expect(labels.some((l) => l.kind === 'fraud' && l.label.includes(pattern))).toBe(true);
    }
    expect(labels.filter((l) => l.kind === 'honest').length).toBeGreaterThan(labels.length / 2);
  });

  it('has a laptop farm: several subjects sharing a ship-to address, an IP and a payout account', () => {
    const farm = Object.entries(scenarios)
      .filter(([, s]) => s.label.startsWith('laptop farm'))
      .map(([id]) => id);
    expect(farm.length).toBeGreaterThanOrEqual(3);
    const subjects = doc.subjects.filter((s) => farm.includes(s.id));
    expect(new Set(subjects.map((s) => s.shipments?.[0]?.address.line1)).size).toBe(1);
    expect(new Set(subjects.map((s) => s.paymentInstructions?.[0]?.accountNumber)).size).toBe(1);
    const ips = farm.map(
      (id) => new Set((doc.events ?? []).filter((e) => e.subjectId === id && e.type === 'device-checkin').map((e) => ('ip' in e ? e.ip : undefined))),
    );
    expect(ips.every((set) => set.size === 1 && set.has('98.174.12.77'))).toBe(true);
  });

  it('is reproduced byte for byte by the seeded generator', () => {
    const out = mkdtempSync(join(tmpdir(), 'redflags-demo-'));
    execFileSync(process.execPath, [join(here, 'generate.mjs'), out]);
    expect(readFileSync(join(out, 'population.json'), 'utf8')).toBe(text);
    // Generating 9,000 events takes seconds on a shared machine: a generous limit, not a stopwatch.
  }, 120_000);

  it("has the reviewers' outcomes that outcomes.mjs writes from the scenarios, one per subject", () => {
    const out = mkdtempSync(join(tmpdir(), 'redflags-demo-outcomes-'));
    execFileSync(process.execPath, [join(here, 'outcomes.mjs'), out]);
    const committed = readFileSync(join(here, 'outcomes.ndjson'), 'utf8');
    expect(readFileSync(join(out, 'outcomes.ndjson'), 'utf8')).toBe(committed);
    const subjects = committed
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { subjectId: string }).subjectId);
    expect(subjects.sort()).toEqual(doc.subjects.map((s) => s.id).sort());
  }, 60_000);
});
