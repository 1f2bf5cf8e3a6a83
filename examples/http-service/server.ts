// A minimal scoring service on node:http, with no framework: POST a batch, get the reports.
//
//   POST /score        body: the input document { subjects, events?, watchlists?, reference?, asOf? }
//                      -> 200 { asOf, asOfSource, reports, rejected }   (Accept: text/html gives the HTML report)
//                      -> 400 { error, issues: [{ path, message }] } when the body fails the schemas
//   GET  /indicators   -> the built-in catalogue
//   GET  /health       -> { ok: true, version }
//
// The example imports the sources relatively; in your project import from 'redflags'.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { builtinIndicators, createScorer, inputDocumentSchema, renderHtml, VERSION, type ScorerConfig } from '../../src/index';

/** Options of {@link createService}. */
export interface ServiceOptions {
  /** Scorer config, validated once at start-up. */
  readonly config?: ScorerConfig;
  /** Largest request body accepted, in bytes (default 10 MB). */
  readonly maxBodyBytes?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body)}\n`;
  res.writeHead(status, { ...headers, 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** The method each path answers; any other method gets 405 with an Allow header, an unknown path 404. */
const routes: Readonly<Record<string, string>> = { '/score': 'POST', '/indicators': 'GET', '/health': 'GET' };

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').includes('application/json')) {
    throw new HttpError(415, 'send the input document as application/json');
  }
  // Refuse a declared oversize body before reading any of it; chunked bodies are counted as they come.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `the body is larger than ${limit} bytes; split the batch`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is larger than ${limit} bytes; split the batch`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send the input document { subjects, events, ... }`);
  }
}

/**
 * Creates the service (not yet listening). The scorer is created once: its config and every
 * indicator's options are validated at start-up, not per request.
 */
export function createService(options: ServiceOptions = {}): Server {
  const scorer = createScorer(options.config !== undefined ? { config: options.config } : {});
  const limit = options.maxBodyBytes ?? 10 * 1024 * 1024;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const allowed = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (allowed === undefined) throw new HttpError(404, 'not found; POST /score, GET /indicators or GET /health');
    if (req.method !== allowed) throw new HttpError(405, `use ${allowed} ${path}`, {}, { allow: allowed });
    if (path === '/health') return send(res, 200, { ok: true, version: VERSION });
    if (path === '/indicators') {
      return send(res, 200, builtinIndicators.map(({ meta }) => ({ id: meta.id, title: meta.title, typologies: meta.typologies, defaultWeight: meta.defaultWeight })));
    }
    const body = await readJson(req, limit);
    // An API is strict: the whole request is refused when any record fails the exported schemas.
    const parsed = inputDocumentSchema.safeParse(body);
    if (!parsed.success) {
      throw new HttpError(400, 'the input document failed validation', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    let result;
    try {
      result = scorer.scoreBatch(parsed.data);
    } catch (error) {
      throw new HttpError(400, error instanceof Error ? error.message : String(error));
    }
    if ((req.headers.accept ?? '').includes('text/html')) return send(res, 200, renderHtml(result), 'text/html; charset=utf-8');
    return send(res, 200, result);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A refused body may still be arriving: close the connection rather than read the rest.
      if (error instanceof HttpError) send(res, error.status, { error: error.message, ...error.body }, undefined, { ...error.headers, ...(error.status === 413 ? { connection: 'close' } : {}) });
      else send(res, 500, { error: 'internal error' });
    });
  });
}

// Run directly (with a TypeScript runner, e.g. `npx tsx examples/http-service/server.ts`): listen on PORT or 8080.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const port = Number(process.env.PORT ?? 8080);
  createService().listen(port, '127.0.0.1', () => console.log(`redflags service on http://127.0.0.1:${port}`));
}
