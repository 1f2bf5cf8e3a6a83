import { linkageInputs } from '../../records/linkage';
import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import type { LinkKeyKind } from '../../linking/keys';
import type { Link } from '../../linking/linkIndex';
import { unionFind } from '../../linking/unionFind';
import { cite, compareText, nameScripts } from '../../kit';
import {
  activeLinks,
  clusterOptions,
  clusterStrength,
  combineLinks,
  displayKey,
  kindLabels,
  linkEvidence,
  personaNames,
  summariseLinkage,
  type PreparedLinks,
} from './shared';

const options = z.object({
  ...clusterOptions,
  floor: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe(
      'Strength when one contact point, photo or document appears under two different names: one person does not hold two ' + 'names on one passport or face.',
    ),
});

const kinds = new Set<LinkKeyKind>(['email', 'phone', 'photo', 'document']);

/** The personas on one link, worked out once per link and batch. */
interface PersonaSummary {
  /** Persona index of each named subject on the link. */
  readonly personaOf: ReadonlyMap<string, number>;
  /** Each persona's shown name and the scripts its names are written in. */
  readonly personas: readonly { readonly shown: string; readonly scripts: ReadonlySet<string> }[];
  /** Personas with a name in each script, by shown name. */
  readonly byScript: ReadonlyMap<string, readonly number[]>;
}

/** What `linkage/persona-multiplicity`'s `combine` hook returns: the link index plus every subject's recorded names. */
export interface PreparedPersonas extends PreparedLinks {
  /** Each subject's normalised names. */
  readonly names: ReadonlyMap<string, readonly string[]>;
  /**
   * The writing scripts of each subject's names, filled on first use: only the subjects on a link
   * this indicator reads are looked up, so a million subjects do not each get a set.
   */
  readonly scripts: Map<string, ReadonlySet<string>>;
  /** A display form of each normalised name. */
  readonly display: ReadonlyMap<string, string>;
  /**
   * Filled on first use, so each subject of a large link costs its scripts, not the link's size.
   * @internal
   */
  readonly personaSummaries: Map<Link, PersonaSummary>;
}

type Prepared = PreparedPersonas;

/** The writing scripts of a subject's names, worked out on first use. */
function scriptsOf(prepared: Prepared, subjectId: string): ReadonlySet<string> {
  let scripts = prepared.scripts.get(subjectId);
  if (scripts === undefined) {
    const set = new Set<string>();
    for (const n of prepared.names.get(subjectId) ?? []) for (const x of nameScripts(n)) set.add(x);
    scripts = set;
    prepared.scripts.set(subjectId, scripts);
  }
  return scripts;
}

/**
 * Subjects of a link are one persona when they share a recorded name, directly or through
 * another subject (union-find over the link's subjects, keyed by name): linear in the names on
 * the link.
 */
function personasOf(prepared: Prepared, link: Link): PersonaSummary {
  const cached = prepared.personaSummaries.get(link);
  if (cached !== undefined) return cached;
  const uf = unionFind();
  const named = new Set<string>();
  const owner = new Map<string, string>();
  for (const id of link.subjectIds) {
    const names = prepared.names.get(id) ?? [];
    if (names.length === 0) continue;
    named.add(id);
    for (const n of names) {
      const o = owner.get(n);
      if (o === undefined) owner.set(n, id);
      else uf.union(o, id);
    }
  }
  const index = new Map<string, number>();
  const personaOf = new Map<string, number>();
  const draft: { shown: string; scripts: Set<string> }[] = [];
  for (const id of link.subjectIds) {
    if (!named.has(id)) continue;
    const root = uf.find(id);
    let i = index.get(root);
    if (i === undefined) {
      i = draft.length;
      index.set(root, i);
      draft.push({ shown: prepared.display.get(id) ?? '', scripts: new Set() });
    }
    const p = draft[i] as { shown: string; scripts: Set<string> };
    const shown = prepared.display.get(id);
    if (shown !== undefined && (p.shown === '' || shown < p.shown)) p.shown = shown;
    for (const sc of scriptsOf(prepared, id)) p.scripts.add(sc);
    personaOf.set(id, i);
  }
  const byScript = new Map<string, number[]>();
  draft.forEach((p, i) => {
    for (const sc of p.scripts) {
      const list = byScript.get(sc);
      if (list === undefined) byScript.set(sc, [i]);
      else list.push(i);
    }
  });
  for (const list of byScript.values()) list.sort((a, b) => compareText((draft[a] as { shown: string }).shown, (draft[b] as { shown: string }).shown) || a - b);
  const summary = { personaOf, personas: draft, byScript };
  prepared.personaSummaries.set(link, summary);
  prepared.work.linkEntriesRead += 2 * link.subjectIds.length;
  return summary;
}

