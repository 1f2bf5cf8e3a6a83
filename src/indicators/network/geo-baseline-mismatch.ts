import { z } from 'zod';
import { cite, compareText, haversineKm, isAnonymized } from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft } from '../../contract/types';
import type { SessionEvent } from '../../records/events';

const options = z.object({
  minLogins: z
    .number()
    .int()
    .positive()
    .default(10)
    .describe('Fewest located, non-anonymized logins needed for a baseline: a handful of logins is a trip, not a home.'),
  minForeignShare: z
    .number()
    .gt(0)
    .max(1)
    .default(0.6)
    .describe(
      'Share of logins from one country other than the claimed one that makes it the baseline. A traveller spends weeks, not ' + 'most of the time, abroad.',
    ),
  homeRadiusKm: z
    .number()
    .positive()
    .default(150)
    .describe(
      'Logins with coordinates within this distance of the claimed residence coordinates count as home. Generous, because IP ' +
        'geolocation of mobile and carrier-grade NAT egress is often off by a hundred km.',
    ),
  baselineLogins: z
    .number()
    .int()
    .positive()
    .default(10)
    .describe('How many of the earliest logins form the first baseline, against which a later switch to the claimed country is judged.'),
});

type MessageId = 'foreignBaseline' | 'farFromHome' | 'shiftToClaimed';

/**
 * `network/geo-baseline-mismatch`: the country most logins come from is not the claimed
 * residence, or a foreign baseline is followed by logins from the claimed country on an
 * unmanaged device (the relay appears once the person is noticed).
 */
