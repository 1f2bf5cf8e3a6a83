import type { Band } from './config';
import type { ReportSuppression, SuppressedFinding } from './suppressions';
import type { DataFamily, Evidence, FindingKind, MessageData, Mitigation } from '../contract/types';

/** One finding in a report, weighed and explained. */
export interface ReportFinding {
  /** The indicator that produced it. */
  readonly indicatorId: string;
  /** Key of the indicator's messages. Stable: tests and tools may rely on it. */
  readonly messageId: string;
  /** The rendered message. */
  readonly message: string;
  /** The data the message was rendered from. */
  readonly data: MessageData;
  /** Risk or mitigating. */
  readonly kind: FindingKind;
  /** Strength in [0, 1] the indicator gave it. */
  readonly strength: number;
  /** Log-odds this finding adds to the score (negative when mitigating). */
  readonly contribution: number;
  /** The records behind it, chronological. */
  readonly evidence: readonly Evidence[];
  /** The data family of its evidence, when it differs from the indicator's (corroboration counts it there). */
  readonly family?: DataFamily;
  /** Declared records that reduced it (it would be stronger without them). */
  readonly mitigatedBy?: readonly Mitigation[];
}

/**
 * A signal that declared records explain: silenced (it adds nothing) or reduced (it counts at a
 * lower strength, and is also among the findings). "Mitigated by" names each record.
 */
export interface ReportMitigation {
  /** The indicator whose signal it is. */
  readonly indicatorId: string;
  /** Message id of the signal. */
  readonly messageId: string;
  /** The signal, rendered as it would read without the mitigation. */
  readonly message: string;
  /** silenced (strength 0, adds nothing) or reduced (counts at `strength`). */
  readonly effect: 'silenced' | 'reduced';
  /** Strength it counts at after the mitigation; 0 when silenced. */
  readonly strength: number;
  /** The records that explain it, each with what it explains. */
  readonly mitigatedBy: readonly Mitigation[];
  /** The records of the signal itself, chronological. */
  readonly evidence: readonly Evidence[];
}

/** Status of an indicator for one subject. */
export type IndicatorStatus = 'fired' | 'not-fired' | 'not-evaluated' | 'error' | 'disabled';

/** What one indicator did for one subject. */
export interface IndicatorReport {
  /** Indicator id. */
  readonly indicatorId: string;
  /** Indicator title. */
  readonly title: string;
  /** Indicator version. */
  readonly version: string;
  /** What happened. */
  readonly status: IndicatorStatus;
  /** The weight used (log-odds at strength 1). */
  readonly weight: number;
  /** Log-odds the indicator adds in total: the sum of its findings' contributions. */
  readonly contribution: number;
  /** The data family, for corroboration. */
  readonly family: DataFamily;
  /** The typologies it supports. */
  readonly typologies: readonly string[];
  /** Correlation group, when it has one. */
  readonly correlationGroup?: string;
  /** Why it could not run (status `not-evaluated`). */
  readonly reason?: string;
  /** The data it lacked (status `not-evaluated`). */
  readonly missing?: readonly string[];
}

/** A ranked reason code: one per fired indicator, most important first. */
export interface Reason {
  /** Rank, from 1. */
  readonly rank: number;
  /** The indicator, the stable reason code. */
  readonly indicatorId: string;
  /** Message id of the strongest finding. */
  readonly messageId: string;
  /** Message of the strongest finding; with more findings, says how many more. */
  readonly message: string;
  /** Risk or mitigating. */
  readonly kind: FindingKind;
  /** Log-odds the indicator adds. */
  readonly contribution: number;
  /** Neutral wording fit for a candidate-facing or adverse-action notice. */
  readonly neutralReason: string;
  /** The recommended next verification step. */
  readonly recommendedAction: string;
  /** Number of findings behind the reason. */
  readonly findings: number;
}

/** The score seen through one typology: only the indicators that support it. */
export interface TypologyScore {
  /** Typology id, e.g. `remote-hire-identity-fraud`. */
  readonly typology: string;
  /** Score 0-100 from the prior and these indicators alone. */
  readonly score: number;
  /** Log-odds of this typology. */
  readonly logOdds: number;
  /** Indicators that fired for it, by contribution. */
  readonly indicators: readonly string[];
}

/** An indicator that failed for this subject. */
export interface IndicatorError {
  /** The indicator. */
  readonly indicatorId: string;
  /** What went wrong, in plain words. */
  readonly message: string;
}

/** The explainable result for one subject. Plain JSON: it round-trips through `JSON.stringify`. */
export interface Report {
  /** The subject. */
  readonly subjectId: string;
  /** Risk score 0-100: `100 / (1 + e^-logOdds)`. Decision support for a human reviewer, never a verdict. */
  readonly score: number;
  /** Band from the score and the corroboration rule. */
  readonly band: Band;
  /** Log-odds: `priorLogOdds` plus the sum of `indicators[].contribution`, exactly. */
  readonly logOdds: number;
  /** Log-odds before evidence. */
  readonly priorLogOdds: number;
  /** Set when the corroboration rule held the band down: what the score alone would give, and why not. */
  readonly bandCapped?: { readonly wouldBe: Band; readonly reason: string; readonly families: readonly DataFamily[] };
  /** Ranked reason codes, most important first; mitigating reasons included and marked. */
  readonly reasons: readonly Reason[];
  /** The score by typology. */
  readonly typologies: readonly TypologyScore[];
  /** Every enabled and disabled indicator, with its status and contribution. */
  readonly indicators: readonly IndicatorReport[];
  /** Every finding, by indicator rank then strength. */
  readonly findings: readonly ReportFinding[];
  /** Signals that declared records (exceptions, travel, agreed hours, households, approved outside work) silenced or reduced, by indicator. */
  readonly mitigations: readonly ReportMitigation[];
  /** Recommended next verification steps, most important first. */
  readonly nextSteps: readonly { readonly indicatorId: string; readonly action: string }[];
  /** Checks that had no data: no data is not no risk. */
  readonly coverage: {
    /** Indicators that ran. */
    readonly evaluated: number;
    /** Indicators that could not run for lack of data. */
    readonly notEvaluated: readonly { readonly indicatorId: string; readonly reason: string; readonly missing: readonly string[] }[];
  };
  /** Indicators that failed; they are scored as absent. */
  readonly errors: readonly IndicatorError[];
  /**
   * Risk findings that an active suppression took out of the score, each with its finding key and
   * the suppression's id. Present only when the subject has suppression records.
   */
  readonly suppressed?: readonly SuppressedFinding[];
  /**
   * Every suppression record of the subject with its status at `asOf` (pending, active, expired):
   * with the records, a past score can be re-derived. Present only when the subject has some.
   */
  readonly suppressions?: readonly ReportSuppression[];
  /** Provenance: enough to re-derive the score. */
  readonly meta: {
    readonly library: { readonly name: 'redflags'; readonly version: string };
    readonly indicatorVersions: Readonly<Record<string, string>>;
    readonly configHash: string;
    readonly asOf: string;
    readonly eventsConsidered: number;
    readonly eventsAfterAsOf: number;
    readonly humanReviewRequired: true;
  };
}
