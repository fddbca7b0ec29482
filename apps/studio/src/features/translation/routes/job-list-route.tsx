import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { STORY_LANGUAGES } from '../../stories/editor/draft';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { JOB_STATUSES, JobFilters } from '../components/job-filters';
import { JobTable } from '../components/job-table';
import { useJobs, type JobFilters as Filters } from '../hooks/use-jobs';
import { LoadMore } from '../../shell/components/load-more';

const KEYS = ['status', 'language', 'storyId', 'changed'] as const;

/** The filters the URL holds; anything else in it is ignored. */
function filtersFrom(params: URLSearchParams): Filters {
  const pick = <T extends string>(key: string, allowed: readonly T[]) => allowed.find((v) => v === params.get(key));
  const storyId = params.get('storyId') ?? '';
  return {
    status: pick('status', JOB_STATUSES),
    language: pick('language', STORY_LANGUAGES),
    storyId: /^[0-9a-f]{24}$/.test(storyId) ? storyId : undefined,
    changed: pick('changed', ['true', 'false'] as const),
  };
}

export function JobListRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const list = useJobs(filters);
  const jobs = list.data?.pages.flatMap((p) => p.items) ?? [];
  const setFilters = (f: Filters) => {
    const next = new URLSearchParams();
    for (const k of KEYS) if (f[k]) next.set(k, f[k]);
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('translation.heading')}</Title>
        <Button component={Link} to="/glossary" variant="default">
          {t('nav.glossary')}
        </Button>
      </Group>
      <JobFilters value={filters} onChange={setFilters} />
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : jobs.length === 0 ? (
        <Text c="dimmed">{t('translation.empty')}</Text>
      ) : (
        <JobTable jobs={jobs} />
      )}
      <LoadMore pages={list} label={t('translation.more')} />
    </Stack>
  );
}
