import type { Reference } from '../records/batchInput';
import type { Subject } from '../records/subject';
import { partialDateRange } from '../records/partialDates';
import { normalizeTag } from './tags';

/** Path fragments (case-insensitive) that mark CI/CD configuration. */
export const defaultCiPatterns: readonly string[] = Object.freeze([
  '.github/workflows/',
  '.gitlab-ci.yml',
  'jenkinsfile',
  '.circleci/',
  'azure-pipelines.yml',
  'bitbucket-pipelines.yml',
  '.buildkite/',
  '.travis.yml',
  'cloudbuild.yaml',
]);

/** True when a path contains one of the (lower-case) patterns. */
export function pathMatches(path: string, lowerPatterns: readonly string[]): boolean {
  const p = path.toLowerCase();
  return lowerPatterns.some((pattern) => p.includes(pattern));
}

/**
 * The tags the organisation marks as value-moving, sensitive technology or export-controlled
 * (`reference.organisation.sensitivityTags`), with the caller's extra tags, normalised.
 */
export function organisationSensitiveTags(reference: Reference, extra: readonly string[] = []): Set<string> {
  const t = reference.organisation?.sensitivityTags;
  return new Set([...(t?.valueMoving ?? []), ...(t?.sensitiveTechnology ?? []), ...(t?.exportControlled ?? []), ...extra].map(normalizeTag));
}

/**
 * Start of the subject's tenure in ms: `hiredAt`, else the start of `lifecycle.startDate`;
 * undefined when neither is known.
 */
export function tenureStartMs(subject: Subject): number | undefined {
  if (subject.hiredAt !== undefined) return Date.parse(subject.hiredAt);
  return partialDateRange(subject.lifecycle?.startDate)?.earliest;
}
