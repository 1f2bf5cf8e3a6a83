import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import type { Evidence, FindingDraft, Mitigation } from '../../contract/types';
import type { ActivityEvent } from '../../records/events';
import {
  cite,
  collectionActions,
  DAY_MS,
  describeException,
  exceptionsOverlapping,
  exfiltrationCategories,
  formatBytes,
  isBehaviourActivity,
  jobBoardActivity,
  partialDateRange,
  round1,
  utcDate,
} from '../../kit';

const options = z.object({
  windowDays: z
    .number()
    .int()
    .positive()
    .default(30)
    .describe(
      "Days before the end date that form the exit window (from the notice date when that is earlier): in CERT's theft-of-IP " +
        'cases much of the taking happens in the month before leaving.',
    ),
  lookbackDays: z
    .number()
    .int()
    .positive()
    .default(180)
    .describe(
      "Days before the exit window whose daily rate of each channel is the person's normal, so a person who always copies to " +
        'USB is not flagged for doing so while leaving.',
    ),
  exitFactor: z.number().gt(1).default(3).describe('How many times the normal daily rate a channel must reach in the exit window.'),
  minEvents: z.number().int().positive().default(2).describe('Events of a channel in the window below which it never fires.'),
  jobBoardLookbackDays: z
    .number()
    .int()
    .nonnegative()
    .default(60)
    .describe('Days before the exit window in which job-board browsing (web category job-board) counts as context.'),
  jobBoardBoost: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.15)
    .describe(
      'Strength added to each exit-window finding when the person browsed job boards before or during it. Context only: ' +
        'job-board browsing never fires on its own.',
    ),
  afterEndStrength: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe(
      "Strength of activity on the person's accounts after the end date on one day: an account still used after exit. Each " +
        'further day with such activity adds 0.1, up to 1.',
    ),
  extortionStrength: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe('Strength of an extortion or data-ransom report after notice or exit (FBI PSA-2025-01: fired workers extort with stolen ' + 'data).'),
});

type MessageId = 'channel' | 'afterEnd' | 'extortion';

/** Added to `afterEndStrength` for each further day with activity after the end date. */
const AFTER_END_DAY_STEP = 0.1;

type ExitChannel = 'collection' | 'removable' | 'upload' | 'personalMail';

const channelNames: Readonly<Record<ExitChannel, string>> = {
  collection: 'downloads, clones and exports',
  removable: 'copies to removable media',
  upload: 'uploads to file-sharing, cloud, paste or leak sites',
  personalMail: "e-mails to the person's own personal address",
};

const channelBase: Readonly<Record<ExitChannel, number>> = { collection: 0.35, removable: 0.5, upload: 0.5, personalMail: 0.4 };

/** The exit channel an event moves data through, if any. */
function exitChannelOf(e: ActivityEvent): { channel: ExitChannel; bytes: number } | undefined {
  switch (e.type) {
    case 'data-access': {
      const kind = e.destination?.kind;
      if (kind === 'personal-cloud' || kind === 'personal-repo' || kind === 'personal-email') return { channel: 'upload', bytes: e.volumeBytes ?? 0 };
      if (kind === 'removable-media') return { channel: 'removable', bytes: e.volumeBytes ?? 0 };
      return collectionActions.has(e.action) ? { channel: 'collection', bytes: e.volumeBytes ?? 0 } : undefined;
    }
    case 'removable-media':
      return e.action === 'file-copied' ? { channel: 'removable', bytes: e.file?.sizeBytes ?? 0 } : undefined;
    case 'web':
      return e.action === 'upload' && e.category !== undefined && exfiltrationCategories.includes(e.category)
        ? { channel: 'upload', bytes: e.bytesOut ?? 0 }
        : undefined;
    case 'email':
      return e.toOwnPersonalAddress === true ? { channel: 'personalMail', bytes: e.attachmentBytes ?? 0 } : undefined;
    default:
      return undefined;
  }
}

interface Tally {
  before: number;
  inWindow: number;
  bytes: number;
  readonly ids: { id: string; at: string }[];
}

/**
 * `insider/exit-window`: data leaving in the days before the end date or after notice, well
 * above the person's normal rate; activity on the accounts after the end date; extortion after
 * exit. Job-board browsing raises the window's findings as context, never on its own.
 */