export const geoBaselineMismatch = defineIndicator({
  meta: {
    id: 'network/geo-baseline-mismatch',
    title: 'Login location baseline far from the claimed residence',
    category: 'network',
    version: '1.0.0',
    kind: 'risk',
    family: 'network',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'network-location',
    options,
    messages: {
      foreignBaseline: '{{share}}% of {{logins}} sign-ins came from {{country}}, while the claimed residence is in {{claimed}}',
      farFromHome:
        '{{share}}% of {{logins}} located sign-ins came from more than {{radius}} km from the claimed residence in {{home}}, ' +
        'most often from {{place}} ({{km}} km away)',
      shiftToClaimed:
        'The first {{baseline}} sign-ins came mostly from {{country}}; later sign-ins from the claimed country {{claimed}} ' +
        'arrived on {{unmanaged}} unmanaged-device sessions',
    },
    neutralReason: 'Sign-in locations could not be reconciled with the stated residence.',
    recommendedAction: 'Run a location check (a live call from the claimed home, or an in-person visit) and review which device and network each sign-in used.',
    docs: {
      description:
        'Builds the login-country baseline from successful, located, non-anonymized sign-ins and compares it with the claimed ' +
        'residence country. Fires when at least `minForeignShare` of at least `minLogins` logins come from one other country; ' +
        'when the claimed residence has coordinates (`identity.residence.lat`/`lon`) and at least `minForeignShare` of the ' +
        'logins with coordinates lie more than `homeRadiusKm` away (a laptop farm in another state, as in the Nashville case); ' +
        'and when the first `baselineLogins` logins were mostly foreign but later logins from the claimed country arrive on ' +
        'unmanaged devices (LB: a China baseline, then Dallas and Los Angeles IPs on an unmanaged device). A country is only ' +
        "ever compared with the person's own claim. Laptop farms give clean domestic IPs, so a match clears no one.",
      requires: [
        'identity.residence.country',
        'identity.residence.lat',
        'events[type=session].network.country',
        'events[type=session].network.lat',
        'events[type=session].deviceManaged',
      ],
      threatHypothesis: 'The worker lives abroad and reaches the company through a relay, VPN exit or laptop farm in the claimed country.',
      sources: cite('LB', 'SEAL', 'MS-JS'),
      falsePositives: [
        'Long assignments or extended stays abroad that HR knows about (update the claimed residence).',
        'A corporate network whose egress is in another country (mark it as a VPN in enrichment).',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    const claimed = view.subject.identity?.residence?.country;
    if (claimed === undefined) return notEvaluated('no claimed residence country', ['identity.residence.country']);
    const logins = view.eventsOf('session').filter((s) => s.result !== 'failure' && s.network?.country !== undefined && !isAnonymized(s.network));
    if (logins.length === 0) {
      return notEvaluated('no located sign-ins outside VPNs and proxies', ['events[type=session].network.country']);
    }
    const findings: FindingDraft<MessageId>[] = [];
    const counts = new Map<string, SessionEvent[]>();
    for (const s of logins) {
      const c = s.network?.country as string;
      const list = counts.get(c);
      if (list === undefined) counts.set(c, [s]);
      else list.push(s);
    }
    let top: [string, SessionEvent[]] | undefined;
    for (const entry of [...counts].sort((a, b) => compareText(a[0], b[0]))) {
      if (top === undefined || entry[1].length > top[1].length) top = entry;
    }
    if (logins.length >= options.minLogins && top !== undefined && top[0] !== claimed) {
      const share = top[1].length / logins.length;
      if (share >= options.minForeignShare) {
        findings.push({
          messageId: 'foreignBaseline',
          strength: Math.min(1, 0.5 + (share - options.minForeignShare) * 1.25 + Math.min(0.2, logins.length / 500)),
          data: { share: Math.round(share * 100), logins: logins.length, country: top[0], claimed },
          evidence: [
            { recordId: view.subject.id, field: 'identity.residence.country', value: claimed, note: 'claimed residence' },
            ...top[1].slice(0, 10).map((s) => ({ recordId: s.id, at: s.at, field: 'network.country', value: top[0] })),
          ],
        });
      }
    }
    // Distance from a geocoded claimed residence, only when the country-level check stayed quiet.
    const residence = view.subject.identity?.residence;
    if (findings.length === 0 && residence?.lat !== undefined && residence.lon !== undefined) {
      const home = { lat: residence.lat, lon: residence.lon };
      const located = logins.filter((s) => s.network?.lat !== undefined && s.network.lon !== undefined);
      const far = new Map<string, { km: number[]; sessions: SessionEvent[] }>();
      let farCount = 0;
      for (const s of located) {
        const km = haversineKm(home, { lat: s.network?.lat as number, lon: s.network?.lon as number });
        if (km <= options.homeRadiusKm) continue;
        farCount++;
        const place = [s.network?.city, s.network?.region, s.network?.country].filter((x) => x !== undefined).join(', ') || 'an unnamed place';
        const entry = far.get(place) ?? { km: [], sessions: [] };
        entry.km.push(km);
        entry.sessions.push(s);
        far.set(place, entry);
      }
      const share = located.length === 0 ? 0 : farCount / located.length;
      if (located.length >= options.minLogins && share >= options.minForeignShare) {
        let top: [string, { km: number[]; sessions: SessionEvent[] }] | undefined;
        for (const entry of [...far].sort((a, b) => compareText(a[0], b[0]))) {
          if (top === undefined || entry[1].sessions.length > top[1].sessions.length) top = entry;
        }
        const [place, entry] = top as [string, { km: number[]; sessions: SessionEvent[] }];
        const kms = [...entry.km].sort((a, b) => a - b);
        findings.push({
          messageId: 'farFromHome',
          strength: Math.min(0.8, 0.4 + (share - options.minForeignShare)),
          data: {
            share: Math.round(share * 100),
            logins: located.length,
            radius: options.homeRadiusKm,
            home: [residence.city, residence.region, claimed].filter((x) => x !== undefined).join(', '),
            place,
            km: Math.round(kms[kms.length >> 1] as number),
          },
          evidence: [
            { recordId: view.subject.id, field: 'identity.residence', value: [home.lat, home.lon], note: 'claimed residence' },
            ...entry.sessions.slice(0, 10).map((s) => ({ recordId: s.id, at: s.at, field: 'network', value: place })),
          ],
        });
      }
    }
    // Abrupt shift: a foreign first baseline, then the claimed country on unmanaged devices.
    if (logins.length > options.baselineLogins) {
      const first = new Map<string, number>();
      for (const s of logins.slice(0, options.baselineLogins)) first.set(s.network?.country as string, (first.get(s.network?.country as string) ?? 0) + 1);
      let baseCountry = claimed;
      let baseCount = 0;
      for (const [c, n] of [...first].sort((a, b) => compareText(a[0], b[0]))) if (n > baseCount) [baseCountry, baseCount] = [c, n];
      if (baseCountry !== claimed && baseCount / options.baselineLogins >= options.minForeignShare) {
        const later = logins
          .slice(options.baselineLogins)
          .filter((s) => s.network?.country === claimed && (s.deviceManaged === false || s.deviceCompliant === false));
        if (later.length > 0) {
          findings.push({
            messageId: 'shiftToClaimed',
            strength: Math.min(1, 0.6 + 0.1 * later.length),
            data: { baseline: options.baselineLogins, country: baseCountry, claimed, unmanaged: later.length },
            evidence: [
              ...logins
                .slice(0, 3)
                .map((s) => ({ recordId: s.id, at: s.at, field: 'network.country', value: s.network?.country ?? null, note: 'first baseline' })),
              ...later.slice(0, 8).map((s) => ({
                recordId: s.id,
                at: s.at,
                field: 'deviceManaged',
                value: false,
                note: `claimed country on ${s.deviceId ?? 'an unmanaged device'}`,
              })),
            ],
          });
        }
      }
    }
    return findings;
  },
});
