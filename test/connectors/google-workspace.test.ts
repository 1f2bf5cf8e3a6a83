import { googleWorkspaceConnector } from '../../src/connectors/sources/google-workspace';
import { byId, fixture, importFixture, rowsOf, runImport } from './support';

describe('Google Workspace login audit connector', () => {
  const { records, report } = importFixture(googleWorkspaceConnector, 'google-login-audit.json');

  it('maps a login with its challenge methods, network info and suspicious flag, ended by a logout from the same IP read earlier', () => {
    expect(byId(records, 'google-workspace:-7000')).toEqual({
      recordType: 'event',
      id: 'google-workspace:-7000',
      subjectId: 'ana.ruiz@corp.example',
      at: '2024-04-02T09:00:00.000Z',
      end: '2024-04-02T18:30:00.000Z',
      source: 'google-workspace',
      accountId: 'Ana.Ruiz@corp.example',
      type: 'session',
      ip: '203.0.113.7',
      network: { country: 'BR', region: 'BR-SP', asn: 28573 },
      result: 'success',
      signInKind: 'interactive',
      mfa: { method: 'totp' },
      riskDetections: ['is_suspicious'],
    });
    expect(report.sessionEnds).toEqual({ matched: 1, unmatched: 0 });
  });

  it('maps failures with their type, keeps the mapped event of a mixed activity, and maps suspicious logins as risk', () => {
    expect(byId(records, 'google-workspace:-7002:0')).toMatchObject({
      result: 'failure',
      failureReason: 'login_failure_invalid_password',
      mfa: { method: 'none' },
    });
    expect(byId(records, 'google-workspace:-7003')).toMatchObject({
      type: 'identity-risk',
      detection: 'unfamiliar-sign-in',
      vendorDetection: 'suspicious_login',
    });
    expect(report.rows).toEqual({ read: 5, mapped: 3, sessionEnds: 1, skipped: 1 });
    expect(report.skipped.rows).toEqual([
      { row: 5, line: 53, reason: 'event "password_edit" is not mapped (not a login, logout, 2-step enrolment or login risk event)' },
    ]);
    // The login_challenge event of the mixed activity is not mapped: its parameter value is counted.
    expect(report.fields.unmapped).toEqual([{ path: 'events[].parameters[].value', count: 1 }]);
  });

  it('drops activities that overlapping pages repeat as duplicates, and pairs the same logout with its login in any row order', () => {
    const rows = rowsOf(googleWorkspaceConnector, fixture('google-login-audit.json'));
    // Reports API pages fetched with overlapping time windows repeat activities; the repeats come first here.
    const twice = runImport(googleWorkspaceConnector, [...rows.slice().reverse(), ...rows]);
    const text = (r: readonly object[]) => r.map((x) => JSON.stringify(x)).sort();
    expect(text(twice.records)).toEqual(text(records));
    expect(byId(twice.records, 'google-workspace:-7000')).toMatchObject({ end: '2024-04-02T18:30:00.000Z' });
    // The held login counts once; a logout repeated at the same time ends nothing more.
    expect(twice.report.sessionEnds).toEqual({ matched: 1, unmatched: 0 });
    expect(twice.report.records.duplicates.identical).toBe(report.records.written);
    expect(twice.report.rows.read).toBe(2 * report.rows.read);
    expect(twice.report.rows.mapped + twice.report.rows.sessionEnds + twice.report.rows.skipped).toBe(twice.report.rows.read);
  });
});
