import type { Issue } from '../errors/ScoringError';
import { deepFreeze } from '../util/freeze';
import { describeThrown } from './thrown';

/**
 * Freezes a validated record, so no indicator can change what another indicator or the report
 * sees. Validation built the record afresh; only values under free-form fields (`extensions`,
 * custom event `data`) are the caller's own objects, frozen in place. Returns the issue when
 * freezing fails (a proxy whose traps throw), so the record is rejected rather than the run lost.
 */
export function freezeRecord(record: unknown): readonly Issue[] | undefined {
  try {
    // A record frozen before (trusted input scored again) is taken as done, as deepFreeze would, without its work list.
    if (typeof record === 'object' && record !== null && Object.isFrozen(record)) return undefined;
    deepFreeze(record);
    return undefined;
  } catch (error) {
    return [{ path: '', message: `holds a value that cannot be frozen for scoring: ${describeThrown(error)}` }];
  }
}
