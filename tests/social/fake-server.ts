import { HttpFake, type FakeReply, type FakeRequest, type LostAnswer } from '@khao/testing';

/** One request as a fake platform saw it; `body` is the JSON or form body as an object ({} when neither). */
export interface Seen extends FakeRequest {
  body: Record<string, unknown>;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * What to do with the next "create" request instead of the normal answer: a canned reply (the platforms' real
 * error bodies), or `lose`: the platform does the work but its answer never arrives (the client times out).
 */
export type Scripted = Reply | { lose: true };

/**
 * A local stand-in for one platform API: it checks each request's exact shape (a wrong one is recorded as a
 * violation and answered 400 the way the platform would) and answers as the platform does.
 */
export abstract class FakePlatform extends HttpFake {
  readonly seen: Seen[] = [];
  readonly violations: string[] = [];
  private readonly script: Scripted[] = [];
  /** Answer this much later (the platform is slow): work is in flight when a test kills the service. */
  delayMs = 0;

  /** Answers the next create requests with these, in order, before normal service resumes. */
  next(...replies: Scripted[]): void {
    this.script.push(...replies);
  }

  override reset(): void {
    super.reset();
    this.seen.length = 0;
    this.violations.length = 0;
    this.script.length = 0;
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

  protected async answer(req: FakeRequest): Promise<FakeReply | LostAnswer> {
    const b = req.body;
    const seen: Seen = { ...req, body: b && typeof b === 'object' && !Array.isArray(b) ? (b as Seen['body']) : {} };
    this.seen.push(seen);
    const scripted = this.isCreate(seen) ? this.script.shift() : undefined;
    if (scripted && 'lose' in scripted) {
      await this.handle(seen); // the platform did it… but the answer is lost (the client gives up first)
      return { lostAfterMs: 5000 };
    }
    return { ...(scripted ?? (await this.handle(seen))), delayMs: this.delayMs };
  }
}
