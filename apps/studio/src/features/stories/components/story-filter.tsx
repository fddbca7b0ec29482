import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { StoryPage } from '../../../api/types';
import { fetchStory, storyKey } from '../hooks/use-story';
import { titleOf } from './story-table';

/** A story id as pasted: on its own or inside the studio's address of the story. */
const ID_IN = /(?:^|\/)([0-9a-f]{24})(?:$|[/?#])/;
const SEARCH_DEBOUNCE_MS = 250;
const OPTIONS = 8;

/**
 * "Which story": people type a few words of its title (the admin search finds it, in Thai or English) or paste its
 * id or address; the list and the URL keep the id. A filtered page opened from a link shows the story's title.
 */
export function StoryFilter({
  value,
  onChange,
  w = 300,
}: {
  value: string | undefined;
  onChange: (storyId: string | undefined) => void;
  w?: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [typed] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const pasted = ID_IN.test(search.trim());
  const chosen = useQuery({
    queryKey: storyKey(value ?? ''),
    queryFn: ({ signal }) => fetchStory(value!, signal),
    enabled: value !== undefined,
    retry: false,
  });
  const found = useQuery({
    queryKey: ['story-filter', typed],
    queryFn: ({ signal }) =>
      unwrap<StoryPage>(api.GET('/api/v1/articles', { params: { query: { q: typed, limit: OPTIONS } }, signal })),
    enabled: typed.length >= 2 && !pasted,
  });

  const options = new Map<string, string>();
  if (value) options.set(value, chosen.data ? titleOf(chosen.data, lang).text : value);
  if (!pasted)
    for (const s of found.data?.items ?? []) if (!options.has(s.id)) options.set(s.id, titleOf(s, lang).text);

  return (
    <Select
      label={t('storyFilter.label')}
      description={t('storyFilter.hint')}
      w={w}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      // The server searched already (segmented, forgiving): show what it found as it is.
      filter={({ options: all }) => all}
      // Controlled, so a pasted id closes the list it chose from instead of leaving it over the page.
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        // A pasted id or address is the story itself: no need to pick it from a list.
        const id = ID_IN.exec(text.trim())?.[1];
        if (id && id !== value) {
          onChange(id);
          setOpened(false);
        }
      }}
      nothingFoundMessage={typed.length >= 2 && found.isSuccess ? t('storyFilter.none') : undefined}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
    />
  );
}
