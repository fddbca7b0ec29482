import { Inject, Injectable } from '@nestjs/common';
import {
  ArticlesRpc,
  DomainError,
  ErrorCode,
  storyUrl,
  type Actor,
  type Language,
  type PreviewItem,
} from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { slugify } from '@khao/thai';
import { Adapters } from '../adapters/adapters.js';
import { ChannelAccess } from '../channels/channel-access.js';
import type { SocialConfig } from '../config.js';
import { blueskyFacets, fitText, rulesFor } from '../text/fit.js';
import { CONFIG } from '../tokens.js';

/** Each channel's final text for a story version, counted the platform's way, before (or after) it is published. */
@Injectable()
export class PreviewService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly channels: ChannelAccess,
    private readonly adapters: Adapters,
    @Inject(CONFIG) private readonly config: SocialConfig,
  ) {}

  async preview(
    actor: Actor,
    storyId: string,
    language: Language,
    channelId?: string,
    draft: { title?: string; summary?: string } = {},
  ): Promise<{ items: PreviewItem[] }> {
    const story = await this.rpc.request(ArticlesRpc.get, { actor, id: storyId });
    const version = story.versions.find((v) => v.language === language);
    if (!version) throw new DomainError(ErrorCode.NotFound, `story ${storyId} has no ${language} version`);
    // An unsaved title gives the address it will have once saved (the articles service's rule), as it is counted.
    const slug = draft.title !== undefined ? slugify(draft.title, language, storyId) : version.slug;
    const url = storyUrl(this.config.PUBLIC_BASE_URL, language, slug);
    let channels = await this.channels.all();
    if (channelId) {
      channels = channels.filter((c) => c._id === channelId);
      if (!channels.length) throw new DomainError(ErrorCode.NotFound, `channel ${channelId} not found`);
    } else channels = channels.filter((c) => c.enabled && c.language === language);
    return {
      items: channels.map((c) => {
        const image = story.coverMediaId ? { url: '', width: 1200, height: 630, alt: '', preview: null } : null;
        const caption = this.adapters.for(c.type).usesCaption?.(c, { image }) ?? false;
        const f = fitText(
          {
            template: c.template,
            title: draft.title ?? version.title,
            summary: draft.summary ?? version.summary,
            url,
            hashtags: c.hashtags,
          },
          rulesFor(c.type, c.options, caption),
        );
        return {
          channelId: c._id,
          name: c.name,
          type: c.type,
          text: f.text,
          length: f.length,
          limit: f.limit,
          unit: f.unit,
          truncated: f.truncated,
          ...(c.type === 'bluesky' ? { facets: blueskyFacets(f.text, url, c.hashtags) } : {}),
        };
      }),
    };
  }
}
