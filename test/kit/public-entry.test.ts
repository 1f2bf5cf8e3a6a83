// The helpers the built-ins use, through the public entry `redflags/kit` (here by its source
// file), as a custom author reaches them: the reference-table lookups, text and tag helpers,
// channels, interviews, payouts, robust statistics, local time and travel.
import type { ActivityEvent, ActivityEventOf } from '../../src/records/events';
import type { Subject } from '../../src/records/subject';
import * as kit from '../../src/kit';

const at = (day: number, hour = 12): string => new Date(Date.UTC(2026, 0, day, hour)).toISOString();

describe('redflags/kit reference tables', () => {
  it('matches remote-access, tunnel, IP-KVM and VPN names against the shipped tables, and extra entries', () => {
    expect(kit.matchRemoteAccessTool('AnyDesk.exe')?.id).toBe('anydesk');
    expect(kit.matchRemoteAccessTool('Notepad')).toBeUndefined();
    expect(kit.matchTunnelTool('ngrok')?.id).toBe('ngrok');
    expect(kit.matchIpKvmDevice({ name: 'PiKVM Composite KVM Device' })?.id).toBe('pikvm');
    expect(kit.matchIpKvmDevice({ name: 'Logitech Keyboard' })).toBeUndefined();
    expect(kit.matchVpnProvider('Nord VPN')?.id).toBe('nordvpn');
    expect(kit.knownVpnProviders.some((p) => p.id === 'nordvpn')).toBe(true);
    expect(kit.vpnProvidersOfConcern.length).toBeGreaterThan(0);
    const extra = [{ id: 'in-house-rdp', name: 'In-House RDP', kind: 'remote-desktop' as const, aliases: ['ihrdp'] }];
    expect(kit.matchRemoteAccessTool('IHRDP', extra as never)?.id).toBe('in-house-rdp');
  });

  it('finds a technology by alias with its first public release year', () => {
    expect(kit.findTechnology('ReactJS')).toMatchObject({ id: 'react', firstPublicRelease: 2013 });
    expect(kit.findTechnology('k8s')?.id).toBe('kubernetes');
    expect(kit.findTechnology('no such framework')).toBeUndefined();
  });

  it('measures distances between places and reads countries from calling codes', () => {
    // Paris to London, about 344 km along the great circle.
    expect(kit.haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 })).toBeCloseTo(344, -1);
    expect(kit.callingCodeCountries('+44 20 7946 0000')).toContain('GB');
    expect(kit.callingCodeCountries('+1 202 555 0100')).toContain('US');
  });
});

