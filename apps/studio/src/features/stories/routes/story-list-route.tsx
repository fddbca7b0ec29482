import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { StoryFilters } from '../components/story-filters';
import { StoryTable } from '../components/story-table';
import { useStories, type StoryFilters as Filters } from '../hooks/use-stories';
import { LoadMore } from '../../shell/components/load-more';

const KEYS = ['q', 'lang', 'status', 'tag', 'category', 'province', 'from', 'to'] as const;

function filtersFrom(params: URLSearchParams): Filters {
  const f: Record<string, string> = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function StoryListRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const list = useStories(filters);
  const stories = list.data?.pages.flatMap((p) => p.items) ?? [];

  const setFilters = (f: Filters) => {
    const next = new URLSearchParams();
    for (const k of KEYS) if (f[k]) next.set(k, f[k]);
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('stories.heading')}</Title>
        {can(user.role, 'story.create') && (
          <Button component={Link} to="/stories/new">
            {t('stories.new')}
          </Button>
        )}
      </Group>
      <StoryFilters value={filters} onChange={setFilters} />
      {list.error && <ApiErrorAlert error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : stories.length === 0 ? (
        <Text c="dimmed">{t('stories.empty')}</Text>
      ) : (
        <StoryTable stories={stories} />
      )}
      <LoadMore pages={list} label={t('stories.more')} />
    </Stack>
  );
}
