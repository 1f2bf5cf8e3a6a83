import { z } from 'zod';
import { datedSubjectFields, subjectAsOf, watchlistsAsOf } from '../../src/engine/asOfCut';
import { partialDateSchema } from '../../src/records/common';
import { builtinIndicators, createScorer, defineIndicator, jsonSchema, parseSubject, type Subject } from '../../src/index';

const asOf = '2025-06-01T00:00:00Z';
const asOfMs = Date.parse(asOf);
const before = '2024-01-01T00:00:00Z';
const after = '2025-07-01T00:00:00Z';
const partialPattern = (z.toJSONSchema(partialDateSchema) as { pattern?: string }).pattern;

/** Every date-time and partial-date field of a JSON Schema, as `a.b[].c` paths. Iterative: schemas nest deeply. */
function datedPaths(schema: unknown): string[] {
  const out: string[] = [];
  const stack: { node: unknown; path: string }[] = [{ node: schema, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: string };
    if (typeof node !== 'object' || node === null) continue;
    const s = node as {
      format?: string;
      pattern?: string;
      properties?: Record<string, unknown>;
      items?: unknown;
      anyOf?: unknown[];
      oneOf?: unknown[];
      allOf?: unknown[];
    };
    if (s.format === 'date-time' || s.format === 'date' || (s.pattern !== undefined && s.pattern === partialPattern)) out.push(path);
    for (const [key, child] of Object.entries(s.properties ?? {})) stack.push({ node: child, path: path === '' ? key : `${path}.${key}` });
    if (s.items !== undefined) stack.push({ node: s.items, path: `${path}[]` });
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) stack.push({ node: alt, path });
  }
  return out.sort();
}

/** A subject with every dated field set, each before asOf. */
const fixture = {
  id: 'subj',
  appliedAt: before,
  offerAt: before,
  hiredAt: before,
  identity: { names: [{ value: 'Ann Lee', observedAt: before }], dateOfBirth: '1990-01-01' },
  contacts: { emails: [{ address: 'ann@example.com', createdAt: before }], phones: [{ number: '+15555550100', createdAt: before }] },
  documents: [
    {
      id: 'doc',
      type: 'passport',
      dateOfBirth: '1990-01-01',
      verification: { checkedAt: before, outcome: 'verified', overrides: [{ at: before, by: 'reviewer', outcome: 'verified' }] },
    },
  ],
  identityChecks: [{ id: 'chk', kind: 'database', at: before, outcome: 'consistent' }],
  verifications: [{ id: 'ver', kind: 'drug-test', at: before, outcome: 'passed' }],
  photos: [{ id: 'ph', source: 'resume', capturedAt: before, checkedAt: before }],
  education: [{ id: 'ed', organisation: 'Uni', start: '2010', end: '2014' }],
  employment: [{ id: 'em', organisation: 'Co', start: '2015-01', end: '2020-01' }],
  skills: [{ name: 'Go', since: '2016' }],
  profiles: [
    {
      id: 'pr',
      platform: 'github',
      createdAt: before,
      observedAt: before,
      earliestActivityAt: before,
      previousHandles: [{ handle: 'old', changedAt: before }],
      locationChanges: [{ from: 'A', to: 'B', changedAt: before }],
      authenticityReview: { reviewedAt: before, flagged: false },
      deletedAt: before,
    },
  ],
  interviews: [{ id: 'iv', at: before, mode: 'video', outcome: 'held' }],
  // Ends after every later value, so moving only `from` later still gives a valid period.
  availability: [{ from: before, to: '2099-01-01T00:00:00Z' }],
  paymentInstructions: [{ id: 'pi', at: before, method: 'bank' }],
  paymentRequests: [{ id: 'rq', at: before, kind: 'advance' }],
  shipments: [{ id: 'sh', shippedAt: before, deliveredAt: before, address: { country: 'US' }, changeRequests: [{ at: before, address: { country: 'US' } }] }],
  engagements: [
    { id: 'en', organisation: 'Other', start: '2021', end: '2022', disclosedAt: before, conflictReview: { outcome: 'approved', reviewedAt: before } },
  ],
  workArrangementRequests: [{ id: 'wa', at: before, kind: 'other' }],
  lifecycle: { status: 'active', statusAt: before, startDate: '2024-01-01', noticeDate: '2024-01-01', endDate: '2024-02-01' },
  accounts: [{ system: 'okta', accountId: 'a1', createdAt: before, disabledAt: before }],
  rosterChanges: [{ effectiveDate: '2024-01-01', team: 'core' }],
  exceptions: [{ id: 'ex', kind: 'vpn', approvedAt: before, validFrom: before, validUntil: before }],
  travel: [{ id: 'tr', from: { country: 'US' }, to: { country: 'CA' }, depart: before, arrive: before, bookedAt: before }],
  relationships: [{ id: 'rel', kind: 'household', declaredAt: before }],
  behaviourBaseline: { from: before, through: before, weeks: 20 },
  notes: [{ id: 'note', at: before, text: 'checked' }],
  backgroundChecks: [{ id: 'bg', orderedAt: before, completedAt: before, addressHistory: [{ from: '2020', to: '2023' }] }],
  employmentVerifications: [
    { id: 'evf', result: 'verified', completedAt: before, concurrentEmployers: [{ organisation: 'Other Co', start: '2021', end: '2022' }] },
  ],
  workAuthorizations: [{ id: 'wauth', method: 'e-verify', result: 'authorized', checkedAt: before }],
};

type Json = Record<string, unknown>;

