import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Streams, type EventEnvelope } from '@khao/contracts';
import { infraEnv } from './env.js';

/**
 * Reads the events stream the way an auditor would: every event on `subjects` published since `since`, all of
 * them (paging until the stream has nothing more), for assertions on what a service really published.
 */
export class EventTap {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly since: Date,
  ) {}

  static async open(since = new Date(Date.now() - 1000)): Promise<EventTap> {
    return new EventTap(await connect({ servers: infraEnv().NATS_URL }), since);
  }

  async events<T = Record<string, unknown>>(subjects: string[], where: (e: EventEnvelope<T>) => boolean = () => true) {
    const consumer = await jetstream(this.nc).consumers.get(Streams.events.name, {
      filter_subjects: subjects,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: this.since.toISOString(),
    });
    const out: EventEnvelope<T>[] = [];
    for (let done = false; !done;) {
      let got = 0;
      for await (const m of await consumer.fetch({ max_messages: 500, expires: 1000 })) {
        got++;
        const e = m.json<EventEnvelope<T>>();
        if (where(e)) out.push(e);
        if (m.info.pending === 0) {
          done = true;
          break;
        }
      }
      if (got === 0) done = true;
    }
    return out;
  }

  /**
   * Whether the durable consumer `durable` has acknowledged every event stored so far (none waiting for it, none in
   * its hands): each was handled or skipped. Poll it with waitFor after the events of interest are in the stream.
   */
  async acknowledgedBy(durable: string): Promise<boolean> {
    const info = await (await jetstreamManager(this.nc)).consumers.info(Streams.events.name, durable);
    return info.num_pending === 0 && info.num_ack_pending === 0;
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
