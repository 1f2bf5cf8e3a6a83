import { describe, expect, it } from 'vitest';
import { findTechnology, technologyReleaseYears, type TechnologyRelease } from '../../src/data/technologyReleaseYears';

describe('technologyReleaseYears table', () => {
  it('has ~60+ entries with unique ids and sane years', () => {
    expect(technologyReleaseYears.length).toBeGreaterThanOrEqual(60);
    const ids = technologyReleaseYears.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of technologyReleaseYears) {
      expect(t.firstPublicRelease, t.id).toBeGreaterThanOrEqual(1970);
      expect(t.firstPublicRelease, t.id).toBeLessThanOrEqual(2026);
      if (t.stableRelease !== undefined) expect(t.stableRelease, t.id).toBeGreaterThanOrEqual(t.firstPublicRelease);
    }
  });

  it('maps no alias to two different entries', () => {
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/#/g, 'sharp')
        .replace(/[^\p{L}\p{N}+]+/gu, '');
    const owner = new Map<string, string>();
    for (const t of technologyReleaseYears) {
      for (const a of [t.name, ...t.aliases]) {
        const k = norm(a);
        const prev = owner.get(k);
        expect(prev === undefined || prev === t.id, `${a}: ${prev} vs ${t.id}`).toBe(true);
        owner.set(k, t.id);
      }
    }
  });
});

describe('findTechnology', () => {
  it.each([
    ['ReactJS', 2013],
    ['React.js', 2013],
    ['react', 2013],
    ['Vue.js', 2014],
    ['VueJS', 2014],
    ['Svelte', 2016],
    ['Next.js', 2016],
    ['Node.js', 2009],
    ['TypeScript', 2012],
    ['golang', 2009],
    ['Docker', 2013],
    ['Kubernetes', 2014],
    ['k8s', 2014],
    ['LangChain', 2022],
    ['Foundry', 2021],
    ['Playwright', 2020],
    ['Django', 2005],
    ['Ruby on Rails', 2004],
    ['PostgreSQL', 1996],
    ['Bun', 2022],
  ])('%s → %i', (name, year) => {
    expect(findTechnology(name)?.firstPublicRelease).toBe(year);
  });

  it('records 1.0/GA separately where it differs', () => {
    expect(findTechnology('Rust')?.stableRelease).toBe(2015);
    expect(findTechnology('Deno')?.stableRelease).toBe(2020);
    expect(findTechnology('Tailwind CSS')?.stableRelease).toBe(2019);
  });

  it('drops a trailing version only as a fallback', () => {
    expect(findTechnology('React 18')?.id).toBe('react');
    expect(findTechnology('Python 3.11')?.id).toBe('python');
    expect(findTechnology('Angular 2')?.id).toBe('angular');
    expect(findTechnology('Web3')?.id).toBe('web3js');
  });

  it('maps ambiguous names to the conservative (earlier) reading', () => {
    expect(findTechnology('Angular')?.firstPublicRelease).toBe(2010);
    expect(findTechnology('.NET')?.firstPublicRelease).toBe(2002);
    expect(findTechnology('ChatGPT API')?.firstPublicRelease).toBe(2020);
  });

  it('does not invent matches for look-alike words', () => {
    expect(findTechnology('SOLID')).toBeUndefined();
    expect(findTechnology('Lambda')).toBeUndefined();
    expect(findTechnology('next')).toBeUndefined();
    expect(findTechnology('C')).toBeUndefined();
    expect(findTechnology('')).toBeUndefined();
    expect(findTechnology('Cobol')).toBeUndefined();
  });

  it('distinguishes C# from C', () => {
    expect(findTechnology('C#')?.id).toBe('csharp');
  });

  it('lets callers extend and override', () => {
    const extra: TechnologyRelease[] = [
      { id: 'cobol', name: 'COBOL', aliases: [], firstPublicRelease: 1959 },
      { id: 'react-override', name: 'React (override)', aliases: ['react'], firstPublicRelease: 2011 },
    ];
    expect(findTechnology('Cobol', extra)?.firstPublicRelease).toBe(1959);
    expect(findTechnology('ReactJS', extra)?.id).toBe('react-override');
  });
});
