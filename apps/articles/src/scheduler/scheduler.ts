import { Inject, Injectable } from '@nestjs/common';
import { INFRA, type ServiceInfra, PeriodicPass } from '@khao/messaging';
import type { Actor } from '@khao/contracts';
import { StoryRepository } from '../stories/story.repository.js';
import type { StoryDoc } from '../stories/story.schema.js';
import { StoryWriter } from '../stories/story-writer.js';
import { publishNow } from '../stories/workflow.js';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { ScheduleRepository } from './schedule.repository.js';

/** Scheduled publishes are done by the platform itself, recorded as this actor. */
export const SCHEDULER_ACTOR: Actor = { id: 'system:scheduler', email: 'scheduler@khao.internal', role: 'editor' };

/**
 * Publishes scheduled versions when they are due. The schedule lives in the database (the story and a marker
 * written before it), so a restart loses nothing; the publish is a revision-claimed write, so with several
 * replicas exactly one of them does it.
 */
@Injectable()
export class Scheduler {
  private readonly passes: PeriodicPass;

  constructor(
    private readonly stories: StoryRepository,
    private readonly schedule: ScheduleRepository,
    private readonly writer: StoryWriter,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {
    this.passes = new PeriodicPass({
      what: 'scheduler pass',
      everyMs: config.SCHEDULER_INTERVAL_MS,
      logger: infra.logger,
      pass: () => this.publishDue(),
    });
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.passes.stop();
  }

  private async publishDue(): Promise<void> {
    const now = new Date();
    for (const marker of await this.schedule.due(now)) {
      let story: StoryDoc | null | undefined = await this.stories.findLive(marker._id);
      const due = story?.versions.some(
        (v) => v.status === 'scheduled' && v.scheduledAt && new Date(v.scheduledAt) <= now,
      );
      if (story && due) {
        story = await this.writer
          .write({
            actor: SCHEDULER_ACTOR,
            id: marker._id,
            action: 'scheduled-publish',
            change: (next) => {
              for (const v of next.versions) {
                if (v.status === 'scheduled' && v.scheduledAt && new Date(v.scheduledAt) <= now) {
                  publishNow(v, now);
                  v.revision = next.revision + 1;
                  v.updatedAt = now;
                  v.updatedBy = SCHEDULER_ACTOR.id;
                }
              }
            },
          })
          .catch((err: Error) => {
            this.infra.logger.warn({ storyId: marker._id, err: err.message }, 'scheduled publish deferred');
            return undefined;
          });
        if (!story) continue; // leave the marker: the next pass tries again
        this.infra.logger.info({ storyId: marker._id }, 'published on schedule');
      }
      await this.schedule.settle(marker, story?.nextScheduledAt ?? null);
    }
  }
}
