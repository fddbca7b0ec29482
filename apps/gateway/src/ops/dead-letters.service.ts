import { Injectable } from '@nestjs/common';
import type { Actor } from '@khao/contracts';
import { DeadLetters } from '@khao/messaging';
import { AuditTrail } from '../audit/audit-trail.js';

/** Replaying a dead letter, recorded in the audit trail with who sent it back and which event it was. */
@Injectable()
export class DeadLetterReplays {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly audit: AuditTrail,
  ) {}

  async replay(actor: Actor, seq: number): Promise<{ seq: number; eventId: string; republishedSeq: number }> {
    const letter = await this.deadLetters.get(seq);
    const replayed = await this.deadLetters.replay(seq);
    const storyId = (letter.event.data as { storyId?: unknown } | undefined)?.storyId;
    await this.audit.record({
      action: 'dead-letter.replayed',
      actorId: actor.id,
      subjectId: letter.event.id,
      storyId: typeof storyId === 'string' ? storyId : undefined,
      details: { seq, consumer: letter.consumer, type: letter.event.type, error: letter.error },
    });
    return replayed;
  }
}
