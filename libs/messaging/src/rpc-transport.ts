import { ServerNats, type NatsOptions, type WritePacket } from '@nestjs/microservices';
import type { Observable, Subscription } from 'rxjs';
import type { NatsConnection, Subscription as NatsSubscription } from '@nats-io/transport-node';

type ServerOptions = NonNullable<NatsOptions['options']>;

/**
 * Nest's NATS server, with a stop that loses no request. Nest's own graceful stop unsubscribes and waits a fixed
 * grace period: a request the NATS server had already routed to this replica when the unsubscribe left is dropped
 * (its caller waits out its timeout, a 503 behind the gateway), and a reply still being computed after the period
 * is lost with the connection. Here each subscription is drained instead (the server stops routing requests to this
 * replica, and those already on their way are still handled), then the stop waits for every request in hand to
 * have answered, then closes.
 */
export class DrainingNatsServer extends ServerNats {
  private readonly inHand = new Set<Promise<unknown>>();

  constructor(options: ServerOptions) {
    super({ ...options, gracefulShutdown: false });
  }

  override handleMessage(channel: string, message: Parameters<ServerNats['handleMessage']>[1]): Promise<unknown> {
    return this.holding(super.handleMessage(channel, message));
  }

  /**
   * A request is in hand until its last reply packet is out: Nest runs a controller behind interceptors lazily, when
   * this subscribes to its stream, after handleMessage has already returned.
   */
  override send(stream$: Observable<unknown>, respond: (data: WritePacket) => Promise<unknown> | void): Subscription {
    let answered!: () => void;
    void this.holding(new Promise<void>((resolve) => (answered = resolve)));
    return super.send(stream$, async (packet) => {
      try {
        await respond(packet);
      } finally {
        if (packet.isDisposed) answered();
      }
    });
  }

  private holding<T>(work: Promise<T>): Promise<T> {
    this.inHand.add(work);
    const forget = () => this.inHand.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once the NATS server has every subscription of this server: requests sent from now on reach it. */
  async subscribed(): Promise<void> {
    await (this as unknown as { natsClient: NatsConnection | null }).natsClient?.flush();
  }

  override async close(): Promise<void> {
    // Nest keeps both private; they are the transport's own subscriptions and connection.
    const own = this as unknown as { subscriptions: NatsSubscription[]; natsClient: NatsConnection | null };
    if (own.natsClient && !own.natsClient.isClosed()) {
      await Promise.all(own.subscriptions.map((sub) => sub.drain().catch(() => undefined)));
      while (this.inHand.size) await Promise.allSettled([...this.inHand]);
      await own.natsClient.flush().catch(() => undefined);
    }
    await super.close();
  }
}
