import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useLiveEvents } from '../../../api/live-events';
import type { MediaAsset, MediaPage, MediaPatch } from '../types';

export const MEDIA_PAGE_SIZE = 24;
export const assetKey = (id: string) => ['media', 'asset', id] as const;

/** The library, newest first, a page at a time; `q` searches captions, alt texts, credit and file names. */
export function useMediaLibrary(q: string) {
  return useInfiniteQuery({
    queryKey: ['media', 'list', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap<MediaPage>(
        api.GET('/api/v1/media', {
          params: { query: { ...(q ? { q } : {}), cursor: pageParam, limit: MEDIA_PAGE_SIZE } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const fetchAsset = (id: string, signal?: AbortSignal) =>
  unwrap<MediaAsset>(api.GET('/api/v1/media/{id}', { params: { path: { id } }, signal }));

export function useAsset(id: string) {
  return useQuery({ queryKey: assetKey(id), queryFn: ({ signal }) => fetchAsset(id, signal) });
}

/** Several images at once (a story's gallery), each cached on its own. */
export function useAssets(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: assetKey(id), queryFn: ({ signal }) => fetchAsset(id, signal) })),
  });
}

export function useUpdateAsset(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: MediaPatch) =>
      unwrap<MediaAsset>(api.PATCH('/api/v1/media/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: (asset) => {
      qc.setQueryData(assetKey(id), asset);
      void qc.invalidateQueries({ queryKey: ['media', 'list'] });
    },
  });
}

/** Puts a freshly uploaded image in the cache and refreshes the library's pages. */
export function useUploaded() {
  const qc = useQueryClient();
  return (asset: MediaAsset) => {
    qc.setQueryData(assetKey(asset.id), asset);
    void qc.invalidateQueries({ queryKey: ['media', 'list'] });
  };
}

const MEDIA_EVENTS = ['media.processed.v1', 'media.failed.v1', 'media.updated.v1', 'media.deleted.v1'] as const;

/** While shown, images change on screen as the media service reports them (the live stream, no polling). */
export function useLiveMedia() {
  const qc = useQueryClient();
  useLiveEvents(MEDIA_EVENTS, (_type, data) => {
    if (typeof data.mediaId === 'string') void qc.invalidateQueries({ queryKey: assetKey(data.mediaId) });
    void qc.invalidateQueries({ queryKey: ['media', 'list'] });
  });
}
