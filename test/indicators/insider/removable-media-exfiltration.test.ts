import { describe, expect, it } from 'vitest';
import { removableMediaExfiltration } from '../../../src/index';
import { evaluateCase, IndicatorTester } from '../../../src/testing/index';

const copy = (
  at: string,
  file: Record<string, unknown>,
  media: Record<string, unknown> = { serial: 'STICK-9', kind: 'mass-storage' },
  fields: Record<string, unknown> = {},
) => ({
  type: 'removable-media',
  at,
  action: 'file-copied',
  deviceId: 'laptop-1',
  media,
  file,
  ...fields,
});

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(removableMediaExfiltration, {
  valid: [
    {
      name: 'untagged copies to an approved, issued stick',
      events: [copy('2025-05-02T10:00:00Z', { name: 'slides.pptx', sizeBytes: 2e7 })],
      options: { approvedMedia: ['STICK-9'] },
    },
    {
      name: 'copies covered by a documented removable-media exception for this computer',
      subject: { exceptions: [{ id: 'x-lab', kind: 'removable-media', scope: { deviceId: 'laptop-1' }, validFrom: '2025-01-01T00:00:00Z' }] },
      events: [copy('2025-05-02T10:00:00Z', { name: 'firmware.bin', sizeBytes: 4e9, tags: ['energy'] })],
    },
    {
      name: 'an approved stick connected without copies',
      events: [
        { type: 'removable-media', at: '2025-05-02T10:00:00Z', action: 'connected', media: { vendorId: '0781', productId: '5581', kind: 'mass-storage' } },
      ],
      options: { approvedMedia: ['0781:5581'] },
    },
    {
      name: 'a phone connected to charge',
      events: [{ type: 'removable-media', at: '2025-05-02T10:00:00Z', action: 'connected', media: { serial: 'PHONE', kind: 'phone' } }],
    },
  ],
  invalid: [
    {
      name: 'sensitive designs copied in volume to an unknown stick',
      events: [
        copy('2025-05-02T10:00:00Z', { name: 'turbine.step', sizeBytes: 6e9, tags: ['Energy'] }),
        copy('2025-05-02T10:05:00Z', { name: 'grid.pdf', sizeBytes: 4e9, tags: ['internal'] }),
      ],
      findings: [
        {
          messageId: 'copies',
          strength: [0.89, 0.91],
          data: { count: 2, volume: '10 GB', medium: 'STICK-9', sensitive: ', 1 tagged energy' },
          evidence: ['e1', 'e2'],
        },
      ],
    },
    {
      name: "the organisation's own sensitivity tags count",
      events: [copy('2025-05-02T10:00:00Z', { name: 'payments.sql', tags: ['custody'] })],
      reference: { organisation: { sensitivityTags: { valueMoving: ['custody'] } } },
      findings: [{ messageId: 'copies', strength: [0.64, 0.66], data: { volume: 'size unknown' } }],
    },
    {
      name: 'sensitive copies to an approved stick count at half strength',
      events: [copy('2025-05-02T10:00:00Z', { name: 'reactor.pdf', tags: ['nuclear'] })],
      options: { approvedMedia: ['stick-9'] },
      findings: [{ messageId: 'copies', strength: [0.32, 0.33] }],
    },
    {
      name: 'an unknown mass-storage device connected, nothing copied',
      events: [{ type: 'removable-media', at: '2025-05-02T10:00:00Z', action: 'connected', media: { vendorId: '0781', productId: '5581' } }],
      findings: [{ messageId: 'unknownMedium', strength: 0.2, data: { medium: '0781:5581', count: 1 } }],
    },
    {
      name: 'an exception for another computer explains nothing',
      subject: { exceptions: [{ id: 'x-lab', kind: 'removable-media', scope: { deviceId: 'lab-pc' } }] },
      events: [copy('2025-05-02T10:00:00Z', { name: 'a.txt' })],
      findings: [{ messageId: 'copies', strength: 0.3 }],
    },
  ],
  notEvaluated: [{ name: 'no removable-media events', events: [{ type: 'session', at: '2025-05-02T10:00:00Z' }], missing: ['events[type=removable-media]'] }],
});

describe('insider/removable-media-exfiltration mitigation', () => {
  it('names the exception that silenced the copies', () => {
    const { report } = evaluateCase(removableMediaExfiltration, {
      subject: {
        exceptions: [{ id: 'x-lab', kind: 'removable-media', scope: { deviceId: 'laptop-1' }, documentation: { kind: 'ticket', reference: 'SEC-42' } }],
      },
      events: [copy('2025-05-02T10:00:00Z', { name: 'firmware.bin', sizeBytes: 4e9 })],
    });
    expect(report.findings).toEqual([]);
    expect(report.mitigations).toMatchObject([
      { messageId: 'copies', effect: 'silenced', mitigatedBy: [{ recordId: 'x-lab', field: 'exceptions', explains: expect.stringMatching(/SEC-42/) }] },
    ]);
  });
});
