import { PassThrough } from 'node:stream';
import { createProgress } from '../../src/cli/progress';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('createProgress', () => {
  it('draws nothing when standard error is not a terminal', () => {
    const { stream, text } = capture();
    const p = createProgress(stream, false);
    p.update(0.5, 'reading');
    p.done();
    expect(text()).toBe('');
  });

  it('redraws one line at most every 100 ms, and erases it when done', () => {
    const { stream, text } = capture();
    let now = 0;
    const p = createProgress(stream, true, () => now);
    p.update(0.1, 'reading');
    now = 50;
    p.update(0.2, 'reading'); // throttled
    now = 200;
    p.update(0.5, 'reading 5 of 10 MB');
    p.done();
    const out = text();
    expect(out.match(/\r\[/g)).toHaveLength(2);
    expect(out).toContain('[###############...............]  50% reading 5 of 10 MB');
    expect(out.endsWith('\r\u001b[K')).toBe(true);
  });
});
