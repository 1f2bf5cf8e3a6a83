import { fc, test as property } from '@fast-check/vitest';
import { createScorer, type Report } from '../../src/index';
import { signalEvent, signalIndicator } from '../support/signalIndicators';

const indicators = [signalIndicator('alpha', 3), signalIndicator('beta', 2)];
const day = (d: number): string => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();
const withDecay = (windowDays: number, factor: number) =>
  createScorer({ indicators, config: { indicators: { 'signal/alpha': { evidenceDecay: { windowDays, factor } } } } });
const alphaOf = (report: Report): number => report.indicators.find((i) => i.indicatorId === 'signal/alpha')?.contribution ?? 0;
const withoutHash = (report: Report): unknown => ({ ...report, meta: { ...report.meta, configHash: '' } });

describe('evidence decay', () => {
  const plain = createScorer({ indicators });

  // Off by default: without the setting (or with factor 1) every report is what it was, for any events.
  property.prop(
    [fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('alpha', 'beta'), fc.double({ min: 0.1, max: 1, noNaN: true })), { maxLength: 8 })],
    { numRuns: 40 },
  )('off: no decay and factor 1 give the same reports', (specs) => {
    const events = specs.map(([d, kind, strength], i) => signalEvent(`e${i}`, 's1', day(d), kind, strength));
    const a = plain.score({ id: 's1' }, { asOf: day(45), events });
    const b = withDecay(3, 1).score({ id: 's1' }, { asOf: day(45), events });
    expect(withoutHash(b)).toEqual(withoutHash(a));
  });

  it('counts a finding older than the window at factor times its strength, and drops it at 0', () => {
    const events = [signalEvent('e1', 's1', day(2), 'alpha'), signalEvent('e2', 's1', day(9), 'beta')];
    const asOf = day(10);
    expect(alphaOf(plain.score({ id: 's1' }, { asOf, events }))).toBe(3);
    // Eight days old, window of five: half strength.
    expect(alphaOf(withDecay(5, 0.5).score({ id: 's1' }, { asOf, events }))).toBeCloseTo(1.5, 12);
    // Window of ten: still inside, no decay.
    expect(alphaOf(withDecay(10, 0.5).score({ id: 's1' }, { asOf, events }))).toBe(3);
    const dropped = withDecay(5, 0).score({ id: 's1' }, { asOf, events });
    expect(dropped.findings.map((f) => f.indicatorId)).toEqual(['signal/beta']);
    // Only the configured indicator decays.
    const beta = (r: Report): number => r.indicators.find((i) => i.indicatorId === 'signal/beta')?.contribution ?? 0;
    expect(beta(dropped)).toBe(beta(plain.score({ id: 's1' }, { asOf, events })));
  });

  it('is part of the config hash only when set', () => {
    expect(createScorer({ indicators, config: { indicators: { 'signal/alpha': { weight: 3 } } } }).configHash).toBe(plain.configHash);
    expect(withDecay(5, 0.5).configHash).not.toBe(plain.configHash);
  });
});
