import type { Population } from '../indicator/types';
import { linkAllowListSchema, linkageInputsSchema, toAllowList, toIndexOptions, toLinkGroups } from './input';
import { extractLinkKeys } from './keys';
import { buildLinkIndex, buildLinkIndexFromGroups, type LinkIndex } from './linkIndex';

/**
 * The link index of a batch: from `inputs.linkGroups` when the caller grouped keys outside the
 * library, otherwise by extracting every subject's keys (events up to `asOf`) and grouping them
 * in memory. Settings come from `inputs.linkSettings`, the allow-list from
 * `reference.linkAllowList`. Both paths go through {@link buildLinkIndexFromGroups}, so the same
 * groups give the same links.
 *
 * @throws {z.ZodError} when `inputs.linkGroups`, `inputs.linkSettings` or `reference.linkAllowList` is malformed.
 */
export function linkIndexOf(population: Population): LinkIndex {
  // The seven linkage indicators each have a prepare hook; the memo makes them share one build.
  return population.memo('linkage/link-index', () => buildFor(population));
}

function buildFor(population: Population): LinkIndex {
  const inputs = linkageInputsSchema.parse({ linkGroups: population.inputs['linkGroups'], linkSettings: population.inputs['linkSettings'] ?? {} });
  const settings = inputs.linkSettings ?? linkageInputsSchema.shape.linkSettings.unwrap().parse({});
  const allow = toAllowList(linkAllowListSchema.parse(population.reference['linkAllowList'] ?? []), settings.defaultCallingCode);
  const options = toIndexOptions(settings, allow);
  let index: LinkIndex;
  if (inputs.linkGroups !== undefined) index = buildLinkIndexFromGroups(toLinkGroups(inputs.linkGroups), options);
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
