import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
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
  fetch(`${base}/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

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

describe('examples/http-service refusing a body over the limit', () => {
  it('answers a declared 11.8 MB body with 413, not a broken pipe, and keeps serving', async () => {
    const body = Buffer.from(JSON.stringify({ ...input, padding: 'x'.repeat(11_800_000) }));
    // node:http writes the body as it goes, like curl: a server that closes early breaks the pipe.
    const answer = await new Promise<{ status: number | undefined; connection: string | undefined; text: string }>((resolve, reject) => {
      const url = new URL(base);
      const req = request(
        { host: url.hostname, port: url.port, path: '/score', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => void (text += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, text }));
        },
      );
      req.on('error', reject);
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    });
    expect(answer.status).toBe(413);
    // The body was read to its end before the answer, so the connection is not cut under the client.
    expect(answer.connection).toBe('keep-alive');
    expect((JSON.parse(answer.text) as { error: string }).error).toContain(`larger than ${10 * 1024 * 1024} bytes`);
    expect((await post(input)).status).toBe(200);
  });

  it('reads and discards a refused body within its discard budget, so the connection stays open', async () => {
    const small = createService({ maxBodyBytes: 1000, maxDiscardBytes: 10_000 });
    await new Promise<void>((resolve) => small.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = small.address() as AddressInfo;
      const answer = await new Promise<{ status: number | undefined; connection: string | undefined }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/score', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 5000 } },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode, connection: res.headers.connection });
          },
        );
        req.on('error', reject);
        req.end('x'.repeat(5000));
      });
      expect(answer).toEqual({ status: 413, connection: 'keep-alive' });
    } finally {
      await new Promise<void>((resolve, reject) => small.close((e) => (e ? reject(e) : resolve())));
    }
  });
});

describe('examples/http-service is strict', () => {
  const orphan = {
    asOf: '2025-06-01T00:00:00Z',
    subjects: [{ id: 'cand-1' }],
    events: [{ id: 'e1', subjectId: 'cand-9', type: 'session', at: '2025-05-01T00:00:00Z' }],
  };

  it('refuses an event of no subject in the batch with 422 and the issues', async () => {
    const res = await post(orphan);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { kind: string; recordId?: string; path: string; message: string }[] };
    expect(body.issues.map((i) => [i.kind, i.recordId, i.path])).toEqual([['event', 'e1', 'subjectId']]);
    expect(body.issues[0]?.message).toContain('cand-9');
  });

  it('refuses duplicate ids with the issues', async () => {
    const res = await post({ ...orphan, events: [], subjects: [{ id: 'cand-1' }, { id: 'cand-1' }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['subjects[0].id', 'subjects[1].id']);
  });

  it('scores the valid records with ?strict=false and lists the others', async () => {
    const lenient = { ...orphan, subjects: [{ id: 'cand-1' }, { id: 'cand-2' }, { id: 'cand-2' }] };
    const res = await fetch(`${base}/score?strict=false`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lenient) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reports: { subjectId: string }[]; rejected: { kind: string; recordId?: string }[] };
    expect(body.reports.map((r) => r.subjectId)).toContain('cand-1');
    expect(body.rejected.map((r) => [r.kind, r.recordId])).toEqual(
      expect.arrayContaining([
        ['event', 'e1'],
        ['subject', 'cand-2'],
      ]),
    );
  });

  it('answers a batch without asOf (and no event to infer it from) with JSON issues', async () => {
    const res = await post({ subjects: [{ id: 'cand-1' }] });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues.map((i) => i.path)).toEqual(['asOf']);
  });
});

describe('the documented start command', () => {
  it('starts the service without a terminal (npm run example:http-service)', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn('npm', ['run', '--silent', 'example:http-service'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          const match = /redflags service on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match !== null) resolve(match[1] as string);
        });
        child.stderr.on('data', (c: Buffer) => void (err += c.toString('utf8')));
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
      });
      const health = (await (await fetch(`${url}/health`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      expect((await fetch(`${url}/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).status).toBe(200);
    } finally {
      // The command runs npm, a shell and node: stop the whole group it started.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  }, 120_000);
});
