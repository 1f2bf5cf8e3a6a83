import { z } from 'zod';
import { dateTimeSchema, longTextSchema, noteSchema, recordIdSchema, recordObject, unorderedStrings } from './common';

/** One entry of a caller-supplied watchlist. */
export const watchlistEntrySchema = recordObject({
  id: recordIdSchema.optional().describe('Identifier of the entry in its list (e.g. an SDN uid).'),
  type: z
    .enum(['name', 'organisation', 'email', 'phone', 'domain', 'ip', 'cidr', 'wallet', 'bank-account'])
    .describe('What the value is, which decides how it is matched.'),
  value: z
    .string()
    .min(1)
    .describe(
      'The listed value in the form its type implies: a name, e-mail, phone, domain, IP address, CIDR range, wallet address or bank account/IBAN. Identifiers match exactly after normalisation, names fuzzily.',
    ),
  aliases: unorderedStrings(z.string().min(1)).optional().describe('Other spellings of a name or organisation.'),
  note: noteSchema().optional().describe('Free-text note carried into findings, e.g. the listing reason or program.'),
  listedAt: dateTimeSchema.optional().describe('When the entry was added to the list; an entry listed after asOf is not screened against.'),
});

/** A caller-supplied list to screen against: sanctions, wanted notices, seized domains, internal do-not-hire... */
export const watchlistSchema = recordObject({
  name: z.string().min(1).describe('Name of the list, e.g. "OFAC SDN (DPRK program), 2025-06-30 extract".'),
  kind: z
    .enum(['sanctions', 'wanted', 'seized-domains', 'threat-intel', 'internal', 'other'])
    .describe(
      "What the list is: sanctions (e.g. OFAC SDN; a match carries the step to stop payments and escalate to legal), wanted (law-enforcement wanted notices), seized-domains (websites seized by authorities), threat-intel (indicators from a threat-intelligence feed), internal (the organisation's own do-not-hire or incident list), other.",
    ),
  publishedAt: dateTimeSchema.optional().describe('When the list was published or extracted; a list published after asOf is not screened against.'),
  source: longTextSchema().optional().describe('Where the list came from (URL or system).'),
  entries: z.array(watchlistEntrySchema).describe('The listed entries, in any order.'),
});

/** A watchlist. */
export type Watchlist = z.infer<typeof watchlistSchema>;
/** A watchlist entry. */
export type WatchlistEntry = z.infer<typeof watchlistEntrySchema>;
