import sample from '../../../examples/watchlists/sample-watchlist.json';
import { watchlistMatch, watchlistSchema } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const sanctions = {
  name: 'Test sanctions list',
  kind: 'sanctions',
  entries: [
    { id: 'sdn-1', type: 'organisation', value: 'Yanbian Silverstar Network Technology Co., Ltd.' },
    { id: 'sdn-2', type: 'wallet', value: '0xAbCdEf0123456789abcdef0123456789ABCDEF01' },
    { id: 'sdn-3', type: 'name', value: 'Kim Kwang Jin' },
    { id: 'sdn-4', type: 'email', value: 'Kwang.Jin+x@gmail.com' },
  ],
};
const intel = {
  name: 'Test threat intel',
  kind: 'threat-intel',
  entries: [
    { id: 'ioc-1', type: 'cidr', value: '155.94.199.0/24' },
    { id: 'ioc-2', type: 'cidr', value: '2001:db8:bad::/48' },
    { id: 'ioc-3', type: 'ip', value: '142.214.202.2' },
  ],
};
const seized = {
  name: 'Test seized domains',
  kind: 'seized-domains',
  entries: [
    { id: 'dom-1', type: 'domain', value: 'fake-studio.co.uk' },
    { id: 'dom-2', type: 'domain', value: 'upworksell.com' },
  ],
};

