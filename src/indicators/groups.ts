import type { GroupSetting } from '../engine/config';

/**
 * Correlation groups of the built-in indicators, with their caps in log-odds. Indicators in a
 * group are several views of one fact (several VPN signals, say), so they do not add up like
 * independent evidence: the strongest counts fully, each further one half as much, and the whole
 * group never adds more than its cap. Config `groups` overrides these.
 */
export const builtinGroups: Readonly<Record<string, GroupSetting>> = {
  'activity-time': { decay: 0.5, cap: 3 },
  // Several keys shared with the same cluster are partly one fact (one farm): count the strongest fully, cap the sum.
  'linkage-shared-keys': { decay: 0.5, cap: 5 },
};
