import { readFileSync } from 'node:fs';
import { createScorer } from '../../src/index';
import { applicantsFromCsv, parseCsv, sessionsFromEntra, sessionsFromOkta, type EntraSignIn, type OktaLogEntry } from './mapping';

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

  it('maps the ATS export onto valid subjects', () => {
    const { records, skipped } = applicantsFromCsv(read('applicants.csv'));
    expect(skipped).toEqual([]);
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
