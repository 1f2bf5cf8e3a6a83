import { z } from 'zod';
import { countryCodeSchema, unorderedStrings } from './common';

/** Fields added to a data-access event: the account, IP and kind of resource. */
export const dataAccessDetailShape = {
  accountId: z
    .string()
    .optional()
    .describe('Account used for the access (code-host user, cloud-storage user, database login); kept apart from other accounts.'),
  ip: z.string().optional().describe('IP address the access came from (GitHub/GitLab audit actor_ip, SharePoint/Drive audit client IP, proxy).'),
  resourceKind: z
    .enum(['repository', 'file', 'folder', 'share', 'document', 'dataset', 'database', 'mailbox', 'ticket', 'wiki', 'package', 'other'])
    .optional()
    .describe('What kind of resource was accessed: repository, file, folder, share, document, dataset, database, mailbox, ticket, wiki, package, other.'),
};

/** Fields added to a data-access destination: where it is and whose it is. */
export const destinationDetailShape = {
  account: z.string().optional().describe('Account at the destination (e.g. the personal GitHub user or cloud-storage account the data went to).'),
  ip: z.string().optional().describe('IP address of the destination, when logged (DLP, proxy).'),
  country: countryCodeSchema
    .optional()
    .describe('ISO 3166-1 alpha-2 country of the destination (caller-supplied enrichment); compared with evidence, never scored by itself.'),
};

/** Caller-supplied category of a web destination; the library bundles no URL database. */
export const webCategorySchema = z
  .enum([
    'file-sharing',
    'personal-cloud',
    'paste-site',
    'leak-site',
    'job-board',
    'competitor',
    'personal-email',
    'code-hosting',
    'ai-service',
    'social-media',
    'remote-access',
    'other',
  ])
  .describe(
    'Category of the site, as the web proxy, secure web gateway or DLP categorised it (caller-supplied; redflags bundles no URL list): file-sharing, personal-cloud, paste-site, leak-site (data-leak or extortion sites), job-board, competitor (a caller-listed competitor), personal-email, code-hosting, ai-service, social-media, remote-access (a remote-access relay), other.',
  );

/** Fields of a web event: a visit to, or upload to, a site, from a web proxy, SWG or DLP. */
export const webShape = {
  action: z.enum(['visit', 'upload', 'download']).describe('visit (a page or API request), upload (data sent to the site), download.'),
  url: z.string().optional().describe('URL requested; may be cut to the host by the proxy.'),
  host: z.string().optional().describe('Host name, e.g. pastebin.com.'),
  category: webCategorySchema.optional(),
  bytesOut: z.number().nonnegative().optional().describe('Bytes sent to the site (upload volume).'),
  bytesIn: z.number().nonnegative().optional().describe('Bytes received from the site.'),
  deviceId: z.string().optional().describe('Computer the request came from.'),
  accountId: z.string().optional().describe('Account the proxy attributed the request to.'),
  ip: z.string().optional().describe('Client IP address the request came from.'),
  blocked: z.boolean().optional().describe('True when the proxy or DLP blocked the request (attempts still matter).'),
};

/** Fields of an e-mail event: one message the subject sent, from mail gateway or DLP logs. */
export const emailShape = {
  accountId: z.string().optional().describe('Mailbox that sent the message.'),
  recipientCount: z.number().int().nonnegative().optional().describe('Recipients in to, cc and bcc.'),
  externalRecipientCount: z.number().int().nonnegative().optional().describe("Recipients outside the organisation's domains."),
  recipientDomains: unorderedStrings(z.string()).optional().describe('Domains of the recipients (never the message content).'),
  toOwnPersonalAddress: z
    .boolean()
    .optional()
    .describe("True when a recipient is the sender's own personal address (matched by the caller or DLP, e.g. with contacts.emails)."),
  attachmentCount: z.number().int().nonnegative().optional().describe('Number of attachments.'),
  attachmentBytes: z.number().nonnegative().optional().describe('Total size of attachments in bytes.'),
  tags: unorderedStrings(z.string()).optional().describe('Sensitivity tags of the attachments (DLP or MIP labels).'),
  blocked: z.boolean().optional().describe('True when the gateway or DLP blocked the message.'),
};

/** Fields of a print event: a print job from a print server or DLP. */
export const printShape = {
  deviceId: z.string().optional().describe('Computer that sent the job.'),
  accountId: z.string().optional().describe('Account that printed.'),
  printer: z.string().optional().describe('Printer name or queue; home printers show as local queues.'),
  documentName: z.string().optional().describe('Name of the document printed.'),
  pages: z.number().int().nonnegative().optional().describe('Pages printed.'),
  bytes: z.number().nonnegative().optional().describe('Size of the job in bytes.'),
  tags: unorderedStrings(z.string()).optional().describe('Sensitivity tags of the document.'),
};
