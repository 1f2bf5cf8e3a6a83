// Labelled remote-hire identity-fraud scenarios (laptop farms, front companies, stolen and
// borrowed identities) and the honest remote workers they must not be confused with. Each
// positive follows a public case description, cited in `source`; the events are written, not
// observed. Sources are named by their short names in src/kit/sources.ts, with
// the copy of the case description that table points to and, where one was found, the
// Justice Department's own press release (the `-OPA` entries).

import { SINCE_MARCH, hh, scenario } from './common.mjs';

const CHAPMAN =
  'DOJ, Chapman laptop-farm case (stolen identities, laptops hosted at her Arizona home, pay into her accounts), DOJ-CHAPMAN, https://www.threatshub.org/blog/laptop-farmer-behind-17m-north-korean-it-worker-scam-locked-up-for-8-5-years; official: DOJ-CHAPMAN-OPA, https://www.justice.gov/opa/pr/arizona-woman-sentenced-17m-information-technology-worker-fraud-scheme-generated-revenue';
const KNOOT =
  'DOJ, Knoot indictment (Nashville laptop farm, remote-desktop software installed on company laptops), DOJ-KNOOT, https://www.technewsday.com/2024/08/11/nashville-man-arrested-for-running-laptop-farm-to-get-jobs-for-north-korean-hackers/; official: DOJ-KNOOT-OPA, https://www.justice.gov/opa/pr/justice-department-disrupts-north-korean-remote-it-worker-fraud-schemes-through-charges-and';
const JUN25 =
  'DOJ DPRK RevGen Domestic Enabler Initiative (30 Jun 2025: 29 laptop farms, IP-KVM devices, stolen identities), DOJ-JUN25, https://therecord.media/doj-raids-laptop-farms-crackdown; official: DOJ-JUN25-OPA, https://www.justice.gov/opa/pr/justice-department-announces-coordinated-nationwide-actions-combat-north-korean-remote';
const DEC24 =
  'DOJ indictment of 14 DPRK nationals at Yanbian Silverstar and Volasys Silverstar (12 Dec 2024; front companies, data-leak extortion), DOJ-DEC24, https://dea.einnews.com/pr_news/768619031/fourteen-north-korean-nationals-indicted-for-carrying-out-multi-year-fraudulent-information-technology-worker-scheme-and-related-extortions; official: DOJ-DEC24-OPA, https://www.justice.gov/opa/pr/fourteen-north-korean-nationals-indicted-carrying-out-multi-year-fraudulent-information';
const VONG =
  'DOJ, Vong case (a US identity holder let a worker abroad drive his laptop remotely), DOJ-VONG, https://securitythisday.com/maryland-man-sentenced-for-n-korea-it-worker-scheme-involving-us-government-contracts';
const KB4 =
  'KnowBe4, How a North Korean fake IT worker tried to infiltrate us (23 Jul 2024), https://blog.knowbe4.com/how-a-north-korean-fake-it-worker-tried-to-infiltrate-us';
const JASPER =
  'Microsoft Threat Intelligence, Jasper Sleet (30 Jun 2025: Astrill VPN, shared infrastructure, remote tools), https://www.microsoft.com/en-us/security/blog/2025/06/30/jasper-sleet-north-korean-remote-it-workers-evolving-tactics-to-infiltrate-organizations/';
const ATL =
  'DOJ, Atlanta indictment of four DPRK nationals (24 Jun 2025: blockchain developers altered smart-contract code and moved funds), DOJ-ATL, https://azc.news/u-s-department-of-justice-charges-four-north-koreans-in-nearly-1-million-crypto-hack-id34685; official (the June 2025 announcement that includes this indictment): DOJ-JUN25-OPA, https://www.justice.gov/opa/pr/justice-department-announces-coordinated-nationwide-actions-combat-north-korean-remote';
const PSA25 = 'FBI PSA-2025-01 (23 Jan 2025: repositories cloned to personal accounts, session cookies harvested), https://www.ic3.gov/PSA/2025/PSA250123';
const PSA24 = 'FBI PSA on US-based facilitators (16 May 2024: laptops reshipped abroad), https://www.ic3.gov/Media/Y2024/PSA240516';
const US22 =
  'US State, Treasury and FBI guidance on DPRK IT workers (16 May 2022: payment to foreign or crypto accounts, frequent changes), https://ofac.treasury.gov/recent-actions/20220516';

