/**
 * True when a value returned by an indicator is a promise or another thenable. Never throws: a
 * value whose `then` cannot be read is not treated as a thenable.
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/**
 * Attaches a rejection handler to a promise the engine will not await, so its rejection (an
 * `async evaluate` or `async prepare` that throws) never reaches the host as an unhandled
 * rejection. The outcome is dropped: the engine already recorded the promise as an indicator
 * error. Never throws.
 */
export function ignoreSettlement(thenable: PromiseLike<unknown>): void {
  try {
    // For a native promise this attaches the handler now, before the rejection is checked for handlers.
    Promise.resolve(thenable).then(undefined, () => undefined);
  } catch {
    // A thenable whose constructor or then throws: nothing to handle.
  }
}
