import { createScorer, ipKvm } from '../../src/index';
import type { AnyIndicator, SubjectView } from '../../src/index';
import { peripheralFields, peripheralSightings } from '../../src/kit';

// `device/ip-kvm` reads one peripheral table per view (`peripheralSightings`, through
// `view.memo`): peripherals interned, so inventory that repeats the same devices at every
// check-in gives one peripheral each, however many sightings. Work is counted, never timed.

const asOf = '2025-12-01T00:00:00Z';

/** Each subject checks in `checkins` times with the same three USB devices and one monitor (a DIY IP-KVM). */
function batch(subjects: number, checkins: number) {
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let c = 0; c < checkins; c++) {
      events.push({
        id: `s${s}-c${c}`,
        subjectId: `s${s}`,
        at: new Date(Date.UTC(2025, 5, 1 + (c % 28), c % 24)).toISOString(),
        type: 'device-checkin',
        deviceId: `s${s}-laptop`,
        usbDevices: [
          { vendorId: '1d6b', productId: '0104', product: 'Composite Gadget' },
          { vendorId: '046d', productId: 'c52b', product: 'USB Receiver', vendor: 'Logitech' },
          { serial: 'X1' },
        ],
        displays: [{ model: 'MACROSILICON' }],
      });
    }
  }
  return { asOf, subjects: Array.from({ length: subjects }, (_, s) => ({ id: `s${s}` })), events };
}

function scored(subjects: number, checkins: number) {
  const views: SubjectView[] = [];
  let tables = 0;
  const watched: AnyIndicator = {
    ...(ipKvm as AnyIndicator),
    evaluate(view, context) {
      views.push(view);
      const counting: SubjectView = Object.freeze({
        ...view,
        memo: <T>(key: string, build: () => T): T =>
          view.memo(key, () => {
            if (key === 'device/peripheral-sightings') tables++;
            return build();
          }),
      });
      // Two readers of one view, as two indicators would be: one table between them.
      peripheralSightings(counting);
      return (ipKvm as AnyIndicator).evaluate(counting, context);
    },
  };
  const result = createScorer({ indicators: [watched] }).scoreBatch(batch(subjects, checkins));
  expect(result.rejected).toEqual([]);
  return { result, views, tables };
}

describe('the peripheral table', () => {
  it('is built once per view and interns peripherals: distinct devices, not sightings', () => {
    for (const checkins of [5, 40]) {
      const { result, views, tables } = scored(3, checkins);
      expect(tables).toBe(3);
      for (const report of result.reports) {
        expect(report.errors).toEqual([]);
        // The gadget and the capture chip's monitor on one laptop: one kit finding.
        expect(report.findings.map((f) => f.indicatorId)).toEqual(['device/ip-kvm']);
      }
      const table = peripheralSightings(views[0] as SubjectView);
      // Four sightings per check-in, four distinct peripherals whatever the number of check-ins.
      expect(table.length).toBe(4 * checkins);
      expect(table.peripherals.length).toBe(4);
      expect(table.values).toEqual(['1d6b:0104 Composite Gadget', '046d:c52b USB Receiver', 'X1', 'MACROSILICON']);
      expect([...new Set(Array.from(table.field, (f) => peripheralFields[f]))]).toEqual(['usbDevices', 'displays']);
    }
  });
});
