import { entraConnector } from '../../src/connectors/sources/entra';
import { byId, fixture, importFixture, rowsOf, runImport } from './support';

describe('Microsoft Entra sign-in connector', () => {
  it('maps Graph v1.0 sign-ins with nulls (isManaged null, empty device id) and reads errorCode as the result', () => {
    const { records, report } = importFixture(entraConnector, 'entra-graph-v1.json');
    expect(byId(records, 'entra:66ea54eb-6301-4ee5-be62-ff5a759b0100')).toEqual({
      recordType: 'event',
      id: 'entra:66ea54eb-6301-4ee5-be62-ff5a759b0100',
      subjectId: 'dana.whitfield@corp.example',
      at: '2024-04-02T16:03:35.000Z',
      source: 'entra',
      type: 'session',
      accountId: 'Dana.Whitfield@corp.example',
      ip: '131.107.159.37',
      network: { country: 'US', region: 'Washington', city: 'Redmond', lat: 47.68050003051758, lon: -122.12094116210938 },
      deviceCompliant: false,
      result: 'success',
      application: 'Graph Explorer',
      signInKind: 'interactive',
      sessionId: 'd79f5bee-5860-4832-928f-3133e22ae912',
      riskLevel: 'none',
    });
    expect(byId(records, 'entra:1b2c7f3e-0000-4ee5-be62-ff5a759b0200')).toMatchObject({
      result: 'failure',
      failureReason: 'Error validating credentials due to invalid username or password.',
    });
    expect(report.fields.invalid).toContainEqual({
      path: 'riskLevelDuringSignIn',
      count: 1,
      reason: 'not a risk level (hidden or unknownFutureValue)',
      examples: ['hidden'],
    });
    expect(report.rows).toEqual({ read: 3, mapped: 2, sessionEnds: 0, skipped: 1 });
    expect(report.skipped.rows[0]?.reason).toMatch(/workload-identity sign-in/);
    expect(report.fields.unmapped).toEqual([]);
  });

  it('maps beta sign-ins: user agent, kind of sign-in, MFA step with the Authenticator device, risk, ASN', () => {
    const { records, report } = importFixture(entraConnector, 'entra-graph-beta.json');
    expect(byId(records, 'entra:beta-0001')).toMatchObject({
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/115.0',
      signInKind: 'interactive',
      sessionId: '00a1b2c3-sess',
      network: { asn: 60729, country: 'DE' },
      mfa: { method: 'push', authenticatorId: 'authapp-7f3e', approvedAt: '2024-04-02T20:14:58.000Z', satisfiedBy: 'this-sign-in' },
      riskLevel: 'high',
      riskDetections: ['anonymizedIPAddress', 'unfamiliarFeatures'],
    });
    expect(byId(records, 'entra:beta-0002')).toMatchObject({ signInKind: 'token-refresh', mfa: { satisfiedBy: 'previously-satisfied' } });
    expect(report.fields.unmapped).toEqual([{ path: 'futureField.nested', count: 1 }]);
  });

  it('reads Event Hub records (properties envelope) and Log Analytics rows (PascalCase, JSON in strings, SIEM times)', () => {
    const { records, report } = importFixture(entraConnector, 'entra-event-hub.json');
    expect(byId(records, 'entra:eh-0001')).toMatchObject({
      at: '2024-04-02T21:00:00.000Z',
      signInKind: 'token-refresh',
      network: { country: 'BR', city: 'Sao Paulo' },
      result: 'success',
    });
    expect(byId(records, 'entra:la-0001')).toMatchObject({
      at: '2024-04-02T19:17:37.000Z',
      signInKind: 'interactive',
      result: 'failure',
      failureReason: 'Invalid username or password or Invalid on-premise username or password.',
      network: { city: 'Recife', country: 'BR', lat: -8.05 },
      sessionId: 'la-sess-1',
      riskLevel: 'none',
    });
    expect(report.rows).toEqual({ read: 2, mapped: 2, sessionEnds: 0, skipped: 0 });
    expect(report.fields.unmapped).toEqual([]);
  });

  it.each(['entra-graph-v1.json', 'entra-graph-beta.json', 'entra-event-hub.json'])(
    'drops a second delivery of every row of %s as a duplicate, and maps the same records in reverse order',
    (name) => {
      const once = importFixture(entraConnector, name);
      const rows = rowsOf(entraConnector, fixture(name));
      // Event Hub and diagnostic settings deliver at least once; overlapping Graph pages repeat rows.
      const twice = runImport(entraConnector, [...rows, ...rows].reverse());
      const text = (records: readonly object[]) => records.map((r) => JSON.stringify(r)).sort();
      expect(text(twice.records)).toEqual(text(once.records));
      expect(twice.report.records.duplicates).toEqual({ identical: once.report.records.written, conflicting: 0 });
      // Each repeated row that gave a record is listed as a duplicate; the others are skipped twice for their reason.
      expect(twice.report.rows).toEqual({
        read: 2 * once.report.rows.read,
        mapped: once.report.rows.mapped,
        sessionEnds: 0,
        skipped: 2 * once.report.rows.skipped + once.report.rows.mapped,
      });
      expect(twice.report.skipped.byReason).toContainEqual({
        reason: 'duplicate: every record of the row was given by an earlier row',
        count: once.report.rows.mapped,
      });
    },
  );
});
