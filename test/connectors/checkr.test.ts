import { checkrConnector } from '../../src/connectors/sources/checkr';
import { readRow } from '../../src/connectors/reader';
import { byId, fixture, importFixture, rowsOf, runImport } from './support';

describe('Checkr background-check connector', () => {
  const { records, report } = importFixture(checkrConnector, 'checkr-reports.json');

  it('gives one subject per candidate: a background check per report, address history and the SSN trace as an identity check', () => {
    const subject = byId(records, 'cand_e44aa283528e6fde7d542194');
    expect(subject?.['identityChecks']).toEqual([
      {
        id: 'checkr:ssn_539fd88c101897f7cd000001',
        kind: 'ssn-trace',
        provider: 'checkr',
        at: '2024-03-01T16:21:30.000Z',
        outcome: 'deceased',
        consumerReport: false,
        details: 'Checkr SSN trace flags: death_index, name_mismatch',
      },
    ]);
    expect(subject?.['backgroundChecks']).toEqual([
      {
        id: 'checkr:rep_4722c07dd9a10c3985ae432a',
        provider: 'checkr',
        package: 'driver_pro',
        orderedAt: '2024-03-01T16:20:00.000Z',
        completedAt: '2024-03-04T10:05:30.000Z',
        status: 'complete',
        result: 'consider',
        assessment: 'review',
        addressHistory: [
          { line1: '123 S Folsom St', line2: 'Apt 4', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', from: '2015-03-01' },
          { city: 'Dayton', region: 'OH', postalCode: '45402', country: 'US', from: '2009-01', to: '2015-02-28' },
        ],
        consumerReport: true,
        source: 'checkr',
      },
      {
        id: 'checkr:rep_9f1c',
        provider: 'checkr',
        package: 'tasker_standard',
        orderedAt: '2024-03-02T09:00:00.000Z',
        status: 'disputed',
        consumerReport: true,
        source: 'checkr',
      },
    ]);
  });

  it('keeps the completed delivery of a report whose webhook events arrive out of order', () => {
    expect(byId(records, 'cand_kofi')?.['backgroundChecks']).toEqual([
      {
        id: 'checkr:rep_77',
        provider: 'checkr',
        package: 'tasker_standard',
        orderedAt: '2024-03-05T12:00:00.000Z',
        completedAt: '2024-03-06T11:59:00.000Z',
        status: 'complete',
        result: 'clear',
        assessment: 'eligible',
        consumerReport: true,
        source: 'checkr',
      },
    ]);
    const reversed = runImport(checkrConnector, rowsOf(checkrConnector, fixture('checkr-reports.json')).reverse()).records;
    expect(reversed).toEqual(records);
  });

  it('accounts for every row and field', () => {
    expect(report.rows).toEqual({ read: 6, mapped: 4, sessionEnds: 0, skipped: 2 });
    expect(report.skipped.rows.map((r) => r.reason)).toEqual([
      'report without a candidate_id',
      'candidate "cand_x" without a custom_id: nothing ties it to a subject (its reports use candidate_id)',
    ]);
    expect(report.fields.unmapped).toEqual([]);
    expect(report.fields.ignored.map((f) => f.path)).toContain('ssn_trace.ssn');
    expect(JSON.stringify(records)).not.toContain('4645');
  });
});

describe("Checkr candidates tie reports to the employer's subject ids", () => {
  // HR subjects keyed by work e-mail; the candidates carry the employee number as custom_id.
  const hr: Readonly<Record<string, string>> = { 'emp-00417': 'jon.doe@corp.example', 'emp-00233': 'kofi.mensah@corp.example' };
  const rows = [...rowsOf(checkrConnector, fixture('checkr-candidates.json')), ...rowsOf(checkrConnector, fixture('checkr-reports.json'))];

  it("keys each subject by the candidate's custom_id through the subject map, whatever the order of the files", () => {
    const subjectIdOf = (account: string) => hr[account.trim().toLowerCase()] ?? account.trim().toLowerCase();
    const { records, report } = runImport(checkrConnector, rows, { subjectIdOf });
    expect(records.map((r) => [r['id'], (r['backgroundChecks'] as { id: string }[]).map((c) => c.id)])).toEqual([
      ['jon.doe@corp.example', ['checkr:rep_4722c07dd9a10c3985ae432a', 'checkr:rep_9f1c']],
      ['kofi.mensah@corp.example', ['checkr:rep_77']],
    ]);
    expect(runImport(checkrConnector, rows.slice().reverse(), { subjectIdOf }).records).toEqual(records);
    // Personal data of the candidate is never kept: counted as ignored, with why.
    expect(report.fields.ignored.map((f) => f.path)).toEqual(expect.arrayContaining(['email', 'dob', 'ssn', 'driver_license_number', 'data.object.email']));
    expect(JSON.stringify(records)).not.toMatch(/1970-01-22|personal@example/);
    expect(report.skipped.rows.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['candidate "cand_unlinked" without a custom_id: nothing ties it to a subject (its reports use candidate_id)']),
    );
  });

  it('two candidates of one subject delivering the same report id give one background check, whatever the order of the rows', () => {
    // Candidate ids that differ only by case map to one subject; the better delivery of rep_3 is kept either way.
    const subjectIdOf = (account: string) => account.trim().toLowerCase();
    const pending = { value: { id: 'rep_3', candidate_id: 'Cand_1', status: 'pending', ssn_trace: { id: 'ssn_0', status: 'complete' } } };
    const complete = { value: { id: 'rep_3', candidate_id: 'cand_1', status: 'complete', ssn_trace: { id: 'ssn_1', status: 'complete' } } };
    const forward = runImport(checkrConnector, [pending, complete], { subjectIdOf }).records;
    expect(runImport(checkrConnector, [complete, pending], { subjectIdOf }).records).toEqual(forward);
    expect(forward.map((r) => [r['id'], (r['backgroundChecks'] as { id: string; status: string }[]).map((c) => [c.id, c.status])])).toEqual([
      ['cand_1', [['checkr:rep_3', 'complete']]],
    ]);
    expect((forward[0]?.['identityChecks'] as { id: string }[]).map((c) => c.id)).toEqual(['checkr:ssn_1']);
  });

  it('with a subject map that knows neither the custom_id nor the candidate_id, skips the candidate and counts its reports as lost, never silently', () => {
    const only: Readonly<Record<string, string>> = { 'emp-00233': 'kofi.mensah@corp.example' };
    const { records, report } = runImport(checkrConnector, rows, { subjectIdOf: (account) => only[account.trim().toLowerCase()] });
    expect(records.map((r) => r['id'])).toEqual(['kofi.mensah@corp.example']);
    expect(report.skipped.rows.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'no subject for custom_id "EMP-00417" of candidate "cand_e44aa283528e6fde7d542194"',
        'no subject for custom_id "EMP-99999" of candidate "cand_nobody"',
      ]),
    );
    expect(report.droppedRecordFields).toEqual([
      expect.objectContaining({ path: '(record)', count: 1, reason: expect.stringContaining('not a valid subject: id') }),
    ]);
  });
  it('recognises its rows: reports, candidates and candidate webhooks, whatever the case of the object name', () => {
    const detect = (value: unknown) => checkrConnector.detect?.(readRow(value));
    expect([
      detect({ object: 'candidate', id: 'c1' }),
      detect({ object: 'Candidate', id: 'c1' }),
      detect({ type: 'candidate.created', data: { object: { object: 'candidate', id: 'c1' } } }),
      detect({ candidate_id: 'c1', object: 'report' }),
      detect({ object: 'invitation', id: 'i1' }),
    ]).toEqual([true, true, true, true, false]);
  });
});
