import { HttpFake, type FakeReply, type FakeRequest } from '@khao/testing';

/** One request as the fake received it. */
export type Recorded = FakeRequest;
export type Reply = FakeReply;
export type Route = (req: Recorded) => Reply | Promise<Reply>;

/** A fake translation provider answering through the route the test gives it (and may swap to fail, then recover). */
export class FakeServer extends HttpFake {
  constructor(private route: Route) {
    super();
  }

  /** Swaps the behaviour (e.g. fail for a while, then recover). */
  respondWith(route: Route): void {
    this.route = route;
  }

  get calls(): Recorded[] {
    return this.requests;
  }

  callsTo(path: string): Recorded[] {
    return this.requests.filter((c) => c.path === path);
  }

  protected answer(req: Recorded): Promise<Reply> {
    return Promise.resolve(this.route(req));
  }
}
