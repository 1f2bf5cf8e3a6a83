import { readFileSync } from 'node:fs';
import { createScorer, VERSION } from '../../src/index';

describe('the library version', () => {
  it('matches package.json, so reports name the code that produced them', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const report = createScorer({ indicators: [] }).score({ id: 'a' }, { asOf: '2025-01-01T00:00:00Z' });
    expect(report.meta.library).toEqual({ name: 'redflags', version: pkg.version });
  });
});
