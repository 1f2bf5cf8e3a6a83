import { describe, expect, it } from 'vitest';
import { activityEventTypes } from '../../src/records/events';
import { inputDocumentSchema, referenceSchema } from '../../src/records/batchInput';
import { jsonSchema } from '../../src/records/jsonSchema';
import { parseEvent, parseSubject, safeParseEvent, safeParseSubject } from '../../src/records/validate';

const at = '2025-03-03T10:00:00Z';

const fullSubject = {
  id: 's1',
  lifecycle: {
    status: 'on-notice',
    statusAt: at,
    startDate: '2024-01-08',
    noticeDate: '2025-03-01',
    endDate: '2025-03-31',
    endReason: 'resignation',
    source: 'hris',
  },
  position: {
    team: 'payments',
    managerId: 'm1',
    workArrangement: 'hybrid',
    officeId: 'austin',
    agreedHours: { start: '22:00', end: '06:00', timeZone: 'America/Chicago', note: 'night support rota' },
    roleRequirements: { usPersonOnly: true, exportControlEligibilityRequired: true },
  },
  hiring: { channel: 'staffing-firm', channelName: 'Acme Talent', employerOfRecord: 'EOR Inc' },
  accounts: [{ system: 'okta', accountId: 'jdoe', kind: 'standard', createdAt: at }],
  rosterChanges: [{ effectiveDate: '2024-06', team: 'platform', managerId: 'm2', role: 'SRE' }],
  exceptions: [
    {
      id: 'x1',
      kind: 'vpn',
      scope: { provider: 'Astrill', countries: ['CN'] },
      approvedBy: 'it-sec',
      approvedAt: at,
      validFrom: '2025-03-01T00:00:00Z',
      validUntil: '2025-04-01T00:00:00Z',
      documentation: { kind: 'ticket', reference: 'SEC-1' },
    },
    { id: 'x2', type: 'accommodation', kind: 'camera-off', scope: { alternativeVerification: 'in-person ID check' } },
  ],
  travel: [{ id: 't1', from: { country: 'US' }, to: { country: 'JP', city: 'Tokyo' }, via: ['KR'], depart: at, arrive: '2025-03-04T15:00:00+09:00' }],
  relationships: [{ id: 'r1', kind: 'household', subjectId: 's2', sharesAddress: true }],
  notes: [{ id: 'n1', text: 'Free text that no indicator reads.' }],
  backgroundChecks: [
    {
      id: 'b1',
      provider: 'checkr',
      status: 'complete',
      result: 'consider',
      addressHistory: [{ line1: '1 Main St', country: 'US', from: '2019' }],
      claimedResidenceInHistory: false,
    },
  ],
  employmentVerifications: [{ id: 'ev1', result: 'discrepancy', concurrentEmployers: [{ organisation: 'Other Co', start: '2024-02' }] }],
  workAuthorizations: [{ id: 'wa1', method: 'e-verify', result: 'authorized', checkedAt: at }],
  contacts: {
    emails: [{ address: 'j@example.com', kind: 'personal', linkedNames: ['B Name', 'A Name'] }],
    phones: [{ number: '+15555550100', linkedNames: ['Other Person'] }],
  },
  documents: [
    {
      id: 'd1',
      type: 'passport',
      verification: { outcome: 'failed', overrides: [{ at, by: 'reviewer-7', outcome: 'verified', reason: 'glare' }] },
    },
  ],
  verifications: [{ id: 'v1', kind: 'location-check', outcome: 'passed', method: 'geolocated-app', requestedBecause: 'sign-ins from abroad' }],
  photos: [{ id: 'p1', source: 'resume', reverseImageMatches: 3, reverseImageNames: ['Someone Else'], manipulationScore: 0.9 }],
  profiles: [
    {
      id: 'pr1',
      platform: 'github',
      location: 'Austin, TX',
      locationChanges: [{ from: 'Lagos', to: 'Austin, TX', changedAt: at }],
      connections: 10,
      following: 2,
      publicRepositories: 4,
      photoMatchesApplication: false,
      authenticityReview: { reviewer: 'eng-lead', flagged: true, reason: 'copied commits' },
      deletedAt: at,
    },
  ],
  engagements: [
    {
      id: 'e1',
      organisation: 'Side Gig',
      role: 'Consultant',
      hoursPerWeek: 5,
      schedule: 'weekends',
      disclosed: true,
      conflictReview: { outcome: 'approved', reviewedBy: 'legal' },
    },
  ],
};

const base = { subjectId: 's1', at };
const newEvents = [
  { ...base, id: 'a1', type: 'authenticator-registration', action: 'registered', method: 'push', authenticatorId: 'phone-1' },
  { ...base, id: 'a2', type: 'identity-risk', detection: 'token-replay', riskLevel: 'high', network: { connectionType: 'hosting' } },
  {
    ...base,
    id: 'a3',
    type: 'removable-media',
    action: 'file-copied',
    media: { vendorId: '0781', productId: '5581', serial: 'X' },
    file: { name: 'a.zip', sizeBytes: 10, type: 'zip' },
  },
  { ...base, id: 'a4', type: 'software', action: 'installed', name: 'AnyDesk' },
  { ...base, id: 'a5', type: 'remote-access-session', direction: 'inbound', tool: 'AnyDesk', peerIp: '203.0.113.9', peerNetwork: { country: 'CN' } },
  { ...base, id: 'a6', type: 'web', action: 'upload', host: 'paste.example', category: 'paste-site', bytesOut: 2048 },
  { ...base, id: 'a7', type: 'email', recipientCount: 2, externalRecipientCount: 1, toOwnPersonalAddress: true, attachmentCount: 1, attachmentBytes: 1e6 },
  { ...base, id: 'a8', type: 'print', pages: 40, printer: 'HP-Home' },
  {
    ...base,
    id: 'a9',
    type: 'code-change',
    action: 'merge',
    repository: 'acme/pay',
    approvals: 0,
    selfMerged: true,
    protectionBypassed: true,
    paths: ['b', 'a'],
    tags: ['value-moving'],
  },
  { ...base, id: 'a10', type: 'transfer-anomaly', anomaly: 'new-destination', role: 'approver', amount: 5, asset: 'ETH' },
];

