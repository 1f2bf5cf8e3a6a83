/**
 * The documented limits of the record model, in one place: validation enforces them, the JSON
 * Schema shows the lengths as `maxLength`, and docs/reliability.md lists them. They keep every
 * later stage (linkage keys, name comparison, reports, a worker's structured clone) bounded.
 */
export const recordLimits = {
  /**
   * Characters in an identifier or a short text: ids, names, e-mails, phones, domains, IPs,
   * handles, codes. Every string field without its own cap gets this one.
   */
  shortText: 256,
  /** Characters in a URL, user agent, file path or resource name. */
  longText: 2_048,
  /** Characters in a free-text note, detail, reason or accommodation. */
  note: 10_000,
  /** Characters in a whole document carried as text (`resumeText`). */
  document: 200_000,
  /** Levels of nesting (objects and arrays) in a free-form value such as `extensions`, counted from the value itself. */
  freeFormDepth: 32,
  /** Earliest year a date or date-time may carry. */
  minYear: 1900,
  /** Latest year a date or date-time may carry. */
  maxYear: 2100,
  /** Largest magnitude of any number without a tighter documented bound: 2^53 - 1, beyond which integers lose precision. */
  maxMagnitude: Number.MAX_SAFE_INTEGER,
} as const;
