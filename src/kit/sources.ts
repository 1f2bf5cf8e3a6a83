import type { IndicatorSource } from '../contract/types';

/**
 * The public sources built-in indicators cite, by the short names of the domain catalogue
 * (`shared/domain/red-flags.md`, section 0). One table, so a URL is written once.
 */
export const sources = {
  'US-2022': {
    title: 'US State, Treasury and FBI, Guidance on the DPRK IT Workers (16 May 2022)',
    url: 'https://ofac.treasury.gov/recent-actions/20220516',
  },
  'ROK-2022': {
    title: 'South Korean joint advisory on DPRK IT workers (8 Dec 2022)',
    url: 'https://koreajoongangdaily.joins.com/2022/12/08/national/northKorea/korea-north-korea-programmers/20221208183923938.html',
  },
  'ROK-2022-HERALD': {
    title: 'Korea Herald on the South Korean joint advisory (8 Dec 2022)',
    url: 'https://www.koreaherald.com/view.php?ud=20221208000614',
  },
  'PSA-2022-DF': {
    title: 'FBI IC3 PSA on deepfakes and stolen PII in remote-job applications (28 Jun 2022)',
    url: 'https://www.ic3.gov/Media/Y2022/PSA220628',
  },
  'PSA-2023': {
    title: 'US-ROK joint PSA, Additional Guidance on DPRK IT Workers (18 Oct 2023)',
    url: 'https://ic3.gov/PSA/2023/PSA231018',
  },
  'PSA-2024': {
    title: 'FBI PSA on US-based facilitators of DPRK IT workers (16 May 2024)',
    url: 'https://www.ic3.gov/Media/Y2024/PSA240516',
  },
  'PSA-2025-01': {
    title: 'FBI PSA on data extortion and updated guidance (23 Jan 2025)',
    url: 'https://www.ic3.gov/PSA/2025/PSA250123',
  },
  'PSA-2025-07': {
    title: 'FBI PSA update on facilitators (23 Jul 2025)',
    url: 'https://www.ic3.gov/PSA/2025/PSA250723-4',
  },
  'DOJ-DEC24': {
    title: 'DOJ indictment of 14 DPRK nationals, Yanbian and Volasys Silverstar (12 Dec 2024)',
    url:
      'https://dea.einnews.com/pr_news/768619031/' +
      'fourteen-north-korean-nationals-indicted-for-carrying-out-multi-year-fraudulent-information-technology-worker-scheme-and-related-extortions',
  },
  'DOJ-JUN25': {
    title: 'DOJ DPRK RevGen Domestic Enabler Initiative actions (30 Jun 2025)',
    url: 'https://therecord.media/doj-raids-laptop-farms-crackdown',
  },
  'DOJ-CHAPMAN': {
    title: 'Laptop-farm facilitator sentenced (Chapman case)',
    url: 'https://www.threatshub.org/blog/laptop-farmer-behind-17m-north-korean-it-worker-scam-locked-up-for-8-5-years',
  },
  'DOJ-KNOOT': {
    title: 'Nashville laptop-farm indictment (Knoot case)',
    url: 'https://www.technewsday.com/2024/08/11/nashville-man-arrested-for-running-laptop-farm-to-get-jobs-for-north-korean-hackers/',
  },
  // The official Justice Department press releases of the cases above: the entries above are
  // copies of them (or reporting) from the shared catalogue, kept for continuity; each citation
  // of a case names its official page too.
  'DOJ-DEC24-OPA': {
    title:
      'US Department of Justice, Office of Public Affairs: Fourteen North Korean Nationals Indicted for Carrying Out ' +
      'Multi-Year Fraudulent Information Technology Worker Scheme and Related Extortions (12 Dec 2024)',
    url: 'https://www.justice.gov/opa/pr/fourteen-north-korean-nationals-indicted-carrying-out-multi-year-fraudulent-information',
  },
  'DOJ-JUN25-OPA': {
    title:
      'US Department of Justice, Office of Public Affairs: Justice Department Announces Coordinated, Nationwide Actions to ' +
      'Combat North Korean Remote Information Technology Workers (30 Jun 2025; includes the Atlanta indictment)',
    url: 'https://www.justice.gov/opa/pr/justice-department-announces-coordinated-nationwide-actions-combat-north-korean-remote',
  },
  'DOJ-CHAPMAN-OPA': {
    title:
      'US Department of Justice, Office of Public Affairs: Arizona Woman Sentenced for $17M Information Technology Worker ' +
      'Fraud Scheme (Jul 2025, Chapman case)',
    url: 'https://www.justice.gov/opa/pr/arizona-woman-sentenced-17m-information-technology-worker-fraud-scheme-generated-revenue',
  },
  'DOJ-KNOOT-OPA': {
    title:
      'US Department of Justice, Office of Public Affairs: Justice Department Disrupts North Korean Remote IT Worker Fraud ' +
      'Schemes Through Charges and Arrest of Nashville Facilitator (8 Aug 2024, Knoot case)',
    url: 'https://www.justice.gov/opa/pr/justice-department-disrupts-north-korean-remote-it-worker-fraud-schemes-through-charges-and',
  },
  'DOJ-ATL': {
    title: 'DOJ Atlanta crypto-theft indictment (24 Jun 2025)',
    url: 'https://azc.news/u-s-department-of-justice-charges-four-north-koreans-in-nearly-1-million-crypto-hack-id34685',
  },
  KB4: {
    title: 'KnowBe4, How a North Korean fake IT worker tried to infiltrate us (23 Jul 2024)',
    url: 'https://blog.knowbe4.com/how-a-north-korean-fake-it-worker-tried-to-infiltrate-us',
  },
  MND: {
    title: 'Mandiant, Mitigating the DPRK IT Worker Threat (Sep 2024)',
    url: 'https://cybersecuritydive.com/news/north-korea-it-workers-insider-threat/727892',
  },
  GTIG: {
    title: 'Google Threat Intelligence Group, DPRK IT Workers Expanding in Scope and Scale (1 Apr 2025)',
    url: 'https://cloud.google.com/blog/topics/threat-intelligence/dprk-it-workers-expanding-scope-scale',
  },
  U42: {
    title: 'Unit 42, Global Companies Are Unknowingly Paying North Koreans (13 Nov 2024)',
    url: 'https://note.f5.pm/go-272507.html',
  },
  'MS-JS': {
    title: 'Microsoft Threat Intelligence, Jasper Sleet (30 Jun 2025)',
    url: 'https://www.microsoft.com/en-us/security/blog/2025/06/30/jasper-sleet-north-korean-remote-it-workers-evolving-tactics-to-infiltrate-organizations/',
  },
  'MS-DX': {
    title: "Microsoft Defender Experts, Disrupt Jasper Sleet's Insider Access Campaign (18 Dec 2025)",
    url: 'https://techcommunity.microsoft.com/blog/microsoftsecurityexperts/-/4478112',
  },
  SW: {
    title: 'Secureworks CTU on Nickel Tapestry extortion (Oct 2024)',
    url: 'https://www.theregister.com/2024/10/18/ransom_fake_it_worker_scam/',
  },
  LB: {
    title: 'LevelBlue SpiderLabs, detection of a DPRK-linked remote IT worker',
    url: 'https://www.levelblue.com/blogs/spiderlabs-blog/how-levelblue-otx-and-cybereason-xdr-detected-a-north-korea-linked-remote-it-worker',
  },
  RC: {
    title: 'Red Canary 2025 Threat Detection Report, insider threats',
    url: 'https://redcanary.com/threat-detection-report/trends/insider-threats',
  },
  OKTA: {
    title: 'Okta Threat Intelligence on DPRK IT workers (30 Sep 2025)',
    url: 'https://www.okta.com/newsroom/articles/north-korea-s-it-workers-expand-beyond-us-big-tech',
  },
  DTEX: { title: 'DTEX i3 advisory on DPRK IT workers', url: 'https://dtexsystems.com/?p=9615' },
  SEAL: {
    title: 'Security Alliance (SEAL) frameworks, insider threats',
    url: 'https://frameworks.securityalliance.dev/insider-threats/summary.html',
  },
  CIN: {
    title: 'PCMag on Cinder suspecting most of its applicants were DPRK IT workers',
    url: 'https://uk.pcmag.com/security/153993/tech-firm-suspects-80-of-its-job-applicants-are-north-korean-scammers',
  },
  NISOS: {
    title: 'Nisos, DPRK Remote Workers Hiring Scheme: Lessons Learned',
    url:
      'https://meilu.jpshuntong.com/url-68747470733a2f2f7777772e6c696e6b6564696e2e636f6d/pulse/' +
      'dprk-remote-workers-hiring-scheme-lessons-learned-nisos-g0bic',
  },
  'CTI-HR': {
    title: 'Open-source HR checklist for DPRK IT-worker hiring (cti_hr.md)',
    url: 'https://github.com/tinaellis/tinaellis.github.io/blob/main/cti_hr.md',
  },
  'DOJ-VONG': {
    title: 'Maryland facilitator sentenced (Vong case)',
    url: 'https://securitythisday.com/maryland-man-sentenced-for-n-korea-it-worker-scheme-involving-us-government-contracts',
  },
  TRK: {
    title: 'Practitioner detection write-up on DPRK IT-worker infiltration (2026)',
    url: 'https://www.trackr.live/2026/05/20/dprk-it-worker-infiltration-detection/',
  },
  'KVM-SIG': {
    title: 'MITRE ATT&CK T1219.003, Remote Access Hardware (IP-KVM signatures after runZero)',
    url: 'https://attack.mitre.org/techniques/T1219/003/',
  },
  LOLRMM: {
    title: 'LOLRMM: catalogue of remote monitoring and management tools abused by attackers (magicsword-io, Apache-2.0)',
    url: 'https://lolrmm.io/',
  },
  'ATT-T1219': { title: 'MITRE ATT&CK T1219, Remote Access Software', url: 'https://attack.mitre.org/techniques/T1219/' },
  'ATT-T1572': { title: 'MITRE ATT&CK T1572, Protocol Tunneling', url: 'https://attack.mitre.org/techniques/T1572/' },
  'ATT-T1021': { title: 'MITRE ATT&CK T1021.001, Remote Services: Remote Desktop Protocol', url: 'https://attack.mitre.org/techniques/T1021/001/' },
  'ATT-T1078': { title: 'MITRE ATT&CK T1078, Valid Accounts', url: 'https://attack.mitre.org/techniques/T1078/' },
  'ATT-T1550': {
    title: 'MITRE ATT&CK T1550.004, Use Alternate Authentication Material: Web Session Cookie',
    url: 'https://attack.mitre.org/techniques/T1550/004/',
  },
  'ATT-T1056': { title: 'MITRE ATT&CK T1056.001, Input Capture: Keylogging', url: 'https://attack.mitre.org/techniques/T1056/001/' },
  'CERT-CSG': {
    title: 'CERT (SEI, Carnegie Mellon), Common Sense Guide to Mitigating Insider Threats, 7th edition (2022)',
    url: 'https://insights.sei.cmu.edu/library/common-sense-guide-to-mitigating-insider-threats-seventh-edition/',
  },
  'OSSF-SC': {
    title: 'OpenSSF Scorecard checks: Code-Review and Branch-Protection',
    url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md',
  },
  CS: {
    title: 'CrowdStrike Threat Hunting Reports 2024 and 2025 (Famous Chollima)',
    url: 'https://www.crowdstrike.com/en-us/resources/reports/threat-hunting-report/',
  },
  // Insider behaviour and exit-window sources.
  'CERT-ITD': {
    title: 'CMU SEI CERT, Insider Threat Test Dataset (r1-r6.2; logon, device, file, web, e-mail logs and planted insider scenarios)',
    url: 'https://kilthub.cmu.edu/articles/dataset/Insider_Threat_Test_Dataset/12841247',
  },
  'CISA-ITM': {
    title: 'CISA, Insider Threat Mitigation Guide (2020)',
    url: 'https://www.cisa.gov/resources-tools/resources/insider-threat-mitigation-guide',
  },
  'ATTACK-USB': {
    title: 'MITRE ATT&CK T1052.001, Exfiltration over USB',
    url: 'https://attack.mitre.org/techniques/T1052/001/',
  },
  'ATTACK-WEB': {
    title: 'MITRE ATT&CK T1567, Exfiltration Over Web Service',
    url: 'https://attack.mitre.org/techniques/T1567/',
  },
} as const satisfies Record<string, IndicatorSource>;

/** Short name of a catalogued source. */
export type SourceKey = keyof typeof sources;

/** The sources with these short names, in the order given. */
export function cite(...keys: readonly SourceKey[]): IndicatorSource[] {
  return keys.map((key) => sources[key]);
}
