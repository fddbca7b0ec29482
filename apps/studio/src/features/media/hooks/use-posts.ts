import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Language } from '../../../api/types';
import { useLiveEvents } from '../../../api/live-events';
import type { Reach } from '../types';

const postsKey = (storyId: string) => ['social', 'posts', storyId] as const;

/** Each channel's post of this story (the ledger), for people who may read it. */
export function useStoryPosts(storyId: string, enabled: boolean) {
  return useQuery({
    queryKey: postsKey(storyId),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/social/posts', { params: { query: { storyId, limit: 200 } }, signal })),
  });
}

const POST_EVENTS = ['social.post.sent.v1', 'social.post.failed.v1', 'article.version.published.v1'] as const;

/** A post sent or failed (or a version published, which queues posts) refreshes this story's ledger: no polling. */
export function useLivePosts(storyId: string) {
  const qc = useQueryClient();
  useLiveEvents(POST_EVENTS, (_type, data) => {
    if (data.storyId === storyId) void qc.invalidateQueries({ queryKey: postsKey(storyId) });
  });
}

/** How many channels a publish of `language` posts to (asked when a confirmation opens). */
export function useReach(language: Language, enabled: boolean) {
  return useQuery({
    queryKey: ['social', 'reach', language],
    enabled,
    staleTime: 0,
    queryFn: ({ signal }) =>
      unwrap<Reach>(api.GET('/api/v1/social/reach', { params: { query: { language } }, signal })),
  });
}

export const invalidatePosts = (qc: ReturnType<typeof useQueryClient>, storyId: string) =>
  qc.invalidateQueries({ queryKey: postsKey(storyId) });
