import type { JetStreamManager } from '@nats-io/jetstream';
import { deadLetterFilter, DeadLetterSchema, DomainError, ErrorCode, Streams, type DeadLetter } from '@khao/contracts';
import type { EventPublisher } from './publisher.js';

export interface StoredDeadLetter extends DeadLetter {
  seq: number;
}

/** What an operator sees of the dead-letter stream, and the way to send a message back to its consumers. */
export class DeadLetters {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly publisher: EventPublisher,
  ) {}

  /** Oldest first, `limit` at most, after the sequence `after` (the cursor of the previous page). */
  async list(limit = 50, after = 0, consumer?: string): Promise<StoredDeadLetter[]> {
    const filter = deadLetterFilter(consumer);
    const out: StoredDeadLetter[] = [];
    let seq = after + 1;
    while (out.length < limit) {
      const m = await this.jsm.direct.getMessage(Streams.deadLetters.name, { seq, next_by_subj: filter });
      if (!m) break;
      const parsed = DeadLetterSchema.safeParse(m.json());
      if (parsed.success) out.push({ seq: m.seq, ...parsed.data });
      seq = m.seq + 1;
    }
    return out;
  }

  async get(seq: number): Promise<StoredDeadLetter> {
    const m = await this.jsm.streams.getMessage(Streams.deadLetters.name, { seq }).catch(() => null);
    const parsed = m ? DeadLetterSchema.safeParse(m.json()) : undefined;
    if (!m || !parsed?.success) throw new DomainError(ErrorCode.NotFound, `no dead letter with sequence ${seq}`);
    return { seq, ...parsed.data };
  }

  /**
   * Publishes the event again to its original subject under a fresh message id (the original id would be dropped
   * by the dedupe window), then removes the dead letter. Consumers that handled it already skip it (inbox).
   */
  async replay(seq: number): Promise<{ seq: number; eventId: string; republishedSeq: number }> {
    const letter = await this.get(seq);
    const res = await this.publisher.publish(letter.event, letter.subject, `${letter.event.id}:replay:${seq}`);
    await this.jsm.streams.deleteMessage(Streams.deadLetters.name, seq, false);
    return { seq, eventId: letter.event.id, republishedSeq: res.seq };
  }
}
