import { readRow } from '../../src/connectors/reader';

describe('FieldReader: values no getter reaches are counted, never dropped', () => {
  it('reads the first spelling of a key and reports a different value under another spelling as invalid', () => {
    const row = readRow({ client: { IPAddress: '198.51.100.7', ipAddress: '203.0.113.9' } });
    expect(row.string('client.ipaddress')).toBe('198.51.100.7');
    const uses = row.fieldUses();
    expect(uses).toContainEqual({ path: 'client.IPAddress', kind: 'mapped' });
    expect(uses).toContainEqual({
      path: 'client.ipAddress',
      kind: 'invalid',
      reason: 'another spelling of this key, client.IPAddress, comes first; its value is the one read',
      value: '203.0.113.9',
    });
  });

  it('drops a second spelling only when it holds the same value or no data', () => {
    const row = readRow({ Country: 'DE', country: 'DE', COUNTRY: '  ' });
    expect(row.string('country')).toBe('DE');
    expect(row.fieldUses()).toEqual([{ path: 'Country', kind: 'mapped' }]);
  });

  it('merges objects under two spellings at any depth and keeps what collides', () => {
    const row = readRow({ a: { b: { c: 1 } }, A: { B: { d: 2, C: 3 } } });
    expect(row.number('a.b.c')).toBe(1);
    expect(row.number('a.b.d')).toBe(2);
    const invalid = row.fieldUses().filter((u) => u.kind === 'invalid');
    expect(invalid).toEqual([expect.objectContaining({ path: 'A.B.C', value: '3' })]);
  });

  it('reports a dotted key under a key that holds a value', () => {
    const row = readRow({ client: 'laptop-7', 'client.ip': '198.51.100.7' });
    expect(row.string('client')).toBe('laptop-7');
    expect(row.string('client.ip')).toBeUndefined();
    expect(row.fieldUses()).toContainEqual({
      path: 'client.ip',
      kind: 'invalid',
      reason: 'client holds a value, so this dotted key has no place under it',
      value: '198.51.100.7',
    });
  });

  it('counts an unreachable value as ignored when its whole object is ignored on purpose', () => {
    const row = readRow({ debug: { Trace: 'x', trace: 'y' } });
    row.ignore('debug', 'diagnostics');
    expect(row.fieldUses().map((u) => [u.path, u.kind])).toEqual([
      ['debug.Trace', 'ignored'],
      ['debug.trace', 'ignored'],
    ]);
  });

  it('leaves unreachable values out of raw copies and the content hash', () => {
    const one = readRow({ Name: 'Ana', name: 'Bo' });
    const two = readRow({ Name: 'Ana' });
    expect(one.raw('')).toEqual({ name: 'Ana' });
    expect(one.contentHash()).toBe(two.contentHash());
  });
});
