import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/util/freeze';

describe('deepFreeze', () => {
  it('freezes every object reachable through own enumerable fields, array elements and extra array fields included', () => {
    const extra = { note: 'on the array' };
    const list = Object.assign([{ a: 1 }, [{ b: 2 }]], { extra });
    const value = { list, nested: { deeper: { c: 3 } } };
    deepFreeze(value);
    for (const item of [value, list, list[0], list[1], (list[1] as unknown[])[0], extra, value.nested, value.nested.deeper])
      expect(Object.isFrozen(item)).toBe(true);
  });

  it('leaves inherited and non-enumerable fields alone, as Object.values would', () => {
    const inherited = { shared: true };
    const proto = { inherited };
    const hidden = { secret: true };
    const value = Object.create(proto) as Record<string, unknown>;
    value['own'] = { x: 1 };
    Object.defineProperty(value, 'hidden', { value: hidden, enumerable: false });
    deepFreeze(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value['own'])).toBe(true);
    expect(Object.isFrozen(inherited)).toBe(false);
    expect(Object.isFrozen(hidden)).toBe(false);
  });

  it('ends on cycles and leaves typed arrays mutable', () => {
    const bytes = new Uint8Array(2);
    const value: Record<string, unknown> = { bytes };
    value['self'] = value;
    deepFreeze(value);
    expect(Object.isFrozen(value)).toBe(true);
    bytes[0] = 7;
    expect(bytes[0]).toBe(7);
  });
});
