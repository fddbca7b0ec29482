import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { DomainError, ErrorCode, EventFamilies, Streams, type EventEnvelope, type Role } from '@khao/contracts';
import { INFRA, type ServiceInfra } from '@khao/messaging';

/** Which events each role hears of: what its work in the studio needs (translators: jobs; editors: everything). */
const { article, media, translation, social } = EventFamilies;
const SUBJECTS: Record<Role, string[]> = {
  admin: [article, media, translation, social],
  editor: [article, media, translation, social],
  author: [article, media],
  translator: [article, media, translation],
};

/**
 * What a live event carries: ids, statuses and who did it, never a story's text (an author may not read every
 * draft; the studio fetches what it shows through the API, which applies the rules).
 */
const KEPT = [
  'storyId',
  'language',
  'revision',
  'status',
  'by',
  'mediaId',
  'jobId',
  'targetLanguage',
  'postId',
  'channelId',
  'channelType',
  'externalUrl',
];

export interface LiveEvent {
  /** The stream sequence: sent back as Last-Event-ID to resume after it. */
  id: number;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

@Injectable()
export class EventStreamService implements OnModuleDestroy {
  /** The open streams, ended at shutdown so that their connections do not hold the server open. */
  private readonly open = new Set<ConsumerMessages>();

  constructor(@Inject(INFRA) private readonly infra: ServiceInfra) {}

  onModuleDestroy(): void {
    for (const messages of this.open) messages.stop();
  }

  /** The events a role may hear of, after stream sequence `after` (or from now), until the caller stops it. */
  async subscribe(
    role: Role,
    after: number | undefined,
  ): Promise<{ events: AsyncIterable<LiveEvent>; stop: () => void }> {
    let messages: ConsumerMessages;
    try {
      const consumer = await jetstream(this.infra.nats).consumers.get(Streams.events.name, {
        filter_subjects: SUBJECTS[role],
        ...(after === undefined
          ? { deliver_policy: DeliverPolicy.New }
          : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 }),
      });
      messages = await consumer.consume();
    } catch (err) {
      throw new DomainError(ErrorCode.Unavailable, `the event stream (NATS) is unavailable: ${(err as Error).message}`);
    }
    async function* events(): AsyncIterable<LiveEvent> {
      for await (const m of messages) {
        const e = m.json<EventEnvelope<Record<string, unknown>>>();
        const data = Object.fromEntries(KEPT.filter((k) => e.data?.[k] !== undefined).map((k) => [k, e.data[k]]));
        yield { id: m.seq, type: e.type, occurredAt: e.occurredAt, data };
      }
    }
    this.open.add(messages);
    const stop = () => {
      this.open.delete(messages);
      messages.stop();
    };
    return { events: events(), stop };
  }
}