describe('the sample watchlist', () => {
  it('is marked as an example and every list validates', () => {
    expect(sample.about).toMatch(/EXAMPLE ONLY - not maintained/);
    for (const list of sample.watchlists) {
      expect(list.name).toMatch(/EXAMPLE/);
      expect(watchlistSchema.safeParse(list).success).toBe(true);
    }
  });
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(watchlistMatch, {
  valid: [
    {
      name: 'nothing on any list',
      subject: {
        identity: { names: [{ value: 'Kim Jin' }] },
        employment: [{ id: 'emp-1', organisation: 'Silverline Software', domain: 'co.uk' }],
        contacts: { emails: [{ address: 'kim@example.co.uk' }] },
      },
      events: [{ type: 'session', at: '2025-05-01T00:00:00Z', ip: '155.94.200.1' }],
      watchlists: [sanctions, intel, seized],
    },
    {
      name: 'another person who shares only the family name with a listed person',
      subject: { identity: { names: [{ value: 'Kim Min Ho' }] } },
      watchlists: [sanctions],
    },
    {
      name: 'a name in Hangul is not screened against a Latin-only entry letter by letter (no match, no bucket of every Hangul name)',
      subject: { identity: { names: [{ value: '김광진' }] } },
      watchlists: [sanctions],
    },
    {
      name: 'a different registrable domain under one multi-part suffix',
      subject: { employment: [{ id: 'emp-1', organisation: 'Real Studio', domain: 'https://www.real-studio.co.uk/about' }] },
      watchlists: [seized],
    },
  ],
  invalid: [
    {
      name: 'exact wallet on a sanctions list: strong, stop payments',
      subject: {
        paymentInstructions: [{ id: 'pay-1', at: '2025-03-01T00:00:00Z', method: 'crypto', walletAddress: '0xabcdef0123456789abcdef0123456789abcdef01' }],
      },
      watchlists: [sanctions],
      findings: [
        {
          messageId: 'identifier',
          strength: 1,
          data: {
            matchQuality: 'exact-identifier',
            list: 'Test sanctions list',
            entryId: 'sdn-2',
            humanReview: false,
            recommendedStep: 'stop payments and escalate to legal',
          },
          message: /Recommended: stop payments and escalate to legal/,
          evidence: ['pay-1'],
        },
      ],
    },
    {
      name: 'a Gmail variant of a listed address',
      subject: { contacts: { emails: [{ address: 'kwangjin@googlemail.com' }] } },
      watchlists: [sanctions],
      findings: [{ messageId: 'identifier', strength: 1, data: { entryId: 'sdn-4' } }],
    },
    {
      name: 'an employer that is a listed organisation, written differently: fuzzy, for review',
      subject: { employment: [{ id: 'emp-1', organisation: 'Yanbien Silverstar Network Technologies Ltd' }] },
      watchlists: [sanctions],
      findings: [
        {
          messageId: 'name',
          strength: [0.2, 0.3],
          data: { matchQuality: 'fuzzy-name', humanReview: true, recommendedStep: 'if a reviewer confirms it, stop payments and escalate to legal' },
          message: /needs human review/,
          evidence: ['emp-1'],
        },
      ],
    },
    {
      name: 'a name with reversed word order, diacritics and a romanisation variant',
      subject: { identity: { names: [{ value: 'Jin Gwang Kím', kind: 'alias' }] } },
      watchlists: [sanctions],
      findings: [{ messageId: 'name', data: { matchQuality: 'fuzzy-name', entry: 'Kim Kwang Jin' }, strength: [0.25, 0.3] }],
    },
    {
      name: 'legal forms are ignored in organisation names: an exact name match, still for review',
      subject: { employment: [{ id: 'emp-1', organisation: 'YANBIAN SILVERSTAR NETWORK TECHNOLOGY' }] },
      watchlists: [sanctions],
      findings: [{ messageId: 'name', strength: 0.5, data: { matchQuality: 'exact-name', humanReview: true } }],
    },
    {
      name: 'an exact name in another order is still only a name',
      subject: { identity: { names: [{ value: 'JIN, Kim Kwang' }] } },
      watchlists: [sanctions],
      findings: [{ messageId: 'name', strength: 0.5, data: { matchQuality: 'exact-name', humanReview: true } }],
    },
    {
      name: 'sign-ins from listed IPv4 and IPv6 ranges and an exact IP',
      events: [
        { type: 'session', at: '2025-05-01T00:00:00Z', ip: '155.94.199.59' },
        { type: 'session', at: '2025-05-02T00:00:00Z', ip: '155.94.199.59' },
        { type: 'session', at: '2025-05-03T00:00:00Z', ip: '2001:db8:bad:1::9' },
        { type: 'device-checkin', at: '2025-05-04T00:00:00Z', deviceId: 'd', ip: '142.214.202.2' },
      ],
      watchlists: [intel],
      findings: [
        { messageId: 'ip', strength: 0.6, data: { matchQuality: 'ip-exact' }, evidence: ['e4'] },
        { messageId: 'ip', strength: 0.5, data: { matchQuality: 'cidr-range', value: '155.94.199.59', recommendedStep: '' }, evidence: ['e1'] },
        { messageId: 'ip', strength: 0.5, data: { value: '2001:db8:bad:1::9' }, evidence: ['e3'] },
      ],
    },
    {
      name: 'a reference e-mail and a profile URL under seized registrable domains',
      subject: {
        references: [{ id: 'ref-1', name: 'Bob', email: 'bob@mail.fake-studio.co.uk' }],
        profiles: [{ id: 'prof-1', platform: 'marketplace', url: 'https://www.upworksell.com/seller/123' }],
      },
      watchlists: [seized],
      findings: [
        { messageId: 'domain', strength: 0.9, data: { entry: 'fake-studio.co.uk', matchQuality: 'domain' }, evidence: ['ref-1'] },
        { messageId: 'domain', strength: 0.9, data: { entry: 'upworksell.com' }, evidence: ['prof-1'] },
      ],
    },
    {
      name: 'a name in Hangul matches a listed Hangul alias',
      subject: { identity: { names: [{ value: '김 광진' }] } },
      watchlists: [{ name: 'Aliases', kind: 'wanted', entries: [{ id: 'w-1', type: 'name', value: 'Kim Kwang Jin', aliases: ['김광진'] }] }],
      findings: [{ messageId: 'name', data: { entryId: 'w-1', humanReview: true } }],
    },
    {
      name: 'the sample list catches a listed wanted name',
      subject: { identity: { names: [{ value: 'Chang Nam Il' }] } },
      watchlists: sample.watchlists,
      findings: [{ messageId: 'name', data: { listKind: 'wanted', matchQuality: 'exact-name' } }],
    },
  ],
  notEvaluated: [{ name: 'no watchlists', subject: {}, missing: ['watchlists'] }],
});
