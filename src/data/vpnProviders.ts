import { deepFreeze } from '../util/freeze';
/**
 * Consumer VPN providers, for classifying VPN client software and IP-intelligence labels.
 *
 * Why this exists: Secureworks, Mandiant and LevelBlue all report DPRK IT workers connecting
 * through Astrill VPN, so Astrill is the default provider "of concern". The broader list lets an
 * indicator say "consumer VPN" without singling anything out.
 *
 * VPN use is weak evidence. Anyone can use a VPN; Red Canary calls unusual VPN sign-ins "not
 * inherently malicious", and in the first weeks most such alerts are legitimate offshore
 * contractors and travelling staff. Astrill in particular is widely used by legitimate expats and
 * business travellers in mainland China, because it is one of the few services that works there.
 * Use a match only in combination with stronger signals, never alone.
 *
 * Matching covers product names, client process names and the operating-company names that some
 * IP-intelligence feeds report. Most VPN exit servers are rented from hosting companies, so an
 * ASN's organisation name rarely names the VPN brand; no ASN or IP lists are included here (they
 * go stale quickly and none for Astrill is published).
 *
 * @packageDocumentation
 */

/** One VPN provider and the names it shows up under. */
export interface VpnProvider {
  /** Stable kebab-case identifier. */
  readonly id: string;
  /** Brand name. */
  readonly name: string;
  /**
   * Brand spellings, client process/package names and operating-company names. Matched exactly
   * after normalisation, and by substring when the normalised alias has at least 5 characters.
   */
  readonly aliases: readonly string[];
  /** Names matched only exactly because they are short or ordinary words (e.g. "PIA", "Proton"). */
  readonly exactAliases?: readonly string[];
  /** Context for interpreting a match. */
  readonly note?: string;
}

/** Astrill, shared by both exported lists so the two stay identical. */
const ASTRILL: VpnProvider = /* @__PURE__ */ deepFreeze<VpnProvider>({
  id: 'astrill',
  name: 'Astrill VPN',
  aliases: ['Astrill', 'AstrillVPN', 'Astrill VPN', 'Astrill Systems', 'astrill.exe'],
  note:
    'Named in Secureworks, Mandiant and LevelBlue reporting on DPRK IT workers. Also popular with ' +
    'legitimate expats and travellers in mainland China; weak evidence on its own.',
});

/**
 * Providers named in DPRK IT-worker reporting. Only Astrill by default; callers can pass their own
 * list to {@link matchVpnProvider} if their threat intelligence names others.
 */
export const vpnProvidersOfConcern: readonly VpnProvider[] = /* @__PURE__ */ deepFreeze<VpnProvider[]>([ASTRILL]);

