import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a local fake of an external API received it. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The body's bytes (an uploaded image, say) and the same as UTF-8 text. */
  bytes: Buffer;
  raw: string;
  /** A form body as an object, else the parsed JSON, else the text; undefined when there is no body. */
  body: unknown;
  at: number;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Answers this much later (a slow API). */
  delayMs?: number;
}

/** The API did the work but its answer never arrives: the connection is held this long, then dropped. */
export interface LostAnswer {
  lostAfterMs: number;
}

/**
 * A local HTTP server standing in for an external API the tests cannot reach (platforms, translation providers):
 * it records every request, so a test can check its exact shape and count the calls, and answers with what
 * `answer` returns, the way the real API would. A thrown error is answered 500.
 */
export abstract class HttpFake {
  readonly requests: FakeRequest[] = [];
  url = '';
  private server?: Server;

  protected abstract answer(req: FakeRequest): FakeReply | LostAnswer | Promise<FakeReply | LostAnswer>;

  /** Listens on `port` (0: any free one; give the old port to bring a stopped fake back at the same URL). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.requests.length = 0;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const rec: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      bytes,
      raw,
      body: parseBody(String(req.headers['content-type'] ?? ''), raw),
      at: Date.now(),
    };
    this.requests.push(rec);
    let reply: FakeReply | LostAnswer;
    try {
      reply = await this.answer(rec);
    } catch (err) {
      reply = { status: 500, body: { error: (err as Error).message } };
    }
    if ('lostAfterMs' in reply) {
      await new Promise((r) => setTimeout(r, reply.lostAfterMs));
      res.destroy();
      return;
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }
}

function parseBody(type: string, raw: string): unknown {
  if (!raw) return undefined;
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