export const exitWindow = defineIndicator({
  meta: {
    id: 'insider/exit-window',
    title: 'Data leaving around the exit',
    category: 'insider',
    version: '1.1.0',
    kind: 'risk',
    family: 'lifecycle-timing',
    typologies: ['insider-technology-collection'],
    defaultWeight: 2,
    options,
    messages: {
      channel: '{{count}} {{channel}} ({{volume}}) in the exit window from {{from}}: {{rate}}{{context}}',
      afterEnd: '{{count}} activity events after the end date {{end}}, the last on {{last}}: the account is still in use',
      extortion: 'Extortion or data-ransom report on {{date}}, after {{after}} {{milestone}}',
    },
    neutralReason: 'Data handling around the end of the engagement needs review.',
    recommendedAction:
      'Review what was copied or sent in the exit window with the manager and legal; disable every account and token of the ' +
      'person and confirm the devices are returned.',
    docs: {
      description:
        'Reads the lifecycle (`lifecycle.noticeDate`, `lifecycle.endDate`, or the time an on-notice status took effect). The ' +
        'exit window runs from `windowDays` before the end date, or the notice date when earlier, to the end date (or asOf). One ' +
        'sweep over the events counts four channels before and inside the window: collection (download, clone, export, copy, ' +
        'sync, print), copies to removable media, uploads to file-sharing, personal-cloud, paste or leak sites (and data-access ' +
        "to personal destinations), and e-mail to the person's own personal address. A channel fires when it has at least " +
        '`minEvents` events in the window and its daily rate reaches `exitFactor` times the rate of the `lookbackDays` before ' +
        '(or it was never used before). Job-board browsing (web category job-board) in the window or the `jobBoardLookbackDays` ' +
        'before adds `jobBoardBoost` to each such finding: it is context, never a finding of its own. Activity on the accounts ' +
        'after the end date fires on its own, and so does an extortion or data-ransom report (security category extortion) after ' +
        'notice or exit. A documented removable-media exception silences the removable-media channel.',
      requires: [
        'lifecycle.endDate',
        'lifecycle.noticeDate',
        'events[type=data-access]',
        'events[type=removable-media]',
        'events[type=web].category',
        'events[type=email].toOwnPersonalAddress',
        'events[type=security].category',
      ],
      threatHypothesis: 'The person takes data on the way out, or keeps access after leaving to extort the organisation.',
      sources: cite('CERT-CSG', 'CERT-ITD', 'PSA-2025-01', 'SW'),
      falsePositives: [
        "A documented handover: files copied for a successor or exported at the manager's request.",
        'Personal files (payslips, contracts) sent to the personal address before leaving.',
        'Automated jobs running under an account after its owner left (a service, not the person).',
      ],
    },
  },
  evaluate(view, { options, asOfMs, notEvaluated }) {
    const subject = view.subject;
    const life = subject.lifecycle;
    const end = partialDateRange(life?.endDate);
    const noticeDay = partialDateRange(life?.noticeDate);
    const notice = noticeDay?.earliest ?? (life?.status === 'on-notice' && life.statusAt !== undefined ? Date.parse(life.statusAt) : undefined);
    if (end === undefined && notice === undefined) {
      return notEvaluated('no notice or end date', ['lifecycle.noticeDate', 'lifecycle.endDate']);
    }
    const endMs = end?.latest; // exclusive: the end of the last day
    let from = end !== undefined ? end.earliest - options.windowDays * DAY_MS : (notice as number);
    if (notice !== undefined) from = Math.min(from, notice);
    const to = Math.min(endMs ?? asOfMs, asOfMs);
    const before = from - options.lookbackDays * DAY_MS;
    const tallies = new Map<ExitChannel, Tally>();
    const afterEnd: { id: string; at: string }[] = [];
    // Distinct UTC days with activity after the end date: events arrive in time order, so a day change is a new day.
    let afterEndDays = 0;
    let lastAfterEndDay = '';
    const extortion: { id: string; at: string }[] = [];
    let firstMs: number | undefined;
    const events = view.events;
    const times = view.eventTimes();
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const t = times[i] as number;
      if (firstMs === undefined && isBehaviourActivity(e)) firstMs = t;
      if (e.type === 'security' && e.category === 'extortion' && t >= from) extortion.push({ id: e.id, at: e.at });
      if (endMs !== undefined && t >= endMs && isBehaviourActivity(e)) {
        afterEnd.push({ id: e.id, at: e.at });
        const day = utcDate(e.at);
        if (day !== lastAfterEndDay) {
          afterEndDays++;
          lastAfterEndDay = day;
        }
      }
      if (t < before || t >= to) continue;
      const c = exitChannelOf(e);
      if (c === undefined) continue;
      const tally = tallies.get(c.channel) ?? { before: 0, inWindow: 0, bytes: 0, ids: [] };
      tallies.set(c.channel, tally);
      if (t < from) tally.before++;
      else {
        tally.inWindow++;
        tally.bytes += c.bytes;
        if (tally.ids.length < 10) tally.ids.push({ id: e.id, at: e.at });
      }
    }
    const findings: FindingDraft<MessageId>[] = [];
    const jobBoard = jobBoardActivity(view.eventsOf('web'), from - options.jobBoardLookbackDays * DAY_MS, to);
    const boost = jobBoard.length > 0 ? options.jobBoardBoost : 0;
    const windowDays = Math.max(1, (to - from) / DAY_MS);
    // The person's history before the window may be shorter than the lookback.
    const beforeDays = Math.max(1, (from - Math.max(before, firstMs ?? from)) / DAY_MS);
    for (const channel of ['collection', 'removable', 'upload', 'personalMail'] as const) {
      const tally = tallies.get(channel);
      if (tally === undefined || tally.inWindow < options.minEvents) continue;
      const windowRate = tally.inWindow / windowDays;
      const beforeRate = tally.before / beforeDays;
      const ratio = beforeRate === 0 ? Infinity : windowRate / beforeRate;
      if (ratio < options.exitFactor) continue;
      const strength = Math.min(0.95, channelBase[channel] + (ratio === Infinity ? 0.2 : Math.min(0.2, 0.02 * ratio)) + (tally.bytes >= 1e9 ? 0.1 : 0) + boost);
      const mitigatedBy: Mitigation[] =
        channel === 'removable'
          ? exceptionsOverlapping(subject, 'removable-media', from, to).map((x) => ({ recordId: x.id, field: 'exceptions', explains: describeException(x) }))
          : [];
      const evidence: Evidence[] = [
        {
          recordId: subject.id,
          field: end !== undefined ? 'lifecycle.endDate' : 'lifecycle.noticeDate',
          value: (life?.endDate ?? life?.noticeDate ?? life?.statusAt) as string,
          note: 'exit milestone',
        },
        ...tally.ids.map((x) => ({ recordId: x.id, at: x.at, note: channelNames[channel] })),
        ...jobBoard.slice(0, 3).map((e) => ({ recordId: e.id, at: e.at, field: 'category', value: 'job-board', note: 'job-board browsing (context)' })),
      ];
      findings.push({
        messageId: 'channel',
        strength: mitigatedBy.length > 0 ? 0 : strength,
        data: {
          count: tally.inWindow,
          channel: channelNames[channel],
          volume: tally.bytes > 0 ? formatBytes(tally.bytes) : 'volume unknown',
          from: new Date(from).toISOString().slice(0, 10),
          rate: ratio === Infinity ? `none in the ${Math.round(beforeDays)} days before` : `${round1(ratio)} times the usual daily rate`,
          context: jobBoard.length > 0 ? `; ${jobBoard.length} job-board visits before or during it` : '',
        },
        evidence,
        ...(mitigatedBy.length > 0 ? { mitigatedBy } : {}),
      });
    }
    if (afterEnd.length > 0 && options.afterEndStrength > 0 && life?.endDate !== undefined) {
      const last = afterEnd[afterEnd.length - 1] as { id: string; at: string };
      findings.push({
        messageId: 'afterEnd',
        // Use on several days after the exit is deliberate, not a client that synced once: a tenth more a day.
        strength: Math.min(1, options.afterEndStrength + AFTER_END_DAY_STEP * (afterEndDays - 1)),
        data: { count: afterEnd.length, end: life.endDate, last: utcDate(last.at) },
        evidence: [
          { recordId: subject.id, field: 'lifecycle.endDate', value: life.endDate, note: 'last day of the engagement' },
          ...afterEnd.slice(-10).map((x) => ({ recordId: x.id, at: x.at, note: 'activity after the end date' })),
        ],
      });
    }
    for (const x of extortion) {
      if (options.extortionStrength <= 0) break;
      const afterExit = endMs !== undefined && Date.parse(x.at) >= endMs;
      findings.push({
        messageId: 'extortion',
        strength: options.extortionStrength,
        data: {
          date: utcDate(x.at),
          after: afterExit ? 'the end date' : 'notice or the exit window',
          milestone: afterExit ? (life?.endDate as string) : new Date(from).toISOString().slice(0, 10),
        },
        evidence: [{ recordId: x.id, at: x.at, field: 'category', value: 'extortion', note: 'extortion or data-ransom report' }],
      });
    }
    return findings;
  },
});
