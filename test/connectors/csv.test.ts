import { csvMappings } from '../../src/connectors/mappings/index';
import { checkCsvMapping, csvConnector } from '../../src/connectors/sources/csv-mapping';
import { byId, importFixture } from './support';

describe('CSV connector with a declarative mapping', () => {
  it('maps an HRIS export: BOM, CRLF, quoted commas and newlines, ISO dates and date-times, country names and codes, value maps', () => {
    const { records, report } = importFixture(csvConnector(csvMappings['hris']!), 'hris.csv');
    expect(byId(records, 'dana.whitfield@corp.example')).toEqual({
      recordType: 'subject',
      id: 'dana.whitfield@corp.example',
      kind: 'employee',
      role: 'Senior Backend Engineer',
      identity: {
        names: [{ value: 'Dana Whitfield', kind: 'legal', source: 'hris' }],
        residence: { country: 'US', region: 'TX', city: 'Austin', timeZone: 'America/Chicago', source: 'hris' },
      },
      contacts: {
        emails: [
          { address: 'dana.whitfield@corp.example', kind: 'work', source: 'hris' },
          { address: 'dana.w@mail.example', kind: 'personal', source: 'hris' },
        ],
        phones: [{ number: '+1 512 555 0100', source: 'hris' }],
      },
      accounts: [{ system: 'hris', accountId: '1001' }],
      position: { department: 'Engineering', team: 'Payments, Core', managerId: 'lee.chen@corp.example', workArrangement: 'remote', source: 'hris' },
      lifecycle: { status: 'active', startDate: '2024-01-15', source: 'hris' },
    });
    expect(byId(records, 'kofi.mensah@corp.example')).toMatchObject({
      kind: 'contractor',
      identity: { residence: { country: 'GB', city: 'London' } },
      lifecycle: { status: 'on-notice', startDate: '2023-06-01', endDate: '2024-05-31', endReason: 'resignation' },
      position: { workArrangement: 'hybrid' },
    });
    const ana = byId(records, 'ana.ruiz@corp.example');
    expect(ana).toMatchObject({
      identity: { names: [{ value: 'Ana Ruiz' }, { value: 'Ana "Annie" Ruiz', kind: 'preferred' }], residence: { city: 'Sao\nPaulo' } },
    });
    expect(ana?.['lifecycle']).toBeUndefined();
    expect(report.rows).toEqual({ read: 5, mapped: 3, sessionEnds: 0, skipped: 2 });
    expect(report.skipped.rows).toEqual([
      { row: 4, line: 6, reason: 'no value in the id column "Work Email"' },
      { row: 5, line: 7, reason: 'duplicate: every record of the row was given by an earlier row' },
    ]);
    expect(report.fields.invalid).toEqual([
      { path: 'Country', count: 1, reason: 'unknown country', examples: ['Atlantis'] },
      { path: 'Employment Status', count: 1, reason: "value not in the mapping's values", examples: ['Sabbatical'] },
      { path: 'Hire Date', count: 1, reason: 'not an ISO date', examples: ['2024-02-30'] },
    ]);
    expect(report.fields.ignored).toEqual([{ path: 'Gender', count: 2, reason: 'protected attribute: redflags never reads it' }]);
    expect(report.fields.unmapped).toEqual([{ path: 'Badge Color', count: 1 }]);
  });

  it('maps an ATS export: prefixes, date-times in any offset, amounts, nested entries kept only when whole', () => {
    const { records, report } = importFixture(csvConnector(csvMappings['ats']!), 'ats.csv');
    expect(byId(records, 'cand-48213')).toMatchObject({
      kind: 'applicant',
      appliedAt: '2024-01-02T14:03:00.000Z',
      offerAt: '2024-01-10T15:00:00.000Z',
      identity: { residence: { country: 'US', city: 'Austin', source: 'application-form' } },
      hiring: { channel: 'job-board', channelName: 'LinkedIn Jobs', requisitionId: 'REQ-77', source: 'ats' },
      lifecycle: { status: 'active' },
      employment: [{ id: 'ats-current-employer', organisation: 'Initech', role: 'Engineer' }],
      profiles: [
        { id: 'ats-linkedin', platform: 'linkedin', url: 'https://linkedin.com/in/dwhit' },
        { id: 'ats-github', platform: 'github', url: 'https://github.com/dwhit' },
      ],
      compensation: { rateAsked: 145000, currency: 'USD', period: 'year' },
    });
    const kofi = byId(records, 'cand-48214');
    expect(kofi).toMatchObject({ hiring: { channel: 'staffing-firm' }, identity: { residence: { country: 'GH' } } });
    // A title without an employer is no employment entry: the entry is dropped and counted.
    expect(kofi?.['employment']).toBeUndefined();
    expect(report.droppedRecordFields).toEqual([{ path: 'employment[].organisation', count: 1, reason: expect.stringContaining('expected string') }]);
    expect(report.fields.invalid.map((f) => [f.path, f.reason])).toEqual([
      ['Desired Salary', 'not a number'],
      ['Status', "value not in the mapping's values"],
    ]);
    expect(report.fields.ignored.map((f) => f.path)).toEqual(['Location', 'Notes']);
  });

  it('says what is wrong with a mapping file, with the path', () => {
    const result = checkCsvMapping({
      title: 'x',
      source: 'Bad Source',
      recordType: 'subject',
      id: { column: 'A' },
      columns: { B: { field: 'a..b' }, C: { field: 'x', typo: 1 } },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['source', 'columns.B.field', 'columns.C']);
  });
});
