import { disposableOrVoip } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(disposableOrVoip, {
  valid: [
    {
      name: 'a mobile line and a long-standing mailbox',
      subject: {
        appliedAt: '2025-05-01T00:00:00Z',
        contacts: {
          phones: [{ number: '+14045550100', lineType: 'mobile' }],
          emails: [{ address: 'am@example.com', createdAt: '2016-02-01T00:00:00Z', disposable: false }],
        },
      },
    },
    {
      name: 'a mailbox created after applying is not "created for the application"',
      subject: { appliedAt: '2025-05-01T00:00:00Z', contacts: { emails: [{ address: 'a@example.com', createdAt: '2025-05-10T00:00:00Z' }] } },
    },
    {
      name: 'VoIP can be switched off for teams that use it',
      subject: { contacts: { phones: [{ number: '+14045550100', lineType: 'voip' }] } },
      options: { voipStrength: 0 },
    },
  ],
  invalid: [
    {
      name: 'a VoIP number',
      subject: { contacts: { phones: [{ number: '+16155550100', lineType: 'voip', carrier: 'Bandwidth' }] } },
      findings: [{ messageId: 'phone', strength: 0.5, message: 'Phone number +16155550100 is a voip line (Bandwidth)', evidence: ['subject-1'] }],
    },
    {
      name: 'a mailbox created nine days before applying',
      subject: { appliedAt: '2025-05-10T00:00:00Z', contacts: { emails: [{ address: 'andrew.miller.dev@example.com', createdAt: '2025-05-01T00:00:00Z' }] } },
      findings: [{ messageId: 'newEmail', data: { days: 9, createdAt: '2025-05-01' } }],
    },
    {
      name: 'a disposable address and a virtual line',
      subject: { contacts: { phones: [{ number: '+16155550100', lineType: 'virtual' }], emails: [{ address: 'x@tempmail.example', disposable: true }] } },
      findings: 2,
    },
  ],
  notEvaluated: [
    {
      name: 'no enrichment',
      subject: { contacts: { phones: [{ number: '+16155550100' }], emails: [{ address: 'a@example.com' }] } },
      missing: ['contacts.phones[].lineType'],
    },
  ],
});
