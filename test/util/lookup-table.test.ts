import { describe, expect, it } from 'vitest';
import { lookupTable } from '../../src/util/lookupTable';
import { normalizeAddress } from '../../src/linking/normalize';
import { normalizeStreet } from '../../src/kit';

// Words of input that name members of Object.prototype.
const objectMembers = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

describe('tables keyed by input text', () => {
  it('read an object member name as an unknown key, and still hold their own entries', () => {
    const table = lookupTable({ street: 'st', '3389': 'RDP' });
    for (const word of objectMembers) expect(table[word]).toBeUndefined();
    expect(table['street']).toBe('st');
    expect(table['3389']).toBe('RDP');
    expect(Object.keys(table)).toEqual(['3389', 'street']);
    expect(Object.isFrozen(table)).toBe(true);
  });

  it('give address keys that keep such words as words, not an inherited function written as text', () => {
    expect(normalizeAddress({ line1: '1 Constructor Avenue' })).toBe('1 constructor ave||');
    expect(normalizeAddress({ line1: '1 Constructor Ave', city: 'toString', region: 'valueOf' })).toBe('1 constructor ave|tostring,valueof|');
    for (const word of objectMembers) expect(normalizeAddress({ line1: `12 ${word} Road` })).not.toMatch(/function|native code|\[object/);
  });

  it('normalise street lines with such words as other words', () => {
    expect(normalizeStreet('1 Constructor Street')).toBe(normalizeStreet('1 constructor st'));
    for (const word of objectMembers) expect(normalizeStreet(`12 ${word} Road`)).not.toMatch(/function|native code|\[object/);
  });
});
