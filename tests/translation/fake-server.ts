import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it. */
export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** Waits this long before answering (a slow provider). */
  delayMs?: number;
}

export type Route = (req: Recorded) => Reply | Promise<Reply>;

/**
 * A local HTTP server standing in for an external API: it records every request (so tests can check the exact
 * shape and count the calls) and answers through the route the test gives it, the way the real API does.
 */
export class FakeServer {
  readonly calls: Recorded[] = [];
  private server?: http.Server;
  url = '';

  constructor(private route: Route) {}

  /** Swaps the behaviour (e.g. fail for a while, then recover). */
  respondWith(route: Route): void {
    this.route = route;
  }

  /** Listens on `port` (0: any free one; give the old port to bring a stopped fake back at the same URL). */
  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (raw += d));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        let body: unknown = raw;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          // keep the text
        }
        const rec: Recorded = {
          method: req.method ?? '',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
        };
        this.calls.push(rec);
        void Promise.resolve(this.route(rec)).then(async (reply) => {
          if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
          if (res.destroyed) return;
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
          res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  callsTo(path: string): Recorded[] {
    return this.calls.filter((c) => c.path === path);
  }

  reset(): void {
    this.calls.length = 0;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
