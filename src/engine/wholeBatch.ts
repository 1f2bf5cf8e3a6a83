import type { SubjectView } from '../contract/types';

/**
 * Key of the marker the engine puts in the summary and combine contexts when it scores a whole
 * batch (no summaries given): module-private, so only built-ins that import it can read the batch
 * through it. Custom indicators see the public contract unchanged.
 */
const wholeBatchKey: unique symbol = Symbol('redflags.wholeBatch');

/**
 * The whole batch, as the engine holds it while scoring it at once: every subject's view (events
 * up to `asOf`), in the engine's order. With it, an indicator whose `summarise` only feeds its own
 * `combine` can skip the per-subject summaries and build from the views in `combine`: the
 * summaries would be held for every subject until `combine`, and garbage-collected after.
 */
export interface WholeBatch {
  /** Subjects in the batch. */
  readonly size: number;
  /** Calls `visit` with every subject's view, the same views in the same order each time. */
  forEachView(visit: (view: SubjectView) => void): void;
}

/** The context with the marker of a whole batch added (a new object; the given one is not changed). */
export function withWholeBatch<C extends object>(context: C, batch: WholeBatch): C {
  return { ...context, [wholeBatchKey]: batch };
}

/**
 * The whole batch a summary or combine context carries, or undefined when the batch is a shard
 * scored with given summaries (or the summaries are made to be merged: `scorer.summarise`).
 */
export function wholeBatchOf(context: object): WholeBatch | undefined {
  return (context as { readonly [wholeBatchKey]?: WholeBatch })[wholeBatchKey];
}
