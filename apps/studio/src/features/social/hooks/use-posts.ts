import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useLiveEvents } from '../../../api/live-events';
import type { PostPage, PostQuery } from '../types';
import { channelsKey } from './use-channels';

// Under the same root as the story editor's per-story ledger, so one invalidation refreshes both.
const postsKey = ['social', 'posts'] as const;
export type PostFilters = Omit<PostQuery, 'after' | 'limit'>;

export function usePosts(filters: PostFilters) {
  return useInfiniteQuery({
    queryKey: [...postsKey, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap<PostPage>(
        api.GET('/api/v1/social/posts', { params: { query: { ...filters, after: pageParam, limit: 50 } }, signal }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRetryPost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmNotPosted }: { id: string; confirmNotPosted?: boolean }) =>
      unwrap(
        api.POST('/api/v1/social/posts/{id}/retry', {
          params: { path: { id } },
          body: confirmNotPosted ? { confirmNotPosted } : {},
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: postsKey }),
  });
}

const LEDGER_EVENTS = ['social.post.sent.v1', 'social.post.failed.v1'] as const;

/**
 * The ledger and the channels follow the app's one live event stream while the page is open: a post sent or failed
 * (and so a channel flagged for re-authorisation) shows without a reload and without polling.
 */
export function useLivePosts() {
  const qc = useQueryClient();
  useLiveEvents(LEDGER_EVENTS, () => {
    void qc.invalidateQueries({ queryKey: postsKey });
    void qc.invalidateQueries({ queryKey: channelsKey });
  });
}
