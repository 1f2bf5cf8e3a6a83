import type { Reference } from '../records/batchInput';
import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import { defaultLinkSettings, type LinkGroupInput, type LinkSettings } from '../records/linkage';
import { toAllowList, toIndexOptions, toLinkGroups } from './linkInput';
import { buildLinkIndexFromGroups, type LinkIndex, type LinkIndexOptions } from './linkIndex';
import type { ExtractOptions } from './keys';
import { linkKeyRows } from './keyRows';
import { packRows } from './packedRows';
import { groupLinkKeyRows, type RowGroupingWork, type SubjectKeyRows } from './rowGrouping';
import { groupPopulationLinkKeys, type LinkPopulation, type PopulationGroupingWork } from './populationKeys';

/** The batch-wide facts linkage reads besides the subjects: the named inputs and the reference tables. */
export interface LinkBatchFacts {
  /** Validated batch inputs (`linkGroups`, `linkSettings`). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Reference tables (`linkAllowList`, the organisation's offices). */
  readonly reference: Reference;
}

function settingsOf(facts: LinkBatchFacts): LinkSettings {
  return (facts.inputs['linkSettings'] as LinkSettings | undefined) ?? defaultLinkSettings;
}

function externalGroups(facts: LinkBatchFacts): readonly LinkGroupInput[] | undefined {
  return facts.inputs['linkGroups'] as readonly LinkGroupInput[] | undefined;
}

function indexOptionsOf(facts: LinkBatchFacts): LinkIndexOptions {
  const settings = settingsOf(facts);
  return toIndexOptions(settings, toAllowList(facts.reference.linkAllowList ?? [], settings.defaultCallingCode));
}

function extractOptionsOf(facts: LinkBatchFacts): ExtractOptions {
  const settings = settingsOf(facts);
  const officeAddresses = (facts.reference.organisation?.offices ?? []).flatMap((o) => (o.address !== undefined ? [o.address] : []));
  return {
    photoMaxDistance: settings.photoMaxDistance,
    officeAddresses,
    ...(settings.defaultCallingCode !== undefined ? { defaultCallingCode: settings.defaultCallingCode } : {}),
  };
}

/**
 * One subject's link keys as plain data for a summary: its `linkKeyRows` as one JSON text
 * (`packRows`), with the batch's settings and offices applied; no rows when the batch gives its
 * keys grouped (`inputs.linkGroups`), since the index is then built from those.
 */
export function subjectLinkKeyRows(subject: Subject, events: readonly ActivityEvent[], facts: LinkBatchFacts): string {
  if (externalGroups(facts) !== undefined) return '[]';
  return packRows(linkKeyRows(subject, events, extractOptionsOf(facts)));
}

/**
 * The link index of a population from its subjects' key rows ({@link subjectLinkKeyRows}, in any
 * order of subjects), or from `inputs.linkGroups` when the batch gives them. Settings come from
 * `inputs.linkSettings`, the allow-list from `reference.linkAllowList`; nothing is validated here
 * (the engine validated the reference with the batch, and the two inputs with the schemas the
 * linkage indicators declare, `linkageInputs`). The same index as grouping the subjects' keys in
 * two passes (`groupPopulationLinkKeys`) or one (`groupLinkKeys` over `extractLinkKeys`). Two
 * passes over the rows (`groupLinkKeyRows`: hashes counted, then only the keys whose hash is
 * shared go into the key table), one over the shared keys: linear in the keys. `work` receives the
 * counts of the grouping (none when the batch gives its groups).
 */
export function linkIndexOfRows(subjects: readonly SubjectKeyRows[], facts: LinkBatchFacts, work?: (w: RowGroupingWork) => void): LinkIndex {
  const linkGroups = externalGroups(facts);
  const options = indexOptionsOf(facts);
  if (linkGroups !== undefined) return buildLinkIndexFromGroups(toLinkGroups(linkGroups), options);
  return buildLinkIndexFromGroups(groupLinkKeyRows(subjects, work), options);
}

/**
 * The link index of a population read straight from its subjects and events (read twice: see
 * `groupPopulationLinkKeys`), with the batch's settings, offices and allow-list, or from
 * `inputs.linkGroups` when the batch gives them: the same index as {@link linkIndexOfRows} over
 * the subjects' {@link subjectLinkKeyRows}, without a row text per subject held until the end
 * (its `groups` and `members` counts leave out the IP and device groups that make no link).
 */
export function linkIndexOfPopulation(population: LinkPopulation, facts: LinkBatchFacts, work?: (w: PopulationGroupingWork) => void): LinkIndex {
  const linkGroups = externalGroups(facts);
  const options = indexOptionsOf(facts);
  if (linkGroups !== undefined) return buildLinkIndexFromGroups(toLinkGroups(linkGroups), options);
  // The index's windows given to the grouping: IPs and devices whose uses never overlap make no group.
  return buildLinkIndexFromGroups(groupPopulationLinkKeys(population, extractOptionsOf(facts), work, options), options);
}