describe('redflags/kit text and tag helpers', () => {
  it('pluralises, cuts at the first stop character and formats bytes', () => {
    expect(kit.countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(kit.countOf(3, 'device')).toBe('3 devices');
    expect(kit.cutAtFirst('example.com/path?q=1', '/?')).toBe('example.com');
    expect(kit.formatBytes(5 * 1024 * 1024)).toMatch(/MB$/);
    expect(kit.formatBytes(3 * 1024 ** 3)).toMatch(/GB$/);
    expect(kit.maxDomainLength).toBe(253);
    expect(kit.docsLink('docs/cli.md')).toMatch(/^https:\/\/github\.com\/redflags\/redflags\/.*docs\/cli\.md$/);
  });

  it('normalises tags, names and identifiers for comparison', () => {
    expect(kit.normalizeTag('  ITAR ')).toBe('itar');
    expect(kit.normalizeName('José  NÚÑEZ-García')).toBe(kit.normalizeName('jose nunez-garcia'));
    expect(kit.normalizeIdentifier('  ')).toBeUndefined();
    expect(kit.pathMatches('repo/.github/workflows/ci.yml', kit.defaultCiPatterns)).toBe(true);
    expect(kit.pathMatches('src/app.ts', kit.defaultCiPatterns)).toBe(false);
    const tags = kit.organisationSensitiveTags({ organisation: { sensitivityTags: { exportControlled: ['EAR99'] } } } as never, ['Nuclear']);
    expect([...tags].sort()).toEqual(['ear99', 'nuclear']);
  });
});

describe('redflags/kit events and records', () => {
  const web = (id: string, day: number, category: ActivityEventOf<'web'>['category']): ActivityEventOf<'web'> =>
    ({ type: 'web', id, subjectId: 's', at: at(day), action: 'visit', category }) as ActivityEventOf<'web'>;

  it('names the exfiltration channel of an event and keeps job-board visits in a window', () => {
    const upload = { ...web('w1', 2, 'personal-cloud'), action: 'upload' } as ActivityEvent;
    expect(kit.channelOf(upload)).toBe('personal-cloud');
    expect(kit.channelOf(web('w2', 2, 'news' as never))).toBeUndefined();
    expect(kit.channelLabels['removable-media']).toEqual(expect.any(String));
    const visits = [web('j1', 1, 'job-board'), web('j2', 5, 'job-board'), web('j3', 9, 'job-board')];
    expect(kit.jobBoardActivity(visits, Date.parse(at(4)), Date.parse(at(6))).map((e) => e.id)).toEqual(['j2']);
  });

  it('sorts interviews in time, drops later ones, and sees accommodations', () => {
    const interviews = [
      { id: 'b', at: at(3), mode: 'video', outcome: 'held' },
      { id: 'a', at: at(1), mode: 'video', outcome: 'no-show' },
      { id: 'c', at: at(20), mode: 'video', outcome: 'held' },
    ] as NonNullable<Subject['interviews']>;
    expect(kit.sortedInterviews(interviews, Date.parse(at(10))).map((i) => i.id)).toEqual(['a', 'b']);
    expect(kit.hasAccommodation({ accommodation: 'camera off for a medical reason' })).toBe(true);
    expect(kit.hasAccommodation({ accommodation: '   ' })).toBe(false);
  });

  it('keys payout destinations by account, not by form, and never prints a full account number', () => {
    const first = { id: 'p1', at: at(1), method: 'bank', iban: 'GB33BUKB20201555555555' } as NonNullable<Subject['paymentInstructions']>[number];
    const again = { ...first, id: 'p2', at: at(9) };
    expect(kit.payoutDestinationKey(first)).toBe(kit.payoutDestinationKey(again));
    expect(kit.describePayout(first)).not.toContain('20201555555555');
  });

  it('starts tenure at the hire date, else the lifecycle start date', () => {
    expect(kit.tenureStartMs({ id: 's', hiredAt: at(5) } as Subject)).toBe(Date.parse(at(5)));
    expect(kit.tenureStartMs({ id: 's' } as Subject)).toBeUndefined();
  });

  it('merges the legs of one trip abroad into one period, widened by the slack', () => {
    const subject = {
      id: 's',
      identity: { residence: { country: 'US' } },
      travel: [
        { id: 't2', depart: at(3), arrive: at(3, 20), to: { country: 'US' } },
        { id: 't1', depart: at(1), arrive: at(1, 20), to: { country: 'DE' } },
      ],
    } as unknown as Subject;
    const hour = kit.HOUR_MS;
    expect(kit.travelPeriods(subject, hour)).toEqual([{ from: Date.parse(at(1)) - hour, to: Date.parse(at(3, 20)) + hour, ids: ['t1', 't2'] }]);
  });
});

describe('redflags/kit numbers and local time', () => {
  it('rounds to one decimal and takes a quantile without the value itself', () => {
    expect(kit.round1(2.345)).toBe(2.3);
    expect(kit.round1(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    // Peers' values without the subject's own 100: the median of 1, 2, 3 is 2.
    expect(kit.quantileWithout([1, 2, 3, 100], 100, 0.5)).toBe(2);
    expect(kit.MAD_TO_SD).toBeCloseTo(1.4826, 4);
  });

  it('reads local minutes once and derives the hour and the date from them', () => {
    const minutes = kit.localMinutesIn('Asia/Tokyo')(Date.parse('2026-01-01T20:30:00Z'));
    expect(kit.hourOfLocalMinutes(minutes)).toBe(5.5);
    expect(kit.dateOfLocalMinutes(minutes)).toBe('2026-01-02');
  });
});
