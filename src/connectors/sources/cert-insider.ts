import { compareText } from '../../engine/order';
import { defineConnector, skip, type ConnectorSession, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { parseTime } from '../helpers/time';
import { canonicalJson } from '../helpers/values';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

/** The synthetic organisation's mail domain in every CERT release: recipients elsewhere are external. */
const internalDomain = 'dtaa.com';

/** One month's roster entry of a person. */
interface RosterEntry {
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  readonly role?: string | undefined;
  readonly team?: string | undefined;
  readonly department?: string | undefined;
  readonly supervisor?: string | undefined;
}

interface Person {
  readonly account: string;
  /** Roster month (`YYYY-MM`) to entry; `''` for a roster file whose name gives no month. */
  readonly months: Map<string, { entry: RosterEntry; key: string }>;
}

/**
 * CERT dates: `MM/DD/YYYY HH:MM:SS` (local time of the synthetic organisation, no zone given:
 * read as UTC, like SIEM times). ISO and epoch times are read too.
 */
function certTime(row: FieldReader, path: string): string | undefined {
  const text = row.string(path);
  if (text === undefined) return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const iso =
    m === null
      ? parseTime(text)
      : parseTime(
          `${m[3] as string}-${(m[1] as string).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}T${(m[4] as string).padStart(2, '0')}:${m[5] as string}:${m[6] ?? '00'}Z`,
        );
  if (iso === undefined) row.invalid(path, 'not a CERT date (MM/DD/YYYY HH:MM:SS) or ISO time');
  return iso;
}

/** `DTAA/ABC0174` and `ABC0174` are the same user: the part after the domain. */
function userOf(value: string): string {
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  return value.slice(cut + 1);
}

/** Roster month from an LDAP file name (`LDAP/2010-05.csv`), or `''`. */
function monthOf(file: string | undefined): string {
  const m = file === undefined ? null : /(\d{4})-(\d{2})\.csv$/i.exec(file);
  return m === null ? '' : `${m[1] as string}-${m[2] as string}`;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]{0,20}:\/\/)?([^/?#:\s]{1,253})/i.exec(url);
  return m?.[1]?.toLowerCase();
}

function addresses(row: FieldReader, path: string): string[] {
  return (row.string(path) ?? '')
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at < 0 ? undefined : address.slice(at + 1).toLowerCase();
}

/** r6 attachments: `name.ext(12345);other.pdf(678)`; earlier releases give a count. */
function attachmentsOf(row: FieldReader): { count?: number; bytes?: number } {
  if (!row.has('attachments')) return {};
  const text = row.string('attachments') as string;
  if (/^\d{1,9}$/.test(text)) return { count: Number(text) };
  const items = text
    .split(';')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  let bytes = 0;
  let sized = 0;
  for (const item of items) {
    const m = /\((\d{1,15})\)$/.exec(item);
    if (m !== null) {
      bytes += Number(m[1]);
      sized++;
    }
  }
  return { count: items.length, ...(sized > 0 ? { bytes } : {}) };
}

function fileType(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.slice(Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : undefined;
}

const removableActivities: Readonly<Record<string, 'connected' | 'removed'>> = /* @__PURE__ */ lookupTable({ connect: 'connected', disconnect: 'removed' });
const webActivities: Readonly<Record<string, 'visit' | 'download' | 'upload'>> = /* @__PURE__ */ lookupTable({
  'www visit': 'visit',
  'www download': 'download',
  'www upload': 'upload',
});
const fileActivities: Readonly<Record<string, 'read' | 'modify' | 'copy'>> = /* @__PURE__ */ lookupTable({
  'file open': 'read',
  'file write': 'modify',
  'file copy': 'copy',
  'file delete': 'modify',
});

/** The event rows: logon, device, file, http and email files share `id`, `date`, `user`, `pc`. */
function mapEvent(row: FieldReader, ctx: MapContext, kind: 'logon' | 'device' | 'file' | 'http' | 'email'): RowResult {
  const rawUser = row.string('user');
  if (rawUser === undefined) return skip(`${kind} row without a user`);
  const account = userOf(rawUser);
  const subjectId = ctx.subjectIdFor(account);
  if (subjectId === undefined) return skip(`no subject for account "${account}"`);
  const at = certTime(row, 'date');
  if (at === undefined) return skip(`${kind} row without a readable date`);
  const pc = row.string('pc');
  const id = `${ctx.source}:${kind}:${row.string('id') ?? `h${row.contentHash()}`}`;
  const base = { id, subjectId, at, source: ctx.source, accountId: account };
  row.ignore('content', 'text of the file, page or message: content is never read');
  switch (kind) {
    case 'logon': {
      const activity = row.string('activity')?.toLowerCase();
      const key = `${account.toLowerCase()}|${pc ?? ''}`;
      if (activity === 'logoff') return { sessionEnds: [{ key, at }] };
      return { records: [{ recordType: 'event', record: { ...base, type: 'session', deviceId: pc, result: 'success' }, endKey: key }] };
    }
    case 'device': {
      const action = row.oneOf('activity', removableActivities, 'not Connect or Disconnect');
      if (action === undefined) return skip('device row whose activity is not Connect or Disconnect');
      row.ignore('file_tree', 'directory listing of the drive: paths are not scored');
      return { records: [{ recordType: 'event', record: { ...base, type: 'removable-media', action, deviceId: pc, media: { kind: 'mass-storage' } } }] };
    }
    case 'file': {
      const filename = row.string('filename');
      const activity = row.has('activity') ? row.oneOf('activity', fileActivities, 'not a CERT file activity') : undefined;
      const toMedia = row.has('to_removable_media') ? row.boolean('to_removable_media') : undefined;
      const fromMedia = row.has('from_removable_media') ? row.boolean('from_removable_media') : undefined;
      // r4 file.csv lists only copies to removable media; later releases say so per row.
      if (toMedia === true || (toMedia === undefined && !row.has('activity'))) {
        return {
          records: [
            {
              recordType: 'event',
              record: { ...base, type: 'removable-media', action: 'file-copied', deviceId: pc, file: { name: filename, type: fileType(filename) } },
            },
          ],
        };
      }
      if (filename === undefined) return skip('file row without a filename');
      if (activity === undefined) return skip('file row whose activity is not File Open, Write, Copy or Delete');
      return {
        records: [
          {
            recordType: 'event',
            record: { ...base, type: 'data-access', action: fromMedia === true ? 'copy' : activity, resource: filename, resourceKind: 'file' },
          },
        ],
      };
    }
    case 'http': {
      const url = row.string('url');
      if (url === undefined) return skip('http row without a url');
      const action = row.has('activity') ? row.oneOf('activity', webActivities, 'not WWW Visit, Download or Upload') : 'visit';
      if (action === undefined) return skip('http row whose activity is not WWW Visit, Download or Upload');
      return { records: [{ recordType: 'event', record: { ...base, type: 'web', action, url, host: hostOf(url), deviceId: pc } }] };
    }
    case 'email': {
      const activity = row.string('activity')?.toLowerCase();
      if (activity !== undefined && activity !== 'send') return skip(`email activity "${activity}": only sent mail is recorded`);
      const recipients = [...addresses(row, 'to'), ...addresses(row, 'cc'), ...addresses(row, 'bcc')];
      const domains = [...new Set(recipients.map(domainOf).filter((d): d is string => d !== undefined))].sort(compareText);
      const attachments = attachmentsOf(row);
      row.ignore('from', 'sender address: the user column names the sender');
      row.ignore('size', 'size of the whole message: attachment sizes are read when given');
      return {
        records: [
          {
            recordType: 'event',
            record: {
              ...base,
              type: 'email',
              recipientCount: recipients.length,
              externalRecipientCount: recipients.filter((r) => domainOf(r) !== internalDomain).length,
              recipientDomains: domains,
              attachmentCount: attachments.count,
              attachmentBytes: attachments.bytes,
            },
          },
        ],
      };
    }
  }
}

function kindOf(row: FieldReader): 'roster' | 'psychometric' | 'decoy' | 'logon' | 'device' | 'file' | 'http' | 'email' | undefined {
  if (row.has('user_id') && row.has('employee_name')) return row.has('o') && row.has('n') ? 'psychometric' : 'roster';
  if (row.has('decoy_filename')) return 'decoy';
  if (row.has('url')) return 'http';
  if (row.has('filename')) return 'file';
  if (row.has('to') || row.has('from') || row.has('attachments')) return 'email';
  const activity = row.string('activity')?.toLowerCase();
  if (activity === 'logon' || activity === 'logoff') return 'logon';
  if (activity === 'connect' || activity === 'disconnect' || row.has('file_tree')) return 'device';
  return undefined;
}

function createCertSession(): ConnectorSession {
  const people = new Map<string, Person>();
  const rosterMonths = new Set<string>();

  const mapRoster = (row: FieldReader, ctx: MapContext): RowResult => {
    const account = row.string('user_id') as string;
    const subjectId = ctx.subjectIdFor(account);
    if (subjectId === undefined) return skip(`no subject for account "${account}"`);
    const month = monthOf(ctx.file);
    if (month !== '') rosterMonths.add(month);
    const entry: RosterEntry = {
      name: row.string('employee_name'),
      email: row.string('email'),
      role: row.string('role'),
      team: row.string('team'),
      department: row.string('department'),
      supervisor: row.string('supervisor'),
    };
    row.ignore('business_unit', 'top of the synthetic org tree: team and department are kept');
    row.ignore('functional_unit', 'level of the synthetic org tree above the department');
    row.ignore('domain', 'Windows domain of the account (early releases)');
    row.ignore('projects', 'projects of the person (later releases): not mapped');
    const person = people.get(subjectId) ?? { account, months: new Map() };
    const key = canonicalJson(entry);
    const previous = person.months.get(month);
    // The same person twice in one month: the smaller entry wins, so the row order does not matter.
    if (previous === undefined || compareText(key, previous.key) < 0) person.months.set(month, { entry, key });
    people.set(subjectId, person);
    return { held: true };
  };

  const finish = (): RecordDraft[] => {
    const months = [...rosterMonths].sort(compareText);
    const first = months[0];
    const last = months[months.length - 1];
    // Supervisors are named, not identified: a name two people share names no one (null), since
    // picking either would make the manager depend on the order of the roster rows.
    const byName = new Map<string, string | null>();
    for (const [subjectId, person] of people) {
      for (const { entry } of person.months.values()) {
        if (entry.name === undefined) continue;
        const key = entry.name.toLowerCase();
        const known = byName.get(key);
        byName.set(key, known === undefined || known === subjectId ? subjectId : null);
      }
    }
    const managerOf = (supervisor: string | undefined): string | undefined =>
      supervisor === undefined ? undefined : (byName.get(supervisor.toLowerCase()) ?? undefined);
    const drafts: RecordDraft[] = [];
    for (const subjectId of [...people.keys()].sort(compareText)) {
      const person = people.get(subjectId) as Person;
      const seen = [...person.months.keys()].filter((m) => m !== '').sort(compareText);
      const latest = person.months.get(seen[seen.length - 1] ?? '') ?? person.months.get('') ?? [...person.months.values()][0];
      const entry = latest?.entry ?? {};
      const firstSeen = seen[0];
      const lastSeen = seen[seen.length - 1];
      // Each roster lists the people employed at the end of its month: someone first listed after the
      // first roster joined in that month, someone missing from a later roster left in the first month missing.
      const startDate = firstSeen !== undefined && firstSeen !== first ? firstSeen : undefined;
      const endDate = lastSeen !== undefined && last !== undefined && lastSeen !== last ? nextMonth(lastSeen) : undefined;
      const changes: Record<string, unknown>[] = [];
      let before: RosterEntry | undefined;
      for (const month of seen) {
        const now = (person.months.get(month) as { entry: RosterEntry }).entry;
        if (before !== undefined && (now.team !== before.team || now.role !== before.role || now.supervisor !== before.supervisor)) {
          changes.push({ effectiveDate: month, team: now.team, role: now.role, managerId: managerOf(now.supervisor) });
        }
        before = now;
      }
      drafts.push({
        recordType: 'subject',
        record: {
          id: subjectId,
          kind: 'employee',
          role: entry.role,
          identity: { names: entry.name === undefined ? undefined : [{ value: entry.name, kind: 'legal', source: 'cert-ldap' }] },
          contacts: { emails: entry.email === undefined ? undefined : [{ address: entry.email, source: 'cert-ldap' }] },
          position: {
            team: entry.team,
            department: entry.department,
            managerId: managerOf(entry.supervisor),
            source: 'cert-ldap',
          },
          lifecycle: startDate === undefined && endDate === undefined ? undefined : { startDate, endDate, source: 'cert-ldap' },
          accounts: [{ system: 'cert-insider', accountId: person.account }],
          rosterChanges: changes,
        },
      });
    }
    return drafts;
  };

  const mapRow = (row: FieldReader, ctx: MapContext): RowResult => {
    const kind = kindOf(row);
    if (kind === undefined) {
      const activity = row.string('activity');
      return skip(
        activity !== undefined
          ? `activity "${activity}" is not Logon, Logoff, Connect or Disconnect`
          : 'not a row of a CERT file (logon, device, file, http, email or LDAP)',
      );
    }
    if (kind === 'psychometric') return skip('psychometric.csv: personality scores are never used');
    if (kind === 'decoy') return skip('decoy_file.csv: decoy files are not mapped');
    if (kind === 'roster') return mapRoster(row, ctx);
    return mapEvent(row, ctx, kind);
  };

  return { mapRow, finish };
}

/**
 * The CERT Insider Threat Test Dataset (Carnegie Mellon SEI, releases r1 to r6.2), read from a
 * local copy: `logon.csv` as sessions (ended by the Logoff on the same PC), `device.csv` as
 * removable media connected and removed, `file.csv` as files copied to removable media or file
 * access, `http.csv` as web visits, downloads and uploads, `email.csv` as sent mail (counts and
 * domains, never content), and the monthly LDAP rosters as subjects with role, team, manager,
 * roster changes and the start and end their months imply. Pass all files to one import.
 * The dataset's licence forbids redistribution: nothing of it ships with redflags.
 */
export const certInsiderConnector = defineConnector({
  id: 'cert-insider',
  title: 'CERT Insider Threat Test Dataset',
  docs: [
    { title: 'Insider Threat Test Dataset (CMU SEI, KiltHub)', url: 'https://kilthub.cmu.edu/articles/dataset/Insider_Threat_Test_Dataset/12841247' },
    {
      title: 'Release readme with the file layouts (r4.2 readme, as mirrored in research code)',
      url: 'https://github.com/wind9hawk/Experiment-JobSatisfactory-201808/blob/master/readme.txt',
    },
  ],
  format: 'csv',
  detect: (row) => kindOf(row) !== undefined,
  // Without an import session (createImporter makes one), roster rows cannot be gathered: they are skipped, never lost.
  mapRow: (row, ctx) => (kindOf(row) === 'roster' ? skip('LDAP roster row read without an import session') : createCertSession().mapRow(row, ctx)),
  createSession: createCertSession,
});
