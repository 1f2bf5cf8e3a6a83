// The labelled scenario suite: insider scenarios and remote-hire identity-fraud scenarios, with
// their hard honest controls, scored together in one population of honest peers. Shared by
// test/scenarios/detection.test.ts (which asserts bands and reasons) and bench/detection.mjs
// (which prints AUC, band counts and whether each scenario's expected reasons are in its top
// five). Plain data, no clock, no randomness: the same population on every run.

import { asOf, peers } from './common.mjs';
import { insiderScenarios } from './insider.mjs';
import { remoteHireScenarios } from './remote-hire.mjs';

export { asOf };

/** Every scenario of the suite, positives and controls. */
export const scenarios = [...insiderScenarios, ...remoteHireScenarios];

/** The supervisor the impersonation scenario signs in as: an honest subject holding the account and the desktop. */
const supervisor = {
  id: 'it-admin-supervisor',
  kind: 'employee',
  role: 'IT Manager',
  hiredAt: '2020-01-06T00:00:00Z',
  identity: { residence: { country: 'US', timeZone: 'UTC' } },
  position: { team: 'it-admin' },
  accounts: [{ system: 'okta', accountId: 'boss@corp.example', kind: 'standard' }],
};

/** Caller-supplied reference tables: issued devices (one lab machine), the agency office, a sanctions list. */
const reference = {
  organisation: {
    devices: [
      { deviceId: 'boss-desktop', subjectId: 'it-admin-supervisor', handover: 'on-site' },
      { deviceId: 'lab-pc-1', handover: 'lab' },
    ],
  },
  linkAllowList: [
    {
      kind: 'address',
      address: { line1: '500 Commerce Street', line2: 'Suite 1200', city: 'Dallas', region: 'TX', postalCode: '75202', country: 'US' },
      reason: "staffing agency office receives consultants' equipment",
    },
  ],
};

const watchlists = [
  {
    name: 'OFAC SDN (DPRK program), extract',
    kind: 'sanctions',
    source: 'https://sanctionssearch.ofac.treas.gov/',
    entries: [
      { type: 'organisation', value: 'Yanbian Silverstar Network Technology Co., Ltd.', aliases: ['Yanbian Silverstar'], note: 'DPRK program' },
      { type: 'organisation', value: 'Volasys Silverstar', note: 'DPRK program' },
    ],
  },
];

/** The shared population every scenario is scored in: teams of honest peers and every scenario subject. */
export function population() {
  const teams = [peers('eng', 8, 5e7), peers('data-platform', 8, 1.2e9), peers('it-admin', 6, 5e7)];
  const subjects = [...teams.flatMap((t) => t.subjects), supervisor, ...scenarios.map((s) => s.subject)];
  const events = [...teams.flatMap((t) => t.events), ...scenarios.flatMap((s) => s.events)];
  return { asOf, subjects, events, reference, watchlists };
}

/** Area under the ROC curve of positives against controls, by rank (ties count half). */
export function auc(positiveScores, controlScores) {
  let wins = 0;
  for (const p of positiveScores) for (const c of controlScores) wins += p > c ? 1 : p === c ? 0.5 : 0;
  return wins / (positiveScores.length * controlScores.length);
}