describe('record model v2', () => {
  it('accepts a subject with every new group and keeps the facts', () => {
    const s = parseSubject(fullSubject);
    expect(s.position?.agreedHours?.start).toBe('22:00');
    expect(s.documents?.[0]?.verification?.outcome).toBe('failed');
    expect(s.documents?.[0]?.verification?.overrides?.[0]?.outcome).toBe('verified');
    expect(s.contacts?.emails?.[0]?.linkedNames).toEqual(['A Name', 'B Name']);
    expect(s.engagements?.[0]?.conflictReview?.outcome).toBe('approved');
    expect(s.profiles?.[0]?.authenticityReview?.flagged).toBe(true);
  });

  it('keeps subjects without any new field valid (additions only)', () => {
    expect(safeParseSubject({ id: 'old', role: 'engineer', hiredAt: at }).success).toBe(true);
  });

  it('rejects malformed new facts with a field path', () => {
    const bad = safeParseSubject({ id: 's', position: { agreedHours: { start: '25:00', end: '06:00' } } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.path).toBe('position.agreedHours.start');
    const badTravel = safeParseSubject({ id: 's', travel: [{ id: 't', from: {}, to: {}, depart: '2025-03-01' }] });
    expect(badTravel.success).toBe(false);
  });

  it('accepts each new event type, and lists it among the event types', () => {
    for (const e of newEvents) {
      const parsed = safeParseEvent(e);
      expect(parsed.success, e.type).toBe(true);
      expect(activityEventTypes).toContain(e.type);
    }
    const merge = parseEvent(newEvents[8]);
    expect(merge.type === 'code-change' && merge.paths).toEqual(['a', 'b']);
  });

  it('accepts the new session, check-in, data-access and privilege details', () => {
    expect(
      safeParseEvent({
        ...base,
        id: 's',
        type: 'session',
        application: 'Slack',
        signInKind: 'token-refresh',
        mfa: { method: 'fido2', authenticatorId: 'key-1', approvedAt: at },
        riskDetections: ['unfamiliarFeatures'],
        network: { connectionType: 'residential' },
      }).success,
    ).toBe(true);
    expect(
      safeParseEvent({
        ...base,
        id: 'c',
        type: 'device-checkin',
        deviceId: 'd',
        os: { platform: 'macos', version: '14.4' },
        diskEncrypted: true,
        remoteDesktopEnabled: false,
        installedSoftware: [{ name: 'TeamViewer', version: '15', publisher: 'TeamViewer' }],
        usbDevices: [{ vendorId: '1d6b', productId: '0104', product: 'PiKVM' }],
        displays: [{ manufacturer: 'PKV', model: 'PiKVM V4' }],
      }).success,
    ).toBe(true);
    expect(
      safeParseEvent({
        ...base,
        id: 'd',
        type: 'data-access',
        resource: 'r',
        action: 'push',
        accountId: 'me',
        ip: '198.51.100.1',
        resourceKind: 'repository',
        destination: { kind: 'personal-repo', account: 'me-personal', country: 'US' },
      }).success,
    ).toBe(true);
    expect(
      safeParseEvent({ ...base, id: 'p', type: 'privilege', privilege: 'admin', action: 'grant', role: 'Org Owner', grantor: 'boss', tenureDaysAtGrant: 12 })
        .success,
    ).toBe(true);
  });

  it('accepts organisation context in the reference tables', () => {
    const r = referenceSchema.parse({
      organisation: {
        offices: [
          { id: 'austin', address: { line1: '100 Congress Ave', city: 'Austin', country: 'US' }, timeZone: 'America/Chicago', egressIps: ['198.51.100.0/24'] },
        ],
        corporateEgress: ['203.0.113.0/24'],
        approvedRemoteAccessTools: ['TeamViewer'],
        approvedVpnProviders: ['GlobalProtect'],
        devices: [{ serial: 'WS-1', subjectId: 's1', handover: 'on-site', officeId: 'austin' }],
        baselines: [{ scope: 'team', name: 'payments', dailyBytesMedian: 1e6, dailyBytesHigh: 1e8, highPercentile: 95 }],
        sensitivityTags: { valueMoving: ['payments'], exportControlled: ['itar'] },
      },
    });
    expect(r.organisation?.offices?.[0]?.id).toBe('austin');
    expect(inputDocumentSchema.safeParse({ subjects: [fullSubject], events: newEvents, reference: r }).success).toBe(true);
  });

  it('documents every new field in the generated JSON Schema', () => {
    const text = JSON.stringify(jsonSchema('input'));
    for (const name of [
      'agreedHours',
      'authenticatorId',
      'installedSoftware',
      'usbDevices',
      'toOwnPersonalAddress',
      'protectionBypassed',
      'approvedRemoteAccessTools',
      'overrides',
    ]) {
      expect(text).toContain(`"${name}"`);
    }
  });
});
