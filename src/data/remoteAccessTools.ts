import { deepFreeze } from '../util/freeze';
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
 * Coverage, checked against the LOLRMM catalogue (lolrmm.io, github.com/magicsword-io/LOLRMM,
 * Apache-2.0; its 317 entries matched by name and PE file names): before the comparison this
 * table had 51 tools with 208 aliases and recognised 62 LOLRMM entries; after a first pass it had
 * 151 tools with 457 aliases and, with the 21 tunnel tools of tunnelTools.ts, recognised 199; a
 * second pass (LOLRMM commit 3c75cf0, August 2026) brought it to the figures in
 * docs/post-hire-activity.md. The rest are left out on purpose (see the comments above the two
 * LOLRMM blocks): SSH and file-transfer clients, file sync and backup, inventory-only monitoring,
 * messengers, employee monitoring, and vendor umbrella names. LOLRMM's network domains
 * are not used: no built-in indicator matches domains.
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
      'RdClient',
      'Microsoft Remote Desktop Client',
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
    aliases: ['VNC Connect', 'RealVNC', 'RealVNC Server', 'RealVNC Viewer', 'RealVNC Connect', 'vncserverui.exe', 'vncagent.exe'],
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
    aliases: ['Splashtop', 'Splashtop Streamer', 'Splashtop Business', 'Splashtop Personal', 'SRService.exe', 'SRServer.exe', 'SRManager.exe', 'strwinclt.exe'],
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
    aliases: ['Remote Manipulator System', 'Remote Utilities', 'rutserv.exe', 'rfusclient.exe'],
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
    aliases: ['Sunlogin', 'SunloginClient.exe', 'Oray SunLogin', 'AweSun', 'AweRay', 'aweray_remote'],
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
    aliases: ['CentraStage', 'Datto RMM', 'CagService.exe', 'AEMAgent.exe'],
    kind: 'rmm',
  },
  {
    id: 'n-able',
    name: 'N-able (N-central, N-sight, Take Control)',
    aliases: [
      'Advanced Monitoring Agent',
      'N-able N-central',
      'N-able N-sight',
      'N-able RMM',
      'N-able Take Control',
      'SolarWinds Take Control',
      'BASupSrvc.exe',
    ],
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
  // From here on: tools listed by the LOLRMM project (lolrmm.io, Apache-2.0) that the entries
  // above did not recognise. Names are the products' own; aliases are their documented process
  // or package names. Left out on purpose: SSH and SFTP clients (PuTTY, KiTTY, MobaXterm,
  // SecureCRT, WinSCP), file-sync and backup tools (MEGAsync, Syncthing, Insync, Yandex.Disk),
  // inventory-only monitoring agents (Zabbix, OCS, GLPI), keyboard-sharing (Synergy, Mouse
  // Without Borders) and umbrella vendor names; tunnels and mesh VPNs are in tunnelTools.ts.
  { id: 'alpemix', name: 'Alpemix', aliases: ['Alpemix', 'Alpemix.exe'], kind: 'remote-desktop' },
  {
    id: 'anyviewer',
    name: 'AnyViewer (AOMEI)',
    aliases: ['AnyViewer', 'AnyViewer.exe', 'AOMEI AnyViewer'],
    exactAliases: ['RCService.exe', 'RCClient.exe', 'AVCore.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'aspia',
    name: 'Aspia',
    aliases: ['aspia_client.exe', 'aspia_host.exe', 'Aspia Host', 'Aspia Console'],
    exactAliases: ['Aspia'],
    kind: 'remote-desktop',
    note: 'Open source and self-hosted.',
  },
  { id: 'acronis-remotix', name: 'Acronis Cyber Protect Connect (Remotix)', aliases: ['Remotix', 'Acronis Cyber Protect Connect'], kind: 'remote-desktop' },
  { id: 'beamyourscreen', name: 'BeamYourScreen', aliases: ['BeamYourScreen'], kind: 'screen-sharing' },
  {
    id: 'controlr',
    name: 'ControlR',
    aliases: ['ControlR.Agent', 'ControlR.DesktopClient', 'ControlR.Agent.exe'],
    kind: 'remote-desktop',
    note: 'Open source and self-hosted.',
  },
  { id: 'crossloop', name: 'CrossLoop', aliases: ['CrossLoop'], kind: 'remote-desktop' },
  { id: 'distant-desktop', name: 'Distant Desktop', aliases: ['Distant Desktop', 'DistantDesktop'], kind: 'remote-desktop' },
  { id: 'fixme-it', name: 'FixMe.it', aliases: ['FixMe.it', 'FixMeit Client', 'fixmeit_client.exe'], kind: 'remote-desktop' },
  { id: 'fleetdeck', name: 'FleetDeck', aliases: ['FleetDeck', 'fleetdeck-agent.exe', 'fleetdeck_agent_svc.exe', 'FleetDeck Agent'], kind: 'rmm' },
  {
    id: 'gotohttp',
    name: 'GotoHTTP',
    aliases: ['GotoHTTP', 'GotoHTTP.exe'],
    kind: 'remote-desktop',
    note: 'Browser-based; the endpoint runs a small portable agent.',
  },
  { id: 'goverlan', name: 'Goverlan Reach', aliases: ['Goverlan', 'Goverlan Reach', 'GovAgentx64.exe'], kind: 'remote-desktop' },
  { id: 'helpwire', name: 'HelpWire', aliases: ['HelpWire', 'helpwire.exe', 'HelpWire Quick.exe'], kind: 'remote-desktop' },
  {
    id: 'isl-online',
    name: 'ISL Online (ISL Light, ISL AlwaysOn)',
    aliases: ['ISL Online', 'ISL Light', 'ISL AlwaysOn', 'ISLLight.exe', 'ISLLightClient.exe', 'islalwaysonmonitor.exe'],
    kind: 'remote-desktop',
    note: 'Also sold as Barracuda remote support.',
  },
  { id: 'instant-housecall', name: 'Instant Housecall', aliases: ['Instant Housecall', 'InstantHousecall'], kind: 'remote-desktop' },
  { id: 'laplink-everywhere', name: 'Laplink Everywhere', aliases: ['Laplink Everywhere', 'Laplink Gold'], kind: 'remote-desktop' },
  { id: 'mikogo', name: 'Mikogo', aliases: ['Mikogo', 'Mikogo-host.exe', 'Mikogo-Service.exe'], kind: 'screen-sharing' },
  {
    id: 'mremoteng',
    name: 'mRemoteNG',
    aliases: ['mRemoteNG', 'mRemoteNG.exe'],
    kind: 'remote-desktop',
    note: 'A connection manager (RDP, VNC, SSH client): it drives other machines from this one.',
  },
  {
    id: 'devolutions-rdm',
    name: 'Devolutions Remote Desktop Manager',
    aliases: ['Remote Desktop Manager', 'RemoteDesktopManager', 'RemoteDesktopManager.exe', 'Devolutions Remote Desktop Manager'],
    kind: 'remote-desktop',
    note: 'A connection manager; longer than the Microsoft "Remote Desktop Connection Manager" alias, which still wins for RDCMan.',
  },
  {
    id: 'royal-ts',
    name: 'Royal TS / Royal Server',
    aliases: ['Royal TS', 'RoyalTS', 'RoyalTS.exe', 'Royal Server'],
    kind: 'remote-desktop',
    note: 'A connection manager.',
  },
  {
    id: 'netsupport-manager',
    name: 'NetSupport Manager',
    aliases: ['NetSupport Manager', 'NetSupport School', 'NetSupport Client', 'remcmdstub.exe', 'PCICHEK.DLL'],
    exactAliases: ['client32.exe'],
    kind: 'remote-desktop',
    note: 'Legitimate product; repackaged copies are the widespread "NetSupport RAT", hence client32.exe.',
  },
  {
    id: 'netop',
    name: 'Netop Remote Control (Impero Connect)',
    aliases: ['Netop Remote Control', 'Impero Connect', 'nhostsvc.exe', 'nhstw32.exe'],
    kind: 'remote-desktop',
  },
  {
    id: 'nezha',
    name: 'Nezha monitoring agent',
    aliases: ['nezha-agent', 'nezha-agent.exe', 'Nezha Agent'],
    kind: 'rmm',
    note: 'Open-source server monitoring with a web terminal and file manager.',
  },
  { id: 'parallels-access', name: 'Parallels Access', aliases: ['Parallels Access', 'prl_deskctl_agent'], kind: 'remote-desktop' },
  { id: 'pcanywhere', name: 'Symantec pcAnywhere', aliases: ['pcAnywhere', 'awhost32.exe', 'awrem32.exe'], kind: 'remote-desktop' },
  { id: 'pcvisit', name: 'pcvisit', aliases: ['pcvisit', 'pcvisit_service_client.exe', 'pcvisit Remote-Support'], kind: 'remote-desktop' },
  { id: 'pdq-connect', name: 'PDQ Connect', aliases: ['PDQ Connect', 'PDQ Connect Agent', 'pdq-connect-agent.exe'], kind: 'rmm' },
  { id: 'kace', name: 'Quest KACE Agent', aliases: ['KACE Agent', 'Quest KACE', 'AMPAgent.exe', 'konea.exe'], kind: 'rmm' },
  {
    id: 'remcos',
    name: 'Remcos',
    aliases: ['Remcos', 'remcos.exe'],
    kind: 'remote-desktop',
    note: 'Sold as remote administration, used overwhelmingly as a remote-access trojan.',
  },
  {
    id: 'remotely',
    name: 'Remotely',
    aliases: ['Remotely_Agent.exe', 'Remotely_Desktop.exe', 'Remotely Agent'],
    kind: 'remote-desktop',
    note: 'Open source and self-hosted. Bare "Remotely" is an everyday word and is not an alias.',
  },
  {
    id: 'rsupport',
    name: 'RSUPPORT RemoteCall / RemoteView',
    aliases: ['RemoteCall', 'RSUPPORT RemoteView', 'rcengmgru.exe'],
    exactAliases: ['RemoteView'],
    kind: 'remote-desktop',
  },
  { id: 'remsupp', name: 'RemSupp', aliases: ['RemSupp', 'RemSupp.exe'], kind: 'remote-desktop' },
  {
    id: 'rport',
    name: 'RPort',
    aliases: ['rportd'],
    exactAliases: ['RPort', 'rport.exe'],
    kind: 'rmm',
    note: 'Open source and self-hosted; tunnels and remote commands.',
  },
  { id: 'rudesktop', name: 'RuDesktop', aliases: ['RuDesktop', 'rudesktop.exe'], kind: 'remote-desktop', note: 'A RustDesk derivative.' },
  { id: 'screenmeet', name: 'ScreenMeet', aliases: ['ScreenMeet', 'ScreenMeetSupport'], kind: 'remote-desktop' },
  { id: 'seetrol', name: 'Seetrol', aliases: ['Seetrol', 'SeetrolClient.exe', 'SeetrolCenter.exe'], kind: 'remote-desktop' },
  { id: 'showmypc', name: 'ShowMyPC', aliases: ['ShowMyPC', 'ShowMyPC.exe'], kind: 'screen-sharing' },
  { id: 'skyfex', name: 'SkyFex', aliases: ['SkyFex'], kind: 'remote-desktop' },
  { id: 'superops', name: 'SuperOps', aliases: ['SuperOps', 'SuperOps Agent', 'superopsticket.exe'], kind: 'rmm' },
  { id: 'tiflux', name: 'TiFLUX', aliases: ['TiFLUX', 'TiAgent.exe', 'TiService.exe'], kind: 'rmm' },
  { id: 'trustconnect', name: 'TrustConnect', aliases: ['TrustConnect', 'TrustConnectAgent.exe', 'DocConnect.Agent.exe'], kind: 'remote-desktop' },
  { id: 'turbomeeting', name: 'TurboMeeting', aliases: ['TurboMeeting'], kind: 'screen-sharing' },
  {
    id: 'ultraviewer',
    name: 'UltraViewer',
    aliases: ['UltraViewer', 'UltraViewer_Service.exe', 'UltraViewer_Desktop.exe', 'UltraViewer.exe'],
    kind: 'remote-desktop',
    note: 'Free TeamViewer look-alike, popular in Vietnam and South-East Asia.',
  },
  {
    id: 'veyon',
    name: 'Veyon',
    aliases: ['Veyon', 'veyon-service.exe', 'veyon-worker.exe'],
    kind: 'remote-desktop',
    note: 'Classroom management: views and controls other computers.',
  },
  {
    id: 'xrdp',
    name: 'xrdp (RDP server for Linux)',
    aliases: ['xrdp-sesman'],
    exactAliases: ['xrdp'],
    kind: 'remote-desktop',
    note: 'An inbound RDP server on Linux.',
  },
  { id: 'x2go', name: 'X2Go', aliases: ['X2Go', 'x2goclient', 'x2goserver'], kind: 'remote-desktop' },
  { id: 'xpra', name: 'Xpra', aliases: ['Xpra', 'xpra.exe', 'Xpra_cmd.exe'], kind: 'remote-desktop' },
  {
    id: 'freerdp',
    name: 'FreeRDP / Remmina',
    aliases: ['FreeRDP', 'wfreerdp.exe', 'xfreerdp', 'Remmina', 'org.remmina.Remmina'],
    kind: 'remote-desktop',
    note: 'RDP clients: they connect out from this machine.',
  },
  {
    id: 'rdp-wrapper',
    name: 'RDP Wrapper Library',
    aliases: ['RDP Wrapper', 'RDPWInst.exe', 'rdpwrap.dll', 'RDPConf.exe', 'RDPCheck.exe'],
    exactAliases: ['rdpwrap'],
    kind: 'remote-desktop',
    note: 'Enables inbound and concurrent RDP on Windows editions that lack it: a server, not a client.',
  },
  { id: 'rdp2tcp', name: 'rdp2tcp', aliases: ['rdp2tcp', 'rdp2tcp.exe'], kind: 'remote-desktop', note: 'Tunnels TCP over an RDP virtual channel.' },
  {
    id: 'connectwise-rmm',
    name: 'ConnectWise RMM (Continuum, ITSupport247)',
    aliases: ['ITSupport247', 'SAAZOD', 'SAAZWatchDog', 'ConnectWise RMM'],
    kind: 'rmm',
  },
  { id: 'addigy', name: 'Addigy', aliases: ['Addigy', 'com.addigy.agent'], kind: 'rmm', note: 'macOS device management with remote control.' },
  {
    id: 'manageengine-endpoint-central',
    name: 'ManageEngine Endpoint Central (Desktop Central, RMM Central)',
    aliases: ['Endpoint Central', 'Desktop Central', 'RMM Central', 'dcagentservice.exe', 'DCRemoteControl'],
    kind: 'rmm',
  },
  { id: 'itarian', name: 'Itarian / Comodo RMM', aliases: ['Itarian', 'Comodo RMM', 'ITSM Agent', 'RmmService.exe'], kind: 'rmm' },
  { id: 'barracuda-rmm', name: 'Barracuda RMM (Managed Workplace)', aliases: ['Barracuda RMM', 'Managed Workplace', 'Onsite Manager'], kind: 'rmm' },
  { id: 'kabuto', name: 'Kabuto', aliases: ['Kabuto', 'Kabuto Agent'], kind: 'rmm' },
  { id: 'naverisk', name: 'Naverisk', aliases: ['Naverisk', 'Naverisk Agent'], kind: 'rmm' },
  { id: 'netlock-rmm', name: 'NetLock RMM', aliases: ['NetLock RMM', 'NetLock Agent'], kind: 'rmm' },
  { id: 'gorelo', name: 'Gorelo RMM', aliases: ['Gorelo', 'Gorelo RMM', 'Gorelo.Rmm.Setup.exe'], kind: 'rmm' },
  { id: 'immybot', name: 'ImmyBot', aliases: ['ImmyBot', 'ImmyAgent.exe', 'ImmyBot Agent'], kind: 'rmm' },
  { id: 'rodex', name: 'Rodex RMM', aliases: ['Rodex RMM', 'RodexAgent.exe'], kind: 'rmm' },
  { id: 'heartbeatrm', name: 'HeartbeatRM', aliases: ['HeartbeatRM', 'hbrm-x64.exe'], kind: 'rmm' },
  { id: 'xeox', name: 'Xeox', aliases: ['Xeox', 'Xeox Agent'], kind: 'rmm' },
  {
    id: 'msp360',
    name: 'MSP360 Remote Desktop (CloudBerry)',
    aliases: ['MSP360', 'MSP360 Connect', 'MSP360 Remote Desktop', 'CloudBerry Remote Assistant'],
    kind: 'remote-desktop',
  },
  { id: 'netviewer', name: 'Netviewer', aliases: ['Netviewer', 'NetviewerOne'], kind: 'screen-sharing' },
  { id: 'ezhelp', name: 'ezHelp', aliases: ['ezHelp', 'ezHelpViewer.exe'], kind: 'remote-desktop' },
  { id: 'helpu', name: 'HelpU', aliases: ['HelpuManager.exe'], exactAliases: ['HelpU'], kind: 'remote-desktop' },
  { id: 'sorillus', name: 'Sorillus', aliases: ['Sorillus'], kind: 'remote-desktop', note: 'Sold as remote administration; a Java remote-access trojan.' },
  { id: 'spyanywhere', name: 'SpyAnywhere', aliases: ['SpyAnywhere'], kind: 'remote-desktop' },
  { id: 'anyplace-control', name: 'Anyplace Control', aliases: ['Anyplace Control'], kind: 'remote-desktop' },
  { id: 'access-remote-pc', name: 'Access Remote PC', aliases: ['Access Remote PC'], kind: 'remote-desktop' },
  { id: 'desktopnow', name: 'DesktopNow (NCH)', aliases: ['DesktopNow'], kind: 'remote-desktop' },
  { id: 'remote-desktop-plus', name: 'Remote Desktop Plus', aliases: ['Remote Desktop Plus'], kind: 'remote-desktop' },
  { id: 'remobo', name: 'Remobo', aliases: ['Remobo'], kind: 'remote-desktop' },
  { id: 'weezo', name: 'Weezo', aliases: ['Weezo'], kind: 'remote-desktop' },
  { id: 'fastviewer', name: 'FastViewer', aliases: ['FastViewer', 'FastClient.exe'], kind: 'remote-desktop' },
  { id: 'pandora-rc', name: 'Pandora RC (eHorus)', aliases: ['Pandora RC', 'eHorus', 'ehorus_agent.exe'], kind: 'remote-desktop' },
  { id: 'freenx', name: 'FreeNX / NX server', aliases: ['FreeNX'], kind: 'remote-desktop' },
  { id: 'any-support', name: 'Any Support', aliases: ['Any Support', 'AnySupport'], kind: 'remote-desktop' },
  { id: 'khelpdesk', name: 'KHelpDesk', aliases: ['KHelpDesk'], kind: 'remote-desktop' },
  { id: 'gatherplace', name: 'GatherPlace', aliases: ['GatherPlace'], kind: 'screen-sharing' },
  { id: 'helpbeam', name: 'HelpBeam', aliases: ['HelpBeam'], kind: 'remote-desktop' },
  { id: 'im-intouch', name: "I'm InTouch", aliases: ["I'm InTouch", 'ImInTouch'], kind: 'remote-desktop' },
  { id: 'echoware', name: 'Echoware', aliases: ['Echoware'], kind: 'remote-desktop' },
  { id: 'crosstec', name: 'CrossTec Remote Control', aliases: ['CrossTec Remote Control', 'CrossTec'], kind: 'remote-desktop' },
  { id: 'intelliadmin', name: 'IntelliAdmin Remote Control', aliases: ['IntelliAdmin Remote Control', 'IntelliAdmin'], kind: 'remote-desktop' },
  { id: 'emco-remote-console', name: 'EMCO Remote Console', aliases: ['EMCO Remote Console'], kind: 'remote-desktop' },
  { id: 'ivanti-remote-control', name: 'Ivanti Remote Control', aliases: ['Ivanti Remote Control', 'LANDesk Remote Control'], kind: 'remote-desktop' },
  { id: 'mygreenpc', name: 'MyGreenPC', aliases: ['MyGreenPC'], kind: 'remote-desktop' },
  { id: 'pilixo', name: 'Pilixo', aliases: ['Pilixo'], kind: 'rmm' },
  { id: 'rdpview', name: 'RDPView / WebRDP', aliases: ['RDPView', 'WebRDP'], kind: 'remote-desktop' },
  { id: 'pcnow', name: 'PCnow', aliases: ['PCnow'], kind: 'remote-desktop' },
  { id: 'pchelpware', name: 'PCHelpWare', aliases: ['PCHelpWare'], kind: 'remote-desktop' },
  { id: 'rocket-remote-desktop', name: 'Rocket Remote Desktop', aliases: ['Rocket Remote Desktop'], kind: 'remote-desktop' },
  { id: 'teledesktop', name: 'TeleDesktop', aliases: ['TeleDesktop'], kind: 'remote-desktop' },
  { id: 'ntr-remote', name: 'NTR Remote', aliases: ['NTR Remote', 'NTRsupport'], kind: 'remote-desktop' },
  { id: 'remote-ripple', name: 'Remote Ripple', aliases: ['Remote Ripple'], kind: 'remote-desktop' },
  { id: 'remotepass', name: 'RemotePass', aliases: ['RemotePass'], kind: 'remote-desktop' },
  { id: 'lunixar', name: 'Lunixar', aliases: ['Lunixar', 'Lunixar.exe'], kind: 'remote-desktop' },
  {
    id: 'web-vnc-clients',
    name: 'macOS and web VNC clients (Chicken of the VNC, JollysFastVNC, SmartCode Web VNC)',
    aliases: ['Chicken of the VNC', 'JollysFastVNC', 'SmartCode Web VNC', 'Mocha VNC'],
    kind: 'remote-desktop',
  },
  // Second comparison with LOLRMM (317 entries): remote-control products it lists that the table
  // still missed. Left out again on purpose: messengers with a remote-assist feature (QQ,
  // AliWangWang, NateOn), like Teams; employee-monitoring suites the employer itself deploys
  // (Teramind, KickIdler, Controlio, Net Monitor for Employees); remote command execution
  // (PsExec); deployment, inventory and monitoring platforms (Tanium, Faronics, Ninite, VIZOR,
  // Freshservice, Site24x7, Auvik, Domotz); and entries LOLRMM describes only by a name.
  {
    id: 'level',
    name: 'Level (level.io)',
    // Not bare "Level": a common word in product names.
    aliases: ['Level.io', 'level-windows-amd64.exe', 'level-remote-control-ffmpeg.exe', 'Level RMM'],
    kind: 'rmm',
  },
  {
    id: 'duet-display',
    name: 'Duet Display (Duet Air)',
    aliases: ['Duet Display', 'DuetDisp.exe', 'DuetSetup.exe', 'Duet Air'],
    exactAliases: ['duet.exe'],
    kind: 'remote-desktop',
    note: 'Mostly a second-screen app; Duet Air adds remote desktop over the internet.',
  },
  {
    id: 'remotepulse',
    name: 'RemotePulse',
    aliases: ['RemotePulse', 'RemotePulseAgent'],
    kind: 'rmm',
    note: 'Advertises unattended remote desktop and silent agent deployment.',
  },
  { id: 'pocketcloud', name: 'PocketCloud (Wyse)', aliases: ['PocketCloud', 'pocketcloudservice.exe'], kind: 'remote-desktop' },
  {
    id: 'soti-pocket-controller',
    name: 'SOTI Pocket Controller (XSight)',
    aliases: ['Pocket Controller', 'pocketcontroller.exe', 'XSightService.exe', 'SOTI XSight'],
    kind: 'remote-desktop',
  },
  {
    id: 'ericom',
    name: 'Ericom Connect / AccessNow',
    aliases: ['Ericom Connect', 'Ericom AccessNow', 'EricomConnectRemoteHost'],
    kind: 'remote-desktop',
    note: 'A browser gateway to remote desktops.',
  },
  {
    id: 'komari',
    name: 'Komari monitoring agent',
    aliases: ['komari-agent', 'komari-agent.exe', 'Komari Agent'],
    exactAliases: ['Komari', 'komari.exe'],
    kind: 'rmm',
    note: 'Self-hosted server monitoring, like Nezha.',
  },
  {
    id: 'invgate-remote-desktop',
    name: 'InvGate remote desktop',
    aliases: ['InvGateRD.exe', 'InvGateAssetsRD.exe'],
    kind: 'rmm',
    note: 'Only the remote-desktop components: the InvGate inventory agent alone is not remote access.',
  },
  { id: 'sysaid', name: 'SysAid', aliases: ['SysAid', 'SysAidServer'], kind: 'rmm', note: 'Help desk with a remote-control agent.' },
  {
    id: 'webex-remote-access',
    name: 'Cisco WebEx Remote Access',
    aliases: ['WebEx Remote Access', 'Webex Remote Support'],
    kind: 'remote-desktop',
    note: 'Not the Webex meetings client.',
  },
]);

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

