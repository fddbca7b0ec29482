import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a fake platform saw it. */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  raw: string;
  /** The body's bytes (an uploaded image, say). */
  bytes: Buffer;
  /** JSON or form body, parsed. */
  body: Record<string, unknown>;
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * What to do with the next "create" request instead of the normal answer: a canned reply (the platform's real
 * error bodies), or `lose`: the platform does the work but its answer never arrives (the client times out).
 */
export type Scripted = Reply | { lose: true };

/**
 * A local stand-in for one platform API: it checks each request's exact shape (a wrong one is recorded as a
 * violation and answered 400 the way the platform would) and answers as the platform does.
 */
export abstract class FakePlatform {
  readonly seen: Seen[] = [];
  readonly violations: string[] = [];
  private readonly script: Scripted[] = [];
  private server?: Server;
  url = '';
  /** Answer this much later (the platform is slow): work is in flight when a test kills the service. */
  delayMs = 0;

  /** Answers the next create requests with these, in order, before normal service resumes. */
  next(...replies: Scripted[]): void {
    this.script.push(...replies);
  }

  reset(): void {
    this.seen.length = 0;
    this.violations.length = 0;
    this.script.length = 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /** The requests for one path pattern. */
  calls(method: string, path: RegExp): Seen[] {
    return this.seen.filter((s) => s.method === method && path.test(s.path));
  }

  protected abstract isCreate(req: Seen): boolean;
  protected abstract handle(req: Seen): Reply | Promise<Reply>;

  /** Records a shape problem and builds the platform's 400. */
  protected violation(what: string, reply: Reply): Reply {
    this.violations.push(what);
    return reply;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const u = new URL(req.url ?? '/', 'http://x');
    let body: Record<string, unknown> = {};
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('application/json') && raw) body = JSON.parse(raw) as Record<string, unknown>;
    else if (type.startsWith('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
    const seen: Seen = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: u.searchParams,
      headers: req.headers,
      raw,
      bytes,
      body,
      at: Date.now(),
    };
    this.seen.push(seen);
    let reply: Reply;
    const scripted = this.isCreate(seen) ? this.script.shift() : undefined;
    if (scripted && 'lose' in scripted) {
      await this.handle(seen); // the platform did it…
      await new Promise((r) => setTimeout(r, 5000)); // …but the answer is lost (the client gives up first)
      res.destroy();
      return;
    }
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    try {
      reply = scripted ?? (await this.handle(seen));
    } catch (err) {
      reply = { status: 500, body: { error: (err as Error).message } };
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }
}
