import { Module, type DynamicModule } from '@nestjs/common';
import { INFRA, OutboxRelay, RpcClient, type ServiceInfra } from '@khao/messaging';
import { healthControllerFor } from '@khao/runtime';
import { ArticlesClient } from './articles/articles.client.js';
import type { TranslationConfig } from './config.js';
import { GlossaryRepository } from './glossary/glossary.repository.js';
import { GlossaryService } from './glossary/glossary.service.js';
import { JobList } from './jobs/job-list.js';
import { JobQueue } from './jobs/job-queue.js';
import { JobWorker } from './jobs/job-worker.js';
import { JobWriter } from './jobs/job-writer.js';
import { JobsController } from './jobs/jobs.controller.js';
import { JobsRepository } from './jobs/jobs.repository.js';
import { RefreshService } from './jobs/refresh.service.js';
import { ReviewService } from './jobs/review.service.js';
import { MemoryRepository } from './memory/memory.repository.js';
import { providerFromConfig } from './providers/provider.factory.js';
import { CONFIG, PROVIDER } from './tokens.js';
import { ArticleEventsConsumer } from './trigger/article-events.consumer.js';
import { StoryFetch } from './trigger/story-fetch.js';

@Module({})
export class TranslationModule {
  static register(this: void, infra: ServiceInfra, config: TranslationConfig): DynamicModule {
    const relay = OutboxRelay.for(infra, config);
    return {
      module: TranslationModule,
      controllers: [healthControllerFor('translation'), JobsController],
      providers: [
        { provide: INFRA, useValue: infra },
        { provide: CONFIG, useValue: config },
        { provide: PROVIDER, useValue: providerFromConfig(config, infra.logger.child({ component: 'provider' })) },
        { provide: OutboxRelay, useValue: relay },
        {
          provide: JobsRepository,
          useValue: new JobsRepository(infra.mongo, relay, infra.logger.child({ component: 'jobs' })),
        },
        { provide: JobQueue, useValue: new JobQueue(infra.mongo) },
        { provide: MemoryRepository, useValue: new MemoryRepository(infra.mongo) },
        { provide: GlossaryRepository, useValue: new GlossaryRepository(infra.mongo) },
        {
          provide: ArticlesClient,
          useFactory: async () => {
            const rpc = new RpcClient(config.NATS_URL, config.RPC_TIMEOUT_MS);
            await rpc.connect();
            return new ArticlesClient(rpc);
          },
        },
        JobList,
        JobWriter,
        JobWorker,
        RefreshService,
        ReviewService,
        GlossaryService,
        StoryFetch,
        ArticleEventsConsumer,
      ],
    };
  }
}
