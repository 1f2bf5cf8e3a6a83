/**
 * The bare loop every benchmark compares against: each event's time and type, grouped by
 * subject, the least any scorer must do. Returned as a number so the work cannot be skipped.
 */
export function bareLoop(events) {
  const counts = new Map();
  let sum = 0;
  for (const e of events) {
    sum += Date.parse(e.at);
    counts.set(e.subjectId, (counts.get(e.subjectId) ?? 0) + (e.type === 'session' ? 1 : 0));
  }
  return sum + counts.size;
}
