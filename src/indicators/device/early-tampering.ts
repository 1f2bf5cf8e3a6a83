import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import { cite, compareText, DAY_MS, meetsSeverity, round1, severityLevels, lookupTable } from '../../kit';

const categories = ['malware', 'unauthorized-software', 'single-board-computer', 'credential-harvest', 'cookie-theft', 'usb-device', 'other'] as const;

const options = z.object({
  days: z
    .number()
    .positive()
    .default(14)
    .describe('How many days after delivery count as "right after the device arrived" (KB4: malware loaded as soon as the Mac arrived).'),
  categories: z
    .array(z.enum(categories))
    .default(['malware', 'unauthorized-software', 'single-board-computer', 'credential-harvest', 'cookie-theft'])
    .describe('Security-event categories that count as tampering. Remote-access tools and IP-KVMs have their own indicators.'),
  minSeverity: z.enum(severityLevels).default('medium').describe('Detections below this severity are ignored; detections with no severity count.'),
});

const CATEGORY_STRENGTH: Readonly<Record<string, number>> = /* @__PURE__ */ lookupTable({
  malware: 1,
  'single-board-computer': 1,
  'credential-harvest': 1,
  'cookie-theft': 1,
  'unauthorized-software': 0.6,
  'usb-device': 0.4,
  other: 0.4,
});

/**
 * `device/early-tampering`: malware, unauthorised software or an attached single-board computer
 * within the first days after the managed device was delivered, the KnowBe4 case's tell.
 */
export const earlyTampering = defineIndicator({
  meta: {
    id: 'device/early-tampering',
    title: 'Tampering right after the device arrived',
    category: 'device',
    version: '1.0.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud', 'insider-technology-collection'],
    defaultWeight: 2.5,
    correlationGroup: 'device-integrity',
    options,
    messages: {
      tamper: '{{count}} {{category}} detections within {{days}} days of delivery ({{anchor}}), the first {{after}} days after it: {{detail}}',
    },
    neutralReason: 'Security alerts on the company device could not be explained.',
    recommendedAction: 'Isolate the device, have the security team triage the detections, and ask the worker to explain them on a live call.',
    docs: {
      description:
        'Takes the delivery time of the device from `shipments[].deliveredAt` (the shipment of the same `deviceId`, else the ' +
        'earliest delivery), falling back to `hiredAt`, and fires on security detections in `categories` at or above ' +
        "`minSeverity` within `days` days after it. KB4: malware started loading as soon as the new hire's Mac arrived, and a " +
        'Raspberry Pi was used to move files and run unauthorised software within about 25 minutes.',
      requires: ['shipments[].deliveredAt', 'hiredAt', 'events[type=security].category'],
      threatHypothesis: 'The person who received the device immediately set it up for remote operation or data theft.',
      sources: cite('KB4'),
      falsePositives: [
        "Detections caused by IT's own provisioning scripts during the first boot.",
        'Personal software the worker installed innocently before reading the acceptable-use policy.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const shipments = (view.subject.shipments ?? []).filter((s) => s.deliveredAt !== undefined);
    const hiredAt = view.subject.hiredAt;
    if (shipments.length === 0 && hiredAt === undefined) {
      return notEvaluated('no delivery date and no start date', ['shipments[].deliveredAt', 'hiredAt']);
    }
    const security = view.eventsOf('security');
    const securityTimes = view.eventTimes('security');
    if (security.length === 0) return notEvaluated('no security detections', ['events[type=security]']);
    // Anchors: per shipped device id, and the earliest delivery overall; ties broken by id so the
    // evidence names the same shipment whatever the input order.
    const byDevice = new Map<string, { t: number; id: string }>();
    let earliest: { t: number; id: string } | undefined;
    const before = (a: { t: number; id: string }, b: { t: number; id: string } | undefined): boolean =>
      b === undefined || a.t < b.t || (a.t === b.t && a.id < b.id);
    for (const s of shipments) {
      const anchor = { t: Date.parse(s.deliveredAt as string), id: s.id };
      if (s.deviceId !== undefined && before(anchor, byDevice.get(s.deviceId))) byDevice.set(s.deviceId, anchor);
      if (before(anchor, earliest)) earliest = anchor;
    }
    const fallback = earliest ?? { t: Date.parse(hiredAt as string), id: view.subject.id };
    const anchorName = earliest !== undefined ? 'delivery' : 'start date';
    const wanted = new Set<string>(options.categories);
    type Anchor = { t: number; id: string };
    // Each category keeps every anchor its detections were measured from (two laptops delivered
    // on different days), so the evidence names each delivery, not only the first.
    const groups = new Map<string, { anchor: Anchor; anchors: Map<string, Anchor>; events: { id: string; at: string; after: number; detail: string }[] }>();
    for (let i = 0; i < security.length; i++) {
      const e = security[i]!;
      if (!wanted.has(e.category)) continue;
      if (!meetsSeverity(e.severity, options.minSeverity)) continue;
      const anchor = (e.deviceId !== undefined ? byDevice.get(e.deviceId) : undefined) ?? fallback;
      const t = securityTimes[i] as number;
      if (t < anchor.t || t > anchor.t + options.days * DAY_MS) continue;
      const g = groups.get(e.category) ?? { anchor, anchors: new Map<string, Anchor>(), events: [] };
      g.anchors.set(anchor.id, anchor);
      g.events.push({ id: e.id, at: e.at, after: (t - anchor.t) / DAY_MS, detail: e.software ?? e.deviceName ?? e.detail ?? e.category });
      groups.set(e.category, g);
    }
    const findings: FindingDraft<'tamper'>[] = [];
    for (const [category, g] of [...groups].sort((a, b) => compareText(a[0], b[0]))) {
      const first = g.events[0] as { after: number; detail: string };
      const earliness = 1 - first.after / options.days; // 1 on delivery day, 0 at the window's end
      findings.push({
        messageId: 'tamper',
        strength: Math.min(1, (CATEGORY_STRENGTH[category] ?? 0.4) * (0.7 + 0.3 * earliness)),
        data: {
          count: g.events.length,
          category,
          days: options.days,
          anchor: `${anchorName} ${new Date(g.anchor.t).toISOString().slice(0, 10)}`,
          after: round1(first.after),
          detail: first.detail,
        },
        evidence: [
          ...g.events.slice(0, 10).map((ev) => ({ recordId: ev.id, at: ev.at, field: 'category', value: category, note: ev.detail })),
          ...[...g.anchors.values()]
            .sort((a, b) => a.t - b.t || compareText(a.id, b.id))
            .map((a) => ({
              recordId: a.id,
              at: new Date(a.t).toISOString(),
              field: a.id === view.subject.id ? 'hiredAt' : 'deliveredAt',
              note: `the ${anchorName} the window counts from`,
            })),
        ],
      });
    }
    return findings;
  },
});