/** Widely used consumer VPN brands, including Astrill. Presence in this list implies nothing bad. */
export const knownVpnProviders: readonly VpnProvider[] = /* @__PURE__ */ deepFreeze<VpnProvider[]>([
  ASTRILL,
  { id: 'nordvpn', name: 'NordVPN', aliases: ['NordVPN', 'Nord VPN', 'nordvpn.exe', 'Nord Security'] },
  { id: 'expressvpn', name: 'ExpressVPN', aliases: ['ExpressVPN', 'Express VPN', 'expressvpn.exe', 'Express VPN International'] },
  { id: 'surfshark', name: 'Surfshark', aliases: ['Surfshark', 'Surfshark VPN'] },
  {
    id: 'protonvpn',
    name: 'Proton VPN',
    aliases: ['ProtonVPN', 'Proton VPN', 'ProtonVPN.exe'],
    exactAliases: ['Proton', 'Proton AG'],
    note: 'Bare "Proton" is exact-only: Proton also sells mail and storage.',
  },
  { id: 'mullvad', name: 'Mullvad VPN', aliases: ['Mullvad', 'Mullvad VPN', 'Mullvad VPN AB'] },
  {
    id: 'private-internet-access',
    name: 'Private Internet Access',
    aliases: ['Private Internet Access', 'PrivateInternetAccess', 'pia-client', 'pia-service'],
    exactAliases: ['PIA', 'PIA VPN'],
  },
  { id: 'cyberghost', name: 'CyberGhost', aliases: ['CyberGhost', 'CyberGhost VPN'] },
  { id: 'ipvanish', name: 'IPVanish', aliases: ['IPVanish', 'IPVanish VPN'] },
  { id: 'windscribe', name: 'Windscribe', aliases: ['Windscribe', 'Windscribe VPN'] },
  { id: 'hotspot-shield', name: 'Hotspot Shield', aliases: ['Hotspot Shield', 'HotspotShield', 'AnchorFree'] },
  { id: 'tunnelbear', name: 'TunnelBear', aliases: ['TunnelBear', 'TunnelBear VPN'] },
  { id: 'purevpn', name: 'PureVPN', aliases: ['PureVPN', 'Pure VPN'] },
  { id: 'vyprvpn', name: 'VyprVPN', aliases: ['VyprVPN', 'Vypr VPN', 'Golden Frog'] },
  { id: 'hide-me', name: 'hide.me', aliases: ['hide.me', 'hideme VPN', 'hide.me VPN'] },
  { id: 'strongvpn', name: 'StrongVPN', aliases: ['StrongVPN', 'Strong VPN'] },
  { id: 'privatevpn', name: 'PrivateVPN', aliases: ['PrivateVPN'] },
  { id: 'atlas-vpn', name: 'Atlas VPN', aliases: ['Atlas VPN', 'AtlasVPN'] },
  { id: 'ivpn', name: 'IVPN', aliases: ['IVPN Client'], exactAliases: ['IVPN'] },
  { id: 'airvpn', name: 'AirVPN', aliases: ['AirVPN', 'Eddie - AirVPN'] },
  { id: 'torguard', name: 'TorGuard', aliases: ['TorGuard', 'TorGuard VPN'] },
  { id: 'zenmate', name: 'ZenMate', aliases: ['ZenMate', 'ZenMate VPN'] },
  {
    id: 'hola',
    name: 'Hola VPN',
    aliases: ['Hola VPN', 'HolaVPN', 'Hola Free VPN'],
    note: "Hola also routes other users' traffic through its users (residential proxy network).",
  },
  { id: 'letsvpn', name: 'LetsVPN', aliases: ['LetsVPN', 'Lets VPN', 'letsvpn.exe'], note: 'Popular in mainland China.' },
  { id: 'norton-secure-vpn', name: 'Norton Secure VPN', aliases: ['Norton Secure VPN', 'Norton VPN'] },
  { id: 'avast-secureline', name: 'Avast SecureLine VPN', aliases: ['Avast SecureLine', 'SecureLine VPN'] },
  { id: 'kaspersky-vpn', name: 'Kaspersky VPN Secure Connection', aliases: ['Kaspersky VPN', 'Kaspersky Secure Connection'] },
  { id: 'urban-vpn', name: 'Urban VPN', aliases: ['Urban VPN', 'UrbanVPN'] },
  { id: 'psiphon', name: 'Psiphon', aliases: ['Psiphon', 'psiphon3.exe'], note: 'Censorship-circumvention tool rather than a commercial VPN.' },
  {
    id: 'lantern',
    name: 'Lantern',
    aliases: ['Lantern VPN', 'getlantern'],
    exactAliases: ['Lantern', 'lantern.exe'],
    note: 'Censorship-circumvention tool; bare "Lantern" is exact-only.',
  },
]);

/** Minimum normalised alias length for substring matching; shorter names are too ambiguous. */
const MIN_CONTAINS_LENGTH = 5;

/** Lower-case, accent-free, with a trailing .exe/.app dropped; returns word tokens. */
function tokens(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .trim()
    .replace(/\.(?:exe|app|msi|apk|dmg)$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Normalised comparison key: the tokens joined. */
function key(s: string): string {
  return tokens(s).join('');
}

/**
 * Find the VPN provider named by a client-software name, a VPN-provider label from an IP
 * intelligence feed, or an ASN/organisation string.
 *
 * First an exact comparison after normalisation (case, punctuation, spacing, `.exe`), then a
 * substring match for aliases of at least 5 normalised characters that start at a word boundary
 * of the input, e.g. `'Astrill Systems Corp.'` or `'AstrillVPN 3.9 (64-bit)'`. The longest
 * matching alias wins.
 *
 * A match is weak evidence: VPNs, Astrill included, are used by many legitimate people. See the
 * module notes.
 *
 * @param nameOrOrg - Software name, provider label or organisation name.
 * @param list - Providers to match against; defaults to {@link knownVpnProviders}. Pass
 *   {@link vpnProvidersOfConcern} to test only for the providers named in the reporting.
 * @returns The provider, or `undefined`.
 */
export function matchVpnProvider(nameOrOrg: string, list: readonly VpnProvider[] = knownVpnProviders): VpnProvider | undefined {
  const toks = tokens(nameOrOrg);
  const joined = toks.join('');
  if (joined.length === 0) return undefined;

  for (const p of list) {
    for (const a of [p.name, ...p.aliases, ...(p.exactAliases ?? [])]) {
      if (key(a) === joined) return p;
    }
  }

  let best: VpnProvider | undefined;
  let bestLength = 0;
  for (const p of list) {
    // Aliases only: a generic brand name ("Lantern") must not substring-match "Lantern Networks".
    for (const a of p.aliases) {
      const n = key(a);
      if (n.length < MIN_CONTAINS_LENGTH || n.length <= bestLength) continue;
      let offset = 0;
      for (const t of toks) {
        if (joined.startsWith(n, offset)) {
          best = p;
          bestLength = n.length;
          break;
        }
        offset += t.length;
      }
    }
  }
  return best;
}
