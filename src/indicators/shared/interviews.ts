import type { Interview } from '../../records/subject';
import { sortedByTimeThenId } from './order';

/**
 * Interviews sorted by time then id: subject arrays may arrive in any order, and indicators that
 * count "how often" or "after" must not depend on it.
 */
export function sortedInterviews(interviews: readonly Interview[] | undefined): Interview[] {
  return sortedByTimeThenId(interviews);
}

/** True when the interview or verification carries a documented accommodation (non-blank). */
export function hasAccommodation(record: { readonly accommodation?: string | undefined }): boolean {
  return record.accommodation !== undefined && record.accommodation.trim() !== '';
}
