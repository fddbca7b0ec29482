import { Button, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayToApi, newsroomDay, pickerFormats } from '../../../lib/dates';
import type { StoryFilters as Filters } from '../hooks/use-stories';
import { provinceOptions } from '../provinces';
import { STORY_LANGUAGES } from '../editor/draft';

const STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;

/** Search and filters; every change goes to the URL, which the list reads. */
export function StoryFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const [q, setQ] = useState(value.q ?? '');
  const pushQ = useDebouncedCallback((text: string) => onChange({ ...value, q: text.trim() || undefined }), 300);
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  // The range picked so far: the list follows once both ends are chosen (or the range is cleared).
  const [range, setRange] = useState<[string | null, string | null]>([
    value.from ? newsroomDay(value.from) : null,
    value.to ? newsroomDay(value.to) : null,
  ]);

  return (
    <Group align="flex-end" gap="sm" component="search" aria-label={t('stories.filters')}>
      <TextInput
        label={t('stories.search')}
        placeholder={t('stories.searchPlaceholder')}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        w={260}
      />
      <Select
        label={t('stories.language')}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        w={140}
        value={value.lang ?? null}
        onChange={(v) => set({ lang: v === 'th' || v === 'en' ? v : undefined })}
        data={STORY_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      <Select
        label={t('stories.status')}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        w={170}
        value={value.status ?? null}
        onChange={(v) => set({ status: STATUSES.find((s) => s === v) })}
        data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select
        label={t('fields.province')}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        searchable
        w={200}
        value={value.province ?? null}
        onChange={(v) => set({ province: v ?? undefined })}
        data={provinceOptions(lang)}
      />
      <TextInput
        label={t('fields.tag')}
        w={140}
        defaultValue={value.tag ?? ''}
        onBlur={(e) => set({ tag: e.currentTarget.value.trim() || undefined })}
      />
      <TextInput
        label={t('fields.category')}
        w={140}
        defaultValue={value.category ?? ''}
        onBlur={(e) => set({ category: e.currentTarget.value.trim() || undefined })}
      />
      <DatePickerInput
        type="range"
        allowSingleDateInRange
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        label={t('stories.eventDates')}
        w={260}
        locale={lang}
        {...pickerFormats(lang, { previous: t('calendar.previous'), next: t('calendar.next') })}
        value={range}
        onChange={([from, to]) => {
          setRange([from, to]);
          if (Boolean(from) === Boolean(to)) {
            set({ from: from ? dayToApi(from) : undefined, to: to ? dayToApi(to) : undefined });
          }
        }}
      />
      <Button
        variant="subtle"
        onClick={() => {
          setQ('');
          setRange([null, null]);
          onChange({});
        }}
      >
        {t('stories.clearFilters')}
      </Button>
    </Group>
  );
}
