import { describe, expect, it } from 'vitest';
import { exitWindow, ownBaselineShift, removableMediaExfiltration, webExfiltration, type AnyIndicator, type SubjectView } from '../../../src/index';

const asOf = '2025-06-15T00:00:00Z';
const DAY = 86_400_000;

/** A view of `n` events whose `at` getter counts every read: the work an indicator does per event. */
function countingView(n: number): { view: SubjectView; reads: () => number } {
  let reads = 0;
  const start = Date.parse(asOf) - 200 * DAY;
  const step = (200 * DAY) / n;
  const kinds = ['session', 'removable-media', 'web', 'email', 'data-access'] as const;
  const events = Array.from({ length: n }, (_, i) => {
    const at = new Date(start + Math.floor(i * step)).toISOString();
    const type = kinds[i % kinds.length] as (typeof kinds)[number];
    const base = { id: `e${String(i).padStart(6, '0')}`, subjectId: 's', type };
    const fields =
      type === 'removable-media'
        ? { action: 'file-copied', media: { serial: `m${i % 3}` }, file: { sizeBytes: 1e6, tags: ['energy'] } }
        : type === 'web'
          ? { action: 'upload', category: 'file-sharing', bytesOut: 1e6 }
          : type === 'email'
            ? { externalRecipientCount: 1, attachmentCount: 1, toOwnPersonalAddress: true }
            : type === 'data-access'
              ? { resource: 'r', action: 'download', volumeBytes: 1e6 }
              : { deviceId: `d${i % 4}` };
    return Object.defineProperty({ ...base, ...fields }, 'at', {
      get() {
        reads++;
        return at;
      },
      enumerable: true,
    });
  });
  const subject = { id: 's', identity: { residence: { country: 'US', timeZone: 'UTC' } }, lifecycle: { noticeDate: '2025-05-20', endDate: '2025-06-10' } };
  const view = {
    subject,
    events,
    eventsOf: (t: string) => events.filter((e) => e.type === t),
    // As the engine's view, minus the cache: each call reads `at` once, so it is counted too.
    timeOf: (e: { at: string }) => Date.parse(e.at),
    // Columns and memos as the engine's view gives them, built on each call: every read counted.
    eventTimes: (t?: string) =>
      Float64Array.from(t === undefined ? events : events.filter((e) => e.type === t), (e) => Date.parse((e as unknown as { at: string }).at)),
    memo: <T>(_key: string, build: () => T): T => build(),
  } as unknown as SubjectView;
  return { view, reads: () => reads };
}

function work(indicator: AnyIndicator, n: number): number {
  const { view, reads } = countingView(n);
  const parsed = indicator.meta.options?.['~standard'].validate({});
  const options = parsed !== undefined && !(parsed instanceof Promise) && 'value' in parsed ? parsed.value : {};
  indicator.evaluate(view, {
    options,
    asOf,
    asOfMs: Date.parse(asOf),
    watchlists: [],
    reference: {},
    prepared: undefined,
    notEvaluated: (reason: string, missing: readonly string[] = []) => ({ notEvaluated: true as const, reason, missing }),
  });
  return reads();
}

describe("the insider behaviour indicators are linear in the subject's events", () => {
  for (const indicator of [ownBaselineShift, exitWindow, removableMediaExfiltration, webExfiltration] as AnyIndicator[]) {
    it(`${indicator.meta.id}: four times the events, at most four times the reads`, { timeout: 120_000 }, () => {
      const small = work(indicator, 2_000);
      const large = work(indicator, 8_000);
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThanOrEqual(4.2);
    });
  }
});
