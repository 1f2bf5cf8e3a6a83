import { oktaConnector } from '../../src/connectors/sources/okta';
import { byId, importFixture } from './support';

describe('Okta System Log connector', () => {
  const { records, report } = importFixture(oktaConnector, 'okta-system-log.json');

  it('maps a session start with nulls everywhere, a country name, and its end from an earlier row', () => {
    const session = byId(records, 'okta:e1f0c7a2-0001-11ef-0000-000000000001');
    expect(session).toMatchObject({
      recordType: 'event',
      type: 'session',
      subjectId: 'ana.ruiz@corp.example',
      accountId: 'Ana.Ruiz@corp.example',
      at: '2024-04-02T09:02:11.411Z',
      end: '2024-04-02T17:45:10.000Z',
      ip: '203.0.113.7',
      network: { country: 'BR', city: 'São Paulo', region: 'Sao Paulo', lat: -23.55, lon: -46.63 },
      deviceId: '3c5f2b8e9a1d4c7f',
      signInKind: 'interactive',
      sessionId: '102sessAna',
      riskLevel: 'medium',
      result: 'success',
    });
    expect(session?.['riskDetections']).toEqual(['new city', 'new country', 'new geo-location', 'new ip']);
    expect(JSON.stringify(records)).not.toContain('null');
    expect(report.sessionEnds).toEqual({ matched: 1, unmatched: 0 });
  });

  it('reads the MFA method and the registered device as the authenticator id', () => {
    const mfa = byId(records, 'okta:e1f0c7a2-0001-11ef-0000-000000000002');
    expect(mfa).toMatchObject({
      deviceId: 'guo1ovphone',
      deviceManaged: false,
      mfaDeviceId: 'guo1ovphone',
      mfa: { method: 'push', authenticatorId: 'guo1ovphone', approvedAt: '2024-04-02T09:02:40.002Z', satisfiedBy: 'this-sign-in' },
      network: { asn: 28573, asnOrg: 'Claro NXT Telecomunicacoes Ltda', isProxy: false, country: 'BR' },
    });
  });

  it('maps proxy flags and Okta tunnels, counts an unknown country and never guesses it', () => {
    const failed = byId(records, 'okta:e1f0c7a2-0001-11ef-0000-000000000006');
    expect(failed).toMatchObject({
      result: 'failure',
      failureReason: 'VERIFICATION_ERROR',
      network: { asn: 9009, isProxy: true, isVpn: true, vpnProvider: 'NordVPN', city: 'Poseidonis' },
    });
    expect((failed?.['network'] as Record<string, unknown>)['country']).toBeUndefined();
    expect(report.fields.invalid).toContainEqual({ path: 'client.geographicalContext.country', count: 1, reason: 'unknown country', examples: ['Atlantis'] });
    expect(report.fields.unmapped).toContainEqual({ path: 'debugContext.debugData.someNewField', count: 1 });
  });

  it('maps a help-desk factor activation as an authenticator registration on the target user', () => {
    expect(byId(records, 'okta:e1f0c7a2-0001-11ef-0000-000000000007')).toMatchObject({
      type: 'authenticator-registration',
      subjectId: 'kofi.mensah@corp.example',
      action: 'registered',
      method: 'push',
      authenticatorId: 'guo1ovphone',
      byHelpDesk: true,
    });
  });

  it('accounts for every row: duplicates, unmapped event types and challenges are skipped with their reason and line', () => {
    expect(report.rows).toEqual({ read: 8, mapped: 4, sessionEnds: 1, skipped: 3 });
    // Row 4 repeats the uuid of row 2 with less data (a SIEM copy): a conflicting delivery, the first kept.
    expect(report.records.duplicates).toEqual({ identical: 0, conflicting: 1 });
    expect(report.skipped.rows.map((r) => [r.row, r.line, r.reason.slice(0, 29)])).toEqual([
      [4, 75, 'duplicate: every record of th'],
      [5, 84, 'event type "user.account.upda'],
      [6, 91, 'outcome "CHALLENGE" is not th'],
    ]);
  });

  it('lists fields left out on purpose with the reason, and counts each field once per row', () => {
    expect(report.fields.ignored).toContainEqual({ path: 'securityContext.domain', count: 2, reason: expect.stringContaining('reverse-DNS') });
    expect(report.fields.mapped).toContainEqual({ path: 'client.ipAddress', count: 4 });
  });

  it('reads lower-case flattened SIEM exports, SIEM and epoch times, and JSON held in strings', () => {
    const siem = importFixture(oktaConnector, 'okta-siem-lowercase.ndjson');
    expect(byId(siem.records, 'okta:siem-0001')).toMatchObject({
      subjectId: 'kofi.mensah@corp.example',
      at: '2024-04-02T19:17:37.621Z',
      end: '2024-04-02T20:33:20.000Z',
      network: { country: 'DE', asn: 9009, isProxy: true, asnOrg: 'M247 Europe SRL' },
    });
    expect(byId(siem.records, 'okta:siem-0004')).toMatchObject({
      at: '2024-04-02T18:00:00.000Z',
      application: 'GitHub Enterprise',
      signInKind: 'non-interactive',
    });
    expect(siem.report.rows).toEqual({ read: 6, mapped: 2, sessionEnds: 1, skipped: 3 });
    expect(siem.report.skipped.rows.map((r) => [r.line, r.reason.slice(0, 25)])).toEqual([
      [3, 'no readable "published" t'],
      [5, 'not valid JSON (Unexpecte'],
      [6, 'user.session.end without '],
    ]);
  });

  it('unwraps event-hook deliveries and maps session roaming as session-cookie replay', () => {
    const hook = importFixture(oktaConnector, 'okta-event-hook.json');
    expect(hook.records.map((r) => r['id'])).toEqual(['okta:hook-evt-2', 'okta:hook-evt-1']);
    expect(byId(hook.records, 'okta:hook-evt-2')).toMatchObject({
      type: 'identity-risk',
      detection: 'session-cookie-replay',
      riskLevel: 'high',
      sessionId: '102sessDana',
      vendorDetection: 'security.session.detect_client_roaming',
    });
    expect(byId(hook.records, 'okta:hook-evt-1')).toMatchObject({ network: { country: 'US', region: 'Texas', asn: 7922 } });
  });
});
