import { Injectable } from '@nestjs/common';
import { OutboxRelay } from '@khao/messaging';
import type { OutboxEntry } from '@khao/persistence';
import type { JobDoc } from './job.schema.js';
import { JobsRepository } from './jobs.repository.js';

/** Saves a job with its events in the same single-document write (outbox), then publishes them. */
@Injectable()
export class JobWriter {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async save(job: JobDoc, events: OutboxEntry[] = [], isNew = false): Promise<void> {
    job.updatedAt = new Date();
    if (!events.length) {
      await this.jobs.save(job, [], 'append', isNew);
      return;
    }
    const pending = await this.relay.markPending(this.jobs.model, job._id);
    const entries = await this.jobs.save(job, events, pending.clean ? 'replace' : 'append', isNew);
    await this.relay.publishPending(this.jobs.model, job._id, entries, pending);
  }
}
