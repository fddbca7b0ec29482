import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../../api/client';
import type { Language, Story } from '../../../api/types';
import { storyKey } from './use-story';

const revisionsKey = (id: string) => ['story', id, 'revisions'] as const;

/** Every save of the story, newest first (who, when, what). */
export function useRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: revisionsKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/articles/{id}/revisions', { params: { path: { id } }, signal })),
    enabled,
  });
}

/** One revision's whole content; a revision never changes, so it is fetched once. */
export function useRevision(id: string, revision: number | null) {
  return useQuery({
    queryKey: [...revisionsKey(id), revision],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/articles/{id}/revisions/{revision}', {
          params: { path: { id, revision: revision ?? 0 } },
          signal,
        }),
      ),
    enabled: revision !== null,
    staleTime: Infinity,
  });
}

/** Restore: the old content comes back as a new revision built on `base` (If-Match), never over someone's save. */
export function useRestoreRevision(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ base, revision }: { base: Story; revision: number }) =>
      unwrap(
        api.POST('/api/v1/articles/{id}/revisions/{revision}/restore', {
          params: { path: { id, revision }, header: ifMatch(base.revision) },
        }),
      ),
    onSuccess: (story) => {
      qc.setQueryData(storyKey(id), story);
      void qc.invalidateQueries({ queryKey: revisionsKey(id) });
      void qc.invalidateQueries({ queryKey: ['stories'] });
    },
  });
}

/** A signed, expiring link to the version as its public page will look. */
export function usePreviewLink(id: string) {
  return useMutation({
    mutationFn: (language: Language) =>
      unwrap(api.POST('/api/v1/articles/{id}/versions/{lang}/preview', { params: { path: { id, lang: language } } })),
  });
}
