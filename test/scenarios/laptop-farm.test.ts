import { createScorer } from '../../src/index';
import { ASOF, farmIds, farmReference, honestIds, laptopFarmPopulation } from '../fixtures/laptop-farm';

describe('scenario: a laptop farm among honest employees', () => {
  const result = createScorer().scoreBatch({ asOf: ASOF, ...laptopFarmPopulation(), reference: farmReference });
  const byId = new Map(result.reports.map((r) => [r.subjectId, r]));

  it('accepts every record', () => {
    expect(result.rejected).toEqual([]);
    expect(result.reports).toHaveLength(farmIds.length + honestIds.length);
  });

  it('ranks every farm subject above every honest one', () => {
    const lowestFarm = Math.min(...farmIds.map((id) => byId.get(id)!.logOdds));
    const highestHonest = Math.max(...honestIds.map((id) => byId.get(id)!.logOdds));
    expect(lowestFarm).toBeGreaterThan(highestHonest);
    const ranks = result.reports.map((r) => r.subjectId);
    for (const f of farmIds) for (const h of honestIds) expect(ranks.indexOf(f)).toBeLessThan(ranks.indexOf(h));
  });

  it('explains the shared address, IP and payout account with the records behind them', () => {
    for (const id of farmIds) {
      const report = byId.get(id)!;
      const fired = report.reasons.map((r) => r.indicatorId);
      expect(fired).toEqual(expect.arrayContaining(['linkage/shared-shipping-address', 'linkage/shared-payment-instrument', 'linkage/shared-infrastructure']));
      const messages = report.findings.map((f) => f.message).join('\n');
      expect(messages).toMatch(/1420 elm st unit 3, 37203, US/);
      expect(messages).toMatch(/5 subjects/);
      expect(messages).toMatch(/IP address 203\.0\.113\.7/);
      expect(messages).toMatch(/payoneer:farm-pay-001/);
      const ship = report.findings.find((f) => f.indicatorId === 'linkage/shared-shipping-address')!;
      expect(ship.evidence.map((e) => e.recordId)).toEqual(expect.arrayContaining(farmIds.map((f) => `${f}-ship`)));
      expect(ship.evidence.every((e) => e.field === 'shipments[].address')).toBe(true);
    }
  });

  it('leaves the couple, the VPN colleagues and the agency consultants unlinked', () => {
    for (const id of honestIds) {
      const linkage = byId.get(id)!.reasons.filter((r) => r.indicatorId.startsWith('linkage/'));
      expect(linkage).toEqual([]);
    }
  });
});
