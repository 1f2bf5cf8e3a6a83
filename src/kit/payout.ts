import type { PaymentInstruction } from '../records/subject';
import { compareText } from './order';

/**
 * A canonical key for where a payout instruction sends money, so that re-submitting the same
 * account (new form, same IBAN) is not counted as a change. Falls back to the instruction id when
 * it names no destination, so an unknown destination always counts as distinct.
 */
export function payoutDestinationKey(p: PaymentInstruction): string {
  const clean = (v: string): string => v.replace(/[\s-]/g, '').toUpperCase();
  if (p.iban !== undefined) return `iban:${clean(p.iban)}`;
  if (p.walletAddress !== undefined) return `wallet:${p.walletNetwork ?? ''}:${p.walletAddress.trim()}`;
  if (p.accountNumber !== undefined) return `account:${p.routingNumber !== undefined ? clean(p.routingNumber) : ''}:${clean(p.accountNumber)}`;
  if (p.platformAccount !== undefined) return `platform:${(p.platform ?? '').toLowerCase()}:${p.platformAccount.trim().toLowerCase()}`;
  return `instruction:${p.id}`;
}

/** A short description of a payout destination for messages, never printing full account numbers. */
export function describePayout(p: PaymentInstruction): string {
  const tail = (v: string): string => `…${v.replace(/[\s-]/g, '').slice(-4)}`;
  switch (p.method) {
    case 'bank':
      return `bank account${p.bankName !== undefined ? ` at ${p.bankName}` : ''}${p.bankCountry !== undefined ? ` (${p.bankCountry})` : ''}${
        p.iban !== undefined ? ` ${tail(p.iban)}` : p.accountNumber !== undefined ? ` ${tail(p.accountNumber)}` : ''
      }`;
    case 'crypto':
      return `crypto wallet${p.walletNetwork !== undefined ? ` on ${p.walletNetwork}` : ''}${p.walletAddress !== undefined ? ` ${tail(p.walletAddress)}` : ''}`;
    case 'payment-platform':
    case 'money-service':
      return `${p.platform ?? p.method} account`;
    default:
      return p.method;
  }
}

/**
 * The current bank payout instruction: the latest (by time, then id) bank instruction that names
 * a bank country, dated at or before `asOfMs`. An older account in another country is history, not a claim, so one honest
 * bank change after a move never compares the old account.
 */
export function currentBankInstruction(
  instructions: readonly PaymentInstruction[] | undefined,
  asOfMs: number,
): (PaymentInstruction & { readonly bankCountry: string }) | undefined {
  let current: (PaymentInstruction & { readonly bankCountry: string }) | undefined;
  let currentT = -Infinity;
  for (const p of instructions ?? []) {
    if (p.method !== 'bank' || p.bankCountry === undefined) continue;
    const t = Date.parse(p.at);
    if (t > asOfMs) continue;
    if (current === undefined || t > currentT || (t === currentT && compareText(p.id, current.id) > 0)) {
      current = p as PaymentInstruction & { readonly bankCountry: string };
      currentT = t;
    }
  }
  return current;
}
