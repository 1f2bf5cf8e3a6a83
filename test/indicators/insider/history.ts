/** Builders of long, regular activity histories for the baseline and exit-window tests. */

const DAY = 86_400_000;

/** Every weekday (Mon-Fri, UTC) from `from` to `to` inclusive, as YYYY-MM-DD. */
export function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const d = new Date(t).getUTCDay();
    if (d !== 0 && d !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** One sign-in a day at `hour` UTC on every given day, on `deviceId`. */
export function sessions(days: readonly string[], hour = 10, deviceId = 'laptop-1', prefix = 's'): Record<string, unknown>[] {
  return days.map((d, i) => ({ id: `${prefix}${d}-${i}`, type: 'session', at: `${d}T${String(hour).padStart(2, '0')}:00:00Z`, deviceId }));
}

/** One removable-media file copy a day on every given day. */
export function usbCopies(days: readonly string[], fields: Record<string, unknown> = {}, prefix = 'u'): Record<string, unknown>[] {
  return days.map((d, i) => ({
    id: `${prefix}${d}-${i}`,
    type: 'removable-media',
    at: `${d}T11:00:00Z`,
    action: 'file-copied',
    deviceId: 'laptop-1',
    media: { serial: 'STICK-1', kind: 'mass-storage' },
    file: { name: `f${i}.docx`, sizeBytes: 5_000_000 },
    ...fields,
  }));
}
