import { z } from 'zod';
import { dateTimeSchema, recordIdSchema } from './common';

/** One entry of a caller-supplied watchlist. */
export const watchlistEntrySchema = z.object({
  id: recordIdSchema.optional().describe('Identifier of the entry in its list (e.g. an SDN uid).'),
  type: z
    .enum(['name', 'organisation', 'email', 'phone', 'domain', 'ip', 'cidr', 'wallet', 'bank-account'])
    .describe('What the value is, which decides how it is matched.'),
  value: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional().describe('Other spellings of a name or organisation.'),
  note: z.string().optional(),
});

/** A caller-supplied list to screen against: sanctions, wanted notices, seized domains, internal do-not-hire... */
export const watchlistSchema = z.object({
  name: z.string().min(1).describe('Name of the list, e.g. "OFAC SDN (DPRK program), 2025-06-30 extract".'),
  kind: z.enum(['sanctions', 'wanted', 'seized-domains', 'threat-intel', 'internal', 'other']),
  publishedAt: dateTimeSchema.optional().describe('When the list was published or extracted.'),
  source: z.string().optional().describe('Where the list came from (URL or system).'),
  entries: z.array(watchlistEntrySchema),
});

/** A watchlist. */
export type Watchlist = z.infer<typeof watchlistSchema>;
/** A watchlist entry. */
export type WatchlistEntry = z.infer<typeof watchlistEntrySchema>;
