#!/usr/bin/env node
// Writes examples/demo/population.json: a synthetic population of remote workers for the demo.
// Deterministic: a seeded PRNG and fixed dates, so the committed file is reproducible byte for byte.
// Every person, address, account and IP below is invented. Countries appear only as claims and as
// the evidence they are compared with (never as a risk on their own).
//
//   node examples/demo/generate.mjs [outDir]    writes population.json and scenarios.json (default: here)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] ?? here;
const AS_OF = '2025-06-01T00:00:00Z';
const START = Date.UTC(2025, 1, 3); // Monday 3 February 2025
const WEEKS = 17;
const DAY = 86_400_000;

/** mulberry32: a tiny seeded PRNG, enough for synthetic data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20250601);
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + rand() * (hi - lo);
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const iso = (ms) => new Date(Math.round(ms / 60000) * 60000).toISOString().replace('.000Z', 'Z');

/** UTC offset of a time zone at an instant, in ms, from Intl. */
function offsetMs(tz, utcMs) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - utcMs;
}
/** The UTC instant of a local wall-clock hour (fractional) on the day that starts at `dayUtcMs`. */
function localToUtc(dayUtcMs, hour, tz) {
  const guess = dayUtcMs + hour * 3_600_000;
  return guess - offsetMs(tz, guess - offsetMs(tz, guess));
}

const places = [
  { country: 'US', region: 'IL', city: 'Chicago', timeZone: 'America/Chicago', postal: '606', dial: '+1312', asn: 7922, asnOrg: 'Comcast Cable' },
  { country: 'US', region: 'TX', city: 'Austin', timeZone: 'America/Chicago', postal: '787', dial: '+1512', asn: 11427, asnOrg: 'Charter Communications' },
  { country: 'US', region: 'WA', city: 'Seattle', timeZone: 'America/Los_Angeles', postal: '981', dial: '+1206', asn: 7922, asnOrg: 'Comcast Cable' },
  { country: 'US', region: 'NY', city: 'Brooklyn', timeZone: 'America/New_York', postal: '112', dial: '+1718', asn: 701, asnOrg: 'Verizon' },
  { country: 'US', region: 'GA', city: 'Atlanta', timeZone: 'America/New_York', postal: '303', dial: '+1404', asn: 7018, asnOrg: 'AT&T' },
  { country: 'US', region: 'CO', city: 'Denver', timeZone: 'America/Denver', postal: '802', dial: '+1303', asn: 7922, asnOrg: 'Comcast Cable' },
  { country: 'CA', region: 'ON', city: 'Toronto', timeZone: 'America/Toronto', postal: 'M5V', dial: '+1416', asn: 812, asnOrg: 'Rogers' },
  { country: 'GB', region: 'ENG', city: 'Leeds', timeZone: 'Europe/London', postal: 'LS1', dial: '+44113', asn: 5089, asnOrg: 'Virgin Media' },
  { country: 'DE', region: 'BE', city: 'Berlin', timeZone: 'Europe/Berlin', postal: '101', dial: '+4930', asn: 3320, asnOrg: 'Deutsche Telekom' },
  { country: 'NL', region: 'NH', city: 'Amsterdam', timeZone: 'Europe/Amsterdam', postal: '101', dial: '+3120', asn: 1136, asnOrg: 'KPN' },
];
const firstNames = [
  'Alex',
  'Maria',
  'Sam',
  'Priya',
  'Jordan',
  'Chen',
  'Fatima',
  'Lukas',
  'Aisha',
  'Diego',
  'Hannah',
  'Kwame',
  'Sofia',
  'Mateo',
  'Yuki',
  'Olivia',
  'Noah',
  'Amara',
  'Ivan',
  'Leila',
  'Ethan',
  'Grace',
  'Omar',
  'Elena',
  'Ben',
  'Mei',
  'Tom',
  'Rosa',
  'Arjun',
  'Zoe',
  'Jonas',
  'Nadia',
  'Pedro',
  'Keiko',
  'Liam',
  'Ines',
  'Marcus',
  'Anya',
  'David',
  'Sara',
  'Felix',
  'Lina',
  'Ravi',
  'Clara',
  'Tariq',
  'Emma',
];
const lastNames = [
  'Miller',
  'Garcia',
  'Okafor',
  'Schmidt',
  'Nguyen',
  'Patel',
  'Kowalski',
  'Haddad',
  'Johnson',
  'Silva',
  'Brown',
  'Rossi',
  'Kim',
  'Andersen',
  'Murphy',
  'Cohen',
  'Tanaka',
  'Lopez',
  'Novak',
  'Walker',
  'Mensah',
  'Fischer',
  'Ortiz',
  'Clarke',
];
const streets = ['Oak St', 'Maple Ave', 'Cedar Ln', 'Pine Rd', 'Elm St', 'Birch Way', 'Lake Dr', 'Hill Rd', 'Park Ave', 'River Rd'];
const roles = [
  { role: 'backend-engineer', project: 'billing-api', tags: ['payments'] },
  { role: 'frontend-engineer', project: 'web-portal', tags: [] },
  { role: 'data-engineer', project: 'grid-analytics', tags: ['energy'] },
  { role: 'devops-engineer', project: 'platform-infra', tags: ['infrastructure'] },
  { role: 'mobile-engineer', project: 'field-app', tags: [] },
];

