// Labelled insider scenarios and hard honest controls, shared by test/scenarios/detection.test.ts
// (which asserts bands and reasons) and bench/detection.mjs (which prints AUC, band counts and
// whether each scenario's expected reasons are in its top five). Plain data, no clock, no
// randomness: the same population on every run.
//
// The positives follow the three insider scenarios of the CERT insider-threat test dataset
// (r4.2-r6.2 answers: a user who starts working after hours and using removable media, uploads to
// a leak site and leaves; a job hunter who copies far more to removable media than before and
// leaves; a disgruntled administrator who plants a keylogger, then leaves) and the extortion after
// termination that FBI PSA-2025-01 describes.

export const asOf = '2025-06-15T00:00:00Z';
const DAY = 86_400_000;

/** Every weekday (UTC) from `from` to `to` inclusive, as YYYY-MM-DD. */
function weekdays(from, to) {
  const out = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const d = new Date(t).getUTCDay();
    if (d !== 0 && d !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const BASELINE = weekdays('2024-11-18', '2025-05-16');
const RECENT = weekdays('2025-05-19', '2025-06-13');
const ALL = [...BASELINE, ...RECENT];
const hh = (h) => String(h).padStart(2, '0');

/** Builds events with ids unique per subject. */
function recorder(subjectId) {
  const events = [];
  const add = (e) => events.push({ id: `${subjectId}-${events.length + 1}`, subjectId, ...e });
  // Each person's own laptop: a device shared across subjects is a linkage signal of its own.
  add.laptop = `${subjectId}-laptop`;
  return { events, add };
}

/** An ordinary working pattern: sign-in at `hour`, a download, now and then an external mail. */
function ordinaryDays(add, days, { hour = 9, device = add.laptop, bytes = 5e7, mailEvery = 5 } = {}) {
  days.forEach((d, i) => {
    add({ type: 'session', at: `${d}T${hh(hour)}:05:00Z`, accountId: 'corp', deviceId: device });
    add({ type: 'data-access', at: `${d}T${hh((hour + 1) % 24)}:00:00Z`, resource: 'repo', action: 'download', volumeBytes: bytes });
    if (i % mailEvery === 0) add({ type: 'email', at: `${d}T${hh((hour + 2) % 24)}:00:00Z`, recipientCount: 2, externalRecipientCount: 1, attachmentCount: 1, attachmentBytes: 2e5 });
  });
}

const utc = (country = 'US') => ({ residence: { country, timeZone: 'UTC' } });
const employee = (id, team, extra = {}) => ({ id, kind: 'employee', role: 'Engineer', hiredAt: '2023-03-01T00:00:00Z', identity: utc(), position: { team }, ...extra });

/** Honest peers: a team of `n` with ordinary days, `bytes` a day each (a little spread). */
function peers(team, n, bytes, options = {}) {
  const subjects = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const id = `${team}-peer-${i}`;
    subjects.push(employee(id, team));
    const { events: ev, add } = recorder(id);
    ordinaryDays(add, ALL, { bytes: bytes * (1 + i / 10), ...options });
    events.push(...ev);
  }
  return { subjects, events };
}

/**
 * A scenario: one subject (and its events) scored in the shared population. `positive` scenarios
 * must reach high or critical with every `expectedReasons` id among the top five reasons;
 * controls must stay low or elevated.
 */
function scenario(name, label, subject, build, expectedReasons = []) {
  const { events, add } = recorder(subject.id);
  build(add);
  return { name, label, subject, events, expectedReasons };
}

export const scenarios = [
  // ---- Positives ------------------------------------------------------------------------------
  scenario(
    'CERT 1: starts working nights and using USB, uploads to a leak site, leaves',
    'positive',
    employee('p-night-usb-leak', 'eng', { lifecycle: { status: 'on-notice', noticeDate: '2025-05-26', endDate: '2025-06-13' } }),
    (add) => {
      ordinaryDays(add, BASELINE);
      RECENT.forEach((d, i) => {
        add({ type: 'session', at: `${d}T22:10:00Z`, accountId: 'corp', deviceId: add.laptop });
        add({ type: 'removable-media', at: `${d}T22:30:00Z`, action: 'connected', deviceId: add.laptop, media: { serial: 'KINGSTON-77', kind: 'mass-storage' } });
        add({ type: 'removable-media', at: `${d}T22:40:00Z`, action: 'file-copied', deviceId: add.laptop, media: { serial: 'KINGSTON-77', kind: 'mass-storage' }, file: { name: `design-${i}.zip`, sizeBytes: 4e8, tags: ['export-controlled'] } });
      });
      add({ type: 'web', at: '2025-06-05T23:00:00Z', action: 'upload', category: 'leak-site', host: 'wikileaks.example', bytesOut: 2e9 });
    },
    ['insider/removable-media-exfiltration', 'insider/exit-window', 'insider/own-baseline-shift'],
  ),
  scenario(
    'CERT 2: a job hunter copies far more to USB than before, then leaves',
    'positive',
    employee('p-jobhunter-usb', 'eng', { lifecycle: { status: 'resigned', noticeDate: '2025-05-30', endDate: '2025-06-13', endReason: 'resignation' } }),
    (add) => {
      ordinaryDays(add, ALL);
      BASELINE.filter((_, i) => i % 20 === 0).forEach((d) =>
        add({ type: 'removable-media', at: `${d}T11:00:00Z`, action: 'file-copied', deviceId: add.laptop, media: { serial: 'SANDISK-1' }, file: { name: 'notes.txt', sizeBytes: 1e5 } }),
      );
      ['2025-04-14', '2025-04-22', '2025-05-06', '2025-05-13', '2025-05-20'].forEach((d) => add({ type: 'web', at: `${d}T12:30:00Z`, action: 'visit', category: 'job-board', host: 'jobs.example' }));
      RECENT.forEach((d, i) => {
        for (let k = 0; k < 12; k++) {
          add({ type: 'removable-media', at: `${d}T${hh(13 + (k % 4))}:${hh(k * 4)}:00Z`, action: 'file-copied', deviceId: add.laptop, media: { serial: 'SANDISK-1' }, file: { name: `src-${i}-${k}.tar`, sizeBytes: 1.5e8 } });
        }
      });
    },
    ['insider/exit-window', 'insider/removable-media-exfiltration', 'insider/own-baseline-shift'],
  ),
  scenario(
    'CERT 3: a disgruntled admin plants a keylogger, mails out in bulk, keeps using the account after leaving',
    'positive',
    employee('p-admin-keylogger', 'it-admin', { role: 'Administrator', lifecycle: { status: 'terminated', endDate: '2025-06-06', endReason: 'termination-for-cause' } }),
    (add) => {
      ordinaryDays(add, weekdays('2024-11-18', '2025-06-06'), {});
      add({ type: 'security', at: '2025-05-28T21:00:00Z', category: 'credential-harvest', severity: 'high', deviceId: 'sup-desktop', software: 'keylogger.exe', detail: 'keystroke logger installed on the supervisor\'s desktop' });
      weekdays('2025-05-26', '2025-06-05').forEach((d) => {
        for (let k = 0; k < 6; k++) add({ type: 'email', at: `${d}T${hh(20 + (k % 3))}:00:00Z`, recipientCount: 40, externalRecipientCount: 35, attachmentCount: 2, attachmentBytes: 3e6 });
      });
      ['2025-06-09', '2025-06-10', '2025-06-11'].forEach((d) => add({ type: 'session', at: `${d}T02:00:00Z`, accountId: 'corp', deviceId: 'unknown-pc' }));
    },
    ['insider/intrusion-activity', 'insider/exit-window'],
  ),
  scenario(
    'Extortion after termination: bulk downloads in the exit window, access after the end, a ransom demand',
    'positive',
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

  // ---- Hard honest controls ---------------------------------------------------------------------
  scenario('A heavy user in a heavy team', 'control', employee('c-heavy-team', 'data-platform'), (add) => ordinaryDays(add, ALL, { bytes: 1.4e9 })),
  scenario(
    'A night owl working agreed night hours (a change of rota in the recent month)',
    'control',
    employee('c-night-rota', 'eng', { position: { team: 'eng', agreedHours: { start: '20:00', end: '05:00', timeZone: 'UTC', note: 'support rota' } } }),
    (add) => {
      ordinaryDays(add, BASELINE, { hour: 21 });
      ordinaryDays(add, RECENT, { hour: 22 });
    },
  ),
  scenario(
    'An administrator who legitimately touches many machines every week',
    'control',
    employee('c-admin-many-devices', 'it-admin', { role: 'Administrator' }),
    (add) => {
      ordinaryDays(add, ALL, {});
      ALL.forEach((d, i) => add({ type: 'session', at: `${d}T14:00:00Z`, accountId: 'corp', deviceId: `server-${i % 12}` }));
    },
  ),
  scenario(
    'A disclosed, approved second job',
    'control',
    employee('c-second-job', 'eng', {
      engagements: [{ id: 'eng-side', organisation: 'Evening School', start: '2024-09', hoursPerWeek: 25, disclosed: true, conflictReview: { outcome: 'approved', reviewedBy: 'hr-2' } }],
    }),
    (add) => ordinaryDays(add, ALL),
  ),
  scenario(
    'A leaver who hunts for jobs but moves no more data than usual',
    'control',
    employee('c-quiet-leaver', 'eng', { lifecycle: { status: 'resigned', noticeDate: '2025-05-26', endDate: '2025-06-13', endReason: 'resignation' } }),
    (add) => {
      ordinaryDays(add, ALL);
      ['2025-04-14', '2025-05-06', '2025-05-20', '2025-05-27'].forEach((d) => add({ type: 'web', at: `${d}T12:30:00Z`, action: 'visit', category: 'job-board', host: 'jobs.example' }));
    },
  ),
  scenario(
    'A lab engineer copying firmware to USB under a documented exception',
    'control',
    employee('c-lab-usb', 'eng', { exceptions: [{ id: 'x-lab-usb', kind: 'removable-media', approvedBy: 'lab-manager', validFrom: '2025-05-15T00:00:00Z', documentation: { kind: 'ticket', reference: 'LAB-12' } }] }),
    (add) => {
      ordinaryDays(add, ALL);
      RECENT.forEach((d, i) => add({ type: 'removable-media', at: `${d}T15:00:00Z`, action: 'file-copied', deviceId: add.laptop, media: { serial: 'LAB-STICK' }, file: { name: `fw-${i}.bin`, sizeBytes: 3e7 } }));
    },
  ),
  scenario(
    'A traveller working from Tokyo for a booked trip',
    'control',
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
];

/** The shared population every scenario is scored in: teams of honest peers. */
export function population() {
  const teams = [peers('eng', 8, 5e7), peers('data-platform', 8, 1.2e9), peers('it-admin', 6, 5e7)];
  const subjects = [...teams.flatMap((t) => t.subjects), ...scenarios.map((s) => s.subject)];
  const events = [...teams.flatMap((t) => t.events), ...scenarios.flatMap((s) => s.events)];
  return { asOf, subjects, events };
}

/** Area under the ROC curve of positives against controls, by rank (ties count half). */
export function auc(positiveScores, controlScores) {
  let wins = 0;
  for (const p of positiveScores) for (const c of controlScores) wins += p > c ? 1 : p === c ? 0.5 : 0;
  return wins / (positiveScores.length * controlScores.length);
}
