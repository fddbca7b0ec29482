import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AuditPage, AuditQuery, DeadLetterPage } from '../types';

const deadLettersKey = ['dead-letters'] as const;

export function useDeadLetters(consumer?: string) {
  return useQuery({
    queryKey: [...deadLettersKey, consumer ?? null],
    queryFn: ({ signal }) =>
      unwrap<DeadLetterPage>(
        api.GET('/api/v1/ops/dead-letters', { params: { query: { consumer, limit: 200 } }, signal }),
      ),
  });
}

/** Sends the dead letters back one after the other (each replay is audited on its own); stops at the first refusal. */
export function useReplay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (seqs: number[]) => {
      for (const seq of seqs) {
        await unwrap(api.POST('/api/v1/ops/dead-letters/{seq}/replay', { params: { path: { seq } } }));
      }
      return seqs.length;
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: deadLettersKey });
      void qc.invalidateQueries({ queryKey: opsStatusKey });
    },
  });
}

const opsStatusKey = ['ops-status'] as const;

/** The health page's figures; the page asks again every few seconds while it is open (it is a monitor). */
export function useOpsStatus() {
  return useQuery({
    queryKey: opsStatusKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ops/status', { signal })),
    refetchInterval: 5000,
  });
}

export type AuditFilters = Omit<AuditQuery, 'before' | 'limit'>;

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap<AuditPage>(
        api.GET('/api/v1/ops/audit', { params: { query: { ...filters, before: pageParam, limit: 50 } }, signal }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
