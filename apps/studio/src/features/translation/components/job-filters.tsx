import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StoryFilter } from '../../stories/components/story-filter';
import { STORY_LANGUAGES } from '../../stories/editor/draft';
import type { JobFilters as Filters } from '../hooks/use-jobs';
import type { JobStatus } from '../types';

export const JOB_STATUSES: JobStatus[] = [
  'pending',
  'machine_translated',
  'awaiting_translator',
  'in_review',
  'approved',
  'applied',
];

/** The job list's filters; every change goes to the URL, which the list reads. */
export function JobFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const clear = { clearable: true, clearButtonProps: { 'aria-label': t('common.clear') } };
  return (
    <Group align="flex-start" gap="sm" component="search" aria-label={t('translation.filters')}>
      <Select
        label={t('translation.statusFilter')}
        {...clear}
        w={200}
        value={value.status ?? null}
        onChange={(v) => set({ status: JOB_STATUSES.find((s) => s === v) })}
        data={JOB_STATUSES.map((s) => ({ value: s, label: t(`translation.status.${s}`) }))}
      />
      <Select
        label={t('translation.targetLanguage')}
        {...clear}
        w={150}
        value={value.language ?? null}
        onChange={(v) => set({ language: STORY_LANGUAGES.find((l) => l === v) })}
        data={STORY_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      <Select
        label={t('translation.changedFilter')}
        {...clear}
        w={230}
        value={value.changed ?? null}
        onChange={(v) => set({ changed: v === 'true' || v === 'false' ? v : undefined })}
        data={[
          { value: 'true', label: t('translation.changedYes') },
          { value: 'false', label: t('translation.changedNo') },
        ]}
      />
      <StoryFilter value={value.storyId} onChange={(storyId) => set({ storyId })} />
    </Group>
  );
}
