import { readFileSync } from 'node:fs';
import { buildWatchlistIndex, createScorer, defaultNameThreshold, hostOf, nameSimilarity, normalizePhone, parseIp, phoneticKey } from '../../src/index';
import { findTechnology } from '../../src/data/technologyReleaseYears';
import { compareNames, jaroWinkler, jaroWinklerCounted, maxComparedNameTokens, type WorkCounter } from '../../src/kit/names';

// One 50,000-character field in an otherwise ordinary record. Each of these took 6 to 60 s
// through a quadratic regular expression or comparison; linear code takes milliseconds. Tests do
// not read a clock: they check the results on the hostile input (under a timeout generous enough
// for a slow, busy machine), and where the work can be counted, that it grows linearly.
const N = 50_000;
const slowMachine = 120_000;

// The demo file as plain JSON: the tests write hostile values at any path of it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- paths the tests choose freely
type JsonObject = Record<string, any>;

const demo = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as {
  asOf: string;
  subjects: JsonObject[];
  events: JsonObject[];
  watchlists: unknown[];
  reference: Record<string, unknown>;
};

/**
 * The first demo subject and its events, with one field replaced, through the whole batch path.
 * A field over its documented length cap is refused at validation, with its path, and everything
 * else is scored; a field within the caps is scored without an indicator error. Returns the report
 * when the subject itself was scored.
 */
function scoreDemoSubject(change: (doc: { subject: JsonObject; events: JsonObject[]; watchlists: unknown[] }) => void) {
  const subject = structuredClone(demo.subjects[0]!);
  const events = demo.events.filter((e) => e.subjectId === subject.id).map((e) => structuredClone(e));
  const watchlists = structuredClone(demo.watchlists);
  change({ subject, events, watchlists });
  const result = createScorer().scoreBatch({ asOf: demo.asOf, subjects: [subject], events, watchlists, reference: demo.reference });
  for (const rejected of result.rejected) {
    // Events of a refused subject are rejected as orphans; every other problem is a length cap.
    for (const issue of rejected.issues) expect(issue.message).toMatch(/too big|at most|characters|no valid subject/i);
  }
  for (const report of result.reports) expect(report.errors).toEqual([]);
  expect(result.reports.length + result.rejected.filter((r) => r.kind === 'subject').length).toBe(1);
  return result.reports[0];
}

