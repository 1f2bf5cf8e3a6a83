/**
 * What the single-subject snippets of the docs take as given: one demo worker (`subject`), its
 * events, the rest of the population and the watchlists.
 */
import { input } from './demo-population';

type Row = { id?: unknown; subjectId?: unknown };

/** The demo worker with the most activity. */
export const subject = (input.subjects as Row[]).find((s) => s.id === 'w-31') as Row;
/** That worker's events. */
export const events = (input.events as Row[]).filter((e) => e.subjectId === subject.id);
/** The other subjects, for population-level indicators. */
export const population = { subjects: (input.subjects as Row[]).filter((s) => s !== subject) };
export const { watchlists } = input;
