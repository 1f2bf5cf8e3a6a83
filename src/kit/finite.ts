/**
 * Arithmetic on caller-supplied numbers that stays finite. The schema accepts any finite number,
 * and `1.7e308 + 1.7e308` is Infinity: a finding whose data or strength is not finite is an
 * indicator error, so an absurd value would silently remove the indicator from the score
 * instead of firing it. Sums saturate at the largest finite number.
 *
 * @packageDocumentation
 */

/** `x`, with Infinity and -Infinity brought to the largest finite magnitude. */
export function saturate(x: number): number {
  if (x === Infinity) return Number.MAX_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  return x;
}

/** `a + b`, saturated: never Infinity for finite inputs. */
export function addFinite(a: number, b: number): number {
  return saturate(a + b);
}
