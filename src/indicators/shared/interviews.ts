import type { Interview } from '../../records/subject';

/**
 * Interviews sorted by time then id: subject arrays may arrive in any order, and indicators that
 * count "how often" or "after" must not depend on it.
 */
export function sortedInterviews(interviews: readonly Interview[] | undefined): Interview[] {
  return [...(interviews ?? [])].sort((a, b) => {
    const d = Date.parse(a.at) - Date.parse(b.at);
    return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** True when the interview carries a documented accommodation (non-blank). */
export function hasAccommodation(interview: Interview): boolean {
  return interview.accommodation !== undefined && interview.accommodation.trim() !== '';
}
