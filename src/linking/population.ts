import type { Population } from '../contract/types';
import { defaultLinkSettings, type LinkGroupInput, type LinkSettings } from '../records/linkage';
import { toAllowList, toIndexOptions, toLinkGroups } from './linkInput';
import { extractLinkKeys } from './keys';
import { buildLinkIndex, buildLinkIndexFromGroups, type LinkIndex } from './linkIndex';

/**
 * The link index of a batch: from `inputs.linkGroups` when the caller grouped keys outside the
 * library, otherwise by extracting every subject's keys (events up to `asOf`) and grouping them
 * in memory. Settings come from `inputs.linkSettings`, the allow-list from
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
    index = buildLinkIndex(
      population.subjects.map((s) => ({ subjectId: s.id, keys: extractLinkKeys(s, population.view(s.id)?.events ?? [], extract) })),
      options,
    );
  }
  return index;
}
