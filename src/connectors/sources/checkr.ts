import { compareText } from '../../engine/order';
import { defineConnector, skip, type ConnectorSession, type MapContext, type RecordDraft, type RowResult } from '../contract';
import { canonicalJson } from '../helpers/values';
import type { FieldReader } from '../reader';
import { lookupTable } from '../../util/lookupTable';

const statuses: Readonly<Record<string, 'pending' | 'complete' | 'suspended' | 'disputed' | 'canceled'>> = /* @__PURE__ */ lookupTable({
  pending: 'pending',
  complete: 'complete',
  clear: 'complete',
  consider: 'complete',
  suspended: 'suspended',
  dispute: 'disputed',
  disputed: 'disputed',
  canceled: 'canceled',
  cancelled: 'canceled',
});
const results: Readonly<Record<string, 'clear' | 'consider'>> = /* @__PURE__ */ lookupTable({ clear: 'clear', consider: 'consider' });
const assessments: Readonly<Record<string, 'eligible' | 'review' | 'escalated'>> = /* @__PURE__ */ lookupTable({
  eligible: 'eligible',
  review: 'review',
  escalated: 'escalated',
});

/** How far along a report is: a later delivery of the same report (webhook `report.completed` after `report.created`) wins. */
const progress: Readonly<Record<string, number>> = /* @__PURE__ */ lookupTable({ pending: 0, suspended: 1, disputed: 2, canceled: 3, complete: 3 });

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

/** The object a row carries: itself, or the `data.object` of a webhook event. */
function objectOf(row: FieldReader): FieldReader {
  const inner = row.object('data.object');
  if (inner === undefined) return row;
  row.used('type');
  row.ignore('id', 'id of the webhook event: the object id is the record id');
  row.ignore('object', 'always event');
  row.ignore('created_at', 'when the webhook event was sent');
  row.ignore('account_id', 'Checkr account');
  return inner;
}

/** Candidate fields left out: the link is custom_id; the rest is the person's data, which HR records hold. */
const candidateIgnored: Readonly<Record<string, string>> = /* @__PURE__ */ lookupTable({
  object: 'always candidate',
  uri: 'API address of the candidate',
  created_at: 'when the candidate was created at Checkr',
  email: "the candidate's own e-mail (often personal): custom_id ties the candidate to the employer's id",
  first_name: 'names come from HR data onto the subject',
  middle_name: 'names come from HR data onto the subject',
  no_middle_name: 'names come from HR data onto the subject',
  last_name: 'names come from HR data onto the subject',
  mother_maiden_name: 'personal data: never kept',
  dob: 'date of birth: never kept by this connector',
  ssn: 'the SSN (redacted by Checkr): never kept',
  driver_license_number: 'personal data: never kept',
  driver_license_state: 'personal data: never kept',
  previous_driver_license_number: 'personal data: never kept',
  previous_driver_license_state: 'personal data: never kept',
  phone: 'contact data comes from HR records',
  zipcode: 'address data: the SSN trace gives the address history',
  copy_requested: 'whether the candidate asked for a copy of the report',
  adjudication: "the employer's adverse-action stage",
  metadata: 'free-form data the employer attached',
  report_ids: 'the reports are read from their own rows',
  geo_ids: 'Checkr geos of the candidate',
  work_locations: 'where the job is: not the person',
});

/**
 * A Checkr candidate: its `custom_id` (the employer's own id for the person, set when the
 * candidate was created) ties the candidate's reports to that subject, through the subject map
 * like any account.
 */
function mapCandidate(candidate: FieldReader, ctx: MapContext): { candidateId: string; subjectId: string } | { skip: string } {
  const candidateId = candidate.string('id');
  if (candidateId === undefined) return { skip: 'candidate without an id' };
  const customId = candidate.string('custom_id');
  if (customId === undefined) return { skip: `candidate "${candidateId}" without a custom_id: nothing ties it to a subject (its reports use candidate_id)` };
  const subjectId = ctx.subjectIdFor(customId);
  if (subjectId === undefined) return { skip: `no subject for custom_id "${customId}" of candidate "${candidateId}"` };
  candidate.ignoreAll(candidateIgnored);
  return { candidateId, subjectId };
}

