import { Module, type DynamicModule } from '@nestjs/common';
import { INFRA, OutboxRelay, type ServiceInfra } from '@khao/messaging';
import { healthControllerFor } from '@khao/runtime';
import { AssetRepository } from './assets/asset.repository.js';
import { AssetWriter } from './assets/asset-writer.js';
import { AssetsService } from './assets/assets.service.js';
import { MediaController } from './assets/media.controller.js';
import { TaskRepository } from './assets/task.repository.js';
import { UploadsService } from './assets/uploads.service.js';
import type { MediaConfig } from './config.js';
import { Processor } from './processing/processor.js';
import { Sweeper } from './processing/sweeper.js';
import { AssetCache } from './resolve/asset-cache.js';
import { AssetCacheSync } from './resolve/asset-cache.sync.js';
import { ResolveService } from './resolve/resolve.service.js';
import { ObjectStore } from './storage/object-store.js';
import { CONFIG } from './tokens.js';
import { ArticlesClient } from './usage/articles.client.js';

@Module({})
export class MediaModule {
  static register(this: void, infra: ServiceInfra, config: MediaConfig): DynamicModule {
    const store = new ObjectStore(config);
    const relay = OutboxRelay.for(infra, config);
    return {
      module: MediaModule,
      controllers: [healthControllerFor('media', () => ({ minio: () => store.ping() })), MediaController],
      providers: [
        { provide: INFRA, useValue: infra },
        { provide: CONFIG, useValue: config },
        { provide: ObjectStore, useValue: store },
        { provide: OutboxRelay, useValue: relay },
        { provide: AssetRepository, useValue: new AssetRepository(infra.mongo, relay) },
        { provide: TaskRepository, useValue: new TaskRepository(infra.mongo) },
        { provide: AssetCache, useValue: new AssetCache(config.MEDIA_RESOLVE_CACHE_ENTRIES) },
        AssetCacheSync,
        ArticlesClient,
        AssetWriter,
        Processor,
        UploadsService,
        AssetsService,
        ResolveService,
        Sweeper,
      ],
    };
  }
}