/** Textbook Jaro-Winkler (quadratic window scan): the reference for the linear one. */
function referenceJaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const am = new Array<boolean>(a.length).fill(false);
  const bm = new Array<boolean>(b.length).fill(false);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j <= Math.min(b.length - 1, i + range); j++) {
      if (bm[j] || a[i] !== b[j]) continue;
      am[i] = bm[j] = true;
      m++;
      break;
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!am[i]) continue;
    while (!bm[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < Math.min(4, a.length, b.length) && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

function jaroSteps(a: string, b: string): number {
  const work: WorkCounter = { steps: 0 };
  jaroWinklerCounted(a, b, work);
  return work.steps;
}

describe('phone "1" + 50,000 spaces + "1"', () => {
  it('is not a phone number, and a real number behind 50,000 spaces keeps its extension cut', { timeout: slowMachine }, () => {
    expect(normalizePhone(`1${' '.repeat(N)}1`)).toBeUndefined();
    expect(normalizePhone(`+1 615 555 0100${' '.repeat(N)}ext. 12`)).toBe('+16155550100');
    expect(normalizePhone(`+1 615 555 0100 x${' '.repeat(N)}`)).toBe('+16155550100');
  });
  it('scores the subject', { timeout: slowMachine }, () => {
    const report = scoreDemoSubject(({ subject }) => {
      subject.contacts.phones[0].number = `1${' '.repeat(N)}1`;
    });
    // The 50,000-character number is over the length cap: the subject is refused with that path.
    expect(report).toBeUndefined();
  });
});

describe('e-mail "a@" + 50,000 slashes + "\\nx" against a domain watchlist', () => {
  it('has no host, and a listed host behind a 50,000-character path still matches', { timeout: slowMachine }, () => {
    expect(hostOf(`a@${'/'.repeat(N)}\nx`)).toBeUndefined();
    expect(hostOf(`https://front.example${'/'.repeat(N)}\nx`)).toBe('front.example');
    const index = buildWatchlistIndex(
      [{ name: 'seized', kind: 'seized-domains', entries: [{ id: 'd1', type: 'domain', value: 'front.example' }] }],
      defaultNameThreshold,
    );
    expect(index.match('email', `a@${'/'.repeat(N)}\nx`)).toEqual([]);
    expect(index.match('domain', `https://mail.front.example/${'/'.repeat(N)}\nx`).map((m) => m.entry.id)).toEqual(['d1']);
  });
  it('a host of 25,000 labels is no domain name (over 253 characters) and matches nothing', { timeout: slowMachine }, () => {
    expect(hostOf(`${'a.'.repeat(N / 2)}front.example`)).toBeUndefined();
    expect(hostOf(`${'a.'.repeat(120)}front.example`)).toBe(`${'a.'.repeat(120)}front.example`);
  });
  it('scores the subject', { timeout: slowMachine }, () => {
    const report = scoreDemoSubject(({ subject, watchlists }) => {
      subject.contacts.emails[0].address = `a@${'/'.repeat(N)}\nx`;
      watchlists.push({ name: 'seized', kind: 'seized-domains', entries: [{ id: 'd1', type: 'domain', value: 'front.example' }] });
    });
    expect(report?.findings.filter((f) => f.indicatorId === 'watchlist/match') ?? []).toEqual([]);
  });
});

describe('employment[].domain of 50,000 characters', () => {
  // Over the length cap a domain never reaches the indicator: score() refuses the subject, naming the field.
  const frontRefusal = (domain: string) => {
    const subject = structuredClone(demo.subjects[0]!);
    subject.employment[0].domain = domain;
    return () => createScorer().score(subject, { asOf: demo.asOf, reference: { frontCompanyDomains: ['front.example'] } });
  };
  it('"/" x 50,000 + "\\nx" is refused at validation with its path', { timeout: slowMachine }, () => {
    expect(frontRefusal(`${'/'.repeat(N)}\nx`)).toThrow(/employment\[0\]\.domain/);
  });
  it('a subdomain 25,000 labels deep is refused at validation with its path; its registrable part is still found by hostOf', { timeout: slowMachine }, () => {
    expect(frontRefusal(`${'a.'.repeat(N / 2)}front.example/${'/'.repeat(N)}`)).toThrow(/employment\[0\]\.domain/);
  });
});

describe('session ip "%" x 50,000 + "\\nx"', () => {
  it('is not an address, and a zone id of 50,000 characters is cut', { timeout: slowMachine }, () => {
    expect(parseIp(`${'%'.repeat(N)}\nx`)).toBeUndefined();
    expect(parseIp(`fe80::1%${'%'.repeat(N)}\nx`)).toEqual({ version: 6, value: parseIp('fe80::1')!.value });
  });
  it('scores the subject', { timeout: slowMachine }, () => {
    scoreDemoSubject(({ events }) => {
      const session = events.find((e) => e.type === 'session')!;
      session.ip = `${'%'.repeat(N)}\nx`;
    });
  });
});

describe('skills[].name of 50,000 characters', () => {
  it('is no technology, and a known one behind 50,000 spaces and a version is found', { timeout: slowMachine }, () => {
    expect(findTechnology(`a${' '.repeat(N)}x`)).toBeUndefined();
    expect(findTechnology(`React${' '.repeat(N)}18`)?.id).toBe('react');
    expect(findTechnology(`${'1.'.repeat(N / 2)}x`)).toBeUndefined();
  });
  it('scores the subject', { timeout: slowMachine }, () => {
    scoreDemoSubject(({ subject }) => {
      subject.skills = [{ name: `a${' '.repeat(N)}x`, since: '2015' }];
    });
  });
});

describe('two 50,000-character names through Jaro-Winkler', () => {
  it('gives the textbook result on any strings, short or long', () => {
    const alphabet = 'abcab';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 400; i++) {
      const a = word(Math.floor(random() * 200));
      const b = word(Math.floor(random() * 200));
      expect(jaroWinkler(a, b)).toBeCloseTo(referenceJaroWinkler(a, b), 12);
    }
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
  });
  it('counts linear work: doubling the length doubles the steps', () => {
    const cases: [string, (n: number) => [string, string]][] = [
      ['no common letter', (n) => ['x'.repeat(n), 'y'.repeat(n)]],
      ['one letter repeated', (n) => ['a'.repeat(n), 'a'.repeat(n - 1)]],
      ['alternating, shifted', (n) => ['ab'.repeat(n / 2), 'ba'.repeat(n / 2)]],
      ['disjoint halves', (n) => ['a'.repeat(n / 2) + 'b'.repeat(n / 2), 'b'.repeat(n / 2) + 'a'.repeat(n / 2)]],
    ];
    for (const [name, make] of cases) {
      const small = jaroSteps(...make(10_000));
      const large = jaroSteps(...make(20_000));
      // Linear: at most a few steps per character, and twice the input costs twice the work.
      expect(large, name).toBeLessThanOrEqual(4 * 2 * 20_000);
      expect(large / small, name).toBeLessThan(2.1);
    }
  });
  it('two 50,000-character names compare, and score the subject', { timeout: slowMachine }, () => {
    expect(jaroWinkler('x'.repeat(N), 'y'.repeat(N))).toBe(0);
    expect(compareNames('x'.repeat(N), 'y'.repeat(N)).verdict).toBe('different');
    expect(compareNames(`Amara ${'x'.repeat(N)}`, `Amara ${'x'.repeat(N)}`).verdict).toBe('match');
    scoreDemoSubject(({ subject }) => {
      subject.identity.names[0].value = 'x'.repeat(N);
      subject.documents[0].holderName = 'y'.repeat(N);
    });
  });
  it('a 50,000-letter token has a phonetic key, built in linear time', { timeout: slowMachine }, () => {
    expect(phoneticKey('x'.repeat(N))).toBe('ks'.repeat(N));
    // "Park" and "Pak" agree however long: r before a consonant dropped, doubled letters collapsed.
    expect(phoneticKey(`pa${'rk'.repeat(N / 2)}`)).toBe('pk');
  });
  it('names of 16,000 words compare only their first words token by token', { timeout: slowMachine }, () => {
    const many = (word: string) => `${word} `.repeat(N / (word.length + 1));
    expect(compareNames(many('xa'), many('yb')).tokens).toBe(maxComparedNameTokens);
    expect(compareNames(`Amara Clarke ${many('xa')}`, `Amara Clarke ${many('yb')}`).verdict).toBe('partial');
    const tokens = (word: string, count: number) => Array.from({ length: count }, (_, i) => `${word}${i}`);
    expect(nameSimilarity(tokens('kim', 20_000), tokens('kim', 20_000))).toBe(1);
    scoreDemoSubject(({ subject }) => {
      subject.identity.names[0].value = many('xa');
      subject.documents[0].holderName = many('yb');
    });
  });
});
