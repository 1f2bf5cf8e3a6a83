import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLinkIndexFromGroups,
  extractLinkKeys,
  groupLinkKeys,
  groupPopulationLinkKeys,
  type ActivityEvent,
  type PopulationGroupingWork,
  type Subject,
} from '../../src/index';
import { canonical, parsed, populationOf, rawPopulation, times } from './generated-population';
import { LinkKeyHasher } from '../../src/linking/keyHash';
import { LinkKeyTable } from '../../src/linking/keyTable';
import { HashTable64 } from '../../src/engine/hashTable64';
import { photoHashBands } from '../../src/linking/lsh';
import { memberPeriodsOf } from '../../src/linking/memberTimes';

describe('grouping a population in two passes', () => {
  it('gives the groups and the index of extractLinkKeys grouped in one pass, for any population', () => {
    fc.assert(
      fc.property(rawPopulation, (raw) => {
        const subjects = parsed(raw);
        const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
        const population = populationOf(subjects);
        const twoPass = groupPopulationLinkKeys(population);
        expect(population.reads).toBe(2);
        expect(canonical(twoPass)).toEqual(canonical(onePass));
        expect(buildLinkIndexFromGroups(twoPass).links).toEqual(buildLinkIndexFromGroups(onePass).links);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('links addresses whose country is a number (trusted input is checked for structure only) as the one-pass path does', () => {
    const subjects = ['1 Main St', '1 Main Street'].map((line1, i) => ({
      subject: { id: `s${i}`, contacts: { addresses: [{ kind: 'home', line1, country: 1 }] } } as unknown as Subject,
      events: [] as ActivityEvent[],
    }));
    const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
    const twoPass = groupPopulationLinkKeys(populationOf(subjects));
    expect(canonical(twoPass)).toEqual(canonical(onePass));
    expect(twoPass.map((group) => [group.kind, group.key, group.members.length])).toEqual([['address', '1 main st||1', 2]]);
  });

  it('gives the same groups and index as the one-pass path with options other than the defaults', () => {
    // Photo distances that change the band plan (3: fewer bands; 10: more), a smaller MinHash
    // signature, a default calling code and pseudonymised keys.
    const optionSets = [
      { photoMaxDistance: 3, minHash: { shingleSize: 2, bands: 4, rows: 2 } },
      { photoMaxDistance: 10, defaultCallingCode: '1', pseudonymize: (kind: string, value: string) => `${kind}#${value.length}#${value}` },
    ];
    fc.assert(
      fc.property(rawPopulation, fc.constantFrom(...optionSets), (raw, options) => {
        const subjects = parsed(raw);
        const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events, options) })));
        const twoPass = groupPopulationLinkKeys(populationOf(subjects), options);
        expect(canonical(twoPass)).toEqual(canonical(onePass));
        const indexOptions = { photoMaxDistance: options.photoMaxDistance };
        expect(buildLinkIndexFromGroups(twoPass, indexOptions).links).toEqual(buildLinkIndexFromGroups(onePass, indexOptions).links);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('splits IP and device groups into the periods their texts give, from the times the key table held as numbers', () => {
    let held = 0;
    fc.assert(
      fc.property(rawPopulation, (raw) => {
        const groups = groupPopulationLinkKeys(populationOf(parsed(raw)));
        for (const g of groups) if (memberPeriodsOf(g.members) !== undefined) held++;
        // The same groups in lists of their own: no periods held beside them, every time read from its text.
        const copies = groups.map((g) => ({ kind: g.kind, key: g.key, members: [...g.members] }));
        expect(copies.every((g) => memberPeriodsOf(g.members) === undefined)).toBe(true);
        for (const ipWindowMs of [0, 86_400_000])
          expect(buildLinkIndexFromGroups(groups, { ipWindowMs, deviceWindowMs: ipWindowMs }).links).toEqual(
            buildLinkIndexFromGroups(copies, { ipWindowMs, deviceWindowMs: ipWindowMs }).links,
          );
      }),
      { numRuns: 200 },
    );
    expect(held).toBeGreaterThan(100);
    // A shipment's device key whose time does not parse (trusted input): its periods are NaN, so the
    // index reads the texts in canonical order, as for a caller's groups.
    const hasher = new LinkKeyHasher();
    const device = hasher.kindOf('device');
    const table = new LinkKeyTable(hasher);
    for (const [subject, at] of [
      ['a', 'yesterday'],
      ['b', '2025-01-01T00:00:00Z'],
      ['c', undefined],
    ] as const) {
      table.beginSubject(subject);
      table.recordKey(device, 'laptop-1', `${subject}-ship`, 'shipments[].deviceId', at, undefined, 1, 2);
      table.endSubject();
    }
    const [group] = table.groups();
    expect(Number.isNaN(memberPeriodsOf(group?.members ?? [])?.[0])).toBe(true);
    const copy = { kind: 'device' as const, key: 'laptop-1', members: [...(group?.members ?? [])] };
    expect(buildLinkIndexFromGroups(table.groups()).links).toEqual(buildLinkIndexFromGroups([copy]).links);
  });

  it('never joins two keys whose 64-bit hashes collide: texts are compared', () => {
    const hasher = new LinkKeyHasher();
    const email = hasher.kindOf('email');
    const table = new LinkKeyTable(hasher);
    // Three different keys given one hash, as a collision would.
    const visits: [string, string][] = [
      ['a', 'one@x.io'],
      ['b', 'two@x.io'],
      ['c', 'three@x.io'],
      ['d', 'one@x.io'],
    ];
    for (const [subject, key] of visits) {
      table.beginSubject(subject);
      table.recordKey(email, key, subject, 'contacts.emails[].address', undefined, undefined, 0x1234, 0x5678);
      table.endSubject();
    }
    const groups = table.groups();
    expect(groups.map((g) => [g.key, g.members.map((m) => m.subjectId)])).toEqual([['one@x.io', ['a', 'd']]]);
    expect(table.work.distinctKeys).toBe(3);
  });

  it('hashes every band of a 64-bit photo hash in the first pass without its text, the groups unchanged (counted)', () => {
    // One photo a subject, shared by pairs of subjects; one photo hash in eight is not hex (text path).
    const n = 2_000;
    const subjects = Array.from({ length: n }, (_, i) => {
      const pair = i >> 1;
      const hex =
        pair % 8 === 7 ? `not-hex-${pair}` : (0x9e3779b9 * (pair + 1)).toString(16).padStart(8, '0').slice(-8) + (pair + 1).toString(16).padStart(8, '0');
      return { subject: { id: `p${i}`, photos: [{ id: `p${i}-photo`, source: 'resume', perceptualHash: hex }] } as Subject, events: [] as ActivityEvent[] };
    });
    let work: PopulationGroupingWork | undefined;
    const twoPass = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (work = w));
    const w = work as PopulationGroupingWork;
    const hexPhotos = subjects.filter((s) => !(s.subject.photos?.[0]?.perceptualHash ?? '').startsWith('not')).length;
    expect(hexPhotos).toBe((n * 7) / 8);
    // 31 bands a 64-bit hash at the default distance, each hashed without a text.
    expect(w.foldedKeys).toBe(31 * hexPhotos);
    // The others' bands come as texts, as before.
    const textBands = subjects.reduce(
      (sum, s) => sum + (s.subject.photos?.[0]?.perceptualHash?.startsWith('not') === true ? photoHashBands(s.subject.photos[0].perceptualHash, 6).length : 0),
      0,
    );
    expect(w.hashedKeys).toBe(w.foldedKeys + textBands);
    expect(w.derivedAgain).toBe(n);
    const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
    expect(canonical(twoPass)).toEqual(canonical(onePass));
    expect(buildLinkIndexFromGroups(twoPass).links.filter((l) => l.kind === 'photo')).toHaveLength(n / 2);
  });

  it('hashes every band of a resume in the first pass without its text, the groups unchanged (counted)', () => {
    // One resume a subject, each text given to two subjects; every third pair's texts differ by a word.
    const words = 'react node aws python java kotlin swift sql docker kubernetes api payments platform team led built scaled'.split(' ');
    const n = 600;
    const subjects = Array.from({ length: n }, (_, i) => {
      const pair = i >> 1;
      const text =
        Array.from({ length: 30 }, (_, k) => words[(pair * 7 + k * ((pair % 5) + 1)) % words.length]).join(' ') + (pair % 3 === 0 ? ` ${words[i % 2]}` : '');
      return { subject: { id: `r${i}`, resumeText: text } as Subject, events: [] as ActivityEvent[] };
    });
    let work: PopulationGroupingWork | undefined;
    const twoPass = groupPopulationLinkKeys(populationOf(subjects), {}, (w) => (work = w));
    const w = work as PopulationGroupingWork;
    // 16 bands a resume with the default MinHash options, each hashed without a text.
    expect(w.foldedKeys).toBe(16 * n);
    expect(w.hashedKeys).toBe(16 * n);
    const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
    expect(twoPass.length).toBeGreaterThan(0);
    expect(canonical(twoPass)).toEqual(canonical(onePass));
    expect(buildLinkIndexFromGroups(twoPass).links).toEqual(buildLinkIndexFromGroups(onePass).links);
  });

  it('treats a subject id the population gives twice as one subject, as grouping its keys in one pass does', () => {
    const email = (address: string) => ({ contacts: { emails: [{ address }] } });
    const subjects = [
      { subject: { id: 'a', ...email('one@x.io') } as Subject, events: [] },
      { subject: { id: 'b', ...email('two@x.io') } as Subject, events: [] },
      { subject: { id: 'a', ...email('one@x.io') } as Subject, events: [] },
      { subject: { id: 'c', ...email('two@x.io') } as Subject, events: [] },
    ];
    const twoPass = groupPopulationLinkKeys(populationOf(subjects));
    const onePass = groupLinkKeys(subjects.map(({ subject, events }) => ({ subjectId: subject.id, keys: extractLinkKeys(subject, events) })));
    expect(canonical(twoPass)).toEqual(canonical(onePass));
    expect(twoPass.map((g) => [g.key, g.members.map((m) => m.subjectId)])).toEqual([['two@x.io', ['b', 'c']]]);
  });

  it('keeps the texts of shared keys only, with work linear in the keys (counted)', () => {
    // Five keys a subject; the address is shared by a household of two, the rest are the subject's own.
    const synthetic = (n: number, sized = false) => {
      const subjects: { subject: Subject; events: ActivityEvent[] }[] = [];
      for (let i = 0; i < n; i++) {
        const id = `s${i}`;
        subjects.push({
          subject: {
            id,
            identity: { residence: { address: { line1: `${i >> 1} Main Street`, postalCode: '37201', country: 'US' } } },
            contacts: { emails: [{ address: `person.${i}@example.com` }], phones: [{ number: `+1 ${2_000_000_000 + i}` }] },
          } as Subject,
          events: [0, 1].map(
            (k) =>
              ({
                id: `${id}-e${k}`,
                subjectId: id,
                type: 'session',
                at: times[k] as string,
                ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
                deviceId: `${id}-laptop`,
                result: 'success',
              }) as ActivityEvent,
          ),
        });
      }
      let work: PopulationGroupingWork | undefined;
      const population = populationOf(subjects);
      const groups = groupPopulationLinkKeys(
        sized ? { forEachSubject: (visit) => population.forEachSubject(visit), size: n } : population,
        {},
        (w) => (work = w),
      );
      return { groups: groups.length, ...(work as PopulationGroupingWork) };
    };
    const small = synthetic(20_000);
    const large = synthetic(80_000);
    for (const [w, n] of [
      [small, 20_000],
      [large, 80_000],
    ] as const) {
      // Each event gives its IP and device keys once per event in the first pass: 3 + 2 x 2 keys a subject.
      expect(w.hashedKeys).toBe(7 * n);
      // The second event's IP and device equal the first's: counted, but neither hashed nor looked up.
      expect(w.repeatedKeys).toBe(2 * n);
      // The e-mail, the phone and the address are hashed as they are normalised: no text built for them.
      expect(w.foldedKeys).toBe(3 * n);
      expect(w.distinctHashes).toBe(4 * n + n / 2);
      // Only the household addresses come back: n keys kept, n / 2 texts, one group each.
      expect(w.derivedAgain).toBe(n);
      expect(w.keptKeys).toBe(n);
      expect(w.table.distinctKeys).toBe(n / 2);
      expect(w.groups).toBe(n / 2);
      // The key table is sized for the shared hashes the first pass counted: it never grows, and
      // each key kept is found in under 2 probes on average.
      expect(w.sharedHashes).toBe(n / 2);
      expect(w.table.indexBytes).toBe(new HashTable64(n / 2).byteLength);
      expect(w.table.probes / w.keptKeys).toBeLessThan(2);
      expect(w.table.collected).toBe(w.table.keys);
    }
    expect(large.hashProbes / small.hashProbes).toBeGreaterThan(3);
    expect(large.hashProbes / small.hashProbes).toBeLessThan(5.5);
    // Each partition's table is sized for its keys: under 2 probes a key looked up (the shared
    // hashes' table included), with or without the population's size.
    const sized = synthetic(80_000, true);
    expect(sized.groups).toBe(large.groups);
    expect(sized.distinctHashes).toBe(large.distinctHashes);
    for (const w of [small, large, sized]) expect(w.hashProbes / (w.hashedKeys - w.repeatedKeys)).toBeLessThan(2);
  }, 120_000);
});
