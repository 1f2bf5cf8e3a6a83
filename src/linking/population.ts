import type { Population } from '../contract/types';
import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import { defaultLinkSettings, type LinkGroupInput, type LinkSettings } from '../records/linkage';
import { toAllowList, toIndexOptions, toLinkGroups } from './linkInput';
import { buildLinkIndexFromGroups, type LinkIndex } from './linkIndex';
import { groupPopulationLinkKeys } from './populationKeys';

/**
 * The link index of a batch: from `inputs.linkGroups` when the caller grouped keys outside the
 * library, otherwise by extracting every subject's keys (events up to `asOf`) and grouping them
 * in memory (two passes over the batch, see `groupPopulationLinkKeys`). Settings come from `inputs.linkSettings`, the allow-list from
 * `reference.linkAllowList`. Both paths go through {@link buildLinkIndexFromGroups}, so the same
 * groups give the same links.
 *
 * Nothing is validated here: the engine validated the reference with the batch, and the two inputs
 * with the schemas the linkage indicators declare (`linkageInputs`), leaving out a malformed one.
 */
export function linkIndexOf(population: Population): LinkIndex {
  // The seven linkage indicators each have a prepare hook; the memo makes them share one build.
  return population.memo('linkage/link-index', () => buildFor(population));
}

function buildFor(population: Population): LinkIndex {
  const linkGroups = population.inputs['linkGroups'] as readonly LinkGroupInput[] | undefined;
  const settings = (population.inputs['linkSettings'] as LinkSettings | undefined) ?? defaultLinkSettings;
  const allow = toAllowList(population.reference.linkAllowList ?? [], settings.defaultCallingCode);
  const options = toIndexOptions(settings, allow);
  let index: LinkIndex;
  if (linkGroups !== undefined) index = buildLinkIndexFromGroups(toLinkGroups(linkGroups), options);
  else {
    const officeAddresses = (population.reference.organisation?.offices ?? []).flatMap((o) => (o.address !== undefined ? [o.address] : []));
    const extract = {
      photoMaxDistance: settings.photoMaxDistance,
      officeAddresses,
      ...(settings.defaultCallingCode !== undefined ? { defaultCallingCode: settings.defaultCallingCode } : {}),
    };
    // The batch's subjects can be read twice: texts are kept only for keys met on two subjects.
    const subjects = {
      forEachSubject: (visit: (subject: Subject, events: readonly ActivityEvent[]) => void): void => {
        for (const s of population.subjects) visit(s, population.view(s.id)?.events ?? []);
      },
    };
    index = buildLinkIndexFromGroups(groupPopulationLinkKeys(subjects, extract), options);
  }
  return index;
}
