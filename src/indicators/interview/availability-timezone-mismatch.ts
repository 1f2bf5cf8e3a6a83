import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft } from '../../contract/types';
import { cite, hourOfMinute, inHourWindow, localClock, localHourIn, round1 } from '../../kit';

const STEP_MS = 30 * 60_000;
const MAX_SAMPLES_PER_SLOT = 96;

const options = z.object({
  nightStartHour: z
    .number()
    .int()
    .min(0)
    .max(24)
    .default(23)
    .describe('Local hour (claimed zone) at which the night starts. 23:00 to 07:00 leaves room for early birds and night owls.'),
  nightEndHour: z
    .number()
    .int()
    .min(0)
    .max(24)
    .default(7)
    .describe('Local hour (claimed zone) at which the night ends. Whole hours, as the messages print them ("7:00").'),
  minNightShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Share of offered slot time, or of replies, falling in the local night that fires. Half the time is a different rhythm, not a late evening.'),
  minSlots: z.number().int().positive().default(3).describe('Availability slots needed before the pattern counts.'),
  minMessages: z.number().int().positive().default(10).describe('Replies from the subject needed before the pattern counts.'),
});

type MessageId = 'slots' | 'messages';

function strengthOf(share: number, min: number): number {
  return Math.min(1, 0.5 + (0.5 * (share - min)) / Math.max(1e-9, 1 - min));
}

/**
 * `interview/availability-timezone-mismatch`: the meeting slots the candidate offers, and the
 * times they reply, fall mostly in the night of the time zone they claim to live in.
 */
export const availabilityTimezoneMismatch = defineIndicator({
  meta: {
    id: 'interview/availability-timezone-mismatch',
    title: 'Availability does not fit the claimed time zone',
    category: 'interview',
    version: '1.0.0',
    kind: 'risk',
    family: 'interview',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 0.6,
    correlationGroup: 'pre-hire-weak',
    options,
    messages: {
      slots:
        '{{share}}% of the {{hours}} hours of availability offered ({{slots}} slots) fall between {{nightStart}}:00 and ' +
        '{{nightEnd}}:00 in the claimed time zone {{timeZone}}',
      messages: '{{share}}% of {{count}} replies were sent between {{nightStart}}:00 and {{nightEnd}}:00 in the claimed time zone {{timeZone}}',
    },
    neutralReason: 'Availability could not be reconciled with the stated location.',
    recommendedAction:
      'Ask the candidate to confirm their location and working hours, and schedule a live video call in the middle of their ' + 'claimed business day.',
    docs: {
      description:
        'Converts every offered availability slot (sampled every 30 minutes) and every message sent by the subject into local ' +
        'time in the claimed residence time zone (IANA zone through Intl.DateTimeFormat, daylight saving included) and fires ' +
        'when at least `minNightShare` of the slot time, or of the replies, falls between `nightStartHour` and `nightEndHour`. ' +
        'Needs `minSlots` slots or `minMessages` replies. Only the claimed zone is used: the indicator never guesses where the ' +
        'person "really" is. Weak and capped: night owls and distributed teams exist.',
      requires: ['identity.residence.timeZone', 'availability[]', 'events[type=message]'],
      threatHypothesis: 'The candidate lives in another time zone than claimed and offers the working hours of that zone.',
      sources: cite('US-2022', 'CTI-HR', 'KB4', 'SEAL'),
      falsePositives: [
        'Night-shift workers, new parents and night owls.',
        'Candidates travelling or in the middle of a move.',
        'Calendar tools that stored slots in the wrong zone.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const s = view.subject;
    const timeZone = s.identity?.residence?.timeZone;
    if (timeZone === undefined) return notEvaluated('no claimed time zone', ['identity.residence.timeZone']);
    const slots = [...(s.availability ?? [])].sort((a, b) => Date.parse(a.from) - Date.parse(b.from) || Date.parse(a.to) - Date.parse(b.to));
    const replies = view.eventsOf('message').filter((m) => m.direction === 'from-subject');
    if (slots.length === 0 && replies.length === 0) {
      return notEvaluated('no availability slots and no replies from the subject', ['availability', 'events[type=message]']);
    }
    const hourOf = localHourIn(timeZone);
    const night = (ms: number): boolean => inHourWindow(hourOf(ms), options.nightStartHour, options.nightEndHour);
    const base = { nightStart: options.nightStartHour, nightEnd: options.nightEndHour, timeZone };
    const findings: FindingDraft<MessageId>[] = [];

    if (slots.length >= options.minSlots) {
      let total = 0;
      let atNight = 0;
      const nightSlots: Evidence[] = [];
      for (const slot of slots) {
        const from = Date.parse(slot.from);
        const to = Date.parse(slot.to);
        if (!(to > from)) continue;
        const step = Math.max(STEP_MS, (to - from) / MAX_SAMPLES_PER_SLOT);
        let slotTotal = 0;
        let slotNight = 0;
        for (let t = from; t < to; t += step) {
          const w = Math.min(step, to - t);
          slotTotal += w;
          if (night(t)) slotNight += w;
        }
        total += slotTotal;
        atNight += slotNight;
        // Any slot with night time is evidence: with a low threshold no single slot need be mostly at night.
        if (slotNight > 0) {
          nightSlots.push({ recordId: s.id, field: 'availability', at: slot.from, value: `${slot.from} to ${slot.to}` });
        }
      }
      const share = total > 0 ? atNight / total : 0;
      if (atNight > 0 && share >= options.minNightShare) {
        findings.push({
          messageId: 'slots',
          strength: strengthOf(share, options.minNightShare),
          data: { ...base, share: Math.round(share * 100), hours: round1(total / 3_600_000), slots: slots.length },
          evidence: nightSlots.slice(0, 10),
        });
      }
    }

    if (replies.length >= options.minMessages) {
      // Local minutes of the messages from the view's shared clock column for the zone.
      const messages = view.eventsOf('message');
      const clock = localClock(view, timeZone, 'message');
      const nightReplies: typeof replies = [];
      for (let i = 0; i < messages.length; i++) {
        const m = messages[i] as (typeof messages)[number];
        if (m.direction === 'from-subject' && inHourWindow(hourOfMinute(clock.minute[i] as number), options.nightStartHour, options.nightEndHour))
          nightReplies.push(m);
      }
      const share = nightReplies.length / replies.length;
      if (nightReplies.length > 0 && share >= options.minNightShare) {
        findings.push({
          messageId: 'messages',
          strength: strengthOf(share, options.minNightShare),
          data: { ...base, share: Math.round(share * 100), count: replies.length },
          evidence: nightReplies.slice(0, 10).map((m) => ({ recordId: m.id, at: m.at, ...(m.channel !== undefined ? { note: `via ${m.channel}` } : {}) })),
        });
      }
    }
    return findings;
  },
});
