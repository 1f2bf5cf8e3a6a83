import { anonymizingInfrastructure, createScorer, ipKvm } from '../../src/index';
import * as ipKvmTable from '../../src/data/ipKvmDevices';
import * as vpnTable from '../../src/data/vpnProviders';

// `network/anonymizing-infrastructure` and `device/ip-kvm` remember each table match for the
// process: a VPN name is matched once per provider list, a peripheral once, however many subjects
// and events carry it. Counted through the tables' match functions (called through), never timed.
vi.mock('../../src/data/vpnProviders', async (importOriginal) => {
  const original = await importOriginal<typeof vpnTable>();
  return { ...original, matchVpnProvider: vi.fn(original.matchVpnProvider) };
});
vi.mock('../../src/data/ipKvmDevices', async (importOriginal) => {
  const original = await importOriginal<typeof ipKvmTable>();
  return { ...original, matchIpKvmDevice: vi.fn(original.matchIpKvmDevice) };
});

const asOf = '2025-06-01T00:00:00Z';
const DISTINCT = 6;
// An approved provider as well as the providers of concern: every sign-in is checked against both lists.
const scorer = createScorer({
  indicators: [anonymizingInfrastructure, ipKvm],
  config: { indicators: { 'network/anonymizing-infrastructure': { options: { approvedProviders: ['Zscaler'] } } } },
});

/**
 * `subjects` subjects, each with `DISTINCT` VPN names (four sign-ins each) and `DISTINCT`
 * peripherals (in two check-ins), every name starting with `prefix` so that each batch's names
 * are new to the process.
 */
function batch(prefix: string, subjects: number) {
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < subjects; s++) {
    for (let n = 0; n < DISTINCT * 4; n++) {
      const at = new Date(Date.UTC(2025, 2, 1 + (n % 28), 9 + (n % 8))).toISOString();
      events.push({
        id: `s${s}-v${n}`,
        subjectId: `s${s}`,
        type: 'session',
        at,
        network: { country: 'US', isVpn: true, vpnProvider: `${prefix} relay ${n % DISTINCT}` },
      });
    }
    for (let c = 0; c < 2; c++) {
      const usbDevices = Array.from({ length: DISTINCT }, (_, d) => ({ vendorId: 'abcd', productId: `${d}${d}${d}${d}`, product: `${prefix} gadget ${d}` }));
      events.push({ id: `s${s}-c${c}`, subjectId: `s${s}`, type: 'device-checkin', at: `2025-03-0${c + 1}T10:00:00Z`, deviceId: `s${s}-mac`, usbDevices });
    }
  }
  return { asOf, subjects: Array.from({ length: subjects }, (_, s) => ({ id: `s${s}` })), events };
}

/** The table matches made for names starting with `prefix`: VPN names, then peripherals. */
function matchesOf(prefix: string): { vpn: number; peripherals: number } {
  const vpn = vi.mocked(vpnTable.matchVpnProvider).mock.calls.filter(([name]) => name.startsWith(prefix)).length;
  const peripherals = vi.mocked(ipKvmTable.matchIpKvmDevice).mock.calls.filter(([id]) => id.name?.startsWith(prefix) === true).length;
  return { vpn, peripherals };
}

describe('remembered table matches', () => {
  it('match each distinct VPN name once per provider list and each peripheral once, whatever the number of subjects', () => {
    const small = scorer.scoreBatch(batch('alpha', 5));
    const large = scorer.scoreBatch(batch('beta', 60));
    expect(small.rejected).toEqual([]);
    expect(large.rejected).toEqual([]);
    expect(large.reports).toHaveLength(60);

    const few = matchesOf('alpha');
    const many = matchesOf('beta');
    // Once per name for each of the two lists.
    expect(few).toEqual({ vpn: 2 * DISTINCT, peripherals: DISTINCT });
    expect(many).toEqual(few);

    // A later batch with the same names matches nothing again.
    scorer.scoreBatch(batch('beta', 10));
    expect(matchesOf('beta')).toEqual(few);
  });
});
