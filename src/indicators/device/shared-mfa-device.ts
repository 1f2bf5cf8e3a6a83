import { z } from 'zod';
import { defineIndicator } from '../../contract/defineIndicator';
import { accountOf, cite, compareText } from '../../kit';

const options = z.object({
  minAccounts: z
    .number()
    .int()
    .min(2)
    .default(2)
    .describe('Distinct accounts one MFA device approves before it fires (MS-DX: more than one user per device is the flag).'),
  sameOwnerSuffixes: z
    .array(z.string())
    .default(['-admin', '.admin', '_admin', '-adm', '.adm', '_adm', '-priv', '.priv'])
    .describe(
      "Account-name suffixes of a person's own privileged twin account (jdoe and jdoe-admin): such pairs count as one owner, " +
        'since one person legitimately approves both.',
    ),
});

/**
 * `device/shared-mfa-device`: one MFA device approves sign-ins for several accounts. Within a
 * subject's own accounts here (cross-subject sharing belongs to the linkage pack). MS-DX saw this
 * in a real Jasper Sleet case: close to deterministic for shared operation.
 */
export const sharedMfaDevice = defineIndicator({
  meta: {
    id: 'device/shared-mfa-device',
    title: 'One MFA device approves several accounts',
    category: 'device',
    version: '1.1.0',
    kind: 'risk',
    family: 'device',
    typologies: ['remote-hire-identity-fraud'],
    defaultWeight: 3,
    options,
    messages: {
      shared: 'MFA device {{mfaDevice}} approved sign-ins for {{count}} accounts: {{accounts}}',
    },
    neutralReason: 'Sign-in approvals could not be reconciled with one person per account.',
    recommendedAction: 'Re-enrol MFA for the affected accounts in person or on a verified video call, and find out who holds the device.',
    docs: {
      description:
        'Maps each MFA device (`events[type=session].mfa.authenticatorId`, else `mfaDeviceId`, and authenticators registered on ' +
        'an account, `events[type=authenticator-registration].authenticatorId`) to the distinct accounts it approved sign-ins ' +
        "for or was registered on, folding a person's own admin twin (`sameOwnerSuffixes`) into one owner, and fires when one " +
        'device approves at least `minAccounts` owners. MS-DX observed one device completing MFA for several users in a Jasper ' +
        'Sleet intrusion, alongside VPNs and long-lived sessions.',
      requires: [
        'events[type=session].mfa.authenticatorId',
        'events[type=session].mfaDeviceId',
        'events[type=authenticator-registration].authenticatorId',
        'events[type=session].accountId',
      ],
      threatHypothesis: 'One operator (or team) controls several identities and approves all their sign-ins from one phone.',
      sources: cite('MS-DX'),
      falsePositives: [
        'Shared test or service accounts mapped to a person.',
        'A personal and a privileged account of the same person with unusual names (add the suffix to `sameOwnerSuffixes`).',
      ],
    },
  },
  evaluate(view, { options, notEvaluated }) {
    // Called once per distinct account: the frozen option array is read by index, not iterated.
    const suffixes = options.sameOwnerSuffixes;
    const owner = (account: string): string => {
      const lower = account.toLowerCase();
      for (let i = 0; i < suffixes.length; i++) {
        const suffix = suffixes[i]!;
        if (suffix !== '' && lower.endsWith(suffix)) return lower.slice(0, -suffix.length);
      }
      return lower;
    };
    // Per authenticator, its owners (accounts folded by `owner`) in order of first use, each with
    // that first use: approvals of successful sign-ins and registrations, in one sweep in time
    // order. Consecutive uses mostly repeat the previous authenticator and account, so the last
    // look-ups are remembered; no object is built per use, only per first use of an owner.
    const devices = new Map<string, Map<string, { account: string; id: string; at: string; field: string }>>();
    let uses = 0;
    let lastAccount: string | undefined;
    let lastOwner = '';
    let lastAuthenticator: string | undefined;
    let lastOwners: Map<string, { account: string; id: string; at: string; field: string }> | undefined;
    const use = (authenticator: string, account: string, id: string, at: string, field: string): void => {
      uses++;
      if (account !== lastAccount) {
        lastAccount = account;
        lastOwner = owner(account);
      }
      if (authenticator !== lastAuthenticator || lastOwners === undefined) {
        lastAuthenticator = authenticator;
        lastOwners = devices.get(authenticator);
        if (lastOwners === undefined) devices.set(authenticator, (lastOwners = new Map()));
      }
      if (!lastOwners.has(lastOwner)) lastOwners.set(lastOwner, { account, id, at, field });
    };
    const events = view.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'session' && e.result !== 'failure') {
        const byMfa = e.mfa?.authenticatorId;
        const authenticator = byMfa ?? e.mfaDeviceId;
        if (authenticator !== undefined) use(authenticator, accountOf(e), e.id, e.at, byMfa !== undefined ? 'mfa.authenticatorId' : 'mfaDeviceId');
      } else if (e.type === 'authenticator-registration' && e.action === 'registered' && e.authenticatorId !== undefined) {
        use(e.authenticatorId, accountOf(e), e.id, e.at, 'authenticatorId');
      }
    }
    if (uses === 0) {
      return notEvaluated('no sign-ins with MFA device ids', ['events[type=session].mfa.authenticatorId', 'events[type=session].mfaDeviceId']);
    }
    return [...devices]
      .filter(([, owners]) => owners.size >= options.minAccounts)
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([mfaDevice, owners]) => {
        const list = [...owners.values()].sort((a, b) => compareText(a.account, b.account));
        return {
          messageId: 'shared' as const,
          strength: Math.min(1, 0.8 + 0.1 * (owners.size - options.minAccounts)),
          data: { mfaDevice, count: owners.size, accounts: list.map((o) => o.account).join(', ') },
          evidence: list.slice(0, 10).map((o) => ({ recordId: o.id, at: o.at, field: o.field, value: mfaDevice, note: `account ${o.account}` })),
        };
      });
  },
});
