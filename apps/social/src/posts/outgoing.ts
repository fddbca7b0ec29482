import type { Adapter, CoverImage, OutgoingPost } from '../adapters/adapter.js';
import type { ChannelDoc } from '../channels/channel.schema.js';
import { fitText, rulesFor } from '../text/fit.js';
import type { PostDoc } from './post.schema.js';

/** The post as the adapter sends it: the content fitted to the channel's template and platform. */
export function outgoing(post: PostDoc, channel: ChannelDoc, adapter: Adapter, image: CoverImage | null): OutgoingPost {
  const caption = adapter.usesCaption?.(channel, { image }) ?? false;
  const fitted = fitText(
    {
      template: channel.template,
      title: post.content.title,
      summary: post.content.summary,
      url: post.content.url,
      hashtags: channel.hashtags,
    },
    rulesFor(channel.type, channel.options, caption),
  );
  return {
    postId: post._id,
    key: `${post._id}:${post.generation}`,
    storyId: post.storyId,
    language: post.language,
    revision: post.content.revision,
    title: post.content.title,
    summary: post.content.summary,
    url: post.content.url,
    text: fitted.text,
    hashtags: channel.hashtags,
    image,
    publishedAt: post.content.publishedAt,
    rkey: post.rkey,
  };
}
