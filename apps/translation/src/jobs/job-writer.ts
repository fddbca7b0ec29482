import { Injectable } from '@nestjs/common';
import type { OutboxEntry } from '@khao/persistence';
import type { JobDoc } from './job.schema.js';
import { JobsRepository } from './jobs.repository.js';

/** Saves a job, stamped, with its events in the same single-document write (the outbox publishes them). */
@Injectable()
export class JobWriter {
  constructor(private readonly jobs: JobsRepository) {}

  async save(job: JobDoc, events: OutboxEntry[] = [], isNew = false): Promise<void> {
    job.updatedAt = new Date();
    await this.jobs.save(job, events, isNew);
  }
}
