// A minimal scoring service on node:http, with no framework: POST a batch, get the reports.
//
//   POST /score        body: the input document { subjects, events?, watchlists?, reference?, asOf? }
//                      -> 200 { asOf, asOfSource, reports, rejected }   (Accept: text/html gives the HTML report)
//                      -> 400 { error, issues: [{ path, message }] } when the body fails the schemas or
//                         the batch is unusable (no asOf and no event to infer it from)
//                      -> 422 { error, issues: [{ path, message, kind, recordId }] } when records
//                         pass the schemas but not the batch (an event of no subject in the batch);
//                         POST /score?strict=false scores the valid records and lists the others
//                         under `rejected`, as the command line does
//   GET  /indicators   -> the built-in catalogue
//   GET  /health       -> { ok: true, version }
//
// The example imports the sources relatively; in your project import from 'redflags'.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  builtinIndicators,
  createScorer,
  inputDocumentSchema,
  isInvalidRecordError,
  renderHtml,
  toIssues,
  VERSION,
  type BatchResult,
  type ScorerConfig,
} from '../../src/index';

/** Options of {@link createService}. */
export interface ServiceOptions {
  /** Scorer config, validated once at start-up. */
  readonly config?: ScorerConfig;
  /** Largest request body accepted, in bytes (default 10 MB). */
  readonly maxBodyBytes?: number;
  /**
   * How much of a refused (too large) body is read and discarded so the client can read the 413
   * rather than a broken pipe, in bytes (default 64 MB). A larger body gets the 413 and the
   * connection is closed without reading the rest.
   */
  readonly maxDiscardBytes?: number;
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

/**
 * Reads the rest of a refused body without keeping it, up to `budget` bytes. A client that is
 * still sending when the server closes the connection sees a broken pipe instead of the answer,
 * so the body is consumed first. Returns false when the body is larger than the budget.
 */
async function discardBody(req: IncomingMessage, budget: number): Promise<boolean> {
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > budget) return false;
  }
  return true;
}

async function readJson(req: IncomingMessage, limit: number, discardLimit: number): Promise<unknown> {
  const tooLarge = async (): Promise<never> => {
    const drained = await discardBody(req, discardLimit);
    throw new HttpError(413, `the body is larger than ${limit} bytes; split the batch`, {}, drained ? {} : { connection: 'close' });
  };
  if (!(req.headers['content-type'] ?? '').includes('application/json')) {
    // Answered after the body is read, like a 413, so the client sees the status and not a broken pipe.
    await discardBody(req, discardLimit);
    throw new HttpError(415, 'send the input document as application/json');
  }
  // A declared oversize body is refused without being kept; chunked bodies are counted as they come.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(
      400,
      `the body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send the input document { subjects, events, ... }`,
    );
  }
}

/**
 * Creates the service (not yet listening). The scorer is created once: its config and every
 * indicator's options are validated at start-up, not per request.
 */
export function createService(options: ServiceOptions = {}): Server {
  const scorer = createScorer(options.config !== undefined ? { config: options.config } : {});
  const limit = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const discardLimit = options.maxDiscardBytes ?? 64 * 1024 * 1024;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const allowed = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (allowed === undefined) throw new HttpError(404, 'not found; POST /score, GET /indicators or GET /health');
    if (req.method !== allowed) throw new HttpError(405, `use ${allowed} ${path}`, {}, { allow: allowed });
    if (path === '/health') return send(res, 200, { ok: true, version: VERSION });
    if (path === '/indicators') {
      return send(
        res,
        200,
        builtinIndicators.map(({ meta }) => ({ id: meta.id, title: meta.title, typologies: meta.typologies, defaultWeight: meta.defaultWeight })),
      );
    }
    const strict = new URL(req.url ?? '/', 'http://localhost').searchParams.get('strict') !== 'false';
    const body = await readJson(req, limit, discardLimit);
    // An API is strict: the whole request is refused when any record fails the exported schemas.
    // ?strict=false scores the valid records and lists the others under `rejected`, as the CLI does.
    if (strict) {
      const parsed = inputDocumentSchema.safeParse(body);
      if (!parsed.success) {
        throw new HttpError(400, 'the input document failed validation', {
          issues: toIssues(parsed.error.issues),
        });
      }
    }
    let result: BatchResult;
    try {
      result = scorer.scoreBatch(body as Parameters<typeof scorer.scoreBatch>[0]);
    } catch (error) {
      // The batch as a whole is unusable (no asOf and no event to infer it from): its issues, as for a schema failure.
      if (isInvalidRecordError(error))
        throw new HttpError(400, 'the input document cannot be scored', { issues: error.issues.map((i) => ({ path: i.path, message: i.message })) });
      throw error;
    }
    // Strict: records that pass the schemas but not the batch (an event of no subject in the batch)
    // refuse the request too, unless the caller asked for the lenient answer.
    if (strict && result.rejected.length > 0) {
      throw new HttpError(422, 'some records do not fit the batch; fix them, or send ?strict=false to score the rest', {
        issues: result.rejected.flatMap((r) =>
          r.issues.map((i) => ({ path: i.path, message: i.message, kind: r.kind, ...(r.recordId !== undefined ? { recordId: r.recordId } : {}) })),
        ),
      });
    }
    if ((req.headers.accept ?? '').includes('text/html')) return send(res, 200, renderHtml(result), 'text/html; charset=utf-8');
    return send(res, 200, result);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) send(res, error.status, { error: error.message, ...error.body }, undefined, error.headers);
      else send(res, 500, { error: 'internal error' });
    });
  });
}

// Run directly (`npm run example:http-service` bundles this file and starts it): listen on PORT
// or 8080 (PORT=0 picks a free port); the line printed gives the address.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const server = createService();
  server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
    const address = server.address();
    console.log(`redflags service on http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : ''}`);
  });
}
