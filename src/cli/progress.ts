import type { Writable } from 'node:stream';

/** A progress bar on a terminal stream; a no-op when the stream is not a terminal. */
export interface Progress {
  /** Sets the fraction done (0..1) and a short label. */
  update(fraction: number, label: string): void;
  /** Erases the bar. */
  done(): void;
}

const noProgress: Progress = { update() {}, done() {} };

/**
 * Creates a progress bar drawn on one line of `stream`, redrawn at most every 100 ms. Returns a
 * no-op when `enabled` is false, so callers never test for a terminal themselves.
 */
export function createProgress(stream: Writable, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled) return noProgress;
  let last = -Infinity;
  let drawn = false;
  return {
    update(fraction, label) {
      const t = now();
      if (t - last < 100 && fraction < 1) return;
      last = t;
      const f = Math.max(0, Math.min(1, fraction));
      const cells = Math.round(f * 30);
      stream.write(`\r[${'#'.repeat(cells)}${'.'.repeat(30 - cells)}] ${String(Math.round(f * 100)).padStart(3)}% ${label}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
