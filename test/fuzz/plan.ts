/**
 * Plans of hostile input documents, and how to turn a plan into JSON text or into JavaScript values.
 *
 * A generated case is a small, printable plan: plain JSON plus `$fuzz` tags for what would make a
 * counterexample unreadable or unprintable (a 10,000-level nesting, a 50,000-character string, a
 * Proxy whose traps throw, an object with a duplicated key). The property builds the real input
 * from the plan, so fast-check prints and shrinks the plan, and a replayed failure shows a tag
 * such as `{ $fuzz: 'hostile', name: 'throwing-proxy' }` instead of crashing the reporter.
 */

/** A JSON-safe tag standing for a value built only when the case runs. */
export type Special =
  | { readonly $fuzz: 'hostile'; readonly name: HostileName }
  | { readonly $fuzz: 'deep'; readonly depth: number }
  | { readonly $fuzz: 'long'; readonly unit: string; readonly length: number }
  | { readonly $fuzz: 'dupkeys'; readonly entries: readonly (readonly [string, Plan])[] };

/** A plan: JSON, with specials anywhere. */
export type Plan = null | boolean | number | string | Special | readonly Plan[] | { readonly [key: string]: Plan };

/** Values JSON cannot carry, for the library's entry points only. */
export const hostileFactories = {
  'toString-throws': () => ({
    toString(): string {
      throw new Error('hostile toString');
    },
  }),
  'toString-not-callable': () => ({ toString: 1, valueOf: 1 }),
  'toPrimitive-throws': () => ({
    [Symbol.toPrimitive](): never {
      throw new Error('hostile Symbol.toPrimitive');
    },
  }),
  'valueOf-throws': () => ({
    valueOf(): never {
      throw new Error('hostile valueOf');
    },
    toString(): never {
      throw new Error('hostile toString');
    },
  }),
  'getters-throw': () => {
    const target = {};
    for (const key of ['id', 'subjectId', 'type', 'at', 'name', 'kind', 'value', 'entries', 'address', 'organisation']) {
      Object.defineProperty(target, key, {
        enumerable: true,
        get(): never {
          throw new Error(`hostile getter ${key}`);
        },
      });
    }
    return target;
  },
  'throwing-proxy': () => new Proxy({}, throwingTraps()),
  'throwing-array-proxy': () => new Proxy([], throwingTraps()),
  'null-prototype': () => Object.assign(Object.create(null) as object, { id: 'np', type: 'session' }),
  symbol: () => Symbol('hostile'),
  bigint: () => BigInt(10),
  function: () => () => 1,
  undefined: () => undefined,
  nan: () => Number.NaN,
  infinity: () => Number.POSITIVE_INFINITY,
  'invalid-date': () => new Date(Number.NaN),
  cyclic: () => {
    const cyclic: Record<string, unknown> = { id: 'cyclic' };
    cyclic.self = cyclic;
    return cyclic;
  },
  'sparse-array': () => new Array<unknown>(3),
  'toJSON-throws': () => ({
    toJSON(): never {
      throw new Error('hostile toJSON');
    },
  }),
  map: () => new Map([['id', 'm']]),
} as const;

/** The name of a hostile value. */
export type HostileName = keyof typeof hostileFactories;

function throwingTraps(): ProxyHandler<object> {
  const fail = (trap: string) => (): never => {
    throw new Error(`hostile proxy trap ${trap}`);
  };
  return {
    get: fail('get'),
    has: fail('has'),
    ownKeys: fail('ownKeys'),
    getOwnPropertyDescriptor: fail('getOwnPropertyDescriptor'),
    getPrototypeOf: fail('getPrototypeOf'),
    set: fail('set'),
    defineProperty: fail('defineProperty'),
    deleteProperty: fail('deleteProperty'),
  };
}

/** True for a `$fuzz` tag. */
export function isSpecial(plan: Plan): plan is Special {
  return typeof plan === 'object' && plan !== null && !Array.isArray(plan) && typeof (plan as { $fuzz?: unknown }).$fuzz === 'string';
}

/** Sets an own property, even `__proto__`, without touching the prototype. */
export function defineOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** A JSON object built with own keys only (so `__proto__` stays a key, as `JSON.parse` keeps it). */
export function objectOf(entries: readonly (readonly [string, Plan])[]): { [key: string]: Plan } {
  const out: { [key: string]: Plan } = {};
  for (const [key, value] of entries) defineOwn(out, key, value);
  return out;
}

/** Where a hostile value goes once the JSON text is parsed. */
interface HostileSlot {
  readonly path: readonly (string | number)[];
  readonly name: HostileName;
}

function deepText(depth: number): string {
  // Built iteratively: the nesting is in the text, never on the generator's stack.
  return `${'{"d":'.repeat(depth)}0${'}'.repeat(depth)}`;
}

function longText(unit: string, length: number): string {
  const safeUnit = unit === '' ? 'a' : unit;
  return safeUnit.repeat(Math.ceil(length / safeUnit.length)).slice(0, length);
}

/**
 * Writes a plan as JSON text: `deep` as nested objects, `long` as a long string, `dupkeys` as an
 * object whose key repeats (JSON allows it; `JSON.parse` keeps the last), `hostile` as `null`
 * with its path recorded in `slots` (JSON cannot carry it).
 */
export function toJsonText(plan: Plan, slots: HostileSlot[] = [], path: (string | number)[] = []): string {
  if (plan === null || typeof plan === 'boolean') return String(plan);
  if (typeof plan === 'number') return Number.isFinite(plan) ? JSON.stringify(plan) : 'null';
  if (typeof plan === 'string') return JSON.stringify(plan);
  if (Array.isArray(plan)) return `[${(plan as readonly Plan[]).map((item, i) => toJsonText(item, slots, [...path, i])).join(',')}]`;
  if (isSpecial(plan)) {
    switch (plan.$fuzz) {
      case 'hostile':
        slots.push({ path, name: plan.name });
        return 'null';
      case 'deep':
        return deepText(plan.depth);
      case 'long':
        return JSON.stringify(longText(plan.unit, plan.length));
      case 'dupkeys':
        return `{${plan.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJsonText(value, [], [...path, key])}`).join(',')}}`;
    }
  }
  const record = plan as { readonly [key: string]: Plan };
  return `{${Object.keys(record)
    .map((key) => `${JSON.stringify(key)}:${toJsonText(record[key] as Plan, slots, [...path, key])}`)
    .join(',')}}`;
}

/**
 * Builds the JavaScript value of a plan, as a library caller would hand it in: the JSON text
 * parsed, then each hostile value put in its place.
 */
export function materialise(plan: Plan): unknown {
  const slots: HostileSlot[] = [];
  const text = toJsonText(plan, slots);
  let value: unknown = JSON.parse(text);
  for (const slot of slots) {
    const hostile = hostileFactories[slot.name]();
    if (slot.path.length === 0) {
      value = hostile;
      continue;
    }
    let parent = value as Record<string | number, unknown>;
    for (const key of slot.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    defineOwn(parent, String(slot.path[slot.path.length - 1]), hostile);
  }
  return value;
}

/** True when the plan holds a hostile value anywhere (it then has no JSON text). */
export function holdsHostile(plan: Plan): boolean {
  const slots: HostileSlot[] = [];
  toJsonText(plan, slots);
  return slots.length > 0;
}
