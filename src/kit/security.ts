import type { ActivityEventOf } from '../records/events';

/** Severities of security detections, weakest first. */
export const severityLevels = ['low', 'medium', 'high', 'critical'] as const;

/** A detection severity. */
export type SeverityLevel = (typeof severityLevels)[number];

/**
 * True when a detection is at or above `min`. A detection without a severity counts: many tools
 * leave it out, and dropping those would hide the evidence rather than weigh it.
 */
export function meetsSeverity(severity: ActivityEventOf<'security'>['severity'], min: SeverityLevel): boolean {
  return severity === undefined || severityLevels.indexOf(severity) >= severityLevels.indexOf(min);
}
