import { createScorer, offHoursPattern, remoteAccessSoftware, remoteAccessStacking, tunnelSoftware } from '../../src/index';
import type { AnyIndicator, Population, SubjectView } from '../../src/index';

// The indicators moved onto the view's columns read event times from `view.eventTimes()` and
// share one software sweep per view (`view.memo`). Work is counted (Date.parse calls, memo
// builds, distinct columns), never timed.

const asOf = '2025-12-01T00:00:00Z';
const TOOLS = ['AnyDesk', 'RustDesk', 'ngrok', 'Tailscale', 'Slack', 'Zoom'];

/** Subjects with night-time sessions, software installs, inventory and remote-access sessions. */
function batch(subjects: number, eventsPerSubject: number) {
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let e = 0; e < eventsPerSubject; e++) {
      const at = new Date(Date.UTC(2025, 2, 1 + Math.floor(e / 4), 3 + (e % 4), e % 60)).toISOString();
      const base = { id: `s${s}-e${e}`, subjectId: `s${s}`, at, deviceId: `s${s}-laptop` };
      switch (e % 4) {
        case 0:
          events.push({ ...base, type: 'session' });
          break;
        case 1:
          events.push({ ...base, type: 'software', action: 'installed', name: TOOLS[e % TOOLS.length] });
          break;
        case 2:
          events.push({ ...base, type: 'device-checkin', installedSoftware: TOOLS.slice(0, 2 + (e % 4)).map((name) => ({ name })) });
          break;
        default:
          events.push({ ...base, type: 'remote-access-session', direction: 'inbound', tool: 'AnyDesk' });
      }
    }
  }
  const subjects_ = Array.from({ length: subjects }, (_, s) => ({ id: `s${s}`, identity: { residence: { country: 'US', timeZone: 'America/Chicago' } } }));
  return { asOf, subjects: subjects_, events };
}

interface Counts {
  /** Date.parse calls made inside the indicators' evaluate. */
  parses: number;
  /** Software sweeps built (memo builds), across all indicators and views. */
  sweeps: number;
  /** String.prototype.normalize calls inside evaluate: the tool tables' name folding. */
  normalizes: number;
  /** Distinct time columns handed out, across all indicators and views. */
  timeColumns: Set<unknown>;
  fired: number;
}

/** The view as an indicator sees it, counting the time columns handed out and the memo builds. */
function countingView(view: SubjectView, counts: Counts): SubjectView {
  return Object.freeze({
    ...view,
    eventTimes: (type?: Parameters<SubjectView['eventTimes']>[0]) => {
      const column = view.eventTimes(type);
      counts.timeColumns.add(column);
      return column;
    },
    memo: <T>(key: string, build: () => T): T =>
      view.memo(key, () => {
        if (key === 'device/software-sightings') counts.sweeps++;
        return build();
      }),
  });
}

/** Wraps each indicator so its prepare and evaluate are watched: Date.parse calls inside evaluate and memo builds. */
function watched(indicators: readonly AnyIndicator[], counts: Counts): AnyIndicator[] {
  return indicators.map((indicator) => ({
    ...indicator,
    ...(indicator.prepare !== undefined
      ? {
          prepare: (population: Population, context: Parameters<NonNullable<AnyIndicator['prepare']>>[1]) =>
            indicator.prepare?.(
              Object.freeze({
                ...population,
                view: (id: string) => {
                  const view = population.view(id);
                  return view === undefined ? undefined : countingView(view, counts);
                },
              }),
              context,
            ),
        }
      : {}),
    evaluate(view: SubjectView, context: Parameters<AnyIndicator['evaluate']>[1]) {
      const parse = vi.spyOn(Date, 'parse');
      const normalize = vi.spyOn(String.prototype, 'normalize');
      try {
        const outcome = indicator.evaluate(countingView(view, counts), context);
        if (Array.isArray(outcome)) counts.fired += outcome.length;
        return outcome;
      } finally {
        counts.parses += parse.mock.calls.length;
        counts.normalizes += normalize.mock.calls.length;
        parse.mockRestore();
        normalize.mockRestore();
      }
    },
  }));
}

function countsOf(subjects: number, eventsPerSubject: number): Counts {
  const counts: Counts = { parses: 0, sweeps: 0, normalizes: 0, timeColumns: new Set(), fired: 0 };
  const indicators = watched([remoteAccessSoftware, tunnelSoftware, remoteAccessStacking, offHoursPattern], counts);
  const result = createScorer({ indicators }).scoreBatch(batch(subjects, eventsPerSubject));
  expect(result.rejected).toEqual([]);
  for (const report of result.reports) expect(report.errors).toEqual([]);
  return counts;
}

describe('indicators on the view columns', () => {
  it('parse no event time in their sweeps: times come from the column built once per view', { timeout: 120_000 }, () => {
    const small = countsOf(6, 80);
    // The sweeps ran: every subject has remote-access tools, tunnels and a night rhythm.
    expect(small.fired).toBeGreaterThanOrEqual(6 * 4);
    // At most one parse per finding (the date its message shows), none per event (480 and 1,200 events here).
    expect(small.parses).toBeLessThanOrEqual(small.fired);
    const large = countsOf(6, 200);
    expect(large.parses).toBeLessThanOrEqual(large.fired);
    // One all-events time column per view, whichever indicator asks.
    expect(small.timeColumns.size).toBe(6);
  });

  it('share one software sweep per view between the three software indicators', { timeout: 120_000 }, () => {
    expect(countsOf(6, 80).sweeps).toBe(6);
    expect(countsOf(20, 200).sweeps).toBe(20);
  });

  it('match each distinct software name once per process, not once per subject', { timeout: 120_000 }, () => {
    // The first batch (or an earlier test) matches the six names and compiles the tool tables,
    // folding each name (String#normalize); a batch of other subjects with the same names folds
    // none again (matched per subject, it would fold each name for each of the 20).
    countsOf(6, 80);
    const again = countsOf(20, 200);
    expect(again.fired).toBeGreaterThanOrEqual(20 * 3);
    expect(again.normalizes).toBe(0);
  });
});
