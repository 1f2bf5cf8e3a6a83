import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Mitigation } from '../../contract/types';
import type { Reference } from '../../records/batchInput';
import type { Subject } from '../../records/subject';
import { cite, compareText, defaultSensitiveTags, describeException, exceptionsActiveAt, formatBytes, normalizeTag, utcDate } from '../../kit';

const options = z.object({
  sensitiveTags: z
    .array(z.string().min(1))
    .default([...defaultSensitiveTags])
    .describe("File tags that mark sensitive data; the organisation's `sensitivityTags` (sensitive technology, export-controlled, value-moving) are added."),
  approvedMedia: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Media the organisation issued or approved, by serial or `vendorId:productId` (hex). Their connects never fire, and ' +
        'copies to them fire only for sensitive data, at half strength.',
    ),
  copyStrength: z.number().min(0).max(1).default(0.3).describe('Strength of copies to one medium, before sensitivity and volume.'),
  sensitiveBonus: z.number().min(0).max(1).default(0.35).describe('Added when some copied file carries a sensitive tag.'),
  volumeBonus: z
    .number()
    .min(0)
    .max(1)
    .default(0.25)
    .describe('Added at 10 GB copied to one medium, a quarter of it per tenfold less down to 10 MB (log scale).'),
  unknownConnectStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe('Strength of connecting an unapproved mass-storage medium without any copy logged: weak, many sticks only carry slides in.'),
});

type MessageId = 'copies' | 'unknownMedium';

interface MediumTally {
  readonly key: string;
  copies: number;
  sensitive: number;
  bytes: number;
  connects: number;
  readonly ids: { id: string; at: string }[];
  /** First and last event times of the medium (ISO), whatever the evidence cap keeps. */
  first: string;
  last: string;
  /** The same two times in milliseconds since the epoch, from the view's time columns. */
  firstMs: number;
  lastMs: number;
  readonly sensitiveTags: Set<string>;
  readonly mitigations: Map<string, Mitigation>;
  unmitigatedCopies: number;
}

function sensitiveSet(given: readonly string[], reference: Reference): ReadonlySet<string> {
  // Built once per option list and reference (a batch's), not once per subject.
  let byReference = sensitiveSets.get(given);
  if (byReference === undefined) sensitiveSets.set(given, (byReference = new WeakMap()));
  let set = byReference.get(reference);
  if (set === undefined) {
    const t = reference.organisation?.sensitivityTags;
    set = new Set([...given, ...(t?.sensitiveTechnology ?? []), ...(t?.exportControlled ?? []), ...(t?.valueMoving ?? [])].map(normalizeTag));
    byReference.set(reference, set);
  }
  return set;
}

const sensitiveSets = new WeakMap<readonly string[], WeakMap<Reference, ReadonlySet<string>>>();

function mediumKey(
  media: { serial?: string | undefined; vendorId?: string | undefined; productId?: string | undefined; product?: string | undefined } | undefined,
): string {
  if (media?.serial !== undefined) return media.serial;
  if (media?.vendorId !== undefined && media.productId !== undefined) return `${media.vendorId.toLowerCase()}:${media.productId.toLowerCase()}`;
  return media?.product ?? 'unidentified medium';
}

const noMitigations: readonly Mitigation[] = Object.freeze([]);

/** A documented removable-media exception that covers the event (its window, and its computer when it names one). */
function coveringExceptions(subject: Subject, atMs: number, deviceId: string | undefined): Mitigation[] {
  return exceptionsActiveAt(subject, 'removable-media', atMs)
    .filter((x) => x.scope?.deviceId === undefined || x.scope.deviceId === deviceId)
    .map((x) => ({ recordId: x.id, field: 'exceptions', explains: describeException(x) }));
}

/**
 * `insider/removable-media-exfiltration`: files copied to removable media, weighted by the
 * sensitivity and volume of what was copied, and unapproved mass-storage media connected.
 */
