/** Strings numbered by first appearance: the codes of the view's interned columns and of derived tables. */
export interface Interner {
  /** The code of `value`, a new one (the next integer from 0) the first time it is seen. */
  code(value: string): number;
  /** The strings seen so far, `values[code]`. */
  readonly values: readonly string[];
}

/** Creates an empty {@link Interner}: one Map look-up per string. */
export function createInterner(): Interner {
  const values: string[] = [];
  const codes = new Map<string, number>();
  return {
    values,
    code(value) {
      let code = codes.get(value);
      if (code === undefined) {
        code = values.length;
        codes.set(value, code);
        values.push(value);
      }
      return code;
    },
  };
}
