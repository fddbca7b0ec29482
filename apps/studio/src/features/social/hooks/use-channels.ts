import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ChannelInput, ChannelPatch } from '../types';

export const channelsKey = ['channels'] as const;

export function useChannels(enabled = true) {
  return useQuery({
    queryKey: channelsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/social/channels', { signal })).then((r) => r.items),
    enabled,
  });
}

export function useCreateChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) => unwrap(api.POST('/api/v1/social/channels', { body: input })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: channelsKey }),
  });
}

export function useUpdateChannel(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ChannelPatch) =>
      unwrap(api.PATCH('/api/v1/social/channels/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: channelsKey }),
  });
}

export function useDeleteChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/social/channels/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: channelsKey }),
  });
}

/** The platform's harmless call with the stored credentials; the answer is shown where the button is. */
export function useTestChannel() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/social/channels/{id}/test', { params: { path: { id } } })),
  });
}
