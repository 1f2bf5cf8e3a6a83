import { readFileSync } from 'node:fs';
import { createScorer } from '../../src/index';
import { amount, applicantsFromCsv, atsTime, parseCsv, sessionsFromEntra, sessionsFromOkta, type EntraSignIn, type OktaLogEntry } from './mapping';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
// Corporate logins to subject ids, as an HRIS would give them.
const logins: Record<string, string> = { 'dana.whitfield@corp.example': 'cand-48213', 'kofi.mensah@corp.example': 'cand-48214' };
const subjectIdOf = (login: string) => logins[login];

describe('examples/hr-import', () => {
  it('parses RFC 4180 CSV with quoted commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('reads ATS dates and amounts, refusing impossible ones', () => {
    expect(atsTime('2025-01-06 14:03')).toBe('2025-01-06T14:03:00Z');
    expect(atsTime('2024-02-29')).toBe('2024-02-29T00:00:00Z');
    expect([atsTime('2025-02-30 10:00'), atsTime('2025-13-01'), atsTime('2025-01-06 24:10'), atsTime('06/01/2025'), atsTime('')]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([amount('145000'), amount('145,000'), amount('$145,000.50'), amount('lots'), amount('')]).toEqual([145000, 145000, 145000.5, undefined, undefined]);
  });

  it('keeps a candidate whose row has an unreadable date or salary, leaving that fact out and listing the cell', () => {
    const csv = 'Candidate ID,First Name,Last Name,Applied At,Interview Date,Interview Type,Desired Salary,Salary Currency\n7,Ana,Ruiz,2025-02-30 10:00,2025-01-20 09:30,Video,"95,000",USD\n8,Bo,Li,2025-01-02,,,lots,USD\n';
    const { records, skipped, dropped } = applicantsFromCsv(csv);
    expect(skipped).toEqual([]);
    expect(records.map((s) => s.id)).toEqual(['cand-7', 'cand-8']);
    expect(records[0]?.appliedAt).toBeUndefined();
    expect(records[0]?.interviews?.[0]?.at).toBe('2025-01-20T09:30:00Z');
    expect(records[0]?.compensation?.rateAsked).toBe(95000);
    expect(records[1]?.compensation).toBeUndefined();
    expect(dropped).toEqual([
      { row: 2, column: 'Applied At', value: '2025-02-30 10:00' },
      { row: 3, column: 'Desired Salary', value: 'lots' },
    ]);
  });

  it('maps the ATS export onto valid subjects', () => {
    const { records, skipped, dropped } = applicantsFromCsv(read('applicants.csv'));
    expect(skipped).toEqual([]);
    expect(dropped).toEqual([]);
    expect(records.map((s) => s.id)).toEqual(['cand-48213', 'cand-48214', 'cand-48215']);
    const [dana, kofi, lea] = records;
    expect(dana?.identity?.residence).toEqual({ country: 'US', region: 'IL', city: 'Chicago', timeZone: 'America/Chicago', source: 'application-form' });
    expect(dana?.contacts?.phones?.[0]?.number).toBe('+13125550142');
    expect(dana?.interviews?.[0]?.notes).toBe('Strong system design; walked through "billing retries" in detail');
    expect(kofi?.interviews?.[0]).toEqual(expect.objectContaining({ mode: 'audio', cameraOn: false, at: '2025-01-20T23:30:00Z' }));
    expect(kofi?.shipments?.[0]?.address).toEqual({ line1: '88 Commerce Blvd Unit 14', city: 'Miami', region: 'FL', postalCode: '33166', country: 'US' });
    expect(lea?.kind).toBe('applicant');
    expect(lea?.hiredAt).toBeUndefined();
    expect(lea?.identity?.residence?.country).toBe('DE');
  });

  it('maps Okta sign-ins onto session events, skipping other event types and unknown logins', () => {
    const { records, skipped } = sessionsFromOkta(JSON.parse(read('okta-signins.json')) as OktaLogEntry[], subjectIdOf);
    expect(records.map((e) => e.id)).toEqual(['okta-9f1c2d30-0001-11f0-a1b2-000000000001', 'okta-9f1c2d30-0001-11f0-a1b2-000000000003']);
    expect(records[0]).toEqual(
      expect.objectContaining({ subjectId: 'cand-48214', type: 'session', ip: '142.214.202.7', mfaDeviceId: 'mfa-77', network: expect.objectContaining({ country: 'US', asn: 396356, isProxy: true }) }),
    );
    expect(skipped).toEqual([{ row: 3, reason: 'no subject for login "someone.else@corp.example"' }]);
  });

  it('maps Entra sign-ins, keeping failures as failures', () => {
    const { records } = sessionsFromEntra(JSON.parse(read('entra-signins.json')) as { value: EntraSignIn[] }, subjectIdOf);
    expect(records.map((e) => (e.type === 'session' ? [e.subjectId, e.result, e.deviceId ?? null] : null))).toEqual([
      ['cand-48214', 'success', 'laptop-48214'],
      ['cand-48213', 'failure', null],
    ]);
  });

  it('maps the Entra application, interactive flag, MFA detail and risk onto the session', () => {
    const { records } = sessionsFromEntra(JSON.parse(read('entra-signins.json')) as { value: EntraSignIn[] }, subjectIdOf);
    const first = records[0];
    expect(first?.type === 'session' && first.application).toBe('Office 365 Exchange Online');
    expect(first?.type === 'session' && first.signInKind).toBe('interactive');
    expect(first?.type === 'session' && first.mfa).toEqual({ method: 'push', authenticatorId: 'Pixel 7 (SM-A52)' });
    expect(first?.type === 'session' && [first.riskLevel, first.riskDetections]).toEqual(['medium', ['anonymizedIPAddress']]);
  });

  it('feeds the scorer with nothing rejected', () => {
    const subjects = applicantsFromCsv(read('applicants.csv')).records;
    const events = [
      ...sessionsFromOkta(JSON.parse(read('okta-signins.json')) as OktaLogEntry[], subjectIdOf).records,
      ...sessionsFromEntra(JSON.parse(read('entra-signins.json')) as { value: EntraSignIn[] }, subjectIdOf).records,
    ];
    const result = createScorer().scoreBatch({ subjects, events });
    expect(result.rejected).toEqual([]);
    expect(result.reports).toHaveLength(3);
    expect(result.asOfSource).toBe('latest-event');
  });
});
