import { claimsInconsistent } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const names = (...values: [string, string][]) => ({
  names: values.map(([value, kind]) => ({ value, kind, source: kind === 'legal' ? 'application-form' : 'resume' })),
});
const verifiedPassport = (holderName: string, address?: Record<string, unknown>) => ({
  id: 'doc-1',
  type: 'passport',
  holderName,
  ...(address !== undefined ? { address } : {}),
  verification: { outcome: 'verified' },
});
const residence = (country: string) => ({ residence: { country } });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(claimsInconsistent, {
  valid: [
    {
      name: 'transliterated given name (Aleksandr / Alexander)',
      subject: { identity: names(['Alexander Ivanov', 'legal']), documents: [verifiedPassport('Aleksandr Ivanov')] },
    },
    {
      name: 'hyphenation and order (Jae-won Kim / KIM JAEWON)',
      subject: { identity: names(['Jae-won Kim', 'legal']), documents: [verifiedPassport('KIM JAEWON')] },
    },
    {
      name: 'diacritics and middle initial (José A. Müller / Jose Mueller)',
      subject: { identity: names(['Jose Mueller', 'legal']), documents: [verifiedPassport('José A. Müller')] },
    },
    {
      name: 'one romanised family name differs (Lee / Yi) while the given name matches',
      subject: { identity: names(['Lee Minho', 'legal']), documents: [verifiedPassport('Yi Min-ho')] },
    },
    {
      name: 'the name in its own script next to the romanised passport name (Александр Иванов / Aleksandr Ivanov)',
      subject: { identity: names(['Александр Иванов', 'legal']), documents: [verifiedPassport('Aleksandr Ivanov')] },
    },
    {
      name: 'Hangul name on the application, romanised name on the passport',
      subject: { identity: names(['김재원', 'legal']), documents: [verifiedPassport('KIM JAEWON')] },
    },
    {
      name: 'a preferred English name is never compared',
      subject: { identity: names(['Wei Zhang', 'legal'], ['Kevin Zhang', 'preferred'], ['Kevin', 'alias']), documents: [verifiedPassport('ZHANG WEI')] },
    },
    {
      name: 'all countries agree with the claimed residence',
      subject: {
        identity: residence('US'),
        documents: [{ id: 'doc-1', type: 'drivers-license', address: { city: 'Atlanta', region: 'GA', country: 'US' } }],
        contacts: { phones: [{ number: '+1 404 555 0100' }] },
        paymentInstructions: [{ id: 'pay-1', at: '2025-05-01T00:00:00Z', method: 'bank', bankCountry: 'US' }],
        shipments: [{ id: 'ship-1', address: { city: 'Atlanta', country: 'US' } }],
      },
    },
    {
      name: 'one honest bank change after a move: only the current account counts',
      subject: {
        identity: residence('US'),
        paymentInstructions: [
          { id: 'pay-1', at: '2024-01-01T00:00:00Z', method: 'bank', bankCountry: 'GB' },
          { id: 'pay-2', at: '2025-03-01T00:00:00Z', method: 'bank', bankCountry: 'US' },
        ],
      },
    },
    {
      name: 'a phone number without an international prefix cannot be placed',
      subject: { identity: residence('US'), contacts: { phones: [{ number: '020 7946 0958' }] }, shipments: [{ id: 'ship-1', address: { country: 'US' } }] },
    },
    {
      name: 'a year-only date of birth agrees with the full date on the document',
      subject: { identity: { dateOfBirth: '1990' }, documents: [{ id: 'doc-1', type: 'passport', dateOfBirth: '1990-05-02' }] },
    },
    {
      name: 'a short hand-over between full-time jobs',
      subject: {
        employment: [
          { id: 'j1', organisation: 'Acme', start: '2019-01', end: '2022-03', fullTime: true },
          { id: 'j2', organisation: 'Globex', start: '2022-03', fullTime: true },
        ],
      },
    },
    {
      name: 'year-only dates never manufacture an overlap',
      subject: {
        employment: [
          { id: 'j1', organisation: 'Acme', start: '2018', end: '2020', fullTime: true },
          { id: 'j2', organisation: 'Globex', start: '2020', end: '2023', fullTime: true },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'document holder shares no part with the applicant name',
      subject: { identity: names(['Andrew Miller', 'legal']), documents: [verifiedPassport('Jin Song Pak')] },
      findings: [
        {
          messageId: 'name',
          strength: 0.7,
          data: { name: 'Andrew Miller', reference: 'Jin Song Pak' },
          message: 'Name "Andrew Miller" (application-form) shares no part with "Jin Song Pak" (passport doc-1)',
          evidence: ['doc-1', 'subject-1'],
        },
      ],
    },
    {
      name: 'date of birth differs from the document',
      subject: { identity: { dateOfBirth: '1990-05-02' }, documents: [{ id: 'doc-1', type: 'passport', dateOfBirth: '1986-11-20' }] },
      findings: [
        {
          messageId: 'birthDate',
          strength: 0.6,
          message: 'The date of birth given in the application differs from the one on passport doc-1',
          evidence: ['doc-1', 'subject-1'],
        },
      ],
    },
    {
      name: 'residence contradicted by phone, bank and shipping country',
      subject: {
        identity: residence('US'),
        contacts: { phones: [{ number: '+86 138 0013 8000' }] },
        paymentInstructions: [{ id: 'pay-1', at: '2025-05-01T00:00:00Z', method: 'bank', bankName: 'Bank of Dandong', bankCountry: 'CN' }],
        shipments: [{ id: 'ship-1', address: { city: 'Toronto', country: 'CA' } }],
      },
      findings: [
        { messageId: 'country', data: { evidenceCountry: 'CN' }, message: /Phone number \+86 138 0013 8000 points to CN/ },
        { messageId: 'country', data: { evidenceCountry: 'CA' }, evidence: ['ship-1'] },
        {
          messageId: 'country',
          data: { evidenceCountry: 'CN' },
          message: /The payout bank account at Bank of Dandong points to CN, but the claimed residence is in US/,
          evidence: ['pay-1'],
        },
      ],
    },
    {
      name: 'document address in another country',
      subject: { identity: residence('CA'), documents: [{ id: 'doc-1', type: 'national-id', address: { city: 'Kyiv', country: 'UA' } }] },
      findings: [{ messageId: 'country', strength: 0.5, data: { evidenceCountry: 'UA', claimedCountry: 'CA' }, evidence: ['doc-1'] }],
    },
    {
      name: 'two full-time jobs in different countries for a year',
      subject: {
        employment: [
          { id: 'j1', organisation: 'Acme', role: 'Engineer', country: 'US', start: '2020-01', end: '2022-12', fullTime: true },
          { id: 'j2', organisation: 'Globex', country: 'PL', start: '2021-06', end: '2022-06', fullTime: true },
        ],
      },
      findings: [
        {
          messageId: 'overlap',
          strength: 0.5,
          data: { first: 'Engineer at Acme', second: 'Globex' },
          message: /in different countries \(US, PL\)/,
          evidence: ['j1', 'j2'],
        },
      ],
    },
    {
      name: 'full-time study and full-time job overlapping',
      subject: {
        employment: [{ id: 'j1', organisation: 'Acme', start: '2019-09', end: '2021-06', fullTime: true }],
        education: [{ id: 'ed1', organisation: 'State U', start: '2018-09', end: '2021-06', fullTime: true }],
      },
      findings: [{ messageId: 'overlap', strength: 0.3 }],
    },
    {
      name: 'country sources can be narrowed',
      subject: {
        identity: residence('US'),
        contacts: { phones: [{ number: '+86 138 0013 8000' }] },
        shipments: [{ id: 'ship-1', address: { country: 'CA' } }],
      },
      options: { countrySources: ['shipping'] },
      findings: [{ messageId: 'country', data: { evidenceCountry: 'CA' } }],
    },
  ],
  notEvaluated: [{ name: 'nothing to compare' }, { name: 'a single name and no residence claim', subject: { identity: names(['Andrew Miller', 'legal']) } }],
});