/** `linkage/persona-multiplicity`: one e-mail, phone, photo or document appears under different names. */
export const personaMultiplicity = defineIndicator({
  meta: {
    id: 'linkage/persona-multiplicity',
    title: 'One contact, photo or document under different names',
    category: 'linkage',
    version: '1.0.0',
    kind: 'risk',
    family: 'linkage',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 2.5,
    correlationGroup: 'linkage-shared-keys',
    options,
    messages: {
      personas: '{{kindLabel}} {{value}} appears under {{personas}} different names: {{names}}',
    },
    neutralReason: 'The identity details could not be confirmed as belonging to one person.',
    recommendedAction:
      'Compare the personas side by side (photos, documents, histories); require identity verification in person or with a vendor liveness check for each.',
    docs: {
      description:
        'Fires when an e-mail address, phone number, photo (perceptual hash within `linkSettings.photoMaxDistance` bits, found ' +
        'through LSH bands) or identity document number of this subject also belongs to another persona. Subjects on the key are ' +
        'one persona when they share a recorded name (folded case, diacritics and word order), directly or through another ' +
        'subject, so re-applications under one name do not fire. Names are compared only within a writing script: a name in ' +
        'Cyrillic or Hangul and its romanisation are never counted as two personas. Strength starts at `floor` and grows with ' +
        'the number of personas.',
      requires: ['identity.names', 'contacts.emails[]', 'contacts.phones[]', 'photos[].perceptualHash', 'documents[].number'],
      threatHypothesis: 'One operator applies under several personas, reusing a photo, document or contact point.',
      sources: cite('SEAL', 'PSA-2022-DF', 'PSA-2025-01', 'U42'),
      falsePositives: [
        'A legal name change (marriage, transition) recorded as a second subject: check for a documented former name.',
        'A stock or default avatar image used by unrelated people (allow-list its hash).',
      ],
    },
  },
  inputs: linkageInputs,
  summarise: summariseLinkage,
  combine(summaries, context): Prepared {
    const { names, display } = personaNames(summaries, context);
    return { ...combineLinks(summaries, context), names, scripts: new Map(), display, personaSummaries: new Map() };
  },
  evaluate(view, { options, prepared, notEvaluated }) {
    const mine = prepared.names.get(view.subject.id) ?? [];
    if (mine.length === 0) return notEvaluated('no names on record to compare', ['identity.names', 'documents[].holderName']);
    if (prepared.populationSize < 2) return notEvaluated('no other subjects in the batch to compare with', ['population']);
    const findings: FindingDraft<'personas'>[] = [];
    for (const link of activeLinks(prepared.index, view.subject.id, kinds)) {
      const summary = personasOf(prepared, link);
      const own = summary.personaOf.get(view.subject.id);
      if (own === undefined) continue;
      // Personas are counted only among names written in a script this persona's names use:
      // "Иван Петров" and "Ivan Petrov" cannot be judged different letter by letter.
      let comparable: readonly number[] = [];
      for (const sc of [...(summary.personas[own]?.scripts ?? [])].sort()) {
        const list = summary.byScript.get(sc) ?? [];
        if (list.length > comparable.length) comparable = list;
      }
      if (comparable.length < 2) continue;
      const shown = [
        own,
        ...comparable
          .slice(0, 6)
          .filter((i) => i !== own)
          .slice(0, 5),
      ].map((i) => summary.personas[i]?.shown ?? '');
      findings.push({
        messageId: 'personas',
        strength: clusterStrength(comparable.length, options.floor, options.saturation),
        data: {
          kindLabel: kindLabels[link.kind].replace(/^./, (c) => c.toUpperCase()),
          value: displayKey(link),
          personas: comparable.length,
          names: shown.sort(compareText).join('; ') + (comparable.length > 6 ? `; and ${comparable.length - 6} more` : ''),
        },
        evidence: linkEvidence(prepared, link, view.subject.id, options.maxEvidence),
      });
    }
    return findings;
  },
});