/** An entry of a software table: an id, a display name and the names it shows up under. */
export interface SoftwareEntry {
  /** Stable kebab-case identifier. */
  readonly id: string;
  /** Display name of the product. */
  readonly name: string;
  /** Names matched exactly or, from 5 normalised characters, at a word boundary of the input. */
  readonly aliases: readonly string[];
  /** Names only matched exactly. */
  readonly exactAliases?: readonly string[];
}

/** A table's aliases normalised once: exact look-up and the substring candidates in table order. */
interface CompiledTable<T extends SoftwareEntry> {
  readonly exact: ReadonlyMap<string, T>;
  readonly contains: readonly { readonly alias: string; readonly entry: T }[];
  /** Answers already given for this table alone (no `extra`), by input name; `null` for no match. */
  readonly answers: Map<string, T | null>;
}

// Answers remembered per table before its cache starts afresh: a population repeats a few hundred
// distinct names at every check-in of every subject, so this bounds memory, not the hit rate.
const MAX_REMEMBERED_ANSWERS = 1 << 16;

const compiledTables = new WeakMap<readonly SoftwareEntry[], CompiledTable<SoftwareEntry>>();

function compile<T extends SoftwareEntry>(table: readonly T[]): CompiledTable<T> {
  const cached = compiledTables.get(table);
  if (cached !== undefined) return cached as CompiledTable<T>;
  const exact = new Map<string, T>();
  const contains: { alias: string; entry: T }[] = [];
  for (const entry of table) {
    for (const alias of [...entry.aliases, ...(entry.exactAliases ?? [])]) {
      const n = normalizeSoftwareName(alias);
      if (n !== '' && !exact.has(n)) exact.set(n, entry);
    }
    for (const alias of entry.aliases) {
      const n = normalizeSoftwareName(alias);
      if (n.length >= MIN_CONTAINS_LENGTH) contains.push({ alias: n, entry });
    }
  }
  const out = { exact, contains, answers: new Map<string, T | null>() };
  compiledTables.set(table, out);
  return out;
}

