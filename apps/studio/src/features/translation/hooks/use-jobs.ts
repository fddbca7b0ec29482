import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useLiveEvents } from '../../../api/live-events';
import type { Language } from '../../../api/types';
import type { Job, JobPage, JobStatus } from '../types';

/** The job list's filters, as the URL keeps them. */
export interface JobFilters {
  status?: JobStatus;
  language?: Language;
  storyId?: string;
  changed?: 'true' | 'false';
}

const JOB_EVENTS = ['translation.job.completed.v1', 'translation.job.approved.v1'] as const;
export const jobKey = (id: string) => ['translation-job', id] as const;

/** Jobs matching the filters, newest change first, a page at a time; refreshed live as jobs move. */
export function useJobs(filters: JobFilters) {
  const qc = useQueryClient();
  useLiveEvents(JOB_EVENTS, () => void qc.invalidateQueries({ queryKey: ['translation-jobs'] }));
  return useInfiniteQuery({
    queryKey: ['translation-jobs', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap<JobPage>(
        api.GET('/api/v1/translation-jobs', {
          params: { query: { ...filters, cursor: pageParam, limit: 20 } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One job with its segments; a machine draft arriving or someone else approving refreshes it. */
export function useJob(id: string) {
  const qc = useQueryClient();
  useLiveEvents(JOB_EVENTS, (_type, data) => {
    if (data.jobId === id) void qc.invalidateQueries({ queryKey: jobKey(id) });
  });
  return useQuery({
    queryKey: jobKey(id),
    queryFn: ({ signal }) =>
      unwrap<Job>(api.GET('/api/v1/translation-jobs/{id}', { params: { path: { id } }, signal })),
  });
}

export function useEditSegment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { n: number; target: string; sourceHash: string }) =>
      unwrap<Job>(
        api.PATCH('/api/v1/translation-jobs/{id}/segments/{n}', {
          params: { path: { id, n: v.n } },
          body: { target: v.target, sourceHash: v.sourceHash },
        }),
      ),
    onSuccess: (job) => {
      qc.setQueryData(jobKey(id), job);
      void qc.invalidateQueries({ queryKey: ['translation-jobs'] });
    },
  });
}

export function useApproveJob(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<Job>(api.POST('/api/v1/translation-jobs/{id}/approve', { params: { path: { id } } })),
    onSuccess: (job) => {
      qc.setQueryData(jobKey(id), job);
      void qc.invalidateQueries({ queryKey: ['translation-jobs'] });
    },
  });
}
