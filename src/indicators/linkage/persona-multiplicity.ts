import { z } from 'zod';
import { defineIndicator } from '../../indicator/defineIndicator';
import type { FindingDraft, Population } from '../../indicator/types';
import type { LinkKeyKind } from '../../linkage/keys';
import { normalizePersonName } from '../../linkage/normalize';
import type { Subject } from '../../records/subject';
import { cite } from '../shared/sources';
import { activeLinks, clusterOptions, clusterStrength, displayKey, kindLabels, linkEvidence, prepareLinks, type PreparedLinks } from './shared';

const options = z.object({
  ...clusterOptions,
  floor: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe('Strength when one contact point, photo or document appears under two different names: one person does not hold two names on one passport or face.'),
});

const kinds = new Set<LinkKeyKind>(['email', 'phone', 'photo', 'document']);

/** Every name the subject was recorded under, normalised (case, diacritics, word order). */
function namesOf(subject: Subject): Set<string> {
  const out = new Set<string>();
  for (const n of subject.identity?.names ?? []) out.add(normalizePersonName(n.value));
  for (const d of subject.documents ?? []) if (d.holderName !== undefined) out.add(normalizePersonName(d.holderName));
  out.delete('');
  return out;
}

/** `linkage/persona-multiplicity`: one e-mail, phone, photo or document appears under different names. */
export const personaMultiplicity = defineIndicator({
  meta: {
    id: 'linkage/persona-multiplicity',
    title: 'One contact, photo or document under different names',
    category: 'linkage',
    description:
      'Fires when an e-mail address, phone number, photo (perceptual hash within `linkSettings.photoMaxDistance` bits, found through LSH bands) or identity document number of this subject also belongs to a subject recorded under names that share none of this subject\'s names (names compared after folding case, diacritics and word order). Records of one person under one name (re-applications) do not fire. Strength starts at `floor` and grows with the number of personas.',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'linkage-shared-keys',
    requires: ['identity.names', 'contacts.emails[]', 'contacts.phones[]', 'photos[].perceptualHash', 'documents[].number'],
    options,
    messages: {
      personas: '{{kindLabel}} {{value}} appears under {{personas}} different names: {{names}}',
    },
    neutralReason: 'The identity details could not be confirmed as belonging to one person.',
    threatHypothesis: 'One operator applies under several personas, reusing a photo, document or contact point.',
    recommendedAction:
      'Compare the personas side by side (photos, documents, histories); require identity verification in person or with a vendor liveness check for each.',
    sources: cite('SEAL', 'PSA-2022-DF', 'PSA-2025-01', 'U42'),
    falsePositives: [
      'A legal name change (marriage, transition) recorded as a second subject: check for a documented former name.',
      'A stock or default avatar image used by unrelated people (allow-list its hash).',
    ],
  },
  prepare(population: Population): PreparedLinks & { names: ReadonlyMap<string, readonly string[]>; display: ReadonlyMap<string, string> } {
    const names = new Map<string, readonly string[]>();
    const display = new Map<string, string>();
    for (const s of population.subjects) {
      names.set(s.id, [...namesOf(s)].sort());
      // The name as written, for the message: the legal name, else the first recorded one.
      const shown = [...(s.identity?.names ?? [])].sort(
        (a, b) => (a.kind === 'legal' ? 0 : 1) - (b.kind === 'legal' ? 0 : 1) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
      )[0];
      const holder = (s.documents ?? []).map((d) => d.holderName).filter((n): n is string => n !== undefined).sort()[0];
      const text = shown?.value ?? holder;
      if (text !== undefined) display.set(s.id, text);
    }
    return { ...prepareLinks(population), names, display };
  },
  evaluate(view, { options, prepared, notEvaluated }) {
    const mine = prepared.names.get(view.subject.id) ?? [];
    if (mine.length === 0) return notEvaluated('no names on record to compare', ['identity.names', 'documents[].holderName']);
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const mineSet = new Set(mine);
    const findings: FindingDraft<'personas'>[] = [];
    for (const link of activeLinks(prepared.index, view.subject.id, kinds)) {
      const personas = new Set<string>([prepared.display.get(view.subject.id) ?? (mine[0] as string)]);
      const otherNames: string[] = [];
      for (const other of link.subjectIds) {
        if (other === view.subject.id) continue;
        const theirs = prepared.names.get(other) ?? [];
        if (theirs.length === 0 || theirs.some((n) => mineSet.has(n))) continue;
        personas.add(prepared.display.get(other) ?? (theirs[0] as string));
        otherNames.push(other);
      }
      if (otherNames.length === 0) continue;
      findings.push({
        messageId: 'personas',
        strength: clusterStrength(personas.size, options.floor, options.saturation),
        data: {
          kindLabel: kindLabels[link.kind].replace(/^./, (c) => c.toUpperCase()),
          value: displayKey(link),
          personas: personas.size,
          names: [...personas].sort().slice(0, 6).join('; '),
        },
        evidence: linkEvidence(prepared, link, view.subject.id, options.maxEvidence),
      });
    }
    return findings;
  },
});
