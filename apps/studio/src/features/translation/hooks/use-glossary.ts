import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { GlossaryEntry, GlossaryInput } from '../types';

const KEY = ['glossary'] as const;

/** Every term, both directions (a small list, read whole). */
export function useGlossary() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/glossary', { params: { query: {} }, signal })).then((r) => r.items),
  });
}

export const createTerm = (entry: GlossaryInput): Promise<GlossaryEntry> =>
  unwrap(api.POST('/api/v1/glossary', { body: entry }));

export function useCreateTerm() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createTerm, onSettled: () => void qc.invalidateQueries({ queryKey: KEY }) });
}

export function useEditTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; target: string }) =>
      unwrap(api.PATCH('/api/v1/glossary/{id}', { params: { path: { id: v.id } }, body: { target: v.target } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/glossary/{id}', { params: { path: { id } } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Invalidates the glossary after a batch of creations (the CSV import). */
export function useRefreshGlossary() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: KEY });
}
