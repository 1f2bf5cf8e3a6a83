import type { GroupSetting } from '../core';

/**
 * Correlation groups of the built-in indicators, with their caps in log-odds. Indicators in a
 * group are several views of one fact (several VPN signals, say), so they do not add up like
 * independent evidence: the strongest counts fully, each further one half as much, and the whole
 * group never adds more than its cap. Config `groups` overrides these.
 */
export const builtinGroups: Readonly<Record<string, GroupSetting>> = {
  'activity-time': { decay: 0.5, cap: 3 },
  // Candidate record. Weak pre-hire signals share one group whose cap keeps them, all
  // together, below the elevated band: they are context, never a reason on their own.
  'identity-proofing': { decay: 0.5, cap: 5 },
  'identity-claims': { decay: 0.5, cap: 3.5 },
  'presence-verification': { decay: 0.5, cap: 3 },
  payout: { decay: 0.5, cap: 4 },
  'shipping-destination': { decay: 0.5, cap: 4 },
  'pre-hire-weak': { decay: 0.5, cap: 2 },
  // Where the person signs in from: VPN use, country hops and the baseline are one fact.
  'network-location': { decay: 0.5, cap: 2.5 },
  // Someone else drives the machine: remote-access tools, IP-KVM, exposed remote desktop.
  'remote-control': { decay: 0.5, cap: 4 },
  // The managed device is not the one shipped, not managed, or tampered with.
  'device-integrity': { decay: 0.5, cap: 3.5 },
  // Sensitive access and bulk volume: one collection story.
  'insider-collection': { decay: 0.5, cap: 3.5 },
  // Several keys shared with the same cluster are partly one fact (one farm): count the strongest fully, cap the sum.
  'linkage-shared-keys': { decay: 0.5, cap: 5 },
  // Own-baseline and peer-baseline shifts are two views of one change of behaviour.
  'behaviour-baseline': { decay: 0.5, cap: 2.5 },
  // Removable media, web uploads and copies to personal destinations: data leaving by different routes, partly one act (the same copy is often seen
  // by two of them); capped like collection.
  'exfiltration-channels': { decay: 0.5, cap: 3.5 },
};
