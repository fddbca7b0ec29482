import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The caption search box: asks the API a moment after the person stops typing. */
export function CaptionSearch({ onSearch }: { onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const search = useDebouncedCallback((q: string) => onSearch(q.trim()), 300);
  return (
    <TextInput
      type="search"
      label={t('media.search')}
      placeholder={t('media.searchPlaceholder')}
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
    />
  );
}
