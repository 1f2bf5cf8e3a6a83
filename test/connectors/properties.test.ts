import { fc, test } from '@fast-check/vitest';
import type { Connector } from '../../src/connectors/contract';
import { csvMappings } from '../../src/connectors/mappings/index';
import { createImporter, type ImportedRecord } from '../../src/connectors/run';
import { csvConnector } from '../../src/connectors/sources/csv-mapping';
import { entraConnector } from '../../src/connectors/sources/entra';
import { certInsiderConnector } from '../../src/connectors/sources/cert-insider';
import { checkrConnector } from '../../src/connectors/sources/checkr';
import { githubAuditConnector } from '../../src/connectors/sources/github-audit';
import { googleWorkspaceConnector } from '../../src/connectors/sources/google-workspace';
import { oktaConnector } from '../../src/connectors/sources/okta';
import { createScorer } from '../../src/defaults';
import { safeParseEvent, safeParseSubject } from '../../src/records/validate';
import { leafPaths } from './support';

// Strings that do not look like JSON: the reader would read "{...}" text as an object (Log Analytics writes so).
const text = fc.string({ maxLength: 12 }).filter((s) => !/^\s*[[{]/.test(s));
const junk = fc.oneof(fc.constant(null), fc.constant(''), text, fc.integer(), fc.double({ noNaN: false }), fc.boolean());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 3 }, { arbitrary: junk, weight: 1 });
const times = fc.constantFrom('2024-04-02T09:00:00Z', '2024-04-02 10:00:00.000000000', '1712050000', '2024-04-02T11:30:00+02:00', '2024-02-30T00:00:00Z');
const accounts = fc.constantFrom('ana@corp.example', 'Ana@corp.example', 'kofi@corp.example');
const countries = fc.constantFrom('Brazil', 'BR', 'bra', 'Atlantis', 'United States', 'de');
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.option(fc.record(shape, { requiredKeys: [] }), { nil: null });

const oktaRow = fc.record(
  {
    uuid: maybe(fc.constantFrom('u1', 'u2', 'u3')),
    published: maybe(times),
    eventType: maybe(
      fc.constantFrom(
        'user.session.start',
        'user.session.end',
        'user.authentication.sso',
        'user.authentication.auth_via_mfa',
        'user.mfa.factor.activate',
        'security.session.detect_client_roaming',
        'user.account.lock',
      ),
    ),
    actor: partial({ alternateId: maybe(accounts), id: junk, type: junk, displayName: junk }),
    client: partial({
      ipAddress: maybe(fc.constantFrom('203.0.113.7', '198.51.100.20')),
      userAgent: partial({ rawUserAgent: junk, os: junk }),
      geographicalContext: partial({
        country: maybe(countries),
        city: junk,
        state: junk,
        geolocation: partial({ lat: maybe(fc.double({ min: -100, max: 100 })), lon: junk }),
      }),
    }),
    securityContext: partial({
      asNumber: maybe(fc.integer({ min: -5, max: 70000 })),
      asOrg: junk,
      isProxy: maybe(fc.constantFrom('true', 'false', true)),
      domain: junk,
      isp: junk,
    }),
    authenticationContext: partial({ externalSessionId: maybe(fc.constantFrom('s1', 's2')), credentialType: junk }),
    outcome: partial({ result: maybe(fc.constantFrom('SUCCESS', 'FAILURE', 'CHALLENGE', 'ALLOW')), reason: junk }),
    debugContext: partial({
      debugData: fc.dictionary(
        fc.constantFrom('deviceFingerprint', 'dtHash', 'factor', 'behaviors', 'risk', 'threatSuspected', 'brandNew'),
        maybe(fc.constantFrom('OKTA_VERIFY_PUSH', '{level=HIGH}', 'true')),
      ),
    }),
    device: partial({ id: junk, managed: junk, os_platform: junk }),
    target: fc.option(
      fc.array(partial({ type: maybe(fc.constantFrom('AppInstance', 'User', 'AuthenticatorEnrollment')), displayName: junk, alternateId: maybe(accounts) }), {
        maxLength: 2,
      }),
      { nil: null },
    ),
    surprise: junk,
  },
  { requiredKeys: [] },
);

