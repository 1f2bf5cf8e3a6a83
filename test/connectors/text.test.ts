import { fc, test } from '@fast-check/vitest';
import { createCsvParser, createCsvRowReader } from '../../src/connectors/text/csv';
import { createJsonRowSplitter } from '../../src/connectors/text/json-rows';
import { expandWrappers } from '../../src/connectors/text/wrappers';
import { commonWrappers } from '../../src/connectors/contract';
import type { SourceRow } from '../../src/connectors/run';

function split(text: string, size: number): SourceRow[] {
  const splitter = createJsonRowSplitter(commonWrappers);
  const rows: SourceRow[] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...splitter.write(text.slice(i, i + size)));
  rows.push(...splitter.end());
  return rows;
}

function csv(text: string, size: number): string[][] {
  const parser = createCsvParser();
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...parser.write(text.slice(i, i + size)).map((r) => [...r.cells]));
  rows.push(...parser.end().map((r) => [...r.cells]));
  return rows;
}

describe('JSON row splitter', () => {
  it.each([1, 3, 1000])('splits arrays, NDJSON, wrappers and event hooks into rows with lines (chunks of %i)', (size) => {
    expect(split('[{"a":1},\n {"a":2}]', size).map((r) => [r.value, r.line])).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 2],
    ]);
    expect(split('\uFEFF{"a":1}\n{"a":"x]}"}\n', size).map((r) => r.value)).toEqual([{ a: 1 }, { a: 'x]}' }]);
    expect(split('{"@odata.context":"x","value":[{"id":"1","value":[1]},{"id":"2"}],"@odata.nextLink":"y"}', size).map((r) => r.value)).toEqual([
      { id: '1', value: [1] },
      { id: '2' },
    ]);
    expect(split('{"records":[{"properties":{"id":"p"}}]}', size).map((r) => r.value)).toEqual([{ properties: { id: 'p' } }]);
    expect(split('{"eventType":"com.okta.event_hook","data":{"events":[{"uuid":"u"}]}}', size).map((r) => r.value)).toEqual([{ uuid: 'u' }]);
    expect(split('[{"kind":"x","items":[{"events":[{"name":"login_success"}]}]}]', size).map((r) => r.value)).toEqual([
      { events: [{ name: 'login_success' }] },
    ]);
  });

  it('turns a broken NDJSON line into one error row and resumes at the next line', () => {
    const rows = split('{"a":1}\n{"a": "cut\n{"a":3}\n{"a":tru}\nplain text\n{"a":4', 4);
    expect(rows.map((r) => (r.error !== undefined ? `error@${r.line}` : r.value))).toEqual([{ a: 1 }, 'error@2', { a: 3 }, 'error@4', 'error@5', 'error@6']);
  });

  it.each([1, 3, 1000])('skips a row that repeats a key at any depth with the path, and keeps the others (chunks of %i)', (size) => {
    const text = ['{"a":1}', '{"a":2,"b":{"c":1,"\\u0063":2}}', '{"value":[{"x":1,"x":1}]}', '{"a":"\\"a\\":1","a2":3}'].join('\n');
    expect(split(text, size).map((r) => r.error ?? r.value)).toEqual([
      { a: 1 },
      'repeated key b.c: key "c" appears twice; JSON keeps only the last value',
      'repeated key x: key "x" appears twice; JSON keeps only the last value',
      { a: '"a":1', a2: 3 },
    ]);
    expect(split(text, size).map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  test.prop([
    fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { maxLength: 6 }),
    fc.integer({ min: 1, max: 50 }),
    fc.boolean(),
  ])('gives back every object of an array or NDJSON, whatever the chunk size', (objects, size, ndjson) => {
    const rows = objects.filter((o) => !commonWrappers.some((w) => Array.isArray((o as Record<string, unknown>)[w.split('.')[0] as string])) && !('data' in o));
    const text = ndjson ? rows.map((o) => JSON.stringify(o)).join('\n') : JSON.stringify(rows, null, 1);
    expect(split(text, size).map((r) => r.value)).toEqual(JSON.parse(JSON.stringify(rows)));
  });

  it('gives each row as soon as it is complete, so a large wrapper is never held whole', () => {
    const splitter = createJsonRowSplitter(commonWrappers);
    const row = JSON.stringify({ id: 'x', text: 'y'.repeat(100) });
    let emitted = 0;
    emitted += splitter.write('{"@odata.context":"c","value":[').length;
    for (let i = 0; i < 1000; i++) {
      // Each row comes out of the write that completes it: nothing accumulates.
      expect(splitter.write(`${i > 0 ? ',' : ''}${row}`)).toHaveLength(1);
      emitted++;
    }
    emitted += splitter.write(']}').length + splitter.end().length;
    expect(emitted).toBe(1000);
  });

  it('expands wrappers of in-memory values by the same rule', () => {
    expect([...expandWrappers([{ value: [{ a: 1 }] }, { data: { events: [{ b: 2 }] } }, { c: 3 }], commonWrappers)]).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });
});

describe('CSV parser', () => {
  it.each([1, 2, 1000])('reads RFC 4180 quotes, embedded newlines, CRLF, BOM and ISO dates (chunks of %i)', (size) => {
    expect(csv('\uFEFFa,b,c\r\n"x, y","say ""hi""\nthere",2024-04-02T09:00:00+02:00\r\n\r\n5",6,\n', size)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"\nthere', '2024-04-02T09:00:00+02:00'],
      ['5"', '6', ''],
    ]);
  });

  it('keys rows by the header and gives each row the line it starts on', () => {
    const reader = createCsvRowReader();
    const rows = [...reader.write('Name,Note\nAna,"two\nlines"\nBo,x,extra\n'), ...reader.end()];
    expect(rows).toEqual([
      { value: { Name: 'Ana', Note: 'two\nlines' }, line: 2 },
      { value: { Name: 'Bo', Note: 'x', 'column 3': 'extra' }, line: 4 },
    ]);
  });

  it('gives a repeated or empty header name, and extra cells, keys of their own', () => {
    const reader = createCsvRowReader();
    const rows = [...reader.write('Email,Name,Email,,column 5\na@x.test,Ana,b@x.test,4,5,6,7\n'), ...reader.end()];
    expect(rows).toEqual([
      {
        value: { Email: 'a@x.test', Name: 'Ana', 'Email (column 3)': 'b@x.test', 'column 4': '4', 'column 5': '5', 'column 6': '6', 'column 7': '7' },
        line: 2,
      },
    ]);
  });

  it('keeps an extra cell whose default name a header already took', () => {
    const reader = createCsvRowReader();
    const rows = [...reader.write('a,column 3\n1,2,3\n'), ...reader.end()];
    expect(rows[0]?.value).toEqual({ a: '1', 'column 3': '2', 'column 3 (column 3)': '3' });
  });

  it('keeps a column named __proto__ as a plain key', () => {
    const reader = createCsvRowReader();
    const [row] = [...reader.write('__proto__,b\nx,y\n'), ...reader.end()];
    const value = row?.value as Record<string, string>;
    expect(Object.keys(value)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  test.prop([fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 20 })])(
    'round-trips any cells written with RFC 4180 quoting, whatever the chunk size',
    (table, size) => {
      const text = table.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n');
      expect(csv(text, size)).toEqual(table);
    },
  );
});