/** Claimed homes: city, time zone and a street address. */
const homes = {
  austin: {
    country: 'US',
    region: 'TX',
    city: 'Austin',
    timeZone: 'America/Chicago',
    lat: 30.27,
    lon: -97.74,
    address: { line1: '9 Pine Rd', city: 'Austin', region: 'TX', postalCode: '73301', country: 'US' },
  },
  atlanta: {
    country: 'US',
    region: 'GA',
    city: 'Atlanta',
    timeZone: 'America/New_York',
    lat: 33.75,
    lon: -84.39,
    address: { line1: '12 Peachtree St NE', city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US' },
  },
  seattle: {
    country: 'US',
    region: 'WA',
    city: 'Seattle',
    timeZone: 'America/Los_Angeles',
    lat: 47.61,
    lon: -122.33,
    address: { line1: '77 Pike St', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  },
  denver: {
    country: 'US',
    region: 'CO',
    city: 'Denver',
    timeZone: 'America/Denver',
    lat: 39.74,
    lon: -104.99,
    address: { line1: '31 Lake Dr', city: 'Denver', region: 'CO', postalCode: '80201', country: 'US' },
  },
  chicago: {
    country: 'US',
    region: 'IL',
    city: 'Chicago',
    timeZone: 'America/Chicago',
    lat: 41.88,
    lon: -87.63,
    address: { line1: '5 Wacker Dr', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
  },
  boston: {
    country: 'US',
    region: 'MA',
    city: 'Boston',
    timeZone: 'America/New_York',
    lat: 42.36,
    lon: -71.06,
    address: { line1: '20 Beacon St', city: 'Boston', region: 'MA', postalCode: '02108', country: 'US' },
  },
};
const chapmanHouse = { line1: '3 Sunset Dr', city: 'Litchfield Park', region: 'AZ', postalCode: '85340', country: 'US' };
const chapmanNet = { country: 'US', region: 'AZ', city: 'Litchfield Park', lat: 33.49, lon: -112.36, asn: 22773, asnOrg: 'Cox Communications' };
const nashvilleHouse = { line1: '1420 Elm Street', city: 'Nashville', region: 'TN', postalCode: '37203', country: 'US' };
const nashvilleNet = { country: 'US', region: 'TN', city: 'Nashville', lat: 36.16, lon: -86.78, asn: 7922, asnOrg: 'Comcast Cable' };
const astrill = { country: 'US', city: 'Los Angeles', asn: 396356, asnOrg: 'Latitude.sh', isVpn: true, isHosting: true, vpnProvider: 'Astrill VPN' };
const shenyang = { country: 'CN', city: 'Shenyang', asn: 4837, asnOrg: 'China Unicom' };

/** Each hire's own home in the claimed city: a street number of their own, so honest hires share no address. */
let houseNumber = 100;
const own = (address) => ({ ...address, line1: `${(houseNumber += 7)} ${address.line1.replace(/^\d+ /, '')}` });

/** The Lopez household's home, shared by the couple. */
const lopezHome = { line1: '77 Oak Avenue', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };

/** A remote hire who started in March 2025, with a claimed home and a laptop shipped to `shipTo`. */
function hire(id, home, { name = 'Alex Morgan', shipTo, homeAddress = own(home.address), extra = {} } = {}) {
  return {
    id,
    kind: 'employee',
    role: 'Software Engineer',
    hiredAt: '2025-03-01T00:00:00Z',
    position: { team: 'remote-eng', workArrangement: 'remote' },
    identity: { names: [{ value: name, kind: 'legal' }], residence: { ...home, address: homeAddress } },
    shipments: [
      {
        id: `${id}-ship`,
        deviceId: `${id}-laptop`,
        serial: `SN-${id}`,
        shippedAt: '2025-02-25T10:00:00Z',
        deliveredAt: '2025-02-27T18:00:00Z',
        address: shipTo ?? homeAddress,
      },
    ],
    paymentInstructions: [
      {
        id: `${id}-pay`,
        at: '2025-03-01T00:00:00Z',
        method: 'bank',
        bankCountry: 'US',
        accountNumber: `acct-${id}`,
        routingNumber: '021000021',
        accountHolderName: name,
      },
    ],
    ...extra,
  };
}

/**
 * Working days of a remote hire: a sign-in at `hourUtc` (UTC) from `network` and `ip`, two
 * reads and a few messages through the day, on the shipped laptop unless `device` says otherwise.
 */
function workDays(add, { hourUtc, network, ip, device = add.laptop, days = SINCE_MARCH, session = {} }) {
  days.forEach((d, i) => {
    const h = (k) => `${d}T${hh((hourUtc + k) % 24)}`;
    const start = Date.parse(`${h(0)}:05:00Z`);
    add({
      type: 'session',
      at: `${h(0)}:05:00Z`,
      end: new Date(start + 8 * 3_600_000).toISOString(),
      accountId: `${add.subjectId}@corp.example`,
      ip,
      network,
      deviceId: device,
      deviceManaged: true,
      result: 'success',
      ...session,
    });
    add({ type: 'data-access', at: `${h(1)}:00:00Z`, resource: 'acme/app', action: 'read', volumeBytes: 2e7 });
    add({ type: 'data-access', at: `${h(5)}:00:00Z`, resource: 'acme/app', action: 'clone', volumeBytes: 4e7 });
    for (let k = 0; k < 3; k++) add({ type: 'message', at: `${h(2 + 2 * k)}:30:00Z`, direction: 'from-subject', channel: 'slack' });
    if (i % 10 === 0)
      add({ type: 'device-checkin', at: `${h(0)}:10:00Z`, deviceId: device, serial: `SN-${add.subjectId}`, managed: true, compliant: true, ip, network });
  });
}

/** Pyongyang 09:00 is 00:00 UTC: a worker abroad who works their own day. */
const PYONGYANG_DAY = 0;

export const remoteHireScenarios = [
  // ---- Positives ------------------------------------------------------------------------------
  scenario(
    "Chapman farm: a stolen identity, the laptop hosted at the facilitator's house in another state, pay to her account",
    'positive',
    CHAPMAN,
    hire('p-chapman-1', homes.austin, {
      name: 'Andrew Miller',
      shipTo: chapmanHouse,
      extra: {
        identityChecks: [{ id: 'p-chapman-1-ssn', kind: 'ssn-trace', provider: 'TraceCo', outcome: 'belongs-to-other' }],
        paymentInstructions: [
          {
            id: 'p-chapman-1-pay',
            at: '2025-03-01T00:00:00Z',
            method: 'bank',
            bankCountry: 'US',
            accountNumber: 'acct-chapman-77',
            routingNumber: '122100024',
            accountHolderName: 'Christina Chapman',
          },
        ],
      },
    }),
    (add) => workDays(add, { hourUtc: PYONGYANG_DAY, network: chapmanNet, ip: '198.51.100.23', session: { remoteAccessSoftware: ['AnyDesk'] } }),
    ['identity/identity-belongs-to-other', 'payment/payee-name-mismatch'],
  ),
  scenario(
    'Chapman farm: a second worker whose laptop and pay go to the same house and account',
    'positive',
    CHAPMAN,
    hire('p-chapman-2', homes.denver, {
      name: 'Brian Carter',
      shipTo: chapmanHouse,
      extra: {
        paymentInstructions: [
          {
            id: 'p-chapman-2-pay',
            at: '2025-03-01T00:00:00Z',
            method: 'bank',
            bankCountry: 'US',
            accountNumber: 'acct-chapman-77',
            routingNumber: '122100024',
            accountHolderName: 'Christina Chapman',
          },
        ],
      },
    }),
    (add) => workDays(add, { hourUtc: PYONGYANG_DAY + 1, network: chapmanNet, ip: '198.51.100.23', session: { remoteAccessSoftware: ['AnyDesk'] } }),
    ['linkage/shared-payment-instrument', 'shipping/address-mismatch'],
  ),
  scenario(
    'Knoot farm: a laptop in Nashville, far from the claimed home, with remote-desktop software installed',
    'positive',
    KNOOT,
    hire('p-knoot', homes.atlanta, { name: 'Andrew M. Hill', shipTo: nashvilleHouse }),
    (add) => {
      workDays(add, { hourUtc: PYONGYANG_DAY, network: nashvilleNet, ip: '203.0.113.7', session: { remoteAccessSoftware: ['AnyDesk'] } });
      add({
        type: 'device-checkin',
        at: '2025-03-04T02:00:00Z',
        deviceId: add.laptop,
        serial: 'SN-p-knoot',
        managed: true,
        network: nashvilleNet,
        ip: '203.0.113.7',
        installedSoftware: [{ name: 'AnyDesk' }, { name: 'Chrome Remote Desktop' }],
      });
      add({
        type: 'security',
        at: '2025-03-04T03:00:00Z',
        category: 'remote-access-tool',
        severity: 'high',
        deviceId: add.laptop,
        software: 'AnyDesk 8.0',
        detail: 'AnyDesk installed as a service',
      });
    },
    ['device/remote-access-software', 'shipping/address-mismatch'],
  ),
  scenario(
    'A farm laptop driven through an IP-KVM, on a borrowed identity, signing in through Astrill',
    'positive',
    JUN25,
    hire('p-ipkvm', homes.chicago, {
      name: 'Kevin Brown',
      extra: { identityChecks: [{ id: 'p-ipkvm-idv', kind: 'ssn-trace', provider: 'TraceCo', outcome: 'belongs-to-other' }] },
    }),
    (add) => {
      workDays(add, { hourUtc: PYONGYANG_DAY, network: astrill, ip: '45.76.0.12' });
      add({
        type: 'device-checkin',
        at: '2025-03-10T01:00:00Z',
        deviceId: add.laptop,
        serial: 'SN-p-ipkvm',
        managed: true,
        network: astrill,
        usbDevices: [{ vendorId: '1d6b', productId: '0104', vendor: 'Linux Foundation', product: 'PiKVM Composite KVM Device' }],
      });
      add({
        type: 'security',
        at: '2025-03-10T02:00:00Z',
        category: 'ip-kvm',
        severity: 'high',
        deviceId: add.laptop,
        usbId: '1d6b:0104',
        deviceName: 'PiKVM Composite HID',
        detail: 'USB HID device matching an IP-KVM',
      });
    },
    ['device/ip-kvm', 'identity/identity-belongs-to-other'],
  ),
  scenario(
    'A contractor whose past employer is the sanctioned front company Yanbian Silverstar, paid in crypto',
    'positive',
    DEC24,
    hire('p-yanbian', homes.seattle, {
      name: 'Daniel Park',
      extra: {
        kind: 'contractor',
        employment: [
          {
            id: 'p-yanbian-job1',
            organisation: 'Yanbian Silverstar Network Technology Co., Ltd.',
            role: 'Software Engineer',
            country: 'CN',
            start: '2019-01',
            end: '2024-12',
          },
        ],
        // The indictment: the workers used stolen and borrowed identities of US persons.
        identityChecks: [{ id: 'p-yanbian-ssn', kind: 'ssn-trace', provider: 'TraceCo', outcome: 'belongs-to-other' }],
        paymentInstructions: [
          { id: 'p-yanbian-pay', at: '2025-03-01T00:00:00Z', method: 'crypto', walletAddress: 'TQ5xT1yanbianWa11et00000000000000', walletNetwork: 'tron' },
        ],
      },
    }),
    (add) => workDays(add, { hourUtc: PYONGYANG_DAY, network: astrill, ip: '45.76.0.13' }),
    ['watchlist/match', 'identity/identity-belongs-to-other'],
  ),
  scenario(
    'A Volasys Silverstar worker clones the code in bulk, is let go and demands a ransom for it',
    'positive',
    DEC24,
    hire('p-volasys', homes.boston, {
      name: 'Eric Wong',
      extra: {
        employment: [{ id: 'p-volasys-job1', organisation: 'Volasys Silverstar', role: 'Developer', country: 'RU', start: '2020-03', end: '2024-11' }],
        lifecycle: { status: 'terminated', endDate: '2025-05-30', endReason: 'termination-other' },
      },
    }),
    (add) => {
      workDays(add, { hourUtc: PYONGYANG_DAY, network: astrill, ip: '45.76.0.14', days: SINCE_MARCH.filter((d) => d <= '2025-05-30') });
      ['2025-05-26', '2025-05-27', '2025-05-28'].forEach((d) => {
        for (let k = 0; k < 6; k++) add({ type: 'data-access', at: `${d}T0${k + 1}:30:00Z`, resource: `acme/core-${k}`, action: 'clone', volumeBytes: 3e9 });
      });
      add({
        type: 'security',
        at: '2025-06-09T09:00:00Z',
        category: 'extortion',
        severity: 'critical',
        detail: 'ransom demand threatening to publish source code',
      });
    },
    ['watchlist/match', 'insider/exit-window'],
  ),
  scenario(
    "Vong case: the identity holder's laptop driven from China through a remote-access tool",
    'positive',
    VONG,
    hire('p-vong', homes.boston, { name: 'Minh Vong' }),
    (add) => {
      workDays(add, {
        hourUtc: 1,
        network: { country: 'US', region: 'MA', city: 'Boston', asn: 7922, asnOrg: 'Comcast Cable' },
        ip: '198.51.100.80',
        session: { remoteAccessSoftware: ['TeamViewer'] },
      });
      SINCE_MARCH.filter((_, i) => i % 3 === 0).forEach((d) =>
        add({
          type: 'session',
          at: `${d}T02:30:00Z`,
          accountId: 'p-vong@corp.example',
          ip: '175.0.0.9',
          network: shenyang,
          deviceId: 'byod-vong',
          deviceManaged: false,
          result: 'success',
        }),
      );
      add({
        type: 'security',
        at: '2025-03-05T02:00:00Z',
        category: 'remote-access-tool',
        severity: 'medium',
        deviceId: add.laptop,
        software: 'TeamViewer 15',
      });
    },
    ['device/remote-access-software', 'network/multi-country-logins'],
  ),
  scenario(
    'KnowBe4 hire: an infostealer loaded on the new laptop in the first hours, work through a VPN at night',
    'positive',
    KB4,
    hire('p-kb4', homes.seattle, { name: 'Kyle Jones' }),
    (add) => {
      workDays(add, { hourUtc: PYONGYANG_DAY, network: astrill, ip: '45.76.0.15' });
      add({
        type: 'security',
        at: '2025-03-03T02:55:00Z',
        category: 'credential-harvest',
        severity: 'high',
        deviceId: add.laptop,
        software: 'infostealer',
        detail: 'session-history files manipulated and an unauthorised program run',
      });
      add({
        type: 'security',
        at: '2025-03-03T03:10:00Z',
        category: 'cookie-theft',
        severity: 'high',
        deviceId: add.laptop,
        detail: 'browser session cookies read by an unsigned binary',
      });
    },
    ['insider/intrusion-activity'],
  ),
  scenario(
    "Jasper Sleet pair, first hire: one authenticator approves two employees' sign-ins, through Astrill",
    'positive',
    JASPER,
    hire('p-jasper-1', homes.chicago, { name: 'Jason Lee' }),
    (add) => {
      workDays(add, {
        hourUtc: PYONGYANG_DAY,
        network: astrill,
        ip: '45.76.0.16',
        session: { mfa: { method: 'push', authenticatorId: 'jasper-phone-1' }, mfaDeviceId: 'jasper-phone-1' },
      });
      // Microsoft: remote monitoring and management tools on the company laptop.
      add({
        type: 'device-checkin',
        at: '2025-03-06T01:00:00Z',
        deviceId: add.laptop,
        serial: 'SN-p-jasper-1',
        managed: true,
        network: astrill,
        installedSoftware: [{ name: 'RustDesk' }],
      });
    },
    ['linkage/shared-infrastructure', 'network/anonymizing-infrastructure'],
  ),
  scenario(
    'Jasper Sleet pair, second hire: the same authenticator, and pay moved to a foreign account',
    'positive',
    JASPER,
    hire('p-jasper-2', homes.denver, {
      name: 'Ryan Kim',
      extra: {
        paymentInstructions: [
          {
            id: 'p-jasper-2-pay1',
            at: '2025-03-01T00:00:00Z',
            method: 'bank',
            bankCountry: 'US',
            accountNumber: 'acct-p-jasper-2',
            accountHolderName: 'Ryan Kim',
          },
          {
            id: 'p-jasper-2-pay2',
            at: '2025-04-02T00:00:00Z',
            method: 'payment-platform',
            platform: 'Payoneer',
            platformAccount: 'rk-payee-88',
            bankCountry: 'HK',
          },
          { id: 'p-jasper-2-pay3', at: '2025-05-06T00:00:00Z', method: 'crypto', walletAddress: 'TQ5xT1jasperWa11et000000000000000', walletNetwork: 'tron' },
        ],
      },
    }),
    (add) =>
      workDays(add, {
        hourUtc: PYONGYANG_DAY + 1,
        network: astrill,
        ip: '45.76.0.17',
        session: { mfa: { method: 'push', authenticatorId: 'jasper-phone-1' }, mfaDeviceId: 'jasper-phone-1' },
      }),
    ['linkage/shared-infrastructure', 'network/anonymizing-infrastructure'],
  ),
  scenario(
    "Blockchain developers' pattern: smart-contract code merged without review, then signers changed and funds sent to a new destination",
    'positive',
    ATL,
    hire('p-atl-contract', homes.atlanta, { name: 'Cody Ward', extra: { role: 'Smart Contract Developer' } }),
    (add) => {
      workDays(add, { hourUtc: 13, network: { country: 'US', region: 'GA', city: 'Atlanta', asn: 7922, asnOrg: 'Comcast Cable' }, ip: '198.51.100.90' });
      ['2025-05-12', '2025-05-14', '2025-05-20'].forEach((d, i) =>
        add({
          type: 'code-change',
          at: `${d}T15:00:00Z`,
          action: 'merge',
          repository: 'acme/vault-contracts',
          target: 'main',
          changeId: `PR-${40 + i}`,
          approvals: i === 0 ? 0 : 1,
          selfApproved: i > 0,
          tags: ['smart-contract'],
        }),
      );
      add({ type: 'transfer-anomaly', at: '2025-05-22T16:00:00Z', platform: 'custody', anomaly: 'signer-change', severity: 'high', role: 'administrator' });
      add({
        type: 'transfer-anomaly',
        at: '2025-05-23T16:00:00Z',
        platform: 'custody',
        anomaly: 'new-destination',
        severity: 'high',
        role: 'initiator',
        amount: 175,
        asset: 'ETH',
        destination: '0xabc0000000000000000000000000000000000001',
      });
    },
    ['insider/code-integrity', 'insider/transfer-anomaly'],
  ),
  scenario(
    'Repositories cloned to a personal account and session cookies harvested in the first weeks',
    'positive',
    PSA25,
    hire('p-psa-cookies', homes.austin, { name: 'Tyler Grant' }),
    (add) => {
      workDays(add, { hourUtc: PYONGYANG_DAY, network: astrill, ip: '45.76.0.18' });
      ['2025-03-12', '2025-03-13', '2025-03-14'].forEach((d, i) => {
        for (let k = 0; k < 4; k++)
          add({
            type: 'data-access',
            at: `${d}T0${2 + k}:00:00Z`,
            resource: `acme/svc-${i}-${k}`,
            action: 'clone',
            volumeBytes: 1.5e9,
            destination: { kind: 'personal-repo', host: 'github.com', account: 'tgrant-dev' },
          });
      });
      add({
        type: 'security',
        at: '2025-03-18T03:00:00Z',
        category: 'cookie-theft',
        severity: 'high',
        deviceId: add.laptop,
        detail: 'session cookies exported to a non-company device',
      });
    },
    ['insider/intrusion-activity', 'insider/exfiltration-to-personal'],
  ),
  scenario(
    'A laptop reshipped to a freight forwarder that checks in from China',
    'positive',
    PSA24,
    hire('p-reship', homes.chicago, {
      name: 'Jacob Stone',
      shipTo: { line1: '88 Commerce Blvd Unit 14', city: 'Miami', region: 'FL', postalCode: '33166', country: 'US' },
      extra: {},
    }),
    (add) => {
      workDays(add, { hourUtc: PYONGYANG_DAY, network: shenyang, ip: '175.0.0.21' });
    },
    ['network/geo-baseline-mismatch'],
  ),
  scenario(
    'Pay redirected three times in three months, ending in a crypto wallet, from a worker whose sign-ins come from abroad',
    'positive',
    US22,
    hire('p-payroll', homes.seattle, {
      name: 'Ethan Cole',
      extra: {
        paymentInstructions: [
          {
            id: 'p-payroll-1',
            at: '2025-03-01T00:00:00Z',
            method: 'bank',
            bankCountry: 'US',
            accountNumber: 'acct-p-payroll',
            accountHolderName: 'Ethan Cole',
          },
          { id: 'p-payroll-2', at: '2025-03-28T00:00:00Z', method: 'bank', bankCountry: 'CN', accountNumber: 'cn-0099', accountHolderName: 'Li Wei' },
          { id: 'p-payroll-3', at: '2025-04-25T00:00:00Z', method: 'payment-platform', platform: 'Payoneer', platformAccount: 'lw-88' },
          { id: 'p-payroll-4', at: '2025-05-20T00:00:00Z', method: 'crypto', walletAddress: 'TQ5xT1payrollWa11et00000000000000', walletNetwork: 'tron' },
        ],
      },
    }),
    (add) => workDays(add, { hourUtc: PYONGYANG_DAY, network: shenyang, ip: '175.0.0.22' }),
    ['payment/payee-name-mismatch', 'payment/crypto-or-foreign-routing'],
  ),

  // ---- Hard honest controls ---------------------------------------------------------------------
  scenario(
    'A remote hire who lives where they say, works ordinary hours on the shipped laptop',
    'control',
    'honest: the ordinary remote hire',
    hire('c-remote-ordinary', homes.chicago, { name: 'Laura Diaz' }),
    (add) =>
      workDays(add, {
        hourUtc: 14,
        network: { country: 'US', region: 'IL', city: 'Chicago', lat: 41.88, lon: -87.63, asn: 7922, asnOrg: 'Comcast Cable' },
        ip: '198.51.100.101',
      }),
  ),
  scenario(
    'An expat in Lisbon with documented work-location and VPN exceptions',
    'control',
    'honest: an expat with documented VPN and location exceptions',
    hire('c-expat-vpn', homes.boston, {
      name: 'Nora Silva',
      extra: {
        exceptions: [
          {
            id: 'x-expat-loc',
            kind: 'work-location',
            scope: { countries: ['PT'] },
            approvedBy: 'hr-7',
            validFrom: '2025-02-15T00:00:00Z',
            documentation: { kind: 'hr-case', reference: 'HR-311' },
          },
          {
            id: 'x-expat-vpn',
            kind: 'vpn',
            scope: { provider: 'NordVPN', countries: ['PT'] },
            approvedBy: 'it-sec',
            validFrom: '2025-02-15T00:00:00Z',
            documentation: { kind: 'ticket', reference: 'SEC-88' },
          },
        ],
      },
    }),
    (add) =>
      workDays(add, {
        hourUtc: 9,
        network: { country: 'PT', city: 'Lisbon', isVpn: true, vpnProvider: 'NordVPN', asn: 212238, asnOrg: 'Datacamp Limited' },
        ip: '185.1.1.10',
      }),
  ),
  scenario(
    'A support engineer running an approved remote-access tool',
    'control',
    'honest: a remote-access-tool exception',
    hire('c-support-anydesk', homes.denver, {
      name: 'Paul Novak',
      extra: {
        role: 'Support Engineer',
        exceptions: [
          {
            id: 'x-anydesk',
            kind: 'remote-access-tool',
            scope: { software: 'AnyDesk' },
            approvedBy: 'it-sec',
            validFrom: '2025-02-01T00:00:00Z',
            documentation: { kind: 'ticket', reference: 'SEC-101' },
          },
        ],
      },
    }),
    (add) => {
      const net = { country: 'US', region: 'CO', city: 'Denver', lat: 39.74, lon: -104.99, asn: 7922, asnOrg: 'Comcast Cable' };
      workDays(add, { hourUtc: 15, network: net, ip: '198.51.100.102', session: { remoteAccessSoftware: ['AnyDesk'] } });
      add({
        type: 'device-checkin',
        at: '2025-03-04T16:00:00Z',
        deviceId: add.laptop,
        serial: 'SN-c-support-anydesk',
        managed: true,
        network: net,
        installedSoftware: [{ name: 'AnyDesk' }],
      });
    },
  ),
  scenario(
    'A married couple at one address, paid into a joint account, household declared (first partner)',
    'control',
    'honest: a declared household',
    hire('c-couple-1', homes.austin, {
      name: 'Maria Lopez',
      homeAddress: lopezHome,
      extra: {
        paymentInstructions: [
          {
            id: 'c-couple-1-pay',
            at: '2025-03-01T00:00:00Z',
            method: 'bank',
            bankCountry: 'US',
            accountNumber: 'acct-lopez-joint',
            routingNumber: '111000025',
            accountHolderName: 'Maria Lopez',
          },
        ],
        relationships: [{ id: 'rel-lopez-1', kind: 'household', subjectId: 'c-couple-2', sharesAddress: true }],
      },
    }),
    (add) =>
      workDays(add, {
        hourUtc: 14,
        network: { country: 'US', region: 'TX', city: 'Austin', lat: 30.27, lon: -97.74, asn: 7922, asnOrg: 'Comcast Cable' },
        ip: '198.51.100.110',
      }),
  ),
  scenario(
    'A married couple at one address, paid into a joint account, household declared (second partner)',
    'control',
    'honest: a declared household',
    hire('c-couple-2', homes.austin, {
      name: 'Tom Lopez',
      homeAddress: lopezHome,
      extra: {
        paymentInstructions: [
          {
            id: 'c-couple-2-pay',
            at: '2025-03-01T00:00:00Z',
            method: 'bank',
            bankCountry: 'US',
            accountNumber: 'acct-lopez-joint',
            routingNumber: '111000025',
            accountHolderName: 'Tom Lopez',
          },
        ],
        relationships: [{ id: 'rel-lopez-2', kind: 'household', subjectId: 'c-couple-1', sharesAddress: true }],
      },
    }),
    (add) =>
      workDays(add, {
        hourUtc: 15,
        network: { country: 'US', region: 'TX', city: 'Austin', lat: 30.27, lon: -97.74, asn: 7922, asnOrg: 'Comcast Cable' },
        ip: '198.51.100.110',
      }),
  ),
  scenario(
    "A consultant whose laptop goes to the staffing agency's office (allow-listed)",
    'control',
    'honest: agency consultants share an office address',
    hire('c-agency', homes.denver, {
      name: 'Lena Fischer',
      shipTo: { line1: '500 Commerce Street', line2: 'Suite 1200', city: 'Dallas', region: 'TX', postalCode: '75202', country: 'US' },
      extra: { kind: 'contractor' },
    }),
    (add) =>
      workDays(add, {
        hourUtc: 15,
        network: { country: 'US', region: 'CO', city: 'Denver', lat: 39.74, lon: -104.99, asn: 7922, asnOrg: 'Comcast Cable' },
        ip: '198.51.100.120',
      }),
  ),
  scenario(
    'A lab engineer who signs in to a shared lab computer',
    'control',
    'honest: shared lab computers',
    hire('c-lab-user-1', homes.seattle, { name: 'Iris Chen' }),
    (add) => {
      const net = { country: 'US', region: 'WA', city: 'Seattle', lat: 47.61, lon: -122.33, asn: 7922, asnOrg: 'Comcast Cable' };
      workDays(add, { hourUtc: 17, network: net, ip: '198.51.100.130' });
      SINCE_MARCH.filter((_, i) => i % 2 === 0).forEach((d) =>
        add({
          type: 'session',
          at: `${d}T20:00:00Z`,
          accountId: 'c-lab-user-1@corp.example',
          deviceId: 'lab-pc-1',
          ip: '198.51.100.131',
          network: net,
          result: 'success',
        }),
      );
    },
  ),
  scenario(
    'A second engineer on the same shared lab computer',
    'control',
    'honest: shared lab computers',
    hire('c-lab-user-2', homes.seattle, { name: 'Omar Haddad' }),
    (add) => {
      const net = { country: 'US', region: 'WA', city: 'Seattle', lat: 47.61, lon: -122.33, asn: 7922, asnOrg: 'Comcast Cable' };
      workDays(add, { hourUtc: 16, network: net, ip: '198.51.100.132' });
      SINCE_MARCH.filter((_, i) => i % 2 === 1).forEach((d) =>
        add({
          type: 'session',
          at: `${d}T21:00:00Z`,
          accountId: 'c-lab-user-2@corp.example',
          deviceId: 'lab-pc-1',
          ip: '198.51.100.131',
          network: net,
          result: 'success',
        }),
      );
    },
  ),
  scenario(
    "A maintainer who merges sensitive changes after a colleague's approval",
    'control',
    'honest: self-merge after review',
    hire('c-maintainer', homes.boston, { name: 'Ruth Adler', extra: { hiredAt: '2021-01-04T00:00:00Z' } }),
    (add) => {
      workDays(add, {
        hourUtc: 13,
        network: { country: 'US', region: 'MA', city: 'Boston', lat: 42.36, lon: -71.06, asn: 7922, asnOrg: 'Comcast Cable' },
        ip: '198.51.100.140',
      });
      SINCE_MARCH.filter((_, i) => i % 4 === 0).forEach((d, i) =>
        add({
          type: 'code-change',
          at: `${d}T18:00:00Z`,
          action: 'merge',
          repository: 'acme/payments',
          target: 'main',
          changeId: `PR-${100 + i}`,
          approvals: 1,
          selfApproved: false,
          tags: ['payments'],
        }),
      );
    },
  ),
  scenario(
    'A traveller through three countries on booked legs',
    'control',
    'honest: booked travel',
    hire('c-multi-trip', homes.chicago, {
      name: 'Hana Sato',
      extra: {
        travel: [
          { id: 'leg-1', from: { country: 'US' }, to: { country: 'GB' }, depart: '2025-05-02T22:00:00Z', arrive: '2025-05-03T11:00:00Z' },
          { id: 'leg-2', from: { country: 'GB' }, to: { country: 'DE' }, depart: '2025-05-09T08:00:00Z', arrive: '2025-05-09T10:00:00Z' },
          { id: 'leg-3', from: { country: 'DE' }, to: { country: 'US' }, depart: '2025-05-16T09:00:00Z', arrive: '2025-05-16T19:00:00Z' },
        ],
      },
    }),
    (add) => {
      const home = { country: 'US', region: 'IL', city: 'Chicago', lat: 41.88, lon: -87.63, asn: 7922, asnOrg: 'Comcast Cable' };
      workDays(add, { hourUtc: 14, network: home, ip: '198.51.100.150', days: SINCE_MARCH.filter((d) => d < '2025-05-05' || d > '2025-05-16') });
      workDays(add, {
        hourUtc: 8,
        network: { country: 'GB', city: 'London', lat: 51.5, lon: -0.12, asn: 2856, asnOrg: 'BT' },
        ip: '81.2.69.1',
        days: SINCE_MARCH.filter((d) => d >= '2025-05-05' && d <= '2025-05-08'),
      });
      workDays(add, {
        hourUtc: 7,
        network: { country: 'DE', city: 'Berlin', lat: 52.52, lon: 13.4, asn: 3320, asnOrg: 'Deutsche Telekom' },
        ip: '91.0.0.1',
        days: SINCE_MARCH.filter((d) => d >= '2025-05-12' && d <= '2025-05-16'),
      });
    },
  ),
];
