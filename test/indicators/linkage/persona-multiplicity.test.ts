import { personaMultiplicity } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const named = (value: string) => ({ names: [{ value, kind: 'legal' }] });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(personaMultiplicity, {
  valid: [
    {
      name: 'one person re-applying under the same name with the same e-mail',
      subject: { identity: named('John Doe'), contacts: { emails: [{ address: 'jdoe@gmail.com' }] } },
      population: { subjects: [{ id: 'old-application', identity: named('DOE, John'), contacts: { emails: [{ address: 'j.doe@gmail.com' }] } }] },
    },
    {
      name: 'different people with different photos',
      subject: { identity: named('John Doe'), photos: [{ id: 'p-1', source: 'resume', perceptualHash: 'f0f0f0f0f0f0f0f0' }] },
      population: { subjects: [{ id: 'o', identity: named('Jane Roe'), photos: [{ id: 'p-2', source: 'resume', perceptualHash: '0f0f0f0f0f0f0f0f' }] }] },
    },
    {
      name: 'one phone under a Cyrillic name and its romanisation is not two personas',
      subject: { identity: named('Иван Петров'), contacts: { phones: [{ number: '+7 495 555 0100' }] } },
      population: { subjects: [{ id: 'o', identity: named('Ivan Petrov'), contacts: { phones: [{ number: '+74955550100' }] } }] },
    },
    {
      name: 'one e-mail, names joined through a subject recorded under both (one persona)',
      subject: { identity: named('Ana Silva'), contacts: { emails: [{ address: 'as@example.com' }] } },
      population: {
        subjects: [
          {
            id: 'o1',
            identity: {
              names: [
                { value: 'Ana Silva', kind: 'legal' },
                { value: 'Ana Souza', kind: 'alias' },
              ],
            },
            contacts: { emails: [{ address: 'as@example.com' }] },
          },
          { id: 'o2', identity: named('Ana Souza'), contacts: { emails: [{ address: 'as@example.com' }] } },
        ],
      },
    },
    {
      name: 'a stock avatar allow-listed by hash',
      subject: { identity: named('John Doe'), photos: [{ id: 'p-1', source: 'profile', perceptualHash: 'aaaaaaaaaaaaaaaa' }] },
      population: { subjects: [{ id: 'o', identity: named('Jane Roe'), photos: [{ id: 'p-2', source: 'profile', perceptualHash: 'aaaaaaaaaaaaaaaa' }] }] },
      reference: { linkAllowList: [{ kind: 'photo', key: 'aaaaaaaaaaaaaaaa', reason: 'default avatar' }] },
    },
  ],
  invalid: [
    {
      name: 'one photo (re-encoded, 3 bits differ) under two names',
      subject: { identity: named('Andrew Miller'), photos: [{ id: 'p-1', source: 'resume', perceptualHash: 'f0f0f0f0f0f0f0f0' }] },
      population: { subjects: [{ id: 'o', identity: named('Brian Carter'), photos: [{ id: 'p-2', source: 'profile', perceptualHash: 'f0f0f0f1f0f0f0e1' }] }] },
      findings: [
        {
          messageId: 'personas',
          strength: 0.7,
          data: { personas: 2 },
          message: /Photo .* under 2 different names: Andrew Miller; Brian Carter/,
          evidence: ['p-1', 'p-2'],
        },
      ],
    },
    {
      name: 'one passport number under three names',
      subject: { identity: named('Andrew Miller'), documents: [{ id: 'doc-1', type: 'passport', issuingCountry: 'US', number: '5678 12345' }] },
      population: {
        subjects: [
          { id: 'o1', identity: named('Brian Carter'), documents: [{ id: 'doc-2', type: 'passport', issuingCountry: 'US', number: '567812345' }] },
          { id: 'o2', identity: named('Chris Evans'), documents: [{ id: 'doc-3', type: 'passport', issuingCountry: 'US', number: '567812345' }] },
        ],
      },
      findings: [{ messageId: 'personas', data: { personas: 3 }, evidence: ['doc-1', 'doc-2', 'doc-3'] }],
    },
    {
      name: 'one passport under two Hangul names',
      subject: { identity: named('김재원'), documents: [{ id: 'doc-1', type: 'passport', issuingCountry: 'KR', number: 'M12345678' }] },
      population: {
        subjects: [{ id: 'o1', identity: named('박민수'), documents: [{ id: 'doc-2', type: 'passport', issuingCountry: 'KR', number: 'M12345678' }] }],
      },
      findings: [{ messageId: 'personas', data: { personas: 2 }, evidence: ['doc-1', 'doc-2'] }],
    },
  ],
  notEvaluated: [{ name: 'no names to compare', subject: { contacts: { emails: [{ address: 'x@example.com' }] } }, missing: ['identity.names'] }],
});

describe('persona-multiplicity at scale', () => {
  it('one e-mail under 10,000 different names costs linear work, not 10,000²', async () => {
    const { createScorer } = await import('../../../src/index');
    const { countingLinkWork } = await import('../../support/linkWork');
    const subjects = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${String(i).padStart(5, '0')}`,
      identity: { names: [{ value: `Person Number${i}`, kind: 'legal' as const }] },
      contacts: { emails: [{ address: 'shared@example.com' }] },
    }));
    const counting = countingLinkWork([personaMultiplicity]);
    const result = createScorer({ indicators: counting.indicators }).scoreBatch({ asOf: '2025-06-01T00:00:00Z', subjects, events: [] });
    expect(result.reports).toHaveLength(10_000);
    const first = result.reports.find((r) => r.subjectId === 's00000');
    expect(first?.findings[0]?.data['personas']).toBe(10_000);
    expect(String(first?.findings[0]?.data['names'])).toMatch(/and 9994 more$/);
    // Counted work, not a stopwatch: the link's names are read once, then each subject reads its
    // own evidence (capped at 12). Comparing every subject with the link would read 10^8.
    expect(counting.linkEntriesRead() / 10_000).toBeLessThan(20);
  }, 120_000);
});