function mapReport(report: FieldReader, ctx: MapContext): { candidateId: string; fallback: string | undefined; held: Held } | { skip: string } {
  const object = report.string('object')?.toLowerCase();
  if (object !== undefined && object !== 'report') return { skip: `a Checkr ${object}, not a report or candidate` };
  const id = report.string('id');
  if (id === undefined) return { skip: 'report without an id' };
  const candidate = report.string('candidate_id');
  if (candidate === undefined) return { skip: 'report without a candidate_id' };
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
  for (const key of report.keys())
    if (/_ids?$/.test(key) && key !== 'candidate_id') report.ignore(key, 'ids of the screenings in the report: their results are in result and assessment');
  const key = canonicalJson({ check, trace });
  return {
    candidateId: candidate,
    fallback: ctx.subjectIdFor(candidate),
    held: { check, ...(trace !== undefined ? { trace } : {}), rank: progress[status ?? 'pending'] ?? 0, key },
  };
}

/**
 * Keeps the better of two deliveries of one report id: the most advanced status, then the
 * smaller canonical JSON, so the kept delivery does not depend on the order of the rows.
 */
function keepBetter(reports: Map<string, Held>, id: string, held: Held): void {
  const previous = reports.get(id);
  if (previous === undefined || held.rank > previous.rank || (held.rank === previous.rank && compareText(held.key, previous.key) < 0)) reports.set(id, held);
}

function createCheckrSession(): ConnectorSession {
  // Candidate id to report id to the most advanced delivery of the report.
  const byCandidate = new Map<string, Map<string, Held>>();
  // Candidate id to the subject its candidate_id maps to (undefined: the subject map has no entry).
  const fallbacks = new Map<string, string | undefined>();
  // Candidate id to the subjects its custom_id maps to (several only if deliveries disagree).
  const links = new Map<string, Set<string>>();
  return {
    mapRow(row, ctx): RowResult {
      const inner = objectOf(row);
      if (inner.string('object')?.toLowerCase() === 'candidate') {
        const linked = mapCandidate(inner, ctx);
        if ('skip' in linked) return skip(linked.skip);
        const set = links.get(linked.candidateId) ?? new Set<string>();
        set.add(linked.subjectId);
        links.set(linked.candidateId, set);
        return { held: true };
      }
      const mapped = mapReport(inner, ctx);
      if ('skip' in mapped) return skip(mapped.skip);
      fallbacks.set(mapped.candidateId, mapped.fallback);
      const reports = byCandidate.get(mapped.candidateId) ?? new Map<string, Held>();
      const id = String(mapped.held.check?.['id']);
      keepBetter(reports, id, mapped.held);
      byCandidate.set(mapped.candidateId, reports);
      return { held: true };
    },
    finish(): RecordDraft[] {
      // Candidates resolve to subjects first (custom_id, else candidate_id), so two candidates of one person give one subject.
      // Report id to report per subject: two candidates of one subject may deliver the same report id.
      const bySubject = new Map<string, Map<string, Held>>();
      const unresolved: string[] = [];
      for (const [candidateId, reports] of byCandidate) {
        const linked = [...(links.get(candidateId) ?? [])].sort(compareText)[0];
        const subjectId = linked ?? fallbacks.get(candidateId);
        if (subjectId === undefined) {
          unresolved.push(candidateId);
          continue;
        }
        const merged = bySubject.get(subjectId) ?? new Map<string, Held>();
        for (const [id, held] of reports) keepBetter(merged, id, held);
        bySubject.set(subjectId, merged);
      }
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
      // The reports of a candidate with no subject (neither its custom_id nor its candidate_id is in the subject map):
      // a draft without an id, which the runner refuses and counts under droppedRecordFields, so the loss is reported.
      for (const candidateId of unresolved.sort(compareText))
        drafts.push({
          recordType: 'subject',
          record: { id: undefined, backgroundChecks: [...(byCandidate.get(candidateId)?.keys() ?? [])].sort(compareText).map((id) => ({ id })) },
        });
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
 * Candidate objects in the same import (list pages, `candidate.*` webhooks) key their reports by
 * the candidate's `custom_id` (the employer's id), through the subject map like any account.
 */
export const checkrConnector = defineConnector({
  id: 'checkr',
  title: 'Checkr background-check reports',
  docs: [
    { title: 'Checkr API: reports', url: 'https://docs.checkr.com/apis/openapi/reports' },
    { title: 'Checkr API: SSN trace', url: 'https://docs.checkr.com/apis/openapi/ssn-trace' },
    { title: 'Checkr API: candidates (custom_id)', url: 'https://docs.checkr.com/apis/openapi/candidates' },
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
  detect: (row) =>
    row.has('candidate_id') ||
    row.has('data.object.candidate_id') ||
    row.string('object')?.toLowerCase() === 'candidate' ||
    row.string('data.object.object')?.toLowerCase() === 'candidate',
  mapRow: (row, ctx) => {
    const mapped = mapReport(objectOf(row), ctx);
    return 'skip' in mapped ? skip(mapped.skip) : skip('Checkr reports read without an import session');
  },
  createSession: createCheckrSession,
});
