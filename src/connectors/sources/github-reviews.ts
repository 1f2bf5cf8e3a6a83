import { compareText } from '../../engine/order';
import type { RecordDraft } from '../contract';
import { canonicalJson } from '../helpers/values';

/** The state of a submitted review as the audit log gives it; `unknown` when the row names none the table knows. */
export type ReviewState = 'approved' | 'changes_requested' | 'commented' | 'unknown';

/** Review states as exports spell them (`APPROVED`, `approved`, `changes_requested`, `CHANGES_REQUESTED`, `commented`). */
export const reviewStates: Readonly<Record<string, ReviewState>> = {
  approved: 'approved',
  approve: 'approved',
  changes_requested: 'changes_requested',
  request_changes: 'changes_requested',
  commented: 'commented',
  comment: 'commented',
};

interface Review {
  readonly reviewer: string;
  readonly at: number;
  readonly state: ReviewState;
  readonly reviewId?: string;
}

interface Dismissal {
  readonly at: number;
  readonly reviewId?: string;
  readonly reviewer?: string;
}

interface Merge {
  readonly draft: RecordDraft;
  readonly at: number;
  readonly merger: string;
}

interface PullRequest {
  author?: { readonly login: string; readonly at: number };
  readonly reviews: Review[];
  readonly dismissals: Dismissal[];
  readonly merges: Merge[];
}

/**
 * What an import learns about each pull request from the audit log (who opened it, the reviews
 * submitted and dismissed, the merges), so each merge can carry the approvals it had when it was
 * merged, whatever the order of the rows. Holds a few numbers and logins a pull request, never
 * the rows.
 */
export class PullRequestLedger {
  readonly #byKey = new Map<string, PullRequest>();

  #get(key: string): PullRequest {
    let found = this.#byKey.get(key);
    if (found === undefined) {
      found = { reviews: [], dismissals: [], merges: [] };
      this.#byKey.set(key, found);
    }
    return found;
  }

  /** `pull_request.create`: the actor opened the pull request (the earliest create wins). */
  opened(key: string, login: string, at: string): void {
    const pr = this.#get(key);
    const time = Date.parse(at);
    const previous = pr.author;
    if (previous === undefined || time < previous.at || (time === previous.at && compareText(login.toLowerCase(), previous.login) < 0)) pr.author = { login: login.toLowerCase(), at: time };
  }

  /** `pull_request_review.submit`: a review by the actor. */
  reviewed(key: string, reviewer: string, at: string, state: ReviewState, reviewId: string | undefined): void {
    this.#get(key).reviews.push({ reviewer: reviewer.toLowerCase(), at: Date.parse(at), state, ...(reviewId !== undefined ? { reviewId } : {}) });
  }

  /** `pull_request_review.dismiss` or `.delete`: the review with that id (or, without one, the reviewer's reviews so far) no longer counts. */
  dismissed(key: string, at: string, reviewId: string | undefined, reviewer: string | undefined): void {
    this.#get(key).dismissals.push({ at: Date.parse(at), ...(reviewId !== undefined ? { reviewId } : {}), ...(reviewer !== undefined ? { reviewer: reviewer.toLowerCase() } : {}) });
  }

  /** `pull_request.merge`: the merge record, written by {@link drafts} with its approvals. */
  merged(key: string, draft: RecordDraft, merger: string): void {
    this.#get(key).merges.push({ draft, at: Date.parse(String(draft.record['at'])), merger: merger.toLowerCase() });
  }

  /**
   * The merge records, each with `approvals` (reviewers other than the author whose latest
   * review before the merge approved it and was not dismissed) when the import covers the pull
   * request (its creation or a review of it is in the input; otherwise the count is unknown, not
   * zero), and `selfMerged` when the author is known. In an order that does not depend on the row order.
   */
  drafts(): RecordDraft[] {
    const out: { readonly key: string; readonly draft: RecordDraft }[] = [];
    for (const pr of this.#byKey.values()) {
      const covered = pr.author !== undefined || pr.reviews.length > 0 || pr.dismissals.length > 0;
      for (const merge of pr.merges) {
        const approvals = covered ? approvalsAt(pr, merge.at) : undefined;
        const record: Record<string, unknown> = {
          ...merge.draft.record,
          ...(approvals !== undefined ? { approvals } : {}),
          ...(pr.author !== undefined ? { selfMerged: pr.author.login === merge.merger } : {}),
        };
        out.push({ key: `${String(record['id'])}\u0000${canonicalJson(record)}`, draft: { ...merge.draft, record } });
      }
    }
    return out.sort((a, b) => compareText(a.key, b.key)).map((m) => m.draft);
  }
}

/** Per merge time: when each dismissed review id was first dismissed, and each reviewer's latest dismissal without an id. */
function dismissalsBefore(dismissals: readonly Dismissal[], before: number): { readonly byId: Map<string, number>; readonly byReviewer: Map<string, number> } {
  const byId = new Map<string, number>();
  const byReviewer = new Map<string, number>();
  for (const d of dismissals) {
    if (d.at > before) continue;
    if (d.reviewId !== undefined) byId.set(d.reviewId, Math.min(byId.get(d.reviewId) ?? d.at, d.at));
    else if (d.reviewer !== undefined) byReviewer.set(d.reviewer, Math.max(byReviewer.get(d.reviewer) ?? d.at, d.at));
  }
  return { byId, byReviewer };
}

/**
 * Approvals that stood when the pull request was merged: per reviewer (the author never counts),
 * the latest review that approved or requested changes before the merge, not dismissed by then.
 * Undefined when a review of unknown state could be an approval and no approval is known.
 */
function approvalsAt(pr: PullRequest, mergedAt: number): number | undefined {
  const dismissed = dismissalsBefore(pr.dismissals, mergedAt);
  const latest = new Map<string, Review>();
  for (const review of pr.reviews) {
    // A comment leaves an earlier approval standing, as on GitHub.
    if (review.at > mergedAt || review.state === 'commented' || review.reviewer === pr.author?.login) continue;
    if (review.reviewId !== undefined && dismissed.byId.has(review.reviewId)) continue;
    if ((dismissed.byReviewer.get(review.reviewer) ?? -Infinity) >= review.at) continue;
    const previous = latest.get(review.reviewer);
    if (previous === undefined || review.at > previous.at || (review.at === previous.at && compareText(review.state, previous.state) < 0)) latest.set(review.reviewer, review);
  }
  let approvals = 0;
  let unknown = false;
  for (const review of latest.values()) {
    if (review.state === 'approved') approvals++;
    else if (review.state === 'unknown') unknown = true;
  }
  return approvals === 0 && unknown ? undefined : approvals;
}
