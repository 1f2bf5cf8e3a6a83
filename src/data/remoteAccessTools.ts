/**
 * Remote-access, remote-support and RMM (remote monitoring and management) software.
 *
 * Why this exists: in the DPRK IT-worker cases, facilitators in the hiring country install
 * remote-access tools on the company laptop (a "laptop farm") so the worker abroad can drive it.
 * Advisories and court filings name AnyDesk, TeamViewer, Chrome Remote Desktop, RustDesk and RDP;
 * the rest of this table covers the tools that do the same job and are commonly abused.
 *
 * Presence of a tool is evidence only when the organisation has not sanctioned it. Built-in OS
 * components that exist on practically every corporate machine (Microsoft Remote Desktop client,
 * Quick Assist, macOS Screen Sharing/ARD agent) are kept in the table so that they can be
 * recognised, but are flagged `commonlySanctioned` so indicators can discount them.
 *
 * Matching works on software-inventory strings (EDR/MDM display names, process names, bundle
 * ids, package names). Callers can pass their own entries to extend or override the table.
 *
 * Decision recorded here: "Remote Desktop Connection Manager" (RDCMan) is Microsoft's own RDP
 * connection manager, so it matches the `microsoft-remote-desktop` entry (commonly sanctioned)
 * rather than nothing. "Microsoft Teams" matches nothing: its remote-control feature needs the
 * user to hand over control live in a meeting and is not an unattended-access tool.
 *
 * @packageDocumentation
 */

/**
 * What kind of remote access a tool provides.
 * - `remote-desktop`: interactive control of a machine, usually able to run unattended.
 * - `rmm`: an IT-management agent (scripts, patching, inventory) that also offers remote control.
 * - `screen-sharing`: user-initiated assistance or viewing sessions (e.g. Quick Assist).
 */
export type RemoteAccessKind = 'remote-desktop' | 'rmm' | 'screen-sharing';

/** One remote-access tool and the names it shows up under in software inventories. */
export interface RemoteAccessTool {
  /** Stable kebab-case identifier, used in reason codes and allow-lists. */
  readonly id: string;
  /** Display name of the product. */
  readonly name: string;
  /**
   * Names the tool appears under: product names, process names, bundle ids, package names and
   * common spellings. Matched exactly after {@link normalizeSoftwareName}, and by substring when
   * the normalised alias has at least 5 characters and starts at a word boundary of the input.
   */
  readonly aliases: readonly string[];
  /**
   * Names that are only matched exactly, never by substring, because they are generic words or
   * are contained in unrelated products (e.g. "LogMeIn" inside "LogMeIn Hamachi", a VPN).
   */
  readonly exactAliases?: readonly string[];
  /** What kind of remote access the tool provides. */
  readonly kind: RemoteAccessKind;
  /**
   * True when the tool is built into a common OS or is routinely approved by corporate IT, so its
   * presence alone is weak evidence. Absent means false.
   */
  readonly commonlySanctioned?: boolean;
  /** Why the entry is shaped the way it is, or what to watch out for when matching it. */
  readonly note?: string;
}

/**
 * Known remote-access tools. Order matters only for ties: more specific products come before
 * the generic VNC entry.
 */
