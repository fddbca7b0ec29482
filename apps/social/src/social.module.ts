import { Module, type DynamicModule } from '@nestjs/common';
import { INFRA, OutboxRelay, RpcClient, type ServiceInfra } from '@khao/messaging';
import { healthControllerFor } from '@khao/runtime';
import { OutboundPolicy } from '@khao/net';
import { Adapters } from './adapters/adapters.js';
import { ChannelAccess } from './channels/channel-access.js';
import { ChannelCheck } from './channels/channel-check.js';
import { ChannelsController } from './channels/channels.controller.js';
import { ChannelsRepository } from './channels/channels.repository.js';
import { ChannelsService } from './channels/channels.service.js';
import { CredentialsCipher } from './channels/credentials-cipher.js';
import type { SocialConfig } from './config.js';
import { ArticleEventsConsumer } from './consumer/article-events.consumer.js';
import { FollowThrough } from './consumer/follow-through.js';
import { PostQueue } from './consumer/post-queue.js';
import { CoverImages } from './posts/cover-images.js';
import { Dispatcher, leaseMs } from './posts/dispatcher.js';
import { PostSettler } from './posts/post-events.js';
import { PostsController } from './posts/posts.controller.js';
import { PostList } from './posts/post-list.js';
import { PostsRepository } from './posts/posts.repository.js';
import { PostsService } from './posts/posts.service.js';
import { PreviewService } from './posts/preview.service.js';
import { CONFIG } from './tokens.js';

/** Closes the RPC client (media, articles) with the module. */
class SocialRpcClient extends RpcClient {
  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

@Module({})
export class SocialModule {
  static register(this: void, infra: ServiceInfra, config: SocialConfig): DynamicModule {
    const relay = OutboxRelay.for(infra, config);
    return {
      module: SocialModule,
      controllers: [healthControllerFor('social'), ChannelsController, PostsController],
      providers: [
        { provide: INFRA, useValue: infra },
        { provide: CONFIG, useValue: config },
        { provide: OutboundPolicy, useValue: new OutboundPolicy(config.OUTBOUND_ALLOW) },
        {
          provide: CredentialsCipher,
          useValue: new CredentialsCipher(config.SOCIAL_CREDENTIALS_KEY, config.SOCIAL_PREVIOUS_CREDENTIALS_KEYS),
        },
        { provide: OutboxRelay, useValue: relay },
        { provide: ChannelsRepository, useValue: new ChannelsRepository(infra.mongo) },
        { provide: PostsRepository, useValue: new PostsRepository(infra.mongo, relay, leaseMs(config)) },
        { provide: RpcClient, useValue: new SocialRpcClient(config.NATS_URL, config.RPC_TIMEOUT_MS) },
        Adapters,
        ChannelAccess,
        ChannelsService,
        ChannelCheck,
        CoverImages,
        PostSettler,
        Dispatcher,
        PostList,
        PostsService,
        PreviewService,
        PostQueue,
        FollowThrough,
        ArticleEventsConsumer,
      ],
    };
  }
}
