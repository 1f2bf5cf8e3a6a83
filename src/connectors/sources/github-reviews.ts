import { compareText } from '../../engine/order';
import type { RecordDraft } from '../contract';
import { canonicalJson } from '../helpers/values';
import { lookupTable } from '../../util/lookupTable';

/** The state of a submitted review as the audit log gives it; `unknown` when the row names none the table knows. */
export type ReviewState = 'approved' | 'changes_requested' | 'commented' | 'unknown';

/** Review states as exports spell them (`APPROVED`, `approved`, `changes_requested`, `CHANGES_REQUESTED`, `commented`). */
export const reviewStates: Readonly<Record<string, ReviewState>> = /* @__PURE__ */ lookupTable({
  approved: 'approved',
  approve: 'approved',
  changes_requested: 'changes_requested',
  request_changes: 'changes_requested',
  commented: 'commented',
  comment: 'commented',
});

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

interface PullRequest {
  author?: { readonly login: string; readonly at: number };
  readonly reviews: Review[];
  readonly dismissals: Dismissal[];
}

/**
 * Absent values written as `null`: the runner drops `null` and `undefined` alike, and {@link canonicalJson} spells both `null`, so the text gives back
 * the same record and the same order.
 */
function keepAbsent(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

/**
 * Order of two merge ids as the order of `id + NUL + content` would give it; undefined when the
 * content decides (the same id, or an id that continues the other with a NUL).
 */
function compareMergeIds(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  if (b.length > a.length && b.charCodeAt(a.length) === 0 && b.startsWith(a)) return undefined;
  if (a.length > b.length && a.charCodeAt(b.length) === 0 && a.startsWith(b)) return undefined;
  return compareText(a, b);
}

/**
 * What an import learns about each pull request from the audit log (who opened it, the reviews
 * submitted and dismissed, the merges), so each merge can carry the approvals it had when it was
 * merged, whatever the order of the rows. Each merge is held as one string (its draft record's
 * JSON text and its pull request's key, a few hundred characters) with its id beside it, not as
 * an object graph; pull requests that reviews or creations name hold their author and a few
 * numbers and logins a review. Never the rows.
 */
export class PullRequestLedger {
  readonly #byKey = new Map<string, PullRequest>();
  /** Per held merge: the draft record's JSON text, a NUL (JSON text never holds a raw one), the pull request's key. */
  readonly #merges: string[] = [];
  /** Per held merge: its record id, for the order of {@link drafts}. */
  readonly #mergeIds: string[] = [];
  #mergeChars = 0;

  #get(key: string): PullRequest {
    let found = this.#byKey.get(key);
    if (found === undefined) {
      found = { reviews: [], dismissals: [] };
      this.#byKey.set(key, found);
    }
    return found;
  }

  /** Merges held, and the characters of their text. */
  get held(): { readonly records: number; readonly chars: number } {
    return { records: this.#merges.length, chars: this.#mergeChars };
  }

  /** `pull_request.create`: the actor opened the pull request (the earliest create wins). */
  opened(key: string, login: string, at: string): void {
    const pr = this.#get(key);
    const time = Date.parse(at);
    const previous = pr.author;
    if (previous === undefined || time < previous.at || (time === previous.at && compareText(login.toLowerCase(), previous.login) < 0))
      pr.author = { login: login.toLowerCase(), at: time };
  }

  /** `pull_request_review.submit`: a review by the actor. */
  reviewed(key: string, reviewer: string, at: string, state: ReviewState, reviewId: string | undefined): void {
    this.#get(key).reviews.push({ reviewer: reviewer.toLowerCase(), at: Date.parse(at), state, ...(reviewId !== undefined ? { reviewId } : {}) });
  }

  /** `pull_request_review.dismiss` or `.delete`: the review with that id (or, without one, the reviewer's reviews so far) no longer counts. */
  dismissed(key: string, at: string, reviewId: string | undefined, reviewer: string | undefined): void {
    this.#get(key).dismissals.push({
      at: Date.parse(at),
      ...(reviewId !== undefined ? { reviewId } : {}),
      ...(reviewer !== undefined ? { reviewer: reviewer.toLowerCase() } : {}),
    });
  }

  /** `pull_request.merge`: the merge's event draft (its `accountId` is the merger), written by {@link drafts} with its approvals. */
  merged(key: string, draft: RecordDraft): void {
    const text = `${JSON.stringify(draft.record, keepAbsent)}\u0000${key}`;
    this.#merges.push(text);
    this.#mergeIds.push(String(draft.record['id']));
    this.#mergeChars += text.length;
  }

  /** The merge record of held merge `i`, with what its pull request's reviews and creation say. */
  #record(i: number): Record<string, unknown> {
    const text = this.#merges[i] as string;
    const cut = text.indexOf('\u0000');
    const record = JSON.parse(text.slice(0, cut)) as Record<string, unknown>;
    const pr = this.#byKey.get(text.slice(cut + 1));
    if (pr === undefined) return record;
    // Covered: its creation or a review of it is in the input; otherwise the count is unknown, not zero.
    const covered = pr.author !== undefined || pr.reviews.length > 0 || pr.dismissals.length > 0;
    const approvals = covered ? approvalsAt(pr, Date.parse(String(record['at']))) : undefined;
    return {
      ...record,
      ...(approvals !== undefined ? { approvals } : {}),
      ...(pr.author !== undefined ? { selfMerged: pr.author.login === String(record['accountId']).toLowerCase() } : {}),
    };
  }

  /** Held merges in the order of their id, then of their record's canonical JSON: an order that does not depend on the row order. */
  #order(): number[] {
    const ids = this.#mergeIds;
    const contentKeys = new Map<number, string>();
    const contentKey = (i: number): string => {
      let key = contentKeys.get(i);
      if (key === undefined) {
        key = `${ids[i] as string}\u0000${canonicalJson(this.#record(i))}`;
        contentKeys.set(i, key);
      }
      return key;
    };
    const order = Array.from(ids.keys());
    return order.sort((a, b) => compareMergeIds(ids[a] as string, ids[b] as string) ?? compareText(contentKey(a), contentKey(b)));
  }

  /**
   * The merge records, each with `approvals` (reviewers other than the author whose latest
   * review before the merge approved it and was not dismissed) when the import covers the pull
   * request (its creation or a review of it is in the input; otherwise the count is unknown, not
   * zero), and `selfMerged` when the author is known. In an order that does not depend on the
   * row order; one record made at a time, each merge's text let go once its record is made.
   */
  *drafts(): Generator<RecordDraft> {
    for (const i of this.#order()) {
      const record = this.#record(i);
      this.#merges[i] = '';
      yield { recordType: 'event', record };
    }
    this.#merges.length = 0;
    this.#mergeIds.length = 0;
    this.#mergeChars = 0;
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
    if (previous === undefined || review.at > previous.at || (review.at === previous.at && compareText(review.state, previous.state) < 0))
      latest.set(review.reviewer, review);
  }
  let approvals = 0;
  let unknown = false;
  for (const review of latest.values()) {
    if (review.state === 'approved') approvals++;
    else if (review.state === 'unknown') unknown = true;
  }
  return approvals === 0 && unknown ? undefined : approvals;
}
