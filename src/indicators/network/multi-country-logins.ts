import { z } from 'zod';
import { accountOf, cite, compareText, haversineKm, HOUR_MS, isAnonymized, locationOf, type LoginLocation, placeName, type TravelLeg } from '../../kit';
import { defineIndicator } from '../../contract/defineIndicator';
import type { FindingDraft, Mitigation } from '../../contract/types';
import type { NetworkEnrichment, SessionEvent } from '../../records/events';

const options = z.object({
  windowHours: z
    .number()
    .positive()
    .default(24)
    .describe('Sliding window for counting countries and networks per account: the advisories speak of logins from several countries in a short period.'),
  minCountries: z
    .number()
    .int()
    .min(2)
    .default(3)
    .describe('Distinct countries within the window that fire. Two is one trip (a traveller lands in one more country), three in a day is not.'),
  minAsns: z.number().int().min(2).default(5).describe('Distinct networks (ASNs) within the window that fire. Home, mobile and office already make three.'),
  ignoreJourneys: z
    .boolean()
    .default(true)
    .describe(
      'Leave out windows whose countries follow one another without a return (home, a layover, the destination): a traveller ' +
        'who signs in at the connecting airport passes three countries in a day. A return to a country already left within the ' +
        'window still counts, and impossible travel still checks the speed of every leg.',
    ),
  maxSpeedKmh: z
    .number()
    .positive()
    .default(1000)
    .describe('Ground speed between consecutive logins above which travel is impossible; an airliner cruises at about 900 km/h.'),
  minDistanceKm: z.number().nonnegative().default(500).describe('Shorter jumps are within IP-geolocation error and never count as travel.'),
  centroidSlackKm: z
    .number()
    .nonnegative()
    .default(1500)
    .describe(
      'Distance taken off for each end located only by a country centroid, since the login may be anywhere in the country: ' +
        'Detroit to Windsor is 2 km, the US and Canadian centroids are 1,900 km apart.',
    ),
  includeAnonymized: z
    .boolean()
    .default(false)
    .describe(
      'Count VPN, proxy, Tor and hosting egress too. Off by default: an expat or traveller on a VPN hops countries without ' +
        'moving, and `network/anonymizing-infrastructure` weighs those logins.',
    ),
  travelSlackHours: z
    .number()
    .nonnegative()
    .default(24)
    .describe(
      'Hours before departure and after arrival of a booked leg (`travel[]`) during which sign-ins from its countries (from, ' +
        'via, to) are explained by the trip: people sign in at the airport, in transit and on arrival.',
    ),
});

interface TripWindow {
  readonly from: number;
  readonly to: number;
  readonly countries: ReadonlySet<string>;
  /** The booked leg, for the report's "mitigated by". */
  readonly id: string;
}

/** Each booked leg as a time window (widened by the slack) and the countries it passes. */
function tripWindows(legs: readonly TravelLeg[], slackMs: number): TripWindow[] {
  const out: TripWindow[] = [];
  for (const leg of legs) {
    const countries = new Set<string>(leg.via ?? []);
    if (leg.from.country !== undefined) countries.add(leg.from.country);
    if (leg.to.country !== undefined) countries.add(leg.to.country);
    if (countries.size === 0) continue;
    const depart = Date.parse(leg.depart);
    const arrive = leg.arrive !== undefined ? Date.parse(leg.arrive) : depart;
    out.push({ from: depart - slackMs, to: Math.max(depart, arrive) + slackMs, countries, id: leg.id });
  }
  return out;
}

/**
 * The booked legs overlapping the span from `start` to `end` when every country signed in from
 * in it lies on one of them (the trip explains the span); undefined otherwise.
 */
function explainedByTravel(trips: readonly TripWindow[], start: number, end: number, countries: Iterable<string>): string[] | undefined {
  if (trips.length === 0) return undefined;
  const onTrip = new Set<string>();
  const legs: string[] = [];
  for (const t of trips) {
    if (t.from > end || t.to < start) continue;
    legs.push(t.id);
    for (const c of t.countries) onTrip.add(c);
  }
  if (onTrip.size === 0) return undefined;
  for (const c of countries) if (!onTrip.has(c)) return undefined;
  return legs;
}

