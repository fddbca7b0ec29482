import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvents } from '../../../api/live-events';
import type { Language, Story } from '../../../api/types';
import { fetchStory, storyKey } from './use-story';

/** The article events that mean "this story has a new revision". */
const STORY_CHANGED = [
  'article.version.saved.v1',
  'article.version.submitted.v1',
  'article.version.published.v1',
  'article.version.updated.v1',
  'article.version.unpublished.v1',
] as const;

/**
 * Follows the live stream for one story: when someone else (a translator approving, another editor) gives it a
 * newer revision, `onNewer` gets it with the language of the version that changed, without a reload or polling.
 */
export function useLiveStory(base: Story, onNewer: (story: Story, language: Language | undefined) => void): void {
  const qc = useQueryClient();
  useLiveEvents(STORY_CHANGED, (_type, data) => {
    if (data.storyId !== base.id) return;
    const language = data.language === 'th' || data.language === 'en' ? data.language : undefined;
    void fetchStory(base.id).then((story) => {
      qc.setQueryData(storyKey(base.id), story);
      if (story.revision > base.revision) onNewer(story, language);
    });
  });
}