export const remoteAccessTools: readonly RemoteAccessTool[] = /* @__PURE__ */ deepFreeze<RemoteAccessTool[]>([
  {
    id: 'anydesk',
    name: 'AnyDesk',
    aliases: ['AnyDesk', 'anydesk.exe', 'AnyDesk.app', 'com.philandro.anydesk', 'com.anydesk.anydeskandroid'],
    kind: 'remote-desktop',
    note: 'Named in Secureworks and DOJ laptop-farm cases. Default direct port 7070.',
  },
  {
    id: 'teamviewer',
    name: 'TeamViewer',
    aliases: [
      'TeamViewer',
      'TeamViewer.exe',
      'TeamViewer_Service.exe',
      'TeamViewer Host',
      'TeamViewer QuickSupport',
      'TeamViewerQS',
      'tv_w32.exe',
      'tv_x64.exe',
      'teamviewerd',
      'com.teamviewer.TeamViewer',
      'com.teamviewer.quicksupport.market',
      'com.teamviewer.teamviewer.market',
    ],
    kind: 'remote-desktop',
    note: 'Default port 5938.',
  },
  {
    id: 'rustdesk',
    name: 'RustDesk',
    aliases: ['RustDesk', 'rustdesk.exe', 'com.carriez.rustdesk', 'com.carriez.flutter_hbb'],
    // hbbs/hbbr are RustDesk's self-hosted rendezvous and relay servers; too short for substring use.
    exactAliases: ['hbbs', 'hbbr'],
    kind: 'remote-desktop',
    note: 'Open source and self-hostable, so it needs no vendor account. Default ports 21115-21117.',
  },
  {
    id: 'chrome-remote-desktop',
    name: 'Chrome Remote Desktop',
    aliases: [
      'Chrome Remote Desktop',
      'Chrome Remote Desktop Host',
      'remoting_host.exe',
      'remote_assistance_host.exe',
      'chrome-remote-desktop',
      'com.google.chromeremotedesktop',
    ],
    kind: 'remote-desktop',
    note: 'Named by Secureworks. Runs through Google relays, so network blocking rarely sees it.',
  },
  {
    id: 'microsoft-remote-desktop',
    name: 'Microsoft Remote Desktop (RDP client)',
    aliases: [
      'Microsoft Remote Desktop',
      'Remote Desktop Connection',
      'Remote Desktop Connection Manager',
      'RDCMan.exe',
      'mstsc.exe',
      'msrdc.exe',
      'msrdcw.exe',
      'com.microsoft.rdc.macos',
    ],
    kind: 'remote-desktop',
    commonlySanctioned: true,
    note:
      'Built into Windows and widely used by IT. The client only connects outwards; inbound RDP (port 3389) ' +
      'is a setting, not software, and is better seen in network or configuration data. The 2024 rename to ' +
      '"Windows App" is not an alias because that name collides with "Windows App SDK/Runtime".',
  },
  {
    id: 'microsoft-remote-assistance',
    name: 'Windows Remote Assistance',
    aliases: ['Windows Remote Assistance', 'msra.exe'],
    kind: 'screen-sharing',
    commonlySanctioned: true,
  },
  {
    id: 'quick-assist',
    name: 'Microsoft Quick Assist',
    aliases: ['Quick Assist', 'Microsoft Quick Assist', 'quickassist.exe', 'MicrosoftCorporationII.QuickAssist'],
    kind: 'screen-sharing',
    commonlySanctioned: true,
    note: 'Ships with Windows 10/11; also abused in help-desk impersonation scams.',
  },
  {
    id: 'apple-screen-sharing',
    name: 'macOS Screen Sharing',
    aliases: ['Apple Screen Sharing', 'com.apple.ScreenSharing', 'screensharingd'],
    // "Screen Sharing" alone would also match "Zoom Screen Sharing" and similar.
    exactAliases: ['Screen Sharing', 'Screen Sharing.app'],
    kind: 'screen-sharing',
    commonlySanctioned: true,
    note: 'Built into macOS (VNC-based).',
  },
  {
    id: 'apple-remote-desktop',
    name: 'Apple Remote Desktop',
    aliases: ['Apple Remote Desktop', 'ARDAgent', 'com.apple.RemoteDesktop'],
    kind: 'remote-desktop',
    commonlySanctioned: true,
    note: 'ARDAgent is present on every Mac; it matters only when Remote Management is enabled.',
  },
  {
    id: 'realvnc',
    name: 'RealVNC',
    aliases: ['RealVNC', 'RealVNC Server', 'RealVNC Viewer', 'RealVNC Connect', 'vncserverui.exe', 'vncagent.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'tightvnc',
    name: 'TightVNC',
    aliases: ['TightVNC', 'TightVNC Server', 'TightVNC Viewer', 'tvnserver.exe', 'tvnviewer.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'ultravnc',
    name: 'UltraVNC',
    aliases: ['UltraVNC', 'uvnc_service', 'winvnc.exe'],
    kind: 'remote-desktop',
    note: 'winvnc.exe was also the server name of old TightVNC 1.x and RealVNC 4 builds.',
  },
  {
    id: 'tigervnc',
    name: 'TigerVNC',
    aliases: ['TigerVNC', 'TigerVNC Viewer', 'tigervnc-server', 'winvnc4.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'vnc',
    name: 'VNC (unidentified implementation)',
    aliases: ['x11vnc', 'vino-server'],
    // vncserver/vncviewer are shipped by several VNC implementations, so they stay generic.
    exactAliases: ['VNC', 'VNC Server', 'VNC Viewer', 'vncserver', 'vncviewer', 'Xvnc', 'krfb'],
    kind: 'remote-desktop',
    note: 'Catch-all for VNC servers and viewers that do not name their vendor. Default ports 5900/5901.',
  },
  {
    id: 'splashtop',
    name: 'Splashtop',
    aliases: [
      'Splashtop',
      'Splashtop Streamer',
      'Splashtop Business',
      'Splashtop Personal',
      'SRService.exe',
      'SRServer.exe',
      'SRManager.exe',
      'strwinclt.exe',
    ],
    kind: 'remote-desktop',
  },
  {
    id: 'parsec',
    name: 'Parsec',
    aliases: ['Parsec', 'parsecd.exe', 'pservice.exe'],
    kind: 'remote-desktop',
    note: 'Low-latency game-streaming desktop; also sold for remote work ("Parsec Teams").',
  },
  {
    id: 'screenconnect',
    name: 'ConnectWise ScreenConnect (ConnectWise Control)',
    aliases: [
      'ScreenConnect',
      'ConnectWise Control',
      'ConnectWise ScreenConnect',
      'ScreenConnect Client',
      'ScreenConnect.ClientService.exe',
      'ScreenConnect.WindowsClient.exe',
    ],
    kind: 'remote-desktop',
  },
  {
    id: 'connectwise-automate',
    name: 'ConnectWise Automate (LabTech)',
    aliases: ['ConnectWise Automate', 'LabTech', 'LTSVC.exe', 'LTSvcMon.exe'],
    kind: 'rmm',
  },
  {
    id: 'logmein',
    name: 'LogMeIn',
    aliases: ['LogMeIn Pro', 'LogMeIn Client', 'LogMeIn Rescue', 'LogMeInSystray.exe', 'LMIGuardianSvc.exe'],
    // Bare "LogMeIn" is exact-only so that "LogMeIn Hamachi" (a VPN, not remote control) does not match.
    exactAliases: ['LogMeIn', 'LogMeIn.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'goto-resolve',
    name: 'GoTo Resolve / GoToAssist',
    aliases: ['GoTo Resolve', 'GoToResolve', 'GoTo Assist', 'GoToAssist'],
    kind: 'remote-desktop',
  },
  {
    id: 'gotomypc',
    name: 'GoToMyPC',
    aliases: ['GoToMyPC'],
    kind: 'remote-desktop',
  },
  {
    id: 'zoho-assist',
    name: 'Zoho Assist',
    aliases: ['Zoho Assist', 'ZohoAssist', 'ZA_Connect.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'supremo',
    name: 'Supremo',
    aliases: ['Supremo', 'Supremo.exe', 'SupremoService.exe', 'SupremoHelper.exe', 'Supremo Remote Desktop'],
    kind: 'remote-desktop',
  },
  {
    id: 'ammyy-admin',
    name: 'Ammyy Admin',
    aliases: ['Ammyy Admin', 'Ammyy', 'AA_v3.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'radmin',
    name: 'Radmin',
    aliases: ['Radmin Server', 'Radmin Viewer', 'rserver3.exe'],
    // Bare "Radmin" is exact-only so that "Radmin VPN" (a LAN-over-internet VPN) does not match.
    exactAliases: ['Radmin', 'Radmin.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'nomachine',
    name: 'NoMachine',
    aliases: ['NoMachine', 'nxplayer.exe', 'nxservice.exe'],
    exactAliases: ['nxserver', 'nxnode'],
    kind: 'remote-desktop',
  },
  {
    id: 'remotepc',
    name: 'RemotePC',
    aliases: ['RemotePC', 'RemotePCService.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'remote-utilities',
    name: 'Remote Utilities',
    aliases: ['Remote Utilities', 'rutserv.exe', 'rfusclient.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'dwservice',
    name: 'DWService',
    aliases: ['DWService', 'DWAgent', 'dwagent.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'hoptodesk',
    name: 'HopToDesk',
    aliases: ['HopToDesk', 'hoptodesk.exe'],
    kind: 'remote-desktop',
    note: 'A RustDesk fork.',
  },
  {
    id: 'getscreen',
    name: 'Getscreen.me',
    aliases: ['Getscreen.me', 'Getscreen', 'getscreen.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'aeroadmin',
    name: 'AeroAdmin',
    aliases: ['AeroAdmin', 'AeroAdmin.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'beyondtrust-remote-support',
    name: 'BeyondTrust Remote Support (Bomgar)',
    // Not bare "BeyondTrust": the vendor's password-safe and privilege-management products are not remote access.
    aliases: ['BeyondTrust Remote Support', 'BeyondTrust Privileged Remote Access', 'Bomgar', 'bomgar-scc.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'dameware',
    name: 'DameWare Remote Support / Mini Remote Control',
    aliases: ['DameWare', 'DameWare Mini Remote Control', 'DWRCS.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'simplehelp',
    name: 'SimpleHelp',
    aliases: ['SimpleHelp', 'SimpleHelp Remote Access'],
    kind: 'remote-desktop',
  },
  {
    id: 'litemanager',
    name: 'LiteManager',
    aliases: ['LiteManager', 'ROMServer.exe', 'ROMViewer.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'iperius-remote',
    name: 'Iperius Remote',
    aliases: ['Iperius Remote', 'IperiusRemote.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'todesk',
    name: 'ToDesk',
    aliases: ['ToDesk_Service.exe', 'ToDesk Remote Desktop'],
    // Bare "ToDesk" is exact-only: as a substring it would match "Send to Desktop" and the like.
    exactAliases: ['ToDesk', 'ToDesk.exe'],
    kind: 'remote-desktop',
    note: 'Popular in mainland China, where many of these workers are based.',
  },
  {
    id: 'sunlogin',
    name: 'Sunlogin / AweSun (Oray)',
    aliases: ['Sunlogin', 'SunloginClient.exe', 'Oray SunLogin', 'AweSun'],
    kind: 'remote-desktop',
    note: 'Popular in mainland China; AweSun is the international brand.',
  },
  {
    id: 'jump-desktop',
    name: 'Jump Desktop',
    aliases: ['Jump Desktop', 'JumpDesktop'],
    kind: 'remote-desktop',
  },
  {
    id: 'apache-guacamole',
    name: 'Apache Guacamole',
    aliases: ['Apache Guacamole', 'Guacamole'],
    exactAliases: ['guacd'],
    kind: 'remote-desktop',
    note: 'Clientless HTML5 gateway; seen on network scans rather than on the endpoint.',
  },
  {
    id: 'meshcentral',
    name: 'MeshCentral',
    aliases: ['MeshCentral', 'Mesh Agent', 'MeshAgent.exe'],
    kind: 'rmm',
    note: 'Open source and self-hosted.',
  },
  {
    id: 'tactical-rmm',
    name: 'Tactical RMM',
    aliases: ['Tactical RMM', 'Tactical RMM Agent', 'tacticalrmm.exe'],
    kind: 'rmm',
    note: 'Open source and self-hosted; bundles MeshCentral for remote control.',
  },
  {
    id: 'atera',
    name: 'Atera',
    aliases: ['Atera', 'Atera Agent', 'AteraAgent.exe'],
    kind: 'rmm',
  },
  {
    id: 'action1',
    name: 'Action1',
    aliases: ['Action1', 'Action1 Agent', 'action1_agent.exe'],
    kind: 'rmm',
  },
  {
    id: 'ninjaone',
    name: 'NinjaOne (NinjaRMM)',
    aliases: ['NinjaOne', 'NinjaOne Agent', 'NinjaRMM', 'NinjaRMMAgent.exe'],
    kind: 'rmm',
  },
  {
    id: 'kaseya-vsa',
    name: 'Kaseya VSA',
    aliases: ['Kaseya', 'Kaseya Agent', 'Kaseya VSA', 'AgentMon.exe'],
    kind: 'rmm',
  },
  {
    id: 'datto-rmm',
    name: 'Datto RMM',
    aliases: ['Datto RMM', 'CagService.exe', 'AEMAgent.exe'],
    kind: 'rmm',
  },
  {
    id: 'n-able',
    name: 'N-able (N-central, N-sight, Take Control)',
    aliases: ['N-able N-central', 'N-able N-sight', 'N-able RMM', 'N-able Take Control', 'SolarWinds Take Control', 'BASupSrvc.exe'],
    kind: 'rmm',
  },
  {
    id: 'pulseway',
    name: 'Pulseway',
    aliases: ['Pulseway', 'PCMonitorSrv.exe'],
    kind: 'rmm',
  },
  {
    id: 'syncro',
    name: 'Syncro',
    // Not bare "Syncro": too close to unrelated product names.
    aliases: ['Syncro Agent', 'SyncroMSP', 'Syncro RMM'],
    kind: 'rmm',
  },
]);

/** Recursively freezes a literal table so the exported data cannot be mutated by callers. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Trailing file extensions that carry no identity (installer/bundle/launcher wrappers). */
const EXTENSION_RE = /\.(?:exe|msi|msix|appx|app|dmg|pkg|deb|rpm|apk|appimage|lnk|bat|cmd|dll|sys)$/;
/** Architecture and bitness labels, e.g. "(64-bit)", "x64", "arm64". */
const ARCH_RE = /\b(?:x86[-_]64|x86|x64|amd64|arm64|aarch64|i[3-6]86|(?:32|64)[- ]?bits?|win(?:32|64))\b/g;
/** Dotted version numbers with an optional "v" and suffix, e.g. "8.0.9", "v15.44.7-beta". */
const DOTTED_VERSION_RE = /\bv?\d+(?:\.\d+)+(?:[-+][a-z0-9.]+)?\b/g;
/** A bare number or "v3" standing alone as a word, e.g. the "8" in "AnyDesk 8". */
const BARE_VERSION_RE = /(^|\s)v?\d+(?=\s|$)/g;

/**
 * Splits a software name into lower-case alphanumeric tokens after removing versions, bitness
 * labels and file extensions. CamelCase humps also start a token, which lets "MyAnyDesk" be
 * matched at the "Any" boundary while "Lateral" never matches "atera".
 */
function softwareTokens(s: string): string[] {
  let t = s.normalize('NFKD').replace(/\p{M}+/gu, '');
  t = t.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  t = t.toLowerCase().trim().replace(EXTENSION_RE, '');
  t = t.replace(ARCH_RE, ' ').replace(DOTTED_VERSION_RE, ' ').replace(BARE_VERSION_RE, '$1 ');
  return t.split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 0);
}

/**
 * Normalises a software name for comparison: lower-case, accents removed, version numbers,
 * bitness labels ("64-bit", "x64") and a trailing file extension (.exe, .app, .msi, …) dropped,
 * then all punctuation and whitespace removed.
 *
 * @example normalizeSoftwareName('AnyDesk 8.0.9 (64-bit)') === 'anydesk'
 * @example normalizeSoftwareName('TeamViewer_Service.exe') === 'teamviewerservice'
 * @param s - A display name, process name, bundle id or package name.
 * @returns The normalised form; may be empty if the input had no letters or digits.
 */
export function normalizeSoftwareName(s: string): string {
  return softwareTokens(s).join('');
}

/** Minimum normalised alias length for substring matching; shorter names are too ambiguous. */
const MIN_CONTAINS_LENGTH = 5;

/** True when `needle` occurs in the joined tokens starting exactly at a token boundary. */
function containsAtBoundary(tokens: readonly string[], joined: string, needle: string): boolean {
  let offset = 0;
  for (const tok of tokens) {
    if (joined.startsWith(needle, offset)) return true;
    offset += tok.length;
  }
  return false;
}

/**
 * Identify a remote-access tool from a software-inventory string.
 *
 * Matching runs in two passes. First an exact comparison of the normalised input with every
 * normalised alias (including `exactAliases`). If nothing matches, a substring pass: an alias of
 * at least 5 normalised characters that occurs in the input starting at a word or camelCase
 * boundary, e.g. `'AnyDesk 8.0.9 (64-bit)'` or `'ScreenConnect Client (a1b2c3)'`. The longest
 * matching alias wins, so "RealVNC Server" beats the generic "VNC Server".
 *
 * Caller-supplied `extra` entries are checked before the built-in table in both passes, so they
 * can override it (e.g. to re-label an approved tool).
 *
 * @param name - Display name, process name, bundle id or package name.
 * @param extra - Additional entries to consider first.
 * @returns The matching tool, or `undefined`. `'Microsoft Teams'` matches nothing.
 */
export function matchRemoteAccessTool(
  name: string,
  extra: readonly RemoteAccessTool[] = [],
): RemoteAccessTool | undefined {
  const tokens = softwareTokens(name);
  const joined = tokens.join('');
  if (joined.length === 0) return undefined;
  const candidates = extra.length === 0 ? remoteAccessTools : [...extra, ...remoteAccessTools];

  for (const tool of candidates) {
    for (const alias of [...tool.aliases, ...(tool.exactAliases ?? [])]) {
      if (normalizeSoftwareName(alias) === joined) return tool;
    }
  }

  let best: RemoteAccessTool | undefined;
  let bestLength = 0;
  for (const tool of candidates) {
    for (const alias of tool.aliases) {
      const n = normalizeSoftwareName(alias);
      if (n.length >= MIN_CONTAINS_LENGTH && n.length > bestLength && containsAtBoundary(tokens, joined, n)) {
        best = tool;
        bestLength = n.length;
      }
    }
  }
  return best;
}