/** The object holding the field at `path` (first element of every array on the way), and the key. */
function locate(root: Json, path: string): { holder: Json; key: string; parents: { container: Json | unknown[]; key: string | number }[] } {
  const segments = path.split('.');
  let holder = root;
  const parents: { container: Json | unknown[]; key: string | number }[] = [];
  for (const segment of segments.slice(0, -1)) {
    const array = segment.endsWith('[]');
    const key = array ? segment.slice(0, -2) : segment;
    parents.push({ container: holder, key });
    if (array) {
      const list = holder[key] as Json[];
      parents.push({ container: list, key: 0 });
      holder = list[0] as Json;
    } else holder = holder[key] as Json;
  }
  return { holder, key: segments.at(-1) as string, parents };
}

/** What subjectAsOf must give once the field at `path` is dated after asOf, built by hand from the rule. */
function expectedCut(subject: Json, path: string): Json {
  const copy = structuredClone(subject);
  const rule = datedSubjectFields[path];
  const { holder, key, parents } = locate(copy, path);
  if (rule?.cut === 'field') delete holder[key];
  if (rule?.cut === 'fact') {
    // Remove the holder from its container; an array left empty goes too, as no data.
    for (let i = parents.length - 1; i >= 0; i--) {
      const { container, key: k } = parents[i] as { container: Json | unknown[]; key: string | number };
      if (Array.isArray(container)) {
        container.splice(k as number, 1);
        if (container.length > 0) break;
      } else {
        delete container[k as string];
        break;
      }
    }
  }
  return copy;
}

const laterValue = (value: unknown): string => (typeof value === 'string' && value.length <= 10 ? '2026' : after);

describe('asOf cuts every dated fact of a subject', () => {
  const schemaPaths = datedPaths(jsonSchema('subject'));

  it('classifies every dated field of the subject schema, and no other', () => {
    expect(schemaPaths).toContain('employment[].start');
    expect(schemaPaths).toContain('shipments[].changeRequests[].at');
    expect(Object.keys(datedSubjectFields).sort()).toEqual(schemaPaths);
  });

  it('the fixture is a valid subject that sets every dated field', () => {
    const parsed = parseSubject(fixture) as unknown as Json;
    for (const path of schemaPaths) {
      const { holder, key } = locate(parsed, path);
      expect(holder[key], path).toBeTypeOf('string');
    }
    expect(subjectAsOf(parsed as unknown as Subject, asOfMs)).toBe(parsed);
  });

  // What indicators see, captured by a probe indicator: the view's subject and the population's.
  function seenByIndicators(subject: unknown): { view: unknown; population: unknown } {
    const seen: { view?: unknown; population?: unknown } = {};
    const probe = defineIndicator({
      meta: {
        id: 'test/probe',
        version: '1.0.0',
        title: 'Probe',
        category: 'test',
        kind: 'risk',
        family: 'identity',
        typologies: ['remote-hire-identity-fraud'],
        defaultWeight: 1,
        messages: { seen: 'seen' },
        neutralReason: 'n/a',
        recommendedAction: 'n/a',
        docs: {
          description: 'Records what it sees.',
          requires: [],
          threatHypothesis: 'n/a',
          sources: [],
          falsePositives: ['A test probe.'],
        },
      },
      prepare(population) {
        seen.population = structuredClone(population.subjects[0]);
        return undefined;
      },
      evaluate(view) {
        seen.view = structuredClone(view.subject);
        return [];
      },
    });
    createScorer({ indicators: [probe] }).scoreBatch({ asOf, subjects: [subject] });
    return { view: seen.view, population: seen.population };
  }

  it.each(Object.keys(datedSubjectFields))('a later %s is cut before any indicator runs', (path) => {
    const later = structuredClone(fixture) as Json;
    const { holder, key } = locate(later, path);
    holder[key] = laterValue(holder[key]);
    const expected = expectedCut(parseSubject(later) as unknown as Json, path);
    const seen = seenByIndicators(later);
    expect(seen.view).toEqual(expected);
    expect(seen.population).toEqual(expected);
    if (datedSubjectFields[path]?.cut !== 'kept') expect(seen.view).not.toEqual(parseSubject(later));
  });

  it('with asOf 1970 built-in indicators see no fact of 2023-2025 and score the prior', () => {
    const result = createScorer({ indicators: builtinIndicators }).scoreBatch({
      asOf: '1970-01-01T00:00:00Z',
      subjects: [
        {
          id: 'a',
          identity: { residence: { country: 'US' } },
          paymentInstructions: [{ id: 'p1', at: '2024-01-01T00:00:00Z', method: 'crypto', walletAddress: '0xabc', bankCountry: 'KP' }],
          shipments: [{ id: 's1', shippedAt: '2024-02-01T00:00:00Z', address: { country: 'CN', city: 'Dandong' }, forwarder: true }],
        },
      ],
      watchlists: [{ name: 'wallets', kind: 'sanctions', publishedAt: '2025-01-01T00:00:00Z', entries: [{ type: 'wallet', value: '0xabc' }] }],
    });
    expect(result.reports[0]?.reasons).toEqual([]);
    expect(result.reports[0]?.score).toBe(1.8);
  });
});

describe('asOf cuts watchlists', () => {
  const list = (publishedAt: string | undefined, entries: { type: 'name'; value: string; listedAt?: string }[]) => ({
    name: 'l',
    kind: 'sanctions' as const,
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    entries,
  });

  it('leaves out a list published later and an entry listed later', () => {
    const kept = list(before, [{ type: 'name', value: 'A' }]);
    const cut = watchlistsAsOf(
      [
        kept,
        list(after, [{ type: 'name', value: 'B' }]),
        list(undefined, [
          { type: 'name', value: 'C', listedAt: after },
          { type: 'name', value: 'D', listedAt: before },
        ]),
      ],
      asOfMs,
    );
    expect(cut).toEqual([kept, list(undefined, [{ type: 'name', value: 'D', listedAt: before }])]);
    expect(cut[0]).toBe(kept);
  });
});
