import { Anchor, Button, Code, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { DatePickerInput } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, pickerFormats } from '../../../lib/dates';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { AuditDetails } from '../components/audit-details';
import { useAudit, type AuditFilters } from '../hooks/use-ops';
import { useUsers } from '../hooks/use-users';
import type { AuditEntry } from '../types';
import { LoadMore } from '../../shell/components/load-more';
import { StoryFilter } from '../../stories/components/story-filter';

const KEYS = ['actorId', 'storyId', 'from', 'to'] as const;

const detail = (e: AuditEntry, key: string): string | undefined => {
  const v = e.details?.[key];
  return typeof v === 'string' && v ? v : undefined;
};

/** Who did what to which story or account, when: filterable by person, story and dates (Thailand's days). */
export function AuditRoute() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: AuditFilters = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const audit = useAudit(filters);
  const users = useUsers();
  const [range, setRange] = useState<[string | null, string | null]>([filters.from ?? null, filters.to ?? null]);
  const set = (patch: Partial<AuditFilters>) => {
    const next = new URLSearchParams();
    const merged = { ...filters, ...patch };
    for (const k of KEYS) if (merged[k]) next.set(k, merged[k]);
    setParams(next, { replace: true });
  };
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name || u.email]));
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  // A story by its title: the newest title any listed entry of it carries (saves and publishes record it).
  const titles = new Map<string, string>();
  for (const e of entries) {
    const title = detail(e, 'title');
    if (e.storyId && title && !titles.has(e.storyId)) titles.set(e.storyId, title);
  }
  const actionLabel = (a: string) => (i18n.exists(`audit.actions.${a}`) ? t(`audit.actions.${a}`) : a);

  return (
    <Stack>
      <Title order={1}>{t('audit.heading')}</Title>
      <Group align="flex-end" component="search" aria-label={t('audit.heading')}>
        <Select
          label={t('audit.person')}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={240}
          value={filters.actorId ?? null}
          onChange={(v) => set({ actorId: v ?? undefined })}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.email})` : u.email }))}
        />
        <StoryFilter value={filters.storyId} onChange={(storyId) => set({ storyId })} />
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          label={t('audit.dates')}
          w={260}
          locale={lang}
          {...pickerFormats(lang, { previous: t('calendar.previous'), next: t('calendar.next') })}
          value={range}
          onChange={([from, to]) => {
            setRange([from, to]);
            if (Boolean(from) === Boolean(to)) set({ from: from ?? undefined, to: to ?? undefined });
          }}
        />
        <Button
          variant="subtle"
          onClick={() => {
            setRange([null, null]);
            setParams({}, { replace: true });
          }}
        >
          {t('stories.clearFilters')}
        </Button>
      </Group>
      {audit.error && <ApiErrorAlert error={audit.error} />}
      {audit.isPending ? (
        <Loading />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <DataTable
          minWidth={860}
          striped
          data-testid="audit"
          columns={[
            t('audit.when'),
            t('audit.who'),
            { label: t('audit.what'), style: { minWidth: '8rem' } },
            { label: t('audit.subject'), style: { minWidth: '14rem' } },
            t('audit.details'),
          ]}
        >
          {entries.map((e) => (
            <Table.Tr key={e.id} data-action={e.action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, lang)}</Table.Td>
              <Table.Td>
                {e.actorId
                  ? (names.get(e.actorId) ?? e.actorId)
                  : (e.email ?? <Text c="dimmed">{t('audit.platform')}</Text>)}
              </Table.Td>
              <Table.Td>{actionLabel(e.action)}</Table.Td>
              <Table.Td>
                {e.storyId ? (
                  <Anchor
                    component={Link}
                    to={`/stories/${e.storyId}`}
                    aria-label={`${t('audit.openStory')} ${titles.get(e.storyId) ?? e.storyId}`}
                  >
                    {titles.has(e.storyId) ? (
                      <Text span inherit lineClamp={2}>
                        {titles.get(e.storyId)}
                      </Text>
                    ) : (
                      <Code>{e.storyId}</Code>
                    )}
                  </Anchor>
                ) : e.subjectId ? (
                  (names.get(e.subjectId) ?? detail(e, 'name') ?? <Code>{e.subjectId}</Code>)
                ) : (
                  (e.email ?? '—')
                )}
              </Table.Td>
              <Table.Td>
                <AuditDetails entry={e} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={audit} label={t('audit.more')} />
    </Stack>
  );
}
