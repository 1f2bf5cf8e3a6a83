import { compareText } from '../../engine/order';
import { defineConnector, skip, type ConnectorSession, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { canonicalJson } from '../helpers/values';
import type { FieldReader } from '../reader';

const statuses: Readonly<Record<string, 'pending' | 'complete' | 'suspended' | 'disputed' | 'canceled'>> = {
  pending: 'pending',
  complete: 'complete',
  clear: 'complete',
  consider: 'complete',
  suspended: 'suspended',
  dispute: 'disputed',
  disputed: 'disputed',
  canceled: 'canceled',
  cancelled: 'canceled',
};
const results: Readonly<Record<string, 'clear' | 'consider'>> = { clear: 'clear', consider: 'consider' };
const assessments: Readonly<Record<string, 'eligible' | 'review' | 'escalated'>> = { eligible: 'eligible', review: 'review', escalated: 'escalated' };

/** How far along a report is: a later delivery of the same report (webhook `report.completed` after `report.created`) wins. */
const progress: Readonly<Record<string, number>> = { pending: 0, suspended: 1, disputed: 2, canceled: 3, complete: 3 };

/** SSN-trace flags, strongest first: the first one set gives the outcome. */
const traceFlags: readonly (readonly [string, 'deceased' | 'belongs-to-other' | 'no-record' | 'inconclusive'])[] = [
  ['death_index', 'deceased'],
  ['ssn_already_taken', 'belongs-to-other'],
  ['no_data', 'no-record'],
  ['name_mismatch', 'inconclusive'],
  ['dob_mismatch', 'inconclusive'],
  ['data_source_mismatch', 'inconclusive'],
  ['invalid_issuance_year', 'inconclusive'],
  ['thin_file', 'inconclusive'],
];

interface Held {
  readonly check?: Record<string, unknown>;
  readonly trace?: Record<string, unknown>;
  readonly rank: number;
  readonly key: string;
}

function ssnTrace(trace: FieldReader, source: string): Record<string, unknown> | undefined {
  const id = trace.string('id');
  if (id === undefined) return undefined;
  const status = trace.string('status')?.toLowerCase();
  const set = traceFlags.filter(([flag]) => trace.boolean(flag) === true);
  trace.ignore('ssn', 'the SSN (redacted by Checkr): never kept');
  trace.ignore('result', 'always null: the SSN trace is not a reportable screening');
  trace.ignore('issued_state', 'where the SSN was issued: not compared');
  trace.ignore('issued_year', 'when the SSN was issued: the invalid_issuance_year flag is read');
  trace.ignore('aliases', 'other names on the SSN: not mapped');
  if (status !== 'complete') return undefined;
  return {
    id: `${source}:${id}`,
    kind: 'ssn-trace',
    provider: 'checkr',
    at: trace.time('completed_at'),
    outcome: set[0]?.[1] ?? 'consistent',
    // Checkr: the SSN trace is not part of the consumer report.
    consumerReport: false,
    details: set.length > 0 ? `Checkr SSN trace flags: ${set.map(([flag]) => flag).join(', ')}` : undefined,
  };
}

function mapReport(row: FieldReader, ctx: MapContext): { subjectId: string; held: Held } | { skip: string } {
  const report = row.object('data.object') ?? row;
  if (report !== row) {
    row.used('type');
    row.ignore('id', 'id of the webhook event: the report id is the record id');
    row.ignore('object', 'always event');
    row.ignore('created_at', 'when the webhook event was sent');
    row.ignore('account_id', 'Checkr account');
  }
  const object = report.string('object')?.toLowerCase();
  if (object !== undefined && object !== 'report') return { skip: `a Checkr ${object}, not a report` };
  const id = report.string('id');
  if (id === undefined) return { skip: 'report without an id' };
  const candidate = report.string('candidate_id');
  if (candidate === undefined) return { skip: 'report without a candidate_id' };
  const subjectId = ctx.subjectIdFor(candidate);
  if (subjectId === undefined) return { skip: `no subject for account "${candidate}"` };
  const status = report.oneOf('status', statuses, 'not a Checkr report status');
  const traceReader = report.object('ssn_trace');
  const check = {
    id: `${ctx.source}:${id}`,
    provider: 'checkr',
    package: report.string('package'),
    orderedAt: report.time('created_at'),
    completedAt: report.time('completed_at'),
    status,
    result: report.oneOf('result', results, 'not clear or consider'),
    assessment: report.oneOf('assessment', assessments, 'not eligible, review or escalated'),
    addressHistory: traceReader?.list('addresses').map((a) => ({
      line1: a.string('street'),
      line2: a.string('unit'),
      city: a.string('city'),
      region: a.string('state'),
      postalCode: a.string('zipcode'),
      // Checkr traces are US only; the address object has no country.
      country: 'US',
      from: a.date('from_date'),
      to: a.date('to_date'),
    })),
    consumerReport: true,
    source: 'checkr',
  };
  traceReader?.list('addresses').forEach((a) => a.ignore('county', 'county of the address: the city and state are kept'));
  const trace = traceReader === undefined ? undefined : ssnTrace(traceReader, ctx.source);
  report.ignore('object', 'always report');
  report.ignore('uri', 'API address of the report');
  report.ignore('adjudication', "the employer's adverse-action stage, not the report's finding");
  for (const key of report.keys()) if (/_ids?$/.test(key) && key !== 'candidate_id') report.ignore(key, 'ids of the screenings in the report: their results are in result and assessment');
  const key = canonicalJson({ check, trace });
  return { subjectId, held: { check, ...(trace !== undefined ? { trace } : {}), rank: progress[status ?? 'pending'] ?? 0, key } };
}

function createCheckrSession(): ConnectorSession {
  // Subject id to report id to the most advanced delivery of the report.
  const bySubject = new Map<string, Map<string, Held>>();
  return {
    mapRow(row, ctx): RowResult {
      const mapped = mapReport(row, ctx);
      if ('skip' in mapped) return skip(mapped.skip);
      const reports = bySubject.get(mapped.subjectId) ?? new Map<string, Held>();
      const id = String(mapped.held.check?.['id']);
      const previous = reports.get(id);
      if (previous === undefined || mapped.held.rank > previous.rank || (mapped.held.rank === previous.rank && compareText(mapped.held.key, previous.key) < 0)) reports.set(id, mapped.held);
      bySubject.set(mapped.subjectId, reports);
      return { held: true };
    },
    finish(): RecordDraft[] {
      const drafts: RecordDraft[] = [];
      for (const subjectId of [...bySubject.keys()].sort(compareText)) {
        const reports = [...(bySubject.get(subjectId) as Map<string, Held>).entries()].sort(([a], [b]) => compareText(a, b)).map(([, held]) => held);
        drafts.push({
          recordType: 'subject',
          record: {
            id: subjectId,
            backgroundChecks: reports.map((r) => r.check),
            identityChecks: reports.flatMap((r) => (r.trace !== undefined ? [r.trace] : [])),
          },
        });
      }
      return drafts;
    },
  };
}

/**
 * Checkr background-check reports (API `GET /v1/reports/{id}` with the SSN trace included, list
 * pages `{ data: [...] }`, and `report.*` webhook events): one subject per candidate with a
 * background check per report (status, result, Assess outcome, address history from the SSN
 * trace) and the SSN trace as an identity check (deceased, belongs to another person, no
 * record, or consistent). Written when the input ends, the latest delivery of each report kept.
 */
export const checkrConnector = defineConnector({
  id: 'checkr',
  title: 'Checkr background-check reports',
  docs: [
    { title: 'Checkr API: reports', url: 'https://docs.checkr.com/apis/openapi/reports' },
    { title: 'Checkr API: SSN trace', url: 'https://docs.checkr.com/apis/openapi/ssn-trace' },
    { title: 'Checkr: report status values', url: 'https://docs.checkr.com/use-cases/check-status' },
    { title: 'Checkr glossary (report, package, screening)', url: 'https://docs.checkr.com/references/glossary' },
  ],
  format: 'json',
  wrappers: ['data', 'value', 'records', 'items'],
  ignored: {
    turnaround_time: 'seconds the report took',
    estimated_completion_time: 'an estimate, not a fact',
    due_time: 'when the report was due',
    upgraded_at: 'when the package was upgraded',
    revised_at: 'when the report was revised: completed_at is read',
    includes_canceled: 'whether some screenings were canceled: the status is read',
    source: 'how the report was ordered (api, dashboard)',
    tags: 'tags the employer set on the report',
    program_id: 'Checkr program of the report',
    work_locations: 'where the job is: not the person',
    'ssn_trace.created_at': 'when the trace started',
    'ssn_trace.completed_at': 'when the trace completed: the identity check time when complete',
    'ssn_trace.turnaround_time': 'seconds the trace took',
    'ssn_trace.uri': 'API address of the trace',
    'ssn_trace.object': 'always ssn_trace',
    'ssn_trace.cancellation_reason': 'why the trace was canceled',
    'ssn_trace.cancellation_reason_description': 'why the trace was canceled',
  },
  detect: (row) => row.has('candidate_id') || row.has('data.object.candidate_id'),
  mapRow: (row, ctx) => {
    const mapped = mapReport(row, ctx);
    return 'skip' in mapped ? skip(mapped.skip) : skip('Checkr reports read without an import session');
  },
  createSession: createCheckrSession,
});
