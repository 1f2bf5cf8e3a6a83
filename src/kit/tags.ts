/**
 * Data tags shared by the insider indicators, so "sensitive" means the same thing to all of them.
 *
 * @packageDocumentation
 */

/**
 * Tags that mark sensitive technology by default: the RFA report names energy, military,
 * nuclear-power and construction technology; DOJ-JUN25 adds ITAR and export-controlled data.
 */
export const defaultSensitiveTags: readonly string[] = Object.freeze([
  'energy',
  'military',
  'defense',
  'defence',
  'nuclear',
  'nuclear-power',
  'construction',
  'export-controlled',
  'itar',
  'ear',
]);

/** A tag as compared: trimmed and lower-case, since catalogues and DLP tools spell them differently. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}
