import type { DataFamily } from '../contract/types';
import type { IndicatorReport, Report } from './report';
import type { ResolvedConfig } from './resolve';

/** How much of the indicator catalogue each report repeats: all of it, or only what is per subject. */
export type ReportDetail = 'full' | 'compact';

/** One indicator as a scorer runs it: what every full report repeats in its `indicators` list. */
export interface CatalogueEntry {
  /** Indicator id. */
  readonly indicatorId: string;
  /** Indicator title. */
  readonly title: string;
  /** Indicator version. */
  readonly version: string;
  /** The weight used (log-odds at strength 1). */
  readonly weight: number;
  /** The data family, for corroboration. */
  readonly family: DataFamily;
  /** The typologies it supports. */
  readonly typologies: readonly string[];
  /** Correlation group, when it has one. */
  readonly correlationGroup?: string;
  /** False when the config disabled it: its status is `disabled` in every report. */
  readonly enabled: boolean;
}

/** The indicator metadata compact reports refer to, once per batch instead of once per report. */
export interface ReportCatalogue {
  /** Hash of the effective config, as in every report's metadata. */
  readonly configHash: string;
  /** Every indicator of the scorer, enabled or not, in the scorer's order. */
  readonly indicators: readonly CatalogueEntry[];
}

/** An indicator that fired for the subject, with what it adds. */
export interface FiredIndicator {
  /** Indicator id. */
  readonly indicatorId: string;
  /** Log-odds it adds in total: the sum of its findings' contributions. */
  readonly contribution: number;
}

/**
 * A report without the catalogue metadata: `indicators` (every indicator's title, version, weight,
 * family and status) is replaced by `fired`, and `meta.indicatorVersions` is left out. The other
 * statuses are already per subject in the report: `errors` lists the indicators that failed,
 * `coverage.notEvaluated` those that lacked data; any other enabled indicator did not fire.
 * {@link expandReport} with the batch's catalogue gives back the full report, byte for byte.
 */
export type CompactReport = Omit<Report, 'indicators' | 'meta'> & {
  /** The indicators that fired, in catalogue order, with their contributions. */
  readonly fired: readonly FiredIndicator[];
  /** Provenance, without the indicator versions (they are in the catalogue). */
  readonly meta: Omit<Report['meta'], 'indicatorVersions'>;
};

/** The catalogue of a resolved config: one entry per indicator, in the config's order. */
export function catalogueOf(config: ResolvedConfig): ReportCatalogue {
  const indicators = config.indicators.map((r): CatalogueEntry => {
    const meta = r.indicator.meta;
    return {
      indicatorId: r.id,
      title: meta.title,
      version: meta.version,
      weight: r.weight,
      family: meta.family,
      typologies: [...meta.typologies],
      ...(meta.correlationGroup !== undefined ? { correlationGroup: meta.correlationGroup } : {}),
      enabled: r.enabled,
    };
  });
  return { configHash: config.configHash, indicators };
}

/**
 * A full report in compact form: the same object with `indicators` replaced by `fired` (in its
 * place, so the keys keep their order) and `meta.indicatorVersions` left out.
 */
export function compactReport(report: Report): CompactReport {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(report)) {
    const value = (report as unknown as Record<string, unknown>)[key];
    if (key === 'indicators') {
      const fired: FiredIndicator[] = [];
      for (const i of report.indicators) if (i.status === 'fired') fired.push({ indicatorId: i.indicatorId, contribution: i.contribution });
      out.fired = fired;
    } else if (key === 'meta') {
      const { indicatorVersions: _versions, ...meta } = report.meta;
      out.meta = meta;
    } else out[key] = value;
  }
  return out as CompactReport;
}

/** The per-subject statuses of a compact report, by indicator id. */
function statusesOf(report: CompactReport): {
  fired: ReadonlyMap<string, number>;
  failed: ReadonlySet<string>;
  notEvaluated: ReadonlyMap<string, CompactReport['coverage']['notEvaluated'][number]>;
} {
  const fired = new Map<string, number>();
  for (const f of report.fired) fired.set(f.indicatorId, f.contribution);
  const failed = new Set<string>();
  for (const e of report.errors) failed.add(e.indicatorId);
  const notEvaluated = new Map<string, CompactReport['coverage']['notEvaluated'][number]>();
  for (const n of report.coverage.notEvaluated) notEvaluated.set(n.indicatorId, n);
  return { fired, failed, notEvaluated };
}

/** The `indicators` list of a full report, from the catalogue and a compact report's statuses. */
function indicatorsOf(report: CompactReport, catalogue: ReportCatalogue): IndicatorReport[] {
  const { fired, failed, notEvaluated } = statusesOf(report);
  return catalogue.indicators.map((entry): IndicatorReport => {
    const id = entry.indicatorId;
    const contribution = fired.get(id) ?? 0;
    const common = {
      indicatorId: id,
      title: entry.title,
      version: entry.version,
      weight: entry.weight,
      contribution,
      family: entry.family,
      typologies: [...entry.typologies],
      ...(entry.correlationGroup !== undefined ? { correlationGroup: entry.correlationGroup } : {}),
    };
    if (!entry.enabled) return { ...common, status: 'disabled' };
    if (failed.has(id)) return { ...common, status: 'error' };
    const missing = notEvaluated.get(id);
    if (missing !== undefined) return { ...common, status: 'not-evaluated', reason: missing.reason, missing: [...missing.missing] };
    return { ...common, status: fired.has(id) ? 'fired' : 'not-fired' };
  });
}

/**
 * The full report of a compact one, given the catalogue of the batch it came from:
 * `JSON.stringify(expandReport(compactReport(r), catalogue))` equals `JSON.stringify(r)`.
 * Renderers and tools that read `indicators` take the expanded report.
 */
export function expandReport(report: CompactReport, catalogue: ReportCatalogue): Report {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(report)) {
    const value = (report as unknown as Record<string, unknown>)[key];
    if (key === 'fired') out.indicators = indicatorsOf(report, catalogue);
    else if (key === 'meta') {
      const indicatorVersions: Record<string, string> = {};
      for (const entry of catalogue.indicators) indicatorVersions[entry.indicatorId] = entry.version;
      const { library, ...rest } = report.meta;
      out.meta = { library, indicatorVersions, ...rest };
    } else out[key] = value;
  }
  return out as unknown as Report;
}

/** True when a report is in compact form (it lists `fired` instead of `indicators`). */
export function isCompactReport(report: Report | CompactReport): report is CompactReport {
  return Object.hasOwn(report, 'fired');
}
