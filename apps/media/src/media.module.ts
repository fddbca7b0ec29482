import { Module, type DynamicModule } from '@nestjs/common';
import { healthControllerFor, INFRA, type ServiceInfra } from '@khao/messaging';
import type { MediaConfig } from './config.js';
import { ObjectStore } from './storage/object-store.js';

@Module({})
export class MediaModule {
  static register(this: void, infra: ServiceInfra, config: MediaConfig): DynamicModule {
    const store = new ObjectStore(config);
    return {
      module: MediaModule,
      controllers: [healthControllerFor('media', () => ({ minio: () => store.ping() }))],
      providers: [
        { provide: INFRA, useValue: infra },
        { provide: ObjectStore, useValue: store },
      ],
    };
  }
}