export const removableMediaExfiltration = defineIndicator({
  meta: {
    id: 'insider/removable-media-exfiltration',
    title: 'Data copied to removable media',
    category: 'insider',
    version: '1.0.0',
    kind: 'risk',
    family: 'data-movement',
    typologies: ['insider-technology-collection'],
    defaultWeight: 2,
    correlationGroup: 'exfiltration-channels',
    options,
    messages: {
      copies: '{{count}} files ({{volume}}) copied to removable medium {{medium}} between {{first}} and {{last}}{{sensitive}}',
      unknownMedium: 'Unapproved mass-storage medium {{medium}} connected {{count}} times, first on {{first}}',
    },
    neutralReason: 'Use of removable media needs review.',
    recommendedAction: 'Ask the person and the manager what was copied and why; recover the medium and check the files against the sensitivity tags.',
    docs: {
      description:
        'Groups removable-media events (and data-access events whose destination is removable media) by medium (serial, else ' +
        'vendor:product id). For each medium with copies, strength is `copyStrength`, plus `sensitiveBonus` when a copied file ' +
        "carries a sensitive tag (`sensitiveTags` and the organisation's `sensitivityTags`), plus up to `volumeBonus` by volume " +
        'on a log scale. Media in `approvedMedia` fire only for sensitive copies, at half strength. An unapproved mass-storage ' +
        'medium connected without any copy logged is a weak finding. A documented removable-media exception ' +
        "(`exceptions[kind=removable-media]`, inside its window and on its computer when it names one) silences a medium's " +
        "copies when it covers all of them, and the report lists it as the mitigation. MITRE ATT&CK T1052.001; in CERT's " +
        'insider scenarios the departing user copies far more to removable media than before.',
      requires: [
        'events[type=removable-media]',
        'events[type=removable-media].file.tags',
        'events[type=removable-media].media.serial',
        'reference.organisation.sensitivityTags',
        'exceptions[kind=removable-media]',
      ],
      threatHypothesis: 'The person carries data out on removable media.',
      sources: cite('CERT-ITD', 'CERT-CSG', 'ATTACK-USB'),
      falsePositives: [
        'Lab, field or customer work that needs USB media, not recorded as an exception.',
        "Backups of one's own files to an issued, encrypted stick not listed in `approvedMedia`.",
      ],
    },
  },
  evaluate(view, { options, reference, notEvaluated }) {
    const subject = view.subject;
    const media = view.eventsOf('removable-media');
    const access = view.eventsOf('data-access');
    // Data-access events onto removable media, as indices into `access` (and its time column).
    const dataToMedia: number[] = [];
    for (let j = 0; j < access.length; j++) if (access[j]!.destination?.kind === 'removable-media') dataToMedia.push(j);
    if (media.length === 0 && dataToMedia.length === 0) return notEvaluated('no removable-media events', ['events[type=removable-media]']);
    const sensitive = sensitiveSet(options.sensitiveTags, reference);
    const approved = new Set(options.approvedMedia.map((m) => m.toLowerCase()));
    const tallies = new Map<string, MediumTally>();
    const tallyOf = (key: string): MediumTally => {
      let t = tallies.get(key);
      if (t === undefined) {
        t = {
          key,
          copies: 0,
          sensitive: 0,
          bytes: 0,
          connects: 0,
          ids: [],
          first: '',
          last: '',
          firstMs: 0,
          lastMs: 0,
          sensitiveTags: new Set(),
          mitigations: new Map(),
          unmitigatedCopies: 0,
        };
        tallies.set(key, t);
      }
      return t;
    };
    const seen = (t: MediumTally, at: string, atMs: number): void => {
      // Compared as instants (records may carry different offsets), from the time columns.
      if (t.first === '' || atMs < t.firstMs) [t.first, t.firstMs] = [at, atMs];
      if (t.last === '' || atMs > t.lastMs) [t.last, t.lastMs] = [at, atMs];
    };
    // Most subjects document no removable-media exception: then no copy is checked against them.
    const hasExceptions = (subject.exceptions ?? []).some((x) => x.kind === 'removable-media');
    const copy = (
      t: MediumTally,
      id: string,
      at: string,
      atMs: number,
      deviceId: string | undefined,
      tags: readonly string[] | undefined,
      bytes: number | undefined,
    ): void => {
      t.copies++;
      seen(t, at, atMs);
      t.bytes += bytes ?? 0;
      if (tags !== undefined) {
        const hits = tags.map(normalizeTag).filter((x) => sensitive.has(x));
        if (hits.length > 0) t.sensitive++;
        for (const h of hits) t.sensitiveTags.add(h);
      }
      if (t.ids.length < 10) t.ids.push({ id, at });
      const covered = hasExceptions ? coveringExceptions(subject, atMs, deviceId) : noMitigations;
      if (covered.length === 0) t.unmitigatedCopies++;
      for (const m of covered) t.mitigations.set(m.recordId, m);
    };
    const mediaTimes = view.eventTimes('removable-media');
    const accessTimes = view.eventTimes('data-access');
    for (let i = 0; i < media.length; i++) {
      const e = media[i]!;
      const atMs = mediaTimes[i] as number;
      const t = tallyOf(mediumKey(e.media));
      if (e.action === 'connected') {
        if (e.media?.kind === undefined || e.media.kind === 'mass-storage') {
          t.connects++;
          seen(t, e.at, atMs);
          if (t.ids.length < 10) t.ids.push({ id: e.id, at: e.at });
        }
      } else if (e.action === 'file-copied') copy(t, e.id, e.at, atMs, e.deviceId, e.file?.tags, e.file?.sizeBytes);
    }
    for (const j of dataToMedia) {
      const e = access[j]!;
      copy(tallyOf(mediumKey(undefined)), e.id, e.at, accessTimes[j] as number, undefined, e.tags, e.volumeBytes);
    }

    const findings: FindingDraft<MessageId>[] = [];
    for (const t of [...tallies.values()].sort((a, b) => compareText(a.key, b.key))) {
      const isApproved = approved.has(t.key.toLowerCase());
      const ordered = [...t.ids].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      if (ordered.length === 0) continue;
      const first = { at: t.first };
      const last = { at: t.last };
      if (t.copies > 0) {
        if (isApproved && t.sensitive === 0) continue;
        const volume = t.bytes > 0 ? Math.min(1, Math.max(0, Math.log10(t.bytes / 1e7) / 3)) : 0;
        let strength = Math.min(1, options.copyStrength + (t.sensitive > 0 ? options.sensitiveBonus : 0) + options.volumeBonus * volume);
        if (isApproved) strength /= 2;
        const silenced = t.unmitigatedCopies === 0;
        findings.push({
          messageId: 'copies',
          strength: silenced ? 0 : strength,
          data: {
            count: t.copies,
            volume: t.bytes > 0 ? formatBytes(t.bytes) : 'size unknown',
            medium: t.key,
            first: utcDate(first.at),
            last: utcDate(last.at),
            sensitive: t.sensitive > 0 ? `, ${t.sensitive} tagged ${[...t.sensitiveTags].sort().join(', ')}` : '',
          },
          evidence: ordered.map((x) => ({ recordId: x.id, at: x.at, note: `removable medium ${t.key}` })),
          ...(silenced ? { mitigatedBy: [...t.mitigations.values()] } : {}),
        });
      } else if (t.connects > 0 && !isApproved && options.unknownConnectStrength > 0) {
        findings.push({
          messageId: 'unknownMedium',
          strength: options.unknownConnectStrength,
          data: { medium: t.key, count: t.connects, first: utcDate(first.at) },
          evidence: ordered.map((x) => ({ recordId: x.id, at: x.at, field: 'media', note: 'mass-storage medium connected' })),
        });
      }
    }
    return findings;
  },
});
