// Labelled insider scenarios and hard honest controls, part of the scenario suite
// (bench/scenarios/suite.mjs, scored by test/scenarios/detection.test.ts and bench/detection.mjs).
// Plain data, no clock, no randomness: the same population on every run.
//
// The positives follow the three insider scenarios of the CERT insider-threat test dataset
// (r4.2-r6.2 answers: a user who starts working after hours and using removable media, uploads to
// a leak site and leaves; a job hunter who copies far more to removable media than before and
// leaves; a disgruntled administrator who plants a keylogger, then leaves) and the extortion after
// termination that FBI PSA-2025-01 describes.

import { ALL, BASELINE, RECENT, employee, hh, ordinaryDays, scenario, weekdays } from './common.mjs';

const CERT = 'CERT Insider Threat Test Dataset, https://kilthub.cmu.edu/articles/dataset/Insider_Threat_Test_Dataset/12841247';
const CSG =
  'CERT Common Sense Guide to Mitigating Insider Threats, 7th ed., https://insights.sei.cmu.edu/library/common-sense-guide-to-mitigating-insider-threats-seventh-edition/';
const PSA_2025_01 = 'FBI PSA-2025-01 on data extortion, https://www.ic3.gov/PSA/2025/PSA250123';

/** The insider scenarios and their honest controls. */
export const insiderScenarios = [
  // ---- Positives ------------------------------------------------------------------------------
  scenario(
    'CERT 1: starts working nights and using USB, uploads to a leak site, leaves',
    'positive',
    CERT,
    employee('p-night-usb-leak', 'eng', { lifecycle: { status: 'on-notice', noticeDate: '2025-05-26', endDate: '2025-06-13' } }),
    (add) => {
      ordinaryDays(add, BASELINE);
      RECENT.forEach((d, i) => {
        add({ type: 'session', at: `${d}T22:10:00Z`, accountId: 'corp', deviceId: add.laptop });
        add({
          type: 'removable-media',
          at: `${d}T22:30:00Z`,
          action: 'connected',
          deviceId: add.laptop,
          media: { serial: 'KINGSTON-77', kind: 'mass-storage' },
        });
        add({
          type: 'removable-media',
          at: `${d}T22:40:00Z`,
          action: 'file-copied',
          deviceId: add.laptop,
          media: { serial: 'KINGSTON-77', kind: 'mass-storage' },
          file: { name: `design-${i}.zip`, sizeBytes: 4e8, tags: ['export-controlled'] },
        });
      });
      add({ type: 'web', at: '2025-06-05T23:00:00Z', action: 'upload', category: 'leak-site', host: 'wikileaks.example', bytesOut: 2e9 });
    },
    ['insider/removable-media-exfiltration', 'insider/exit-window', 'insider/own-baseline-shift'],
  ),
  scenario(
    'CERT 2: a job hunter copies far more to USB than before, then leaves',
    'positive',
    CERT,
    employee('p-jobhunter-usb', 'eng', { lifecycle: { status: 'resigned', noticeDate: '2025-05-30', endDate: '2025-06-13', endReason: 'resignation' } }),
    (add) => {
      ordinaryDays(add, ALL);
      BASELINE.filter((_, i) => i % 20 === 0).forEach((d) =>
        add({
          type: 'removable-media',
          at: `${d}T11:00:00Z`,
          action: 'file-copied',
          deviceId: add.laptop,
          media: { serial: 'SANDISK-1' },
          file: { name: 'notes.txt', sizeBytes: 1e5 },
        }),
      );
      ['2025-04-14', '2025-04-22', '2025-05-06', '2025-05-13', '2025-05-20'].forEach((d) =>
        add({ type: 'web', at: `${d}T12:30:00Z`, action: 'visit', category: 'job-board', host: 'jobs.example' }),
      );
      RECENT.forEach((d, i) => {
        for (let k = 0; k < 12; k++) {
          add({
            type: 'removable-media',
            at: `${d}T${hh(13 + (k % 4))}:${hh(k * 4)}:00Z`,
            action: 'file-copied',
            deviceId: add.laptop,
            media: { serial: 'SANDISK-1' },
            file: { name: `src-${i}-${k}.tar`, sizeBytes: 1.5e8 },
          });
        }
      });
    },
    ['insider/exit-window', 'insider/removable-media-exfiltration', 'insider/own-baseline-shift'],
  ),
  scenario(
    'CERT 3: a disgruntled admin plants a keylogger, mails out in bulk, keeps using the account after leaving',
    'positive',
    CERT,
    employee('p-admin-keylogger', 'it-admin', {
      role: 'Administrator',
      lifecycle: { status: 'terminated', endDate: '2025-06-06', endReason: 'termination-for-cause' },
    }),
    (add) => {
      ordinaryDays(add, weekdays('2024-11-18', '2025-06-06'), {});
      add({
        type: 'security',
        at: '2025-05-28T21:00:00Z',
        category: 'credential-harvest',
        severity: 'high',
        deviceId: 'sup-desktop',
        software: 'keylogger.exe',
        detail: "keystroke logger installed on the supervisor's desktop",
      });
      weekdays('2025-05-26', '2025-06-05').forEach((d) => {
        for (let k = 0; k < 6; k++)
          add({
            type: 'email',
            at: `${d}T${hh(20 + (k % 3))}:00:00Z`,
            recipientCount: 40,
            externalRecipientCount: 35,
            attachmentCount: 2,
            attachmentBytes: 3e6,
          });
      });
      ['2025-06-09', '2025-06-10', '2025-06-11'].forEach((d) => add({ type: 'session', at: `${d}T02:00:00Z`, accountId: 'corp', deviceId: 'unknown-pc' }));
    },
    ['insider/intrusion-activity', 'insider/exit-window'],
  ),
  scenario(
    'Extortion after termination: bulk downloads in the exit window, access after the end, a ransom demand',
    'positive',
    PSA_2025_01,
    employee('p-extortion', 'eng', { lifecycle: { status: 'terminated', noticeDate: '2025-05-19', endDate: '2025-05-30', endReason: 'termination-other' } }),
    (add) => {
      ordinaryDays(add, weekdays('2024-11-18', '2025-05-16'));
      weekdays('2025-05-19', '2025-05-30').forEach((d) => {
        for (let k = 0; k < 5; k++) add({ type: 'data-access', at: `${d}T${hh(10 + k)}:00:00Z`, resource: `repo-${k}`, action: 'clone', volumeBytes: 2e9 });
        add({ type: 'web', at: `${d}T18:00:00Z`, action: 'upload', category: 'personal-cloud', host: 'drive.example', bytesOut: 3e9 });
      });
      add({ type: 'session', at: '2025-06-03T03:00:00Z', accountId: 'corp' });
      add({ type: 'security', at: '2025-06-10T09:00:00Z', category: 'extortion', severity: 'critical', detail: 'ransom demand citing stolen source code' });
    },
    ['insider/exit-window', 'insider/web-exfiltration'],
  ),

  scenario(
    'A departing salesperson mails the customer list to a personal address in the last weeks',
    'positive',
    CSG,
    employee('p-sales-personal-mail', 'eng', {
      role: 'Account Manager',
      contacts: { emails: [{ address: 'sam.home@example.net' }] },
      lifecycle: { status: 'resigned', noticeDate: '2025-05-23', endDate: '2025-06-13', endReason: 'resignation' },
    }),
    (add) => {
      ordinaryDays(add, ALL);
      weekdays('2025-05-26', '2025-06-12').forEach((d, i) => {
        add({
          type: 'email',
          at: `${d}T16:00:00Z`,
          recipientCount: 1,
          externalRecipientCount: 1,
          recipientDomains: ['example.net'],
          toOwnPersonalAddress: true,
          attachmentCount: 3,
          attachmentBytes: 4e7,
          tags: ['customer-data'],
        });
        if (i % 2 === 0)
          add({
            type: 'data-access',
            at: `${d}T15:00:00Z`,
            resource: 'crm/accounts',
            action: 'export',
            volumeBytes: 6e8,
            tags: ['customer-data'],
            destination: { kind: 'personal-email', host: 'mail.example.net' },
          });
      });
    },
    ['insider/exit-window', 'insider/exfiltration-to-personal'],
  ),
  scenario(
    'An administrator grants themself signing and secrets rights on notice, then signs in after the end date',
    'positive',
    CSG,
    employee('p-admin-backdoor', 'it-admin', {
      role: 'Administrator',
      lifecycle: { status: 'terminated', noticeDate: '2025-05-20', endDate: '2025-06-02', endReason: 'termination-for-cause' },
    }),
    (add) => {
      ordinaryDays(add, weekdays('2024-11-18', '2025-06-02'));
      add({
        type: 'privilege',
        at: '2025-05-27T21:00:00Z',
        privilege: 'secrets',
        action: 'grant',
        resource: 'vault/prod',
        granted: true,
        grantor: 'p-admin-backdoor',
      });
      add({
        type: 'privilege',
        at: '2025-05-28T21:30:00Z',
        privilege: 'sign',
        action: 'grant',
        resource: 'release-signing',
        granted: true,
        grantor: 'p-admin-backdoor',
      });
      add({ type: 'privilege', at: '2025-05-29T22:00:00Z', privilege: 'multisig-signer', action: 'attempt', resource: 'treasury-wallet' });
      ['2025-06-05', '2025-06-07', '2025-06-09', '2025-06-11'].forEach((d) =>
        add({ type: 'session', at: `${d}T03:00:00Z`, accountId: 'svc-backup', deviceId: 'unknown-laptop' }),
      );
    },
    ['insider/exit-window', 'insider/privilege-seeking'],
  ),
  scenario(
    "A disgruntled engineer signs in as the supervisor on the supervisor's computer after a keylogger detection",
    'positive',
    CERT,
    employee('p-supervisor-login', 'it-admin', {
      role: 'Administrator',
      accounts: [{ system: 'okta', accountId: 'p-supervisor-login@corp.example', kind: 'standard' }],
    }),
    (add) => {
      ordinaryDays(add, ALL, { session: { accountId: 'p-supervisor-login@corp.example' } });
      add({
        type: 'security',
        at: '2025-05-21T20:00:00Z',
        category: 'credential-harvest',
        severity: 'high',
        deviceId: 'boss-desktop',
        software: 'hooker.exe',
        detail: "keystroke logger on the supervisor's desktop",
      });
      ['2025-05-27', '2025-05-28', '2025-06-02'].forEach((d) =>
        add({ type: 'session', at: `${d}T21:00:00Z`, accountId: 'boss@corp.example', deviceId: 'boss-desktop', signInKind: 'interactive', result: 'success' }),
      );
    },
    ['insider/impersonation', 'insider/intrusion-activity'],
  ),

  // ---- Hard honest controls ---------------------------------------------------------------------
  scenario(
    'A heavy user in a heavy team',
    'control',
    'honest: a data-platform engineer whose whole team moves gigabytes a day',
    employee('c-heavy-team', 'data-platform'),
    (add) => ordinaryDays(add, ALL, { bytes: 1.4e9 }),
  ),
  scenario(
    'A night owl working agreed night hours (a change of rota in the recent month)',
    'control',
    'honest: a support rota agreed in position.agreedHours',
    employee('c-night-rota', 'eng', { position: { team: 'eng', agreedHours: { start: '20:00', end: '05:00', timeZone: 'UTC', note: 'support rota' } } }),
    (add) => {
      ordinaryDays(add, BASELINE, { hour: 21 });
      ordinaryDays(add, RECENT, { hour: 22 });
    },
  ),
  scenario(
    'An administrator who legitimately touches many machines every week',
    'control',
    'honest: an administrator whose job is many machines',
    employee('c-admin-many-devices', 'it-admin', { role: 'Administrator' }),
    (add) => {
      ordinaryDays(add, ALL, {});
      ALL.forEach((d, i) => add({ type: 'session', at: `${d}T14:00:00Z`, accountId: 'corp', deviceId: `server-${i % 12}` }));
    },
  ),
  scenario(
    'A disclosed, approved second job',
    'control',
    'honest: outside work disclosed and approved',
    employee('c-second-job', 'eng', {
      engagements: [
        {
          id: 'eng-side',
          organisation: 'Evening School',
          start: '2024-09',
          hoursPerWeek: 25,
          disclosed: true,
          conflictReview: { outcome: 'approved', reviewedBy: 'hr-2' },
        },
      ],
    }),
    (add) => ordinaryDays(add, ALL),
  ),
  scenario(
    'A leaver who hunts for jobs but moves no more data than usual',
    'control',
    'honest: job hunting is context, never risk',
    employee('c-quiet-leaver', 'eng', { lifecycle: { status: 'resigned', noticeDate: '2025-05-26', endDate: '2025-06-13', endReason: 'resignation' } }),
    (add) => {
      ordinaryDays(add, ALL);
      ['2025-04-14', '2025-05-06', '2025-05-20', '2025-05-27'].forEach((d) =>
        add({ type: 'web', at: `${d}T12:30:00Z`, action: 'visit', category: 'job-board', host: 'jobs.example' }),
      );
    },
  ),
  scenario(
    'A lab engineer copying firmware to USB under a documented exception',
    'control',
    'honest: a removable-media exception',
    employee('c-lab-usb', 'eng', {
      exceptions: [
        {
          id: 'x-lab-usb',
          kind: 'removable-media',
          approvedBy: 'lab-manager',
          validFrom: '2025-05-15T00:00:00Z',
          documentation: { kind: 'ticket', reference: 'LAB-12' },
        },
      ],
    }),
    (add) => {
      ordinaryDays(add, ALL);
      RECENT.forEach((d, i) =>
        add({
          type: 'removable-media',
          at: `${d}T15:00:00Z`,
          action: 'file-copied',
          deviceId: add.laptop,
          media: { serial: 'LAB-STICK' },
          file: { name: `fw-${i}.bin`, sizeBytes: 3e7 },
        }),
      );
    },
  ),
  scenario(
    'A traveller working from Tokyo for a booked trip',
    'control',
    'honest: booked travel',
    employee('c-traveller', 'eng', {
      travel: [
        { id: 'leg-out', from: { country: 'US' }, to: { country: 'JP' }, depart: '2025-05-17T18:00:00Z', arrive: '2025-05-18T22:00:00Z' },
        { id: 'leg-back', from: { country: 'JP' }, to: { country: 'US' }, depart: '2025-06-20T01:00:00Z' },
      ],
    }),
    (add) => {
      ordinaryDays(add, BASELINE);
      ordinaryDays(add, RECENT, { hour: 1 });
    },
  ),
  scenario(
    'A night owl who moved to late hours under a documented working-hours exception',
    'control',
    'honest: a working-hours exception',
    employee('c-night-exception', 'eng', {
      exceptions: [
        {
          id: 'x-late-hours',
          kind: 'working-hours',
          approvedBy: 'mgr-4',
          validFrom: '2025-05-15T00:00:00Z',
          documentation: { kind: 'hr-case', reference: 'HR-902' },
        },
      ],
    }),
    (add) => {
      ordinaryDays(add, BASELINE);
      ordinaryDays(add, RECENT, { hour: 23 });
    },
  ),
  scenario(
    'An engineer who added a personal tablet under an approved BYOD exception',
    'control',
    'honest: a personal-device exception',
    employee('c-byod', 'eng', {
      exceptions: [
        {
          id: 'x-byod',
          kind: 'personal-device',
          approvedBy: 'it-sec',
          validFrom: '2025-05-10T00:00:00Z',
          documentation: { kind: 'ticket', reference: 'SEC-140' },
        },
      ],
    }),
    (add) => {
      ordinaryDays(add, BASELINE);
      ordinaryDays(add, RECENT);
      RECENT.forEach((d, i) => add({ type: 'session', at: `${d}T17:00:00Z`, accountId: 'corp', deviceId: `byod-tablet-${i % 3}` }));
    },
  ),
  scenario(
    'A leaver whose account goes quiet on the end date after a normal handover',
    'control',
    'honest: an ordinary resignation',
    employee('c-clean-leaver', 'eng', { lifecycle: { status: 'resigned', noticeDate: '2025-05-16', endDate: '2025-06-06', endReason: 'resignation' } }),
    (add) => ordinaryDays(add, weekdays('2024-11-18', '2025-06-06')),
  ),
  scenario(
    "A new hire cloning the team's repositories in the first week",
    'control',
    'honest: onboarding',
    employee('c-new-hire-clone', 'eng', { hiredAt: '2025-03-03T00:00:00Z' }),
    (add) => {
      const days = weekdays('2025-03-03', '2025-06-13');
      ordinaryDays(add, days);
      ['2025-03-03', '2025-03-04'].forEach((d) => {
        for (let k = 0; k < 6; k++) add({ type: 'data-access', at: `${d}T1${k}:30:00Z`, resource: `repo-${k}`, action: 'clone', volumeBytes: 2e8 });
      });
    },
  ),
];
