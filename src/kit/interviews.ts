import type { Interview } from '../records/subject';
import { sortedByTimeThenId } from './order';

/**
 * Interviews held up to `asOfMs`, sorted by time then id: subject arrays may arrive in any order,
 * and indicators that count "how often" or "after" must not depend on it, nor see interviews
 * dated after the point in time being scored.
 */
export function sortedInterviews(interviews: readonly Interview[] | undefined, asOfMs: number): Interview[] {
  return sortedByTimeThenId(interviews, asOfMs);
}

/** True when the interview or verification carries a documented accommodation (non-blank). */
export function hasAccommodation(record: { readonly accommodation?: string | undefined }): boolean {
  return record.accommodation !== undefined && record.accommodation.trim() !== '';
}
