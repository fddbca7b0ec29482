import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { NewUser, UserPatch } from '../types';

const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users', { signal })),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => unwrap(api.POST('/api/v1/users', { body: input })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: usersKey }),
  });
}

/** A role, a name, a new password or the account's state: one PATCH, refused by the API where it must be. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: usersKey }),
  });
}
