import { Inject, Injectable } from '@nestjs/common';
import { MediaRpc, type Language } from '@khao/contracts';
import { INFRA, RpcClient, type ServiceInfra } from '@khao/messaging';
import type { CoverImage } from '../adapters/adapter.js';
import type { SocialConfig } from '../config.js';
import { CONFIG } from '../tokens.js';

/**
 * A story's cover as a post carries it: the media service's 1200×630 share image. When the media service does not
 * answer (or the image is not processed yet) the post goes out without an image rather than waiting or failing.
 */
@Injectable()
export class CoverImages {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: SocialConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  async resolve(mediaId: string | null, language: Language): Promise<CoverImage | null> {
    if (!mediaId) return null;
    try {
      const { items } = await this.rpc.request(
        MediaRpc.resolve,
        { ids: [mediaId], language },
        { timeoutMs: this.config.SOCIAL_MEDIA_TIMEOUT_MS },
      );
      const img = items[0];
      if (!img) return null;
      const [preview] = img.renditions.filter((r) => r.format === 'jpeg').sort((a, b) => a.width - b.width);
      return {
        url: img.shareImage.url,
        width: img.shareImage.width,
        height: img.shareImage.height,
        alt: img.alt,
        preview: preview ? { url: preview.url, bytes: preview.bytes } : null,
      };
    } catch (err) {
      this.infra.logger.warn({ mediaId, err: (err as Error).message }, 'cover image not resolved; posting without it');
      return null;
    }
  }
}
