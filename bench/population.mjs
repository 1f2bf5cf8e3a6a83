// The synthetic benchmark population, one subject at a time: demo-like subjects (residence, a
// freelance profile, an account, a role and a team, one in ten on notice) with sessions, worklogs,
// data movement and device-inventory, identity-provider, code, privilege and treasury events.
// Shared by core.bench.mjs (in memory) and generate-ndjson.mjs (streamed to a file), so both
// measure the same records.
import { mulberry32 as prng } from './prng.mjs';

// Device inventory, identity-provider, code, privilege and treasury events, so the inventory, impersonation
// and integrity indicators run on every subject: one in five events, rotating through the types.
const INSTALLED = ['Google Chrome', 'Slack', 'Zoom', 'Visual Studio Code', 'AnyDesk', 'Tailscale', 'Microsoft Teams', 'RustDesk'];
function inventoryEvent(id, subjectId, s, e, at) {
  const base = { id, subjectId, at };
  const onDevice = { ...base, deviceId: `${subjectId}-laptop` };
  switch ((e >> 2) % 7) {
    case 0:
      return {
        ...onDevice,
        type: 'device-checkin',
        ip: `198.51.${(s >> 8) & 255}.${s & 255}`,
        remoteDesktopEnabled: e % 3 === 0,
        installedSoftware: INSTALLED.slice(0, 3 + (e % 6)).map((name) => ({ name })),
        usbDevices: [{ vendorId: '046d', productId: 'c52b', product: 'USB Receiver' }, ...(s % 50 === 0 ? [{ vendorId: '1d6b', productId: '0104' }] : [])],
        displays: [{ manufacturer: 'DEL', model: 'DELL U2720Q' }],
      };
    case 1:
      return { ...onDevice, type: 'remote-access-session', direction: 'inbound', tool: 'RDP', peerIp: `203.0.113.${e % 255}` };
    case 2:
      return {
        ...base,
        type: 'code-change',
        repository: 'acme/payments',
        action: 'merge',
        approvals: e % 7 === 0 ? 0 : 1,
        tags: ['value-moving'],
        paths: ['src/ledger.ts'],
      };
    case 3:
      return { ...base, type: 'identity-risk', detection: e % 2 === 0 ? 'token-replay' : 'unfamiliar-sign-in', accountId: 'corp' };
    case 4:
      return { ...onDevice, type: 'software', action: 'executed', name: e % 2 === 0 ? 'ngrok' : 'code' };
    case 5:
      return { id, subjectId, at, type: 'privilege', privilege: 'admin', action: 'grant', resource: 'aws-prod' };
    default:
      return { ...base, type: 'transfer-anomaly', anomaly: 'new-destination', severity: 'low', role: 'approver' };
  }
}

/** The point in time the population is scored at. */
export const populationAsOf = '2026-01-01T00:00:00Z';

/**
 * Yields `{ subject, events }` for subjects s0 .. s(subjects-1), each with `eventsPerSubject`
 * events in time order; the same seed gives the same records.
 */
export function* populationSubjects(subjects, eventsPerSubject, seed = 1) {
  const rand = prng(seed);
  const base = Date.UTC(2025, 0, 1);
  for (let s = 0; s < subjects; s++) {
    const id = `s${s}`;
    const subject = {
      id,
      identity: { residence: { country: 'US', timeZone: 'America/Chicago' } },
      profiles: [{ id: `${id}-p`, platform: 'upwork', hoursBilled: Math.floor(rand() * 6000), createdAt: '2023-01-01T00:00:00Z' }],
      accounts: [{ system: 'okta', accountId: `${id}@corp` }],
      hiredAt: '2025-01-01T00:00:00Z',
      // Teams, roles and lifecycles for the peer-baseline and exit-window indicators.
      role: s % 3 === 0 ? 'Engineer' : 'Analyst',
      position: { team: `team-${s % 25}` },
      ...(s % 10 === 0 ? { lifecycle: { status: 'on-notice', noticeDate: '2025-02-01', endDate: '2025-03-15' } } : {}),
    };
    const events = [];
    let t = base + Math.floor(rand() * 86_400_000);
    for (let e = 0; e < eventsPerSubject; e++) {
      t += Math.floor(rand() * 8 * 3_600_000);
      const at = new Date(t).toISOString();
      if (e % 5 === 4) {
        events.push(inventoryEvent(`${id}-${e}`, id, s, e, at));
        // Data-movement events for the insider indicators: downloads, web, removable media, e-mail.
      } else if (e % 8 === 1) {
        events.push({ id: `${id}-${e}`, subjectId: id, type: 'data-access', at, resource: 'repo', action: 'download', volumeBytes: Math.floor(rand() * 5e8) });
      } else if (e % 8 === 5) {
        const category = ['file-sharing', 'job-board', 'personal-cloud', 'other', 'leak-site'][e % 5];
        events.push({
          id: `${id}-${e}`,
          subjectId: id,
          type: 'web',
          at,
          action: rand() < 0.3 ? 'upload' : 'visit',
          category,
          bytesOut: Math.floor(rand() * 1e7),
        });
      } else if (e % 16 === 7) {
        events.push({
          id: `${id}-${e}`,
          subjectId: id,
          type: 'removable-media',
          at,
          action: 'file-copied',
          deviceId: `${id}-laptop`,
          media: { serial: `${id}-usb` },
          file: { sizeBytes: Math.floor(rand() * 1e8) },
        });
      } else if (e % 16 === 15) {
        events.push({ id: `${id}-${e}`, subjectId: id, type: 'email', at, externalRecipientCount: 1, attachmentCount: 1, toOwnPersonalAddress: rand() < 0.1 });
      } else if (e % 4 === 3) {
        events.push({ id: `${id}-${e}`, subjectId: id, type: 'worklog', at, end: new Date(t + 8 * 3_600_000).toISOString(), hours: 8 });
      } else {
        events.push({
          id: `${id}-${e}`,
          subjectId: id,
          type: 'session',
          at,
          end: new Date(t + Math.floor(rand() * 10 * 3_600_000)).toISOString(),
          accountId: rand() < 0.9 ? 'corp' : 'alt',
          ip: `198.51.${(s >> 8) & 255}.${s & 255}`,
          network: { country: 'US', asn: 7922, isVpn: rand() < 0.05 },
          deviceId: `${id}-laptop`,
          // Pairs of subjects share one authenticator, so the shared-authenticator sweep has work.
          mfa: { method: 'push', authenticatorId: `phone-${s >> 1}` },
        });
      }
    }
    yield { subject, events };
  }
}

/** The whole population in memory, as `scoreBatch` takes it. */
export function population(subjects, eventsPerSubject, seed = 1) {
  const subjectsOut = [];
  const events = [];
  for (const group of populationSubjects(subjects, eventsPerSubject, seed)) {
    subjectsOut.push(group.subject);
    for (const event of group.events) events.push(event);
  }
  return { subjects: subjectsOut, events, asOf: populationAsOf };
}
