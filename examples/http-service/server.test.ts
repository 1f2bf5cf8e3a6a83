import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createService } from './server';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createService();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/score`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const input = {
  asOf: '2025-06-01T00:00:00Z',
  subjects: [{ id: 'cand-1', identity: { residence: { country: 'US', timeZone: 'America/Chicago' } } }],
  events: [{ id: 'e1', subjectId: 'cand-1', type: 'session', at: '2025-05-01T00:00:00Z', end: '2025-05-03T12:00:00Z' }],
};

describe('examples/http-service', () => {
  it('scores a posted subject', async () => {
    const res = await post(input);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { asOf: string; reports: { subjectId: string; score: number; band: string }[]; rejected: unknown[] };
    expect(body.asOf).toBe('2025-06-01T00:00:00Z');
    expect(body.reports).toHaveLength(1);
    expect(body.reports[0]).toEqual(expect.objectContaining({ subjectId: 'cand-1', score: expect.any(Number), band: expect.any(String) }));
    expect(body.rejected).toEqual([]);
  });

  it('returns the HTML report when asked for it', async () => {
    const res = await post(input, { accept: 'text/html' });
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<!doctype html>');
  });

  it('refuses input that fails the schemas, naming the field path', async () => {
    const res = await post({ subjects: [{ id: 'cand-1', kind: 'robot' }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toEqual(['subjects[0].kind']);
  });

  it('answers bad requests with a useful status', async () => {
    const badJson = await post('{oops');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: string }).error).toMatch(/^the body is not valid JSON \(.+\); send the input document/);
    expect((await post(input, { 'content-type': 'text/plain' })).status).toBe(415);
    const get = await fetch(`${base}/score`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const postHealth = await fetch(`${base}/health`, { method: 'POST' });
    expect(postHealth.status).toBe(405);
    expect(postHealth.headers.get('allow')).toBe('GET');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect(((await (await fetch(`${base}/health`)).json()) as { ok: boolean }).ok).toBe(true);
    expect(((await (await fetch(`${base}/indicators`)).json()) as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('examples/http-service with a small body limit', () => {
  it('refuses a larger body with 413 and keeps serving', async () => {
    const small = createService({ maxBodyBytes: 1000 });
    await new Promise<void>((resolve) => small.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(small.address() as AddressInfo).port}`;
      const big = { ...input, padding: 'x'.repeat(200_000) };
      const res = await fetch(`${url}/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(big) });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: string }).error).toContain('larger than 1000 bytes');
      const ok = await fetch(`${url}/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      expect(ok.status).toBe(200);
    } finally {
      await new Promise<void>((resolve, reject) => small.close((e) => (e ? reject(e) : resolve())));
    }
  });
});
