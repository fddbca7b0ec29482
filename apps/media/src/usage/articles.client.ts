import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ArticlesMediaRpc, type MediaUsage } from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import type { MediaConfig } from '../config.js';
import { CONFIG } from '../tokens.js';

/** Asks the articles service which stories show an image (the only thing media needs from it). */
@Injectable()
export class ArticlesClient implements OnModuleInit, OnModuleDestroy {
  private readonly rpc: RpcClient;

  constructor(@Inject(CONFIG) config: MediaConfig) {
    this.rpc = new RpcClient(config.NATS_URL, config.RPC_TIMEOUT_MS);
  }

  onModuleInit(): Promise<void> {
    return this.rpc.connect();
  }

  onModuleDestroy(): Promise<void> {
    return this.rpc.close();
  }

  /** Throws UNAVAILABLE when the articles service does not answer: a delete is never decided blind. */
  usage(mediaId: string): Promise<MediaUsage> {
    return this.rpc.request(ArticlesMediaRpc.mediaUsage, { mediaId });
  }
}