/** The legs as the mitigations a report lists. */
function legMitigations(legs: Iterable<string>): Mitigation[] {
  return [...new Set(legs)].sort().map((id) => ({ recordId: id, field: 'travel', explains: 'booked travel through these countries at the time' }));
}

interface Login {
  readonly session: SessionEvent;
  readonly t: number;
}

type MessageId = 'manyCountries' | 'manyNetworks' | 'impossibleTravel';

/**
 * `network/multi-country-logins`: one account signs in from several countries or networks within
 * a short window, or from two places no one could travel between in the time between logins.
 */
export const multiCountryLogins = defineIndicator({
  meta: {
    id: 'network/multi-country-logins',
    title: 'Logins from several countries or impossible travel',
    category: 'network',
    version: '1.1.0',
    kind: 'risk',
    family: 'network',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 1.5,
    correlationGroup: 'network-location',
    options,
    messages: {
      manyCountries: 'Account {{account}} signed in from {{count}} countries ({{countries}}) within {{window}} hours',
      manyNetworks: 'Account {{account}} signed in from {{count}} networks within {{window}} hours',
      impossibleTravel:
        'Account {{account}} signed in from {{from}} and then from {{to}} {{hours}} hours later: at least {{km}} km, {{speed}} km/h ({{count}} such jumps)',
    },
    neutralReason: "Sign-in locations could not be reconciled with one person's whereabouts.",
    recommendedAction: "Review the account's sign-in timeline with the worker; ask about travel and VPN use, and check the logins' devices.",
    docs: {
      description:
        'Per account, slides a `windowHours` window over successful logins and fires when it holds `minCountries` distinct ' +
        'countries (not as one journey through them, unless `ignoreJourneys` is off) or `minAsns` distinct networks; and sweeps ' +
        'consecutive logins, firing when the speed between them (caller-supplied coordinates, else the country centroids shipped ' +
        'with the library, less `centroidSlackKm` per centroid) exceeds `maxSpeedKmh` over at least `minDistanceKm`. Named in ' +
        'the 2022 US and ROK advisories: several people using one account from different places. Anonymized egress is left out ' +
        'by default. Booked travel (`travel[]`) explains a window whose countries all lie on legs overlapping it (within ' +
        '`travelSlackHours`), and a jump between two countries of one leg during it.',
      requires: ['events[type=session].network.country', 'events[type=session].network.asn', 'events[type=session].network.lat', 'travel[]'],
      threatHypothesis: 'Several people in different countries share the account, or the worker reaches it from abroad through a relay.',
      sources: cite('US-2022', 'ROK-2022', 'LB', 'TRK'),
      falsePositives: [
        'Travellers whose trip is not in `travel[]` (a flight between two logins is not impossible travel; check the timeline).',
        'Mobile carriers and corporate VPNs whose egress geolocates far from the user.',
        'Inaccurate IP geolocation for satellite or in-flight internet.',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    // Successful sign-ins with a located egress, per account, with their times from the view's
    // column: one sweep, no filtered copies, no time looked up per sign-in.
    const sessions = view.eventsOf('session');
    const times = view.eventTimes('session');
    const byAccount = new Map<string, Login[]>();
    let located = 0;
    let lastAccount: string | undefined;
    let lastList: Login[] | undefined;
    for (let i = 0; i < sessions.length; i++) {
      const s = sessions[i] as SessionEvent;
      const n = s.network;
      if (s.result === 'failure' || n === undefined || (n.country === undefined && n.asn === undefined && n.lat === undefined)) continue;
      located++;
      if (!options.includeAnonymized && isAnonymized(n)) continue;
      const account = accountOf(s);
      const login = { session: s, t: times[i] as number };
      if (account !== lastAccount || lastList === undefined) {
        lastAccount = account;
        lastList = byAccount.get(account);
        if (lastList === undefined) byAccount.set(account, (lastList = []));
      }
      lastList.push(login);
    }
    if (located === 0) {
      return notEvaluated('no sign-ins with network enrichment', ['events[type=session].network']);
    }
    const findings: FindingDraft<MessageId>[] = [];
    const window = options.windowHours * HOUR_MS;
    const trips = tripWindows(view.subject.travel ?? [], options.travelSlackHours * HOUR_MS);
    for (const [account, logins] of [...byAccount].sort((a, b) => compareText(a[0], b[0]))) {
      const inc = <K>(m: Map<K, number>, k: K | undefined, by: number): void => {
        if (k === undefined) return;
        const v = (m.get(k) ?? 0) + by;
        if (v === 0) m.delete(k);
        else m.set(k, v);
      };
      // Countries: a two-pointer window over the logins that name one. A journey (home, a
      // layover, the destination) passes through each country in one stretch; an account shared
      // between places keeps coming back. changes[i] counts the country changes among the first
      // i + 1 logins, so a window's stretches are changes[hi] - changes[lo] + 1 in O(1).
      const withCountry = logins.filter((l) => l.session.network?.country !== undefined);
      const countryAt = (i: number): string => (withCountry[i] as Login).session.network?.country as string;
      const changes: number[] = [];
      for (let i = 0; i < withCountry.length; i++) changes.push(i === 0 ? 0 : (changes[i - 1] as number) + (countryAt(i) !== countryAt(i - 1) ? 1 : 0));
      const countries = new Map<string, number>();
      let bestCountries = { count: 0, end: 0, start: 0, names: [] as string[] };
      let bestExplained = { count: 0, end: 0, start: 0, names: [] as string[], legs: [] as string[] };
      for (let hi = 0, lo = 0; hi < withCountry.length; hi++) {
        const t = (withCountry[hi] as Login).t;
        inc(countries, countryAt(hi), 1);
        while ((withCountry[lo] as Login).t < t - window) inc(countries, countryAt(lo++), -1);
        const stretches = (changes[hi] as number) - (changes[lo] as number) + 1;
        const journey = stretches === countries.size;
        if (countries.size > bestCountries.count && !(journey && options.ignoreJourneys)) {
          const legs = explainedByTravel(trips, (withCountry[lo] as Login).t, t, countries.keys());
          if (legs === undefined) bestCountries = { count: countries.size, end: hi, start: lo, names: [...countries.keys()].sort() };
          else if (countries.size > bestExplained.count)
            bestExplained = { count: countries.size, end: hi, start: lo, names: [...countries.keys()].sort(), legs };
        }
      }
      // Networks: the same window over every login with an ASN.
      const asns = new Map<number, number>();
      let bestAsns = { count: 0, end: 0, start: 0 };
      for (let hi = 0, lo = 0; hi < logins.length; hi++) {
        const cur = logins[hi] as Login;
        inc(asns, cur.session.network?.asn, 1);
        while ((logins[lo] as Login).t < cur.t - window) inc(asns, (logins[lo++] as Login).session.network?.asn, -1);
        if (asns.size > bestAsns.count) bestAsns = { count: asns.size, end: hi, start: lo };
      }
      const windowEvidence = (list: readonly Login[], start: number, end: number) =>
        list
          .slice(start, end + 1)
          .slice(0, 15)
          .map((l) => ({
            recordId: l.session.id,
            at: l.session.at,
            field: 'network',
            value: `${placeName(l.session.network)}${l.session.network?.asn !== undefined ? ` AS${l.session.network.asn}` : ''}`,
          }));
      if (bestCountries.count >= options.minCountries) {
        findings.push({
          messageId: 'manyCountries',
          strength: Math.min(1, 0.6 + 0.2 * (bestCountries.count - options.minCountries)),
          data: { account, count: bestCountries.count, countries: bestCountries.names.join(', '), window: options.windowHours },
          evidence: windowEvidence(withCountry, bestCountries.start, bestCountries.end),
        });
      }
      if (bestCountries.count < options.minCountries && bestExplained.count >= options.minCountries) {
        // Silenced by the trip: the report shows which legs explain it.
        findings.push({
          messageId: 'manyCountries',
          strength: 0,
          data: { account, count: bestExplained.count, countries: bestExplained.names.join(', '), window: options.windowHours },
          evidence: windowEvidence(withCountry, bestExplained.start, bestExplained.end),
          mitigatedBy: legMitigations(bestExplained.legs),
        });
      }
      if (bestAsns.count >= options.minAsns) {
        findings.push({
          messageId: 'manyNetworks',
          strength: Math.min(0.8, 0.4 + 0.1 * (bestAsns.count - options.minAsns)),
          data: { account, count: bestAsns.count, window: options.windowHours },
          evidence: windowEvidence(logins, bestAsns.start, bestAsns.end),
        });
      }
      // Impossible travel: each located login against the previous located one, so the sweep
      // stays linear and a login with only an ASN in between hides no jump.
      let jumps = 0;
      let worst: { speed: number; km: number; hours: number; a: Login; b: Login } | undefined;
      let worstExplained: { speed: number; km: number; hours: number; a: Login; b: Login; legs: string[] } | undefined;
      let explainedJumps = 0;
      const jumpEvidence: { recordId: string; at: string; field: string; value: string }[] = [];
      let previousLogin: Login | undefined;
      let previousLocation: LoginLocation | undefined;
      let previousNetwork: NetworkEnrichment | undefined;
      for (let k = 0; k < logins.length; k++) {
        const b = logins[k] as Login;
        const nb = b.session.network;
        // Most logins come from where the previous located one did: the location is the same
        // (locationOf reads only these three fields) and no distance separates them, so there is
        // no jump to check and no location object to make.
        if (
          previousNetwork !== undefined &&
          nb !== undefined &&
          nb.lat === previousNetwork.lat &&
          nb.lon === previousNetwork.lon &&
          nb.country === previousNetwork.country
        ) {
          previousLogin = b;
          continue;
        }
        const lb = locationOf(nb);
        if (lb === undefined) continue;
        const a = previousLogin;
        const la = previousLocation;
        previousLogin = b;
        previousLocation = lb;
        previousNetwork = nb;
        if (a === undefined || la === undefined) continue;
        // A centroid of the same country says nothing about movement; across countries, a
        // centroid only bounds the distance, so the slack keeps neighbours from looking far apart.
        if ((la.centroid || lb.centroid) && la.country === lb.country) continue;
        const slack = options.centroidSlackKm * ((la.centroid ? 1 : 0) + (lb.centroid ? 1 : 0));
        const km = haversineKm(la.point, lb.point) - slack;
        if (km < options.minDistanceKm) continue;
        const hours = Math.max(b.t - a.t, 60_000) / HOUR_MS;
        const speed = km / hours;
        if (speed <= options.maxSpeedKmh) continue;
        const legs = la.country !== undefined && lb.country !== undefined ? explainedByTravel(trips, a.t, b.t, [la.country, lb.country]) : undefined;
        if (legs !== undefined) {
          explainedJumps++;
          if (worstExplained === undefined || speed > worstExplained.speed) worstExplained = { speed, km, hours, a, b, legs };
          continue;
        }
        jumps++;
        if (jumpEvidence.length < 12) {
          jumpEvidence.push(
            { recordId: a.session.id, at: a.session.at, field: 'network', value: placeName(a.session.network) },
            { recordId: b.session.id, at: b.session.at, field: 'network', value: placeName(b.session.network) },
          );
        }
        if (worst === undefined || speed > worst.speed) worst = { speed, km, hours, a, b };
      }
      if (worst !== undefined) {
        findings.push({
          messageId: 'impossibleTravel',
          strength: Math.min(1, 0.6 + 0.1 * (jumps - 1) + 0.1 * Math.log10(worst.speed / options.maxSpeedKmh)),
          data: {
            account,
            from: placeName(worst.a.session.network),
            to: placeName(worst.b.session.network),
            hours: Math.round(worst.hours * 10) / 10,
            km: Math.round(worst.km),
            speed: Math.round(worst.speed),
            count: jumps,
          },
          evidence: jumpEvidence,
        });
      } else if (worstExplained !== undefined) {
        const w = worstExplained;
        findings.push({
          messageId: 'impossibleTravel',
          strength: 0,
          data: {
            account,
            from: placeName(w.a.session.network),
            to: placeName(w.b.session.network),
            hours: Math.round(w.hours * 10) / 10,
            km: Math.round(w.km),
            speed: Math.round(w.speed),
            count: explainedJumps,
          },
          evidence: [
            { recordId: w.a.session.id, at: w.a.session.at, field: 'network', value: placeName(w.a.session.network) },
            { recordId: w.b.session.id, at: w.b.session.at, field: 'network', value: placeName(w.b.session.network) },
          ],
          mitigatedBy: legMitigations(w.legs),
        });
      }
    }
    return findings;
  },
});
