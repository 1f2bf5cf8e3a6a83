import type { ResolvedConfig } from '../engine/resolve';
import type { CheckedFinding, RunOutcome } from '../engine/runIndicator';

const dayMs = 86_400_000;

/** The newest readable evidence time of a finding, in ms, or undefined when none is dated. */
function newestEvidenceMs(finding: CheckedFinding): number | undefined {
  let newest: number | undefined;
  for (const e of finding.evidence) {
    if (e.at === undefined) continue;
    const t = Date.parse(e.at);
    if (!Number.isNaN(t) && (newest === undefined || t > newest)) newest = t;
  }
  return newest;
}

/**
 * Applies the configured evidence decay (`indicators.<id>.evidenceDecay`) at `asOfMs`: a finding
 * whose newest dated evidence lies more than `windowDays` before `asOfMs` counts at `factor` times
 * its strength, and is dropped at strength 0. Indicators without decay, findings without dated
 * evidence and recent findings are left as they are; with no decay configured the outcomes are
 * returned unchanged (the same map), so default scores never change. Linear in findings.
 */
export function applyEvidenceDecay(outcomes: ReadonlyMap<string, RunOutcome>, config: ResolvedConfig, asOfMs: number): ReadonlyMap<string, RunOutcome> {
  let out: Map<string, RunOutcome> | undefined;
  for (const resolved of config.indicators) {
    const decay = resolved.evidenceDecay;
    const outcome = outcomes.get(resolved.id);
    if (decay === undefined || outcome?.status !== 'ran') continue;
    const cutoff = asOfMs - decay.windowDays * dayMs;
    let changed = false;
    const findings: CheckedFinding[] = [];
    for (const finding of outcome.findings) {
      const newest = newestEvidenceMs(finding);
      if (newest === undefined || newest >= cutoff || decay.factor === 1) {
        findings.push(finding);
        continue;
      }
      changed = true;
      if (decay.factor > 0) findings.push({ ...finding, strength: finding.strength * decay.factor });
    }
    if (!changed) continue;
    out ??= new Map(outcomes);
    out.set(resolved.id, { ...outcome, findings });
  }
  return out ?? outcomes;
}