const subjects = [];
const events = [];
const scenarios = {};
let eventSeq = 0;
const ev = (subjectId, type, at, fields) => {
  eventSeq += 1;
  const event = { id: `ev-${String(eventSeq).padStart(6, '0')}`, subjectId, type, at: iso(at), ...fields };
  events.push(event);
  return event;
};
const ipOf = (n) => `${[73, 98, 24, 71, 68][n % 5]}.${((n * 37) % 250) + 3}.${((n * 91) % 250) + 3}.${((n * 53) % 250) + 2}`;
const workdays = () => {
  const days = [];
  for (let d = 0; d < WEEKS * 7; d++) {
    const day = START + d * DAY;
    const dow = new Date(day).getUTCDay();
    if (dow !== 0 && dow !== 6) days.push(day);
  }
  return days;
};

// Subject ids are shuffled so that the scenario cannot be read from the id.
const TOTAL = 44;
const idNumbers = Array.from({ length: TOTAL }, (_, i) => i + 1);
for (let i = TOTAL - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [idNumbers[i], idNumbers[j]] = [idNumbers[j], idNumbers[i]];
}

/** The organisation's office (reference.organisation.offices). */
const office = {
  id: 'austin-hq',
  name: 'Austin HQ',
  address: { line1: '500 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
  timeZone: 'America/Chicago',
};

/** An honest remote worker: consistent identity, verified documents, video interviews, home network. */
function honest(n, overrides = {}) {
  const id = `w-${String(idNumbers[n - 1]).padStart(2, '0')}`;
  const place = overrides.place ?? places[n % places.length];
  const name = `${firstNames[n % firstNames.length]} ${lastNames[(n * 7) % lastNames.length]}`;
  const job = roles[n % roles.length];
  const address = {
    line1: `${int(100, 9899)} ${pick(streets)}`,
    city: place.city,
    region: place.region,
    postalCode: `${place.postal}${int(10, 99)}`,
    country: place.country,
  };
  const hired = START - int(60, 700) * DAY;
  const handle = `${name.split(' ')[0].toLowerCase()}${name.split(' ')[1].toLowerCase().slice(0, 3)}${n}`;
  const subject = {
    id,
    kind: n % 4 === 0 ? 'contractor' : 'employee',
    role: job.role,
    projects: [job.project],
    authorizedDataTags: job.tags,
    appliedAt: iso(hired - 40 * DAY),
    offerAt: iso(hired - 14 * DAY),
    hiredAt: iso(hired),
    identity: {
      names: [{ value: name, kind: 'legal', source: 'hris' }],
      residence: {
        country: place.country,
        region: place.region,
        city: place.city,
        timeZone: place.timeZone,
        address,
        verified: true,
        source: 'background-check',
      },
    },
    contacts: {
      emails: [{ address: `${handle}@example.com`, source: 'application-form' }],
      phones: [
        {
          number: `${place.dial}555${String(1000 + ((n * 7919) % 9000)).padStart(4, '0')}`,
          source: 'application-form',
          lineType: 'mobile',
          carrier: 'Example Mobile',
        },
      ],
      addresses: [{ ...address, kind: 'residence', source: 'application-form', verified: true }],
    },
    documents: [
      {
        id: `${id}-doc`,
        type: 'drivers-license',
        issuingCountry: place.country,
        holderName: name,
        address,
        verification: { vendor: 'idv-example', checkedAt: iso(hired - 20 * DAY), outcome: 'verified', liveness: 'passed', selfieMatch: 'match' },
      },
    ],
    identityChecks: [
      { id: `${id}-bgc`, kind: 'background-check', provider: 'bgc-example', at: iso(hired - 18 * DAY), outcome: 'consistent', consumerReport: true },
    ],
    employment: [
      {
        id: `${id}-job1`,
        organisation: `${pick(['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Globex'])} ${pick(['Labs', 'Systems', 'Software'])}`,
        domain: 'example.org',
        role: job.role,
        start: '2019-03',
        end: '2023-01',
        fullTime: true,
        confirmed: 'confirmed',
      },
    ],
    references: [{ id: `${id}-ref1`, name: 'Reference Person', organisation: 'Previous employer', domain: 'example.org', confirmed: 'confirmed' }],
    profiles: [
      {
        id: `${id}-gh`,
        platform: 'github',
        handle,
        createdAt: iso(hired - int(900, 3000) * DAY),
        contributions: int(80, 900),
        followers: int(3, 120),
        status: 'active',
      },
    ],
    interviews: [
      {
        id: `${id}-int1`,
        at: iso(hired - 30 * DAY),
        mode: 'video',
        cameraOn: true,
        outcome: 'held',
        faceMatch: { comparedTo: 'document', result: 'match', score: 0.93 },
      },
      { id: `${id}-int2`, at: iso(hired - 25 * DAY), mode: 'video', cameraOn: true, outcome: 'held' },
    ],
    compensation: { rateAsked: int(95, 150) * 1000, currency: 'USD', period: 'year', marketRate: 125000, marketRateSource: 'internal salary bands' },
    paymentInstructions: [
      {
        id: `${id}-pay1`,
        at: iso(hired - 5 * DAY),
        method: 'bank',
        accountHolderName: name,
        bankName: 'Example Bank',
        bankCountry: place.country,
        accountNumber: `acct-${id}`,
        source: 'hris',
      },
    ],
    shipments: [
      {
        id: `${id}-ship1`,
        shippedAt: iso(hired - 7 * DAY),
        deliveredAt: iso(hired - 4 * DAY),
        deviceId: `${id}-laptop`,
        serial: `SN${100000 + n * 131}`,
        address,
        recipientName: name,
      },
    ],
    // HRIS facts (Workday/BambooHR) and the accounts the IdP holds.
    lifecycle: { status: 'active', startDate: iso(hired).slice(0, 10), source: 'hris' },
    position: { team: job.project, workArrangement: 'remote', source: 'hris' },
    hiring: { channel: n % 5 === 0 ? 'referral' : 'careers-site', source: 'ats' },
    accounts: [{ system: 'okta', accountId: `${id}@corp.example`, kind: 'standard', createdAt: iso(hired - 3 * DAY) }],
  };
  // Hybrid staff in Austin pick their laptop up at the office; the ship-to line names the desk.
  if (place.city === 'Austin' && overrides.place === undefined) {
    subject.shipments[0].address = { ...office.address, line2: `Attn: IT desk, for ${name}` };
    subject.position.workArrangement = 'hybrid';
    subject.position.officeId = office.id;
  }
  const profile = {
    id,
    n,
    name,
    place,
    ip: ipOf(n),
    startHour: overrides.startHour ?? between(8, 9.5),
    length: overrides.length ?? between(7.5, 9),
    vpn: overrides.vpn ?? null,
    travel: overrides.travel ?? null,
    deviceId: `${id}-laptop`,
    mfa: `${id}-phone`,
    job,
  };
  subjects.push(subject);
  return { subject, profile };
}

/** Sessions, work logs, device check-ins, data access and payroll for a worker profile. */
function activity({ subject, profile }, options = {}) {
  const days = workdays();
  const tz = options.workZone ?? profile.place.timeZone;
  let week = -1;
  for (const day of days) {
    if (rand() < 0.05) continue; // a day off now and then
    const inTravel = profile.travel !== null && day >= profile.travel.from && day < profile.travel.to;
    const zone = inTravel ? profile.travel.place.timeZone : tz;
    const startHour = (options.startHour ?? profile.startHour) + between(-0.4, 0.4);
    const at = localToUtc(day, startHour, zone);
    const end = at + (profile.length + between(-0.5, 0.5)) * 3_600_000;
    const place = inTravel ? profile.travel.place : profile.place;
    const useVpn = profile.vpn !== null && rand() < profile.vpn.share;
    const network = useVpn
      ? {
          country: profile.vpn.country ?? place.country,
          city: profile.vpn.city,
          asn: profile.vpn.asn,
          asnOrg: profile.vpn.org,
          isVpn: true,
          isHosting: true,
          vpnProvider: profile.vpn.provider,
        }
      : { country: place.country, region: place.region, city: place.city, asn: place.asn, asnOrg: place.asnOrg, isVpn: false, isHosting: false };
    ev(subject.id, 'session', at, {
      end: iso(end),
      source: 'okta',
      accountId: `${subject.id}@corp.example`,
      ip: useVpn ? profile.vpn.ip : inTravel ? profile.travel.ip : (options.ip ?? profile.ip),
      network: options.network ?? network,
      deviceId: profile.deviceId,
      deviceManaged: true,
      mfa: { method: 'push', authenticatorId: options.mfa ?? profile.mfa },
      ...(options.remoteAccess !== undefined && rand() < 0.6 ? { remoteAccessSoftware: options.remoteAccess } : {}),
      result: 'success',
    });
    // A daily work-diary entry: the hours of the day, less a half-hour break.
    ev(subject.id, 'worklog', at, { end: iso(end), hours: Math.round(((end - at) / 3_600_000 - 0.5) * 4) / 4, source: 'work-diary' });
    const w = Math.floor((day - START) / (7 * DAY));
    if (w !== week) {
      week = w;
      const weekStart = START + w * 7 * DAY;
      ev(subject.id, 'device-checkin', localToUtc(weekStart, 10, zone), {
        source: 'jamf',
        deviceId: profile.deviceId,
        serial: subject.shipments?.[0]?.serial,
        ip: options.ip ?? profile.ip,
        network: options.checkinNetwork ?? { country: profile.place.country, city: profile.place.city, asn: profile.place.asn, asnOrg: profile.place.asnOrg },
        managed: true,
        compliant: true,
        diskEncrypted: true,
        // Inventory as Jamf or osquery reports it: installed apps and attached USB devices.
        installedSoftware: [...['Slack', 'Zoom'], ...(options.remoteAccess ?? [])].map((name) => ({ name })),
        usbDevices: [{ vendorId: '05ac', productId: '0267' }, ...(options.usb ?? [])],
      });
      if (w % 4 === 3) {
        const payAt = weekStart + 4 * DAY + 15 * 3_600_000;
        const instruction = subject.paymentInstructions.at(-1);
        ev(subject.id, 'payment', payAt, {
          source: 'payroll',
          amount: Math.round((subject.compensation.rateAsked / 12) * 100) / 100,
          currency: 'USD',
          method: instruction.method,
          payeeName: instruction.accountHolderName,
          destinationCountry: instruction.bankCountry,
          accountNumber: instruction.accountNumber,
        });
      }
    }
    if (rand() < 0.35) {
      ev(subject.id, 'data-access', at + between(0.5, 6) * 3_600_000, {
        source: 'github',
        resource: `${profile.job.project}/${pick(['api', 'ui', 'etl', 'deploy', 'docs'])}`,
        project: profile.job.project,
        tags: profile.job.tags,
        action: pick(['read', 'read', 'clone', 'push', 'modify']),
        volumeBytes: int(2_000, 4_000_000),
        itemCount: int(1, 40),
        destination: { kind: 'corporate', host: 'git.corp.example' },
      });
    }
  }
}

const scenario = (id, label, kind) => {
  scenarios[id] = { label, kind };
};

let n = 1;
// Honest workers (34), with the everyday noise that must not look like fraud on its own.
for (let i = 0; i < 22; i++, n++) {
  const w = honest(n);
  activity(w);
  scenario(w.subject.id, 'honest remote worker', 'honest');
}
for (let i = 0; i < 4; i++, n++) {
  const w = honest(n, { travel: null });
  const dest = pick([
    { country: 'PT', region: 'LIS', city: 'Lisbon', timeZone: 'Europe/Lisbon', asn: 3243, asnOrg: 'MEO' },
    { country: 'JP', region: '13', city: 'Tokyo', timeZone: 'Asia/Tokyo', asn: 2516, asnOrg: 'KDDI' },
    { country: 'MX', region: 'CMX', city: 'Mexico City', timeZone: 'America/Mexico_City', asn: 8151, asnOrg: 'Telmex' },
  ]);
  const from = START + int(20, 70) * DAY;
  w.profile.travel = { place: dest, from, to: from + int(7, 16) * DAY, ip: `185.${20 + n}.14.${n}` };
  // The trip as the travel-booking tool holds it: out the day before, back the day after.
  const home = w.profile.place;
  w.subject.travel = [
    {
      id: `${w.subject.id}-trip-out`,
      from: { country: home.country, city: home.city },
      to: { country: dest.country, city: dest.city },
      depart: iso(from - DAY),
      arrive: iso(from - DAY + 12 * 3_600_000),
      source: 'travel-booking',
    },
    {
      id: `${w.subject.id}-trip-back`,
      from: { country: dest.country, city: dest.city },
      to: { country: home.country, city: home.city },
      depart: iso(w.profile.travel.to),
      arrive: iso(w.profile.travel.to + 12 * 3_600_000),
      source: 'travel-booking',
    },
  ];
  activity(w);
  scenario(w.subject.id, `honest traveller (worked from ${dest.city} for a while)`, 'honest');
}
for (let i = 0; i < 4; i++, n++) {
  const w = honest(n, {
    vpn: { share: 0.7, ip: `146.70.${n}.10`, asn: 9009, org: 'M247', provider: pick(['NordVPN', 'ProtonVPN', 'Mullvad']), city: 'Frankfurt', country: 'DE' },
  });
  // A documented exception for the named VPN (an IT-security ticket), valid for the whole period.
  w.subject.exceptions = [
    {
      id: `${w.subject.id}-vpn-ok`,
      kind: 'vpn',
      scope: { provider: w.profile.vpn.provider },
      approvedBy: 'it-security',
      approvedAt: iso(START - 10 * DAY),
      validFrom: iso(START - 10 * DAY),
      validUntil: AS_OF,
      documentation: { kind: 'ticket', reference: `SEC-${1000 + n}` },
    },
  ];
  activity(w);
  scenario(w.subject.id, 'honest VPN user (privacy VPN most days)', 'honest');
}
for (let i = 0; i < 3; i++, n++) {
  const w = honest(n, { startHour: between(13, 15), length: between(8, 9.5) });
  w.subject.position.agreedHours = { start: '13:00', end: '23:30', note: 'works the afternoon and evening, agreed with the manager', source: 'hris' };
  activity(w);
  scenario(w.subject.id, 'honest night owl (works afternoons into the night, local time)', 'honest');
}
{
  const w = honest(n++);
  w.subject.interviews = [
    {
      id: `${w.subject.id}-int1`,
      at: w.subject.interviews[0].at,
      mode: 'audio',
      requestedMode: 'video',
      cameraOn: false,
      outcome: 'held',
      accommodation: 'documented hearing and vision accommodation: audio with live captions',
    },
    {
      ...w.subject.interviews[1],
      mode: 'audio',
      requestedMode: 'video',
      cameraOn: false,
      accommodation: 'documented hearing and vision accommodation: audio with live captions',
    },
  ];
  activity(w);
  scenario(w.subject.id, 'honest worker with a documented interview accommodation (camera off)', 'honest');
}

// Fraudulent patterns from the catalogue.
const fraudClaims = [places[0], places[1], places[4], places[5], places[3], places[2]];
const astrill = (k) => ({
  share: 0.85,
  ip: `142.214.${200 + k}.${k + 2}`,
  asn: 396356,
  org: 'Latitude.sh',
  provider: 'Astrill',
  city: 'Los Angeles',
  country: 'US',
});

{
  // Identity failures: document flagged as altered, selfie mismatch, SSN trace belongs to someone else.
  const w = honest(n++, { place: fraudClaims[0] });
  const doc = w.subject.documents[0];
  doc.verification = {
    ...doc.verification,
    outcome: 'ai-altered',
    liveness: 'failed',
    selfieMatch: 'mismatch',
    reasons: ['portrait-tampering', 'font-mismatch'],
  };
  w.subject.identityChecks = [
    {
      id: `${w.subject.id}-ssn`,
      kind: 'ssn-trace',
      provider: 'bgc-example',
      at: doc.verification.checkedAt,
      outcome: 'belongs-to-other',
      consumerReport: true,
      details: 'SSN issued to a different person; name and date of birth do not match',
    },
  ];
  w.subject.photos = [{ id: `${w.subject.id}-photo`, source: 'resume', assessment: 'synthetic' }];
  w.profile.vpn = astrill(1);
  activity(w, { startHour: 20.5 });
  scenario(w.subject.id, 'identity failures: altered document, selfie mismatch, SSN belongs to someone else', 'fraud');
}
{
  // Video avoidance and a person who differs between interviews.
  const w = honest(n++, { place: fraudClaims[1] });
  w.subject.interviews = [
    {
      id: `${w.subject.id}-int1`,
      at: w.subject.interviews[0].at,
      mode: 'audio',
      requestedMode: 'video',
      cameraOn: false,
      outcome: 'held',
      flags: ['camera-excuse', 'prefers-text'],
    },
    {
      id: `${w.subject.id}-int2`,
      at: w.subject.interviews[1].at,
      mode: 'video',
      cameraOn: true,
      outcome: 'ended-early',
      flags: ['face-glitch-on-occlusion', 'off-camera-prompting'],
      faceMatch: { comparedTo: 'previous-interview', result: 'mismatch', score: 0.31 },
    },
  ];
  w.subject.verifications = [
    { id: `${w.subject.id}-ver1`, kind: 'video-id-check', at: w.subject.hiredAt, outcome: 'declined', notes: 'declined to hold the ID to the camera' },
  ];
  activity(w);
  scenario(w.subject.id, 'video avoidance: camera excuses, face glitches, face mismatch between interviews', 'fraud');
}
{
  // Payout to a third party in another country, changed after hire, and advance requests.
  const w = honest(n++, { place: fraudClaims[2] });
  w.subject.paymentInstructions.push({
    id: `${w.subject.id}-pay2`,
    at: iso(START + 12 * DAY),
    method: 'payment-platform',
    accountHolderName: 'Horizon Trade Services Ltd',
    platform: 'payout-platform-example',
    platformAccount: 'hts-4471',
    bankCountry: 'AE',
    source: 'employee-portal',
  });
  w.subject.paymentRequests = [{ id: `${w.subject.id}-adv1`, at: iso(START + 14 * DAY), kind: 'advance', amount: 4000, currency: 'USD' }];
  ev(w.subject.id, 'profile-change', START + 12 * DAY, { source: 'employee-portal', field: 'payout', from: `acct-${w.subject.id}`, to: 'hts-4471' });
  activity(w);
  scenario(w.subject.id, 'payout to a third-party company account abroad, changed after hire; advance request', 'fraud');
}
{
  // Shipping mismatch: laptop re-routed to a freight forwarder.
  const w = honest(n++, { place: fraudClaims[3] });
  const ship = w.subject.shipments[0];
  ship.changeRequests = [
    {
      at: iso(Date.parse(ship.shippedAt) - DAY),
      address: { line1: '88 Commerce Blvd Unit 14', city: 'Miami', region: 'FL', postalCode: '33166', country: 'US' },
      reason: 'staying with family for a few weeks',
    },
  ];
  ship.address = { line1: '88 Commerce Blvd Unit 14', city: 'Miami', region: 'FL', postalCode: '33166', country: 'US' };
  ship.forwarder = true;
  ship.recipientName = 'Reship Express';
  activity(w);
  scenario(w.subject.id, 'equipment shipped to a freight forwarder, not the verified residence', 'fraud');
}
{
  // Remote-monitoring tools and an IP-KVM on the company laptop.
  const w = honest(n++, { place: fraudClaims[4] });
  activity(w, { remoteAccess: ['AnyDesk'], usb: [{ vendorId: '1d6b', productId: '0104', vendor: 'Linux Foundation', product: 'PiKVM Composite KVM Device' }] });
  const t = START + 9 * DAY;
  ev(w.subject.id, 'security', t, {
    source: 'edr',
    category: 'remote-access-tool',
    severity: 'high',
    deviceId: w.profile.deviceId,
    software: 'AnyDesk',
    detail: 'AnyDesk installed and running as a service',
  });
  ev(w.subject.id, 'security', t + 2 * DAY, {
    source: 'edr',
    category: 'ip-kvm',
    severity: 'high',
    deviceId: w.profile.deviceId,
    usbId: '1d6b:0104',
    deviceName: 'PiKVM Composite HID',
    detail: 'USB HID device matching an IP-KVM',
  });
  ev(w.subject.id, 'security', t + 30 * DAY, {
    source: 'edr',
    category: 'remote-access-tool',
    severity: 'high',
    deviceId: w.profile.deviceId,
    software: 'RustDesk',
  });
  scenario(w.subject.id, 'remote-access tools (AnyDesk, RustDesk) and an IP-KVM on the company laptop', 'fraud');
}
{
  // Off-hours rhythm for the claimed zone, every day, with collection of tagged data.
  const w = honest(n++, { place: fraudClaims[5] });
  w.profile.vpn = astrill(2);
  activity(w, { startHour: 18.5 });
  for (let d = 40; d < WEEKS * 7; d += 3) {
    const at = localToUtc(START + d * DAY, 1.5, w.profile.place.timeZone);
    ev(w.subject.id, 'data-access', at, {
      source: 'sharepoint',
      resource: pick(['grid-scada/designs', 'substation-controls/specs', 'reactor-cooling/models', 'defence-radar/reports']),
      project: 'other-division',
      tags: pick([['energy', 'export-controlled'], ['nuclear'], ['military'], ['construction']]),
      action: pick(['download', 'export', 'sync']),
      volumeBytes: int(200_000_000, 2_000_000_000),
      itemCount: int(200, 3000),
      destination: { kind: pick(['personal-cloud', 'removable-media']), host: 'cloud-storage.example' },
    });
  }
  scenario(w.subject.id, 'works 18:30-03:00 in the claimed time zone; bulk downloads of energy, nuclear and military data outside the role', 'fraud');
}

// A small laptop farm: four "workers" in four states whose laptops sit at one house, reached
// through one IP, paid into one account, with one phone approving two of their sign-ins.
{
  const farmAddress = { line1: '1420 Maple Ridge Dr', city: 'Nashville', region: 'TN', postalCode: '37211', country: 'US' };
  const farmIp = '98.174.12.77';
  const farmNetwork = { country: 'US', region: 'TN', city: 'Nashville', asn: 7018, asnOrg: 'AT&T', isVpn: false, isHosting: false };
  const farm = [];
  for (let k = 0; k < 4; k++) {
    const w = honest(n++, { place: fraudClaims[k] });
    const ship = w.subject.shipments[0];
    ship.changeRequests = [
      {
        at: iso(Date.parse(ship.shippedAt) - 2 * DAY),
        address: farmAddress,
        reason: pick(['moving apartments', "at a relative's house", 'building has no concierge']),
      },
    ];
    ship.address = farmAddress;
    ship.recipientName = 'J. Harper';
    w.subject.paymentInstructions = [
      { ...w.subject.paymentInstructions[0], accountHolderName: 'J. Harper', accountNumber: 'acct-farm-7731', routingNumber: '064000017', bankCountry: 'US' },
    ];
    w.profile.vpn = astrill(10 + k);
    farm.push(w);
  }
  farm.forEach((w, k) => {
    activity(w, {
      ip: farmIp,
      checkinNetwork: farmNetwork,
      startHour: 19 + k * 0.3,
      remoteAccess: ['TeamViewer'],
      mfa: k < 2 ? 'farm-phone-1' : w.profile.mfa,
    });
    scenario(
      w.subject.id,
      'laptop farm: laptop at 1420 Maple Ridge Dr, Nashville, shared IP, shared payout account acct-farm-7731' + (k < 2 ? ', shared MFA phone' : ''),
      'fraud',
    );
  });
}

if (subjects.length !== TOTAL) throw new Error(`expected ${TOTAL} subjects, made ${subjects.length}`);
subjects.sort((a, b) => (a.id < b.id ? -1 : 1));
const sortedScenarios = Object.fromEntries(Object.entries(scenarios).sort(([a], [b]) => (a < b ? -1 : 1)));
const sortKey = (e) => `${e.at}|${e.id}`;
events.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

// One record a line keeps the file diffable and small.
const lines = ['{', `"asOf": ${JSON.stringify(AS_OF)},`, '"subjects": ['];
subjects.forEach((s, i) => lines.push(JSON.stringify(s) + (i < subjects.length - 1 ? ',' : '')));
lines.push('],', '"events": [');
events.forEach((e, i) => lines.push(JSON.stringify(e) + (i < events.length - 1 ? ',' : '')));
lines.push('],', '"watchlists": [');
lines.push(
  JSON.stringify({
    name: 'Demo internal do-not-hire list',
    kind: 'internal',
    publishedAt: '2025-05-01T00:00:00Z',
    source: 'synthetic demo data',
    entries: [
      { id: 'dnh-1', type: 'bank-account', value: 'acct-farm-7731', note: 'payout account of a closed fraud case' },
      { id: 'dnh-2', type: 'ip', value: '142.214.202.2', note: 'published example IOC (LevelBlue), used here only as a format example' },
    ],
  }),
);
const reference = {
  frontCompanyDomains: ['yanbian-silverstar.example', 'volasys-silverstar.example'],
  organisation: {
    offices: [office],
    approvedVpnProviders: ['GlobalProtect'],
    sensitivityTags: { exportControlled: ['export-controlled'], sensitiveTechnology: ['energy', 'nuclear', 'military'] },
  },
};
lines.push('],', `"reference": ${JSON.stringify(reference)}`, '}');
writeFileSync(join(outDir, 'population.json'), `${lines.join('\n')}\n`);
writeFileSync(join(outDir, 'scenarios.json'), `${JSON.stringify(sortedScenarios, null, 2)}\n`);
console.log(`wrote ${subjects.length} subjects and ${events.length} events to ${join(outDir, 'population.json')}`);