const entraSignIn = fc.record(
  {
    id: maybe(fc.constantFrom('e1', 'e2', 'e3')),
    createdDateTime: maybe(times),
    userPrincipalName: maybe(accounts),
    ipAddress: junk,
    isInteractive: junk,
    signInEventTypes: fc.option(fc.array(fc.constantFrom('interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'odd'), { maxLength: 2 }), { nil: null }),
    status: partial({ errorCode: maybe(fc.constantFrom(0, 50126, '0')), failureReason: junk }),
    location: partial({ countryOrRegion: maybe(countries), city: junk, geoCoordinates: partial({ latitude: junk, longitude: junk }) }),
    deviceDetail: partial({ deviceId: junk, isManaged: junk, isCompliant: junk, operatingSystem: junk }),
    authenticationDetails: fc.option(
      fc.array(
        partial({
          authenticationMethod: maybe(fc.constantFrom('Password', 'Mobile app notification', 'Previously satisfied', 'FIDO2 security key')),
          succeeded: junk,
          authenticationStepDateTime: maybe(times),
          authenticationMethodDetail: junk,
        }),
        { maxLength: 3 },
      ),
      { nil: null },
    ),
    riskLevelDuringSignIn: maybe(fc.constantFrom('none', 'low', 'high', 'hidden')),
    riskEventTypes_v2: fc.option(fc.array(text, { maxLength: 2 }), { nil: null }),
    autonomousSystemNumber: junk,
    surprise: junk,
  },
  { requiredKeys: [] },
);
const entraRow = fc.oneof(
  entraSignIn,
  fc.record(
    { category: maybe(fc.constantFrom('SignInLogs', 'NonInteractiveUserSignInLogs')), time: junk, properties: entraSignIn },
    { requiredKeys: ['properties'] },
  ),
);

const googleRow = fc.record(
  {
    id: fc.record(
      { time: maybe(times), uniqueQualifier: maybe(fc.constantFrom('q1', 'q2', 'q3')), applicationName: maybe(fc.constantFrom('login', 'login', 'drive')) },
      { requiredKeys: ['time'] },
    ),
    actor: partial({ email: maybe(accounts), profileId: junk }),
    ipAddress: maybe(fc.constantFrom('203.0.113.7', '198.51.100.20')),
    networkInfo: partial({
      ipAsn: fc.option(fc.array(maybe(fc.integer({ min: 0, max: 70000 })), { maxLength: 2 }), { nil: null }),
      regionCode: maybe(countries),
    }),
    events: fc.option(
      fc.array(
        partial({
          name: maybe(fc.constantFrom('login_success', 'login_failure', 'logout', 'login_verification', '2sv_enroll', 'suspicious_login', 'password_edit')),
          parameters: fc.option(
            fc.array(
              partial({
                name: maybe(fc.constantFrom('login_challenge_method', 'is_suspicious', 'login_failure_type', 'odd')),
                value: junk,
                boolValue: junk,
                multiValue: fc.option(fc.array(text, { maxLength: 2 }), { nil: null }),
              }),
              { maxLength: 3 },
            ),
            { nil: null },
          ),
        }),
        { maxLength: 2 },
      ),
      { nil: null },
    ),
    surprise: junk,
  },
  // Most generated activities are complete enough to be logins; the rest exercise the skips.
  { requiredKeys: ['id', 'actor', 'events'] },
);

const githubRow = fc.record(
  {
    action: maybe(
      fc.constantFrom(
        'pull_request.merge',
        'pull_request.create',
        'pull_request_review.submit',
        'pull_request_review.dismiss',
        'protected_branch.policy_override',
        'protected_branch.update',
        'repo.access',
        'git.clone',
        'git.fetch',
        'repo.download_zip',
        'org.update_member',
        'repo.add_member',
        'team.add_member',
        'issue.create',
      ),
    ),
    '@timestamp': maybe(fc.constantFrom(1712088000000, '1712088000000', 1712091600000)),
    created_at: maybe(times),
    _document_id: maybe(fc.constantFrom('d1', 'd2', 'd3')),
    actor: maybe(fc.constantFrom('Ana-Ruiz', 'kofi', 'owner-olu')),
    user: maybe(fc.constantFrom('ana-ruiz', 'Kofi')),
    repo: maybe(fc.constantFrom('acme/payments', 'acme/ledger')),
    org: junk,
    actor_ip: maybe(fc.constantFrom('203.0.113.7', 'not-an-ip')),
    actor_location: partial({ country_code: maybe(countries), country_name: junk }),
    visibility: maybe(fc.constantFrom('public', 'private', 'internal', 'secret')),
    permission: maybe(fc.constantFrom('admin', 'maintain', 'write', 'read')),
    branch: junk,
    pull_request_url: maybe(fc.constantFrom('https://github.com/acme/payments/pull/42', 'https://github.com/acme/payments/pull/43', 'nope')),
    pull_request_id: junk,
    review_id: maybe(fc.constantFrom(1, 2, '3')),
    review_state: maybe(fc.constantFrom('approved', 'APPROVED', 'changes_requested', 'commented', 'LGTM')),
    surprise: junk,
  },
  { requiredKeys: ['action', 'actor'] },
);

const certCell = (values: readonly string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 4 }, { arbitrary: fc.oneof(fc.constant(''), text), weight: 1 });
const certEvent = {
  id: certCell(['{A-1}', '{A-2}', '{A-3}']),
  date: certCell(['01/04/2010 08:00:00', '1/4/2010 8:05', '02/30/2010 08:00:00', '2010-01-04T09:00:00Z']),
  user: certCell(['ACM2278', 'DTAA/acm2278', 'CSC0217']),
  pc: certCell(['PC-6377', 'PC-1200']),
};
const certRow = fc.oneof(
  fc.record({ ...certEvent, activity: certCell(['Logon', 'Logoff', 'Connect', 'Disconnect', 'Eject']) }, { requiredKeys: [] }),
  fc.record(
    { ...certEvent, url: certCell(['http://wikileaks.org/x', 'indeed.com/jobs']), activity: certCell(['WWW Visit', 'WWW Upload', 'Nope']), content: text },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      ...certEvent,
      filename: certCell(['R:\\a.doc', 'C:\\b']),
      activity: certCell(['File Copy', 'File Open', 'x']),
      to_removable_media: certCell(['True', 'False', 'maybe']),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      ...certEvent,
      to: certCell(['a@dtaa.com;b@gmail.example', '']),
      cc: text,
      bcc: text,
      from: text,
      activity: certCell(['Send', 'View']),
      size: text,
      attachments: certCell(['2', 'a.pdf(100);b.txt', '']),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      employee_name: certCell(['Ada Byron', 'Tom Kilburn']),
      user_id: certCell(['ACM2278', 'CSC0217']),
      email: text,
      role: text,
      team: text,
      department: text,
      supervisor: certCell(['Ada Byron', '']),
      business_unit: text,
    },
    { requiredKeys: [] },
  ),
);

const checkrReport = fc.record(
  {
    id: maybe(fc.constantFrom('rep_1', 'rep_2', 'rep_3')),
    object: maybe(fc.constantFrom('report', 'report', 'candidate')),
    status: maybe(fc.constantFrom('pending', 'complete', 'dispute', 'suspended', 'canceled', 'exploded')),
    result: maybe(fc.constantFrom('clear', 'consider')),
    assessment: maybe(fc.constantFrom('eligible', 'review', 'escalated', 'odd')),
    package: junk,
    created_at: maybe(times),
    completed_at: maybe(times),
    candidate_id: maybe(fc.constantFrom('cand_1', 'Cand_1', 'cand_2')),
    custom_id: maybe(fc.constantFrom('EMP-1', 'emp-2')),
    ssn_trace: partial({
      id: maybe(fc.constantFrom('ssn_1', 'ssn_2')),
      status: maybe(fc.constantFrom('complete', 'pending')),
      death_index: maybe(fc.boolean()),
      ssn_already_taken: maybe(fc.boolean()),
      no_data: junk,
      addresses: fc.option(
        fc.array(
          partial({
            street: junk,
            city: junk,
            state: junk,
            zipcode: junk,
            from_date: maybe(fc.constantFrom('2015-03-01', '2009-01', '03/01/2015')),
            to_date: junk,
          }),
          { maxLength: 2 },
        ),
        { nil: null },
      ),
    }),
    surprise: junk,
  },
  { requiredKeys: ['id', 'candidate_id'] },
);
const checkrRow = fc.oneof(
  checkrReport,
  fc.record({ id: junk, object: fc.constant('event'), type: fc.constantFrom('report.completed', 'report.created'), data: fc.record({ object: checkrReport }) }),
);

const hris = csvConnector(csvMappings['hris']!);
const hrisColumns = [
  'Work Email',
  'Employee ID',
  'First Name',
  'Last Name',
  'Employee Type',
  'Employment Status',
  'Hire Date',
  'Country',
  'Time Zone',
  'Work Arrangement',
  'Gender',
  'Shoe Size',
];
const csvCell = fc.oneof(
  fc.constant(''),
  text,
  fc.constantFrom('a@corp.example', 'Active', 'Contractor', '2024-01-15', '2024-02-30', 'Brazil', 'XX', 'America/Chicago', 'Mars/Base', 'Remote'),
);
const hrisRow = fc.dictionary(fc.constantFrom(...hrisColumns), csvCell);
const ats = csvConnector(csvMappings['ats']!);
// The shipped ATS mapping's columns, columns it ignores (EEOC self-identification among them) and one it does not know.
const atsColumns = [
  'Candidate ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone',
  'Country',
  'City',
  'Job',
  'Source',
  'Source Type',
  'Applied At',
  'Offer Date',
  'Start Date',
  'Status',
  'Current Company',
  'LinkedIn URL',
  'Desired Salary',
  'Salary Currency',
  'Gender',
  'Notes',
  'Favourite Colour',
];
const atsCell = fc.oneof(
  csvCell,
  fc.constantFrom(
    'cand-7',
    'Agency',
    'referral',
    'Hired',
    'Offer Extended',
    '2024-03-01T10:00:00Z',
    '03/01/2024',
    '120000',
    '120k',
    'USD',
    'https://www.linkedin.com/in/ana',
    'BRA',
  ),
);
const atsRow = fc.dictionary(fc.constantFrom(...atsColumns), atsCell);

const cases: readonly [string, Connector, fc.Arbitrary<unknown>][] = [
  ['okta', oktaConnector, oktaRow],
  ['entra', entraConnector, entraRow],
  ['google-workspace', googleWorkspaceConnector, googleRow],
  ['csv (hris mapping)', hris, hrisRow],
  ['csv (ats mapping)', ats, atsRow],
  ['github-audit', githubAuditConnector, githubRow],
  ['cert-insider', certInsiderConnector, certRow],
  ['checkr', checkrConnector, checkrRow],
];

function importValues(connector: Connector, values: readonly unknown[], emitSubjects = false) {
  const importer = createImporter(connector, { emitSubjects });
  const records: ImportedRecord[] = [];
  for (const value of values) records.push(...importer.push({ value }));
  records.push(...importer.finish());
  return { records, report: importer.report() };
}

function valid(record: ImportedRecord): boolean {
  const { recordType, ...fields } = record;
  return (recordType === 'subject' ? safeParseSubject(fields) : safeParseEvent(fields)).success;
}

describe.each(cases)('connector properties: %s', (_name, connector, row) => {
  it('generates rows that map, rows that end sessions and rows that are skipped', () => {
    // Each row alone, so duplicate ids between generated rows do not hide mapped ones.
    const reports = fc.sample(row, { numRuns: 300, seed: 42 }).map((value) => importValues(connector, [value]).report);
    expect(reports.filter((r) => r.rows.mapped === 1).length).toBeGreaterThan(10);
    expect(reports.filter((r) => r.rows.skipped === 1).length).toBeGreaterThan(20);
    expect(reports.some((r) => r.fields.invalid.length + r.fields.unmapped.length > 0)).toBe(true);
  });

  test.prop([row], { numRuns: 150 })('writes valid records without nulls, or lists the row as skipped; every row is counted', (value) => {
    const { records, report } = importValues(connector, [value]);
    expect(records.every(valid)).toBe(true);
    expect(JSON.stringify(records)).not.toMatch(/:null[,}\]]/);
    expect(report.rows.read).toBe(1);
    expect(report.rows.mapped + report.rows.sessionEnds + report.rows.skipped).toBe(1);
    if (report.rows.skipped === 1) expect(report.skipped.rows[0]?.reason).toMatch(/\w/);
  });

  test.prop([row], { numRuns: 150 })('accounts for every field of a mapped row: mapped, ignored, invalid or unmapped', (value) => {
    const { report } = importValues(connector, [value]);
    fc.pre(report.rows.mapped + report.rows.sessionEnds === 1);
    const counted = new Set(
      [...report.fields.mapped, ...report.fields.ignored, ...report.fields.invalid, ...report.fields.unmapped].map((f) => f.path.toLowerCase()),
    );
    for (const path of leafPaths(value)) expect(counted, path).toContain(path);
  });

  test.prop([fc.array(row, { maxLength: 6 })], { numRuns: 60 })('gives the same records and report when run twice', (values) => {
    expect(importValues(connector, values)).toEqual(importValues(connector, values));
  });
});

