/**
 * Exfiltration channels and web categories as the insider indicators read them, so "an upload to
 * a leak site" or "use of removable media" means the same thing to all of them. Categories come
 * from the caller's web proxy or DLP; the library bundles no URL database.
 *
 * @packageDocumentation
 */

import type { ActivityEvent, ActivityEventOf } from '../records/events';

/** Channels whose first-ever use after a long history without it is a signal. */
export type Channel = 'removable-media' | 'personal-cloud' | 'file-sharing' | 'leak-site';

/** How messages name each channel. */
export const channelLabels: Readonly<Record<Channel, string>> = {
  'removable-media': 'removable media',
  'personal-cloud': 'personal cloud storage',
  'file-sharing': 'a file-sharing site',
  'leak-site': 'a leak or paste site',
};

/** A web event's category. */
export type WebCategory = NonNullable<ActivityEventOf<'web'>['category']>;

/** Web categories data can leave through; job boards and competitors are context, not channels. */
export const exfiltrationCategories: readonly WebCategory[] = ['leak-site', 'paste-site', 'file-sharing', 'personal-cloud'];

/**
 * The channel an event uses, if any: removable media connected or written to; uploads to personal
 * cloud or file-sharing sites (visits there are ordinary: a customer shares a link); any request
 * to a leak or paste site; data-access events whose destination is personal cloud or removable
 * media.
 */
export function channelOf(e: ActivityEvent): Channel | undefined {
  switch (e.type) {
    case 'removable-media':
      return e.action === 'removed' ? undefined : 'removable-media';
    case 'web':
      if (e.category === 'leak-site' || e.category === 'paste-site') return 'leak-site';
      if (e.action !== 'upload') return undefined;
      if (e.category === 'personal-cloud') return 'personal-cloud';
      if (e.category === 'file-sharing') return 'file-sharing';
      return undefined;
    case 'data-access':
      if (e.destination?.kind === 'personal-cloud') return 'personal-cloud';
      if (e.destination?.kind === 'removable-media') return 'removable-media';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Job-board activity between two instants (inclusive): the web requests the caller categorised
 * as job boards. Context only: looking for a job is no risk, and no indicator weighs it on its
 * own; the exit-window indicator reads it as a sign the person may be leaving.
 */
export function jobBoardActivity(webEvents: readonly ActivityEventOf<'web'>[], fromMs: number, toMs: number): ActivityEventOf<'web'>[] {
  const out: ActivityEventOf<'web'>[] = [];
  for (let i = 0; i < webEvents.length; i++) {
    const e = webEvents[i]!;
    if (e.category !== 'job-board') continue;
    const t = Date.parse(e.at);
    if (t >= fromMs && t <= toMs) out.push(e);
  }
  return out;
}

/** Bytes as messages show them: MB below a gigabyte, GB with one decimal above. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${Math.round(bytes / 1e8) / 10} GB` : `${Math.round(bytes / 1e6)} MB`;
}
