import { Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { pickerFormats } from '../../../lib/dates';
import type { FieldsDraft } from '../editor/draft';
import { provinceOptions } from '../provinces';

/** What every language version shares: dateline, event day(s), categories, tags, byline. */
export function SharedFields({
  value,
  onChange,
  disabled,
}: {
  value: FieldsDraft;
  onChange: (f: FieldsDraft) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const set = (patch: Partial<FieldsDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset disabled={disabled} className="khao-bare">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={t('fields.place')}
          description={t('fields.placeHint')}
          value={value.place}
          onChange={(e) => set({ place: e.currentTarget.value })}
        />
        <Select
          label={t('fields.province')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          data={provinceOptions(lang)}
          value={value.province}
          onChange={(v) => set({ province: v })}
          nothingFoundMessage={t('fields.noProvince')}
        />
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          label={t('fields.eventDate')}
          description={t('fields.eventDateHint')}
          locale={lang}
          {...pickerFormats(lang, { previous: t('calendar.previous'), next: t('calendar.next') })}
          value={value.eventDays}
          onChange={(eventDays) => set({ eventDays })}
        />
        <TagsInput
          label={t('fields.categories')}
          value={value.categories}
          onChange={(categories) => set({ categories })}
        />
        <TagsInput label={t('fields.tags')} value={value.tags} onChange={(tags) => set({ tags })} />
        <TextInput
          label={t('fields.byline')}
          value={value.byline}
          onChange={(e) => set({ byline: e.currentTarget.value })}
        />
      </SimpleGrid>
    </fieldset>
  );
}