function withUniqueIds(connector: Connector, values: readonly unknown[]): unknown[] {
  // Conflicting duplicates keep the first row by design; order independence holds for distinct ids.
  return values.map((value, i) => {
    if (value === null || typeof value !== 'object') return value;
    if (connector === oktaConnector) return { ...value, uuid: `u${i}` };
    if (connector === googleWorkspaceConnector) return { ...value, id: { ...((value as { id?: object }).id ?? {}), uniqueQualifier: `q${i}` } };
    if (connector === githubAuditConnector) return { ...value, _document_id: `d${i}` };
    if (connector === certInsiderConnector) return 'user_id' in value ? value : { ...value, id: `{${i}}` };
    if (connector === hris) return { ...value, 'Work Email': `p${i}@corp.example` };
    if (connector === ats) return { ...value, 'Candidate ID': `${i}` };
    if (connector === entraConnector)
      return 'properties' in value ? { ...value, properties: { ...(value as { properties: object }).properties, id: `e${i}` } } : { ...value, id: `e${i}` };
    return value;
  });
}

const scorer = createScorer();
function scored(records: readonly ImportedRecord[]): string {
  const subjects = records.filter((r) => r.recordType === 'subject').map(({ recordType: _, ...r }) => r);
  const events = records.filter((r) => r.recordType === 'event').map(({ recordType: _, ...r }) => r);
  const result = scorer.scoreBatch({ asOf: '2024-06-01T00:00:00Z', subjects, events });
  return JSON.stringify([...result.reports].sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1)));
}

describe.each(cases)('connector properties: %s', (_name, connector, row) => {
  test.prop([fc.array(row, { maxLength: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 })], { numRuns: 40 })(
    'scores the same whatever the order of the input rows',
    (values, keys) => {
      const rows = withUniqueIds(connector, values);
      const shuffled = rows
        .map((v, i) => [keys[i] ?? 0, i, v] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([, , v]) => v);
      const a = importValues(connector, rows, true);
      const b = importValues(connector, shuffled, true);
      const byId = (r: readonly ImportedRecord[]) => [...r].map((x) => JSON.stringify(x)).sort();
      expect(byId(b.records)).toEqual(byId(a.records));
      expect(scored(b.records)).toBe(scored(a.records));
    },
    120_000,
  );
});
