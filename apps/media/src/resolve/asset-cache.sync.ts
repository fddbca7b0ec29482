import { Inject, Injectable } from '@nestjs/common';
import { EventFamilies } from '@khao/contracts';
import { EventFollower, INFRA, type ServiceInfra } from '@khao/messaging';
import { AssetCache } from './asset-cache.js';

/** Forgets a cached asset when any replica's media event says it changed; everything, when one may have been missed. */
@Injectable()
export class AssetCacheSync {
  private readonly follower: EventFollower;

  constructor(cache: AssetCache, @Inject(INFRA) infra: ServiceInfra) {
    this.follower = new EventFollower({
      nats: infra.nats,
      families: [EventFamilies.media],
      logger: infra.logger.child({ component: 'asset-cache' }),
      onEvent: (_subject, event) => {
        const { mediaId } = (event.data ?? {}) as { mediaId?: string };
        if (mediaId) cache.forget(mediaId);
      },
      onGap: () => cache.clear(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.follower.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.follower.stop();
  }
}
