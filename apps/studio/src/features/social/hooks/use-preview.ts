import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Preview, PreviewInput } from '../types';

/** How long typing must pause before the channels' texts are counted again. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * Each enabled channel's final text for the version being edited, from the form's unsaved title and summary,
 * counted by the social service the way each platform counts; asked again once typing pauses.
 */
export function useSocialPreview(input: Required<Pick<PreviewInput, 'storyId' | 'language' | 'title' | 'summary'>>) {
  // Debounced as a string: a fresh object every render would restart the wait for ever.
  const typed = JSON.stringify(input);
  const [debounced] = useDebouncedValue(typed, PREVIEW_DEBOUNCE_MS);
  const asked = JSON.parse(debounced) as typeof input;
  const query = useQuery({
    queryKey: ['social-preview', asked],
    queryFn: ({ signal }) => unwrap<Preview>(api.POST('/api/v1/social/preview', { body: asked, signal })),
    placeholderData: keepPreviousData,
  });
  return { ...query, pending: query.isFetching || debounced !== typed };
}