/**
 * Identify an entry of a software table from a software-inventory string: the matching rule of
 * {@link matchRemoteAccessTool}, for any table of the same shape (the tunnel table uses it too).
 * Each table's aliases are normalised once and cached, so a call costs one look-up plus the
 * substring pass.
 *
 * @param name - Display name, process name, bundle id or package name.
 * @param table - The table to match against.
 * @param extra - Additional entries to consider first.
 * @returns The matching entry, or `undefined`.
 */
export function matchSoftware<T extends SoftwareEntry>(name: string, table: readonly T[], extra: readonly T[] = []): T | undefined {
  if (extra.length > 0) return matchCompiled(name, [compile(extra), compile(table)]);
  // The answer depends only on the name and the (constant) table, so it is remembered and shared
  // by every subject and evaluation: scoring stays pure and deterministic.
  const compiled = compile(table);
  const known = compiled.answers.get(name);
  if (known !== undefined) return known ?? undefined;
  const answer = matchCompiled(name, [compiled]);
  if (compiled.answers.size >= MAX_REMEMBERED_ANSWERS) compiled.answers.clear();
  compiled.answers.set(name, answer ?? null);
  return answer;
}

function matchCompiled<T extends SoftwareEntry>(name: string, tables: readonly CompiledTable<T>[]): T | undefined {
  const tokens = softwareTokens(name);
  const joined = tokens.join('');
  if (joined.length === 0) return undefined;
  for (const t of tables) {
    const hit = t.exact.get(joined);
    if (hit !== undefined) return hit;
  }
  let best: T | undefined;
  let bestLength = 0;
  for (const t of tables) {
    for (const { alias, entry } of t.contains) {
      if (alias.length > bestLength && containsAtBoundary(tokens, joined, alias)) {
        best = entry;
        bestLength = alias.length;
      }
    }
  }
  return best;
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
export function matchRemoteAccessTool(name: string, extra: readonly RemoteAccessTool[] = []): RemoteAccessTool | undefined {
  return matchSoftware(name, remoteAccessTools, extra);
}
