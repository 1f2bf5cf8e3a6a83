/**
 * Solves `A x = b` for a symmetric positive-definite matrix `A` (row-major, n × n) by Cholesky
 * decomposition; returns undefined when `A` is not positive definite. O(n³): calibration has one
 * unknown per indicator, a few dozen.
 */
export function solveSpd(a: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const l = cholesky(a);
  if (l === undefined) return undefined;
  const n = b.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i]?.[k] as number) * (y[k] as number);
    y[i] = s / (l[i]?.[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k]?.[i] as number) * (x[k] as number);
    x[i] = s / (l[i]?.[i] as number);
  }
  return x;
}

/** The diagonal of `A⁻¹` for a symmetric positive-definite `A`; undefined when it is not. */
export function inverseDiagonal(a: readonly (readonly number[])[]): number[] | undefined {
  const n = a.length;
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const column = solveSpd(a, e);
    if (column === undefined) return undefined;
    out.push(column[j] as number);
  }
  return out;
}

function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]?.[j] as number;
      for (let k = 0; k < j; k++) s -= (l[i]?.[k] as number) * (l[j]?.[k] as number);
      if (i === j) {
        if (!(s > 0)) return undefined;
        (l[i] as number[])[i] = Math.sqrt(s);
      } else (l[i] as number[])[j] = s / (l[j]?.[j] as number);
    }
  }
  return l;
}
