import { Module, type DynamicModule } from '@nestjs/common';
import { INFRA, OutboxRelay, type ServiceInfra } from '@khao/messaging';
import { healthControllerFor } from '@khao/runtime';
import type { ArticlesConfig } from './config.js';
import { RevisionsRepository } from './revisions/revisions.repository.js';
import { PublicStoriesController } from './public/public-stories.controller.js';
import { PublicStoriesService } from './public/public-stories.service.js';
import { ScheduleRepository } from './scheduler/schedule.repository.js';
import { Scheduler } from './scheduler/scheduler.js';
import { SearchService } from './stories/search.service.js';
import { StoriesController } from './stories/stories.controller.js';
import { StoriesService } from './stories/stories.service.js';
import { StoryIndex } from './stories/story-index.js';
import { StoryIndexSnapshots } from './stories/story-index.snapshot.js';
import { StoryIndexSync } from './stories/story-index.sync.js';
import { StoryRepository } from './stories/story.repository.js';
import { StoryWriter } from './stories/story-writer.js';
import { CONFIG } from './tokens.js';

@Module({})
export class ArticlesModule {
  static register(this: void, infra: ServiceInfra, config: ArticlesConfig): DynamicModule {
    const relay = OutboxRelay.for(infra, config);
    return {
      module: ArticlesModule,
      controllers: [healthControllerFor('articles'), StoriesController, PublicStoriesController],
      providers: [
        { provide: INFRA, useValue: infra },
        { provide: CONFIG, useValue: config },
        { provide: OutboxRelay, useValue: relay },
        { provide: StoryRepository, useValue: new StoryRepository(infra.mongo, relay) },
        { provide: RevisionsRepository, useValue: new RevisionsRepository(infra.mongo) },
        { provide: ScheduleRepository, useValue: new ScheduleRepository(infra.mongo) },
        { provide: StoryIndexSnapshots, useValue: new StoryIndexSnapshots(infra.mongo) },
        StoryIndex,
        StoryIndexSync,
        StoryWriter,
        StoriesService,
        SearchService,
        Scheduler,
        PublicStoriesService,
      ],
    };
  }
}
