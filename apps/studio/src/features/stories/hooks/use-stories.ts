import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Language, StoryPage, VersionStatus } from '../../../api/types';

/** The list's filters, as the URL keeps them (a filtered list can be bookmarked and shared). */
export interface StoryFilters {
  q?: string;
  lang?: Language;
  status?: VersionStatus;
  tag?: string;
  category?: string;
  province?: string;
  /** Event date range, inclusive (ISO instants). */
  from?: string;
  to?: string;
}

export const PAGE_SIZE = 20;

/** Stories matching the filters, newest change first, a page at a time (the API's cursor). */
export function useStories(filters: StoryFilters) {
  return useInfiniteQuery({
    queryKey: ['stories', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap<StoryPage>(
        api.GET('/api/v1/articles', {
          // The query parameters are typed once the gateway's OpenAPI documents them.
          params: { query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
