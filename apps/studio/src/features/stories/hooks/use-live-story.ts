import { useQueryClient } from '@tanstack/react-query';
import { STORY_CHANGED, useLiveEvents } from '../../../api/live';
import type { Language, Story } from '../../../api/types';
import { fetchStory, storyKey } from './use-story';

/**
 * Follows the live stream for one story: when someone else (a translator approving, another editor) gives it a
 * newer revision, `onNewer` gets it with the language of the version that changed, without a reload or polling.
 */
export function useLiveStory(base: Story, onNewer: (story: Story, language: Language | undefined) => void): void {
  const qc = useQueryClient();
  useLiveEvents(STORY_CHANGED, (e) => {
    if (e.data.storyId !== base.id) return;
    const language = e.data.language === 'th' || e.data.language === 'en' ? e.data.language : undefined;
    void fetchStory(base.id).then((story) => {
      qc.setQueryData(storyKey(base.id), story);
      if (story.revision > base.revision) onNewer(story, language);
    });
  });
}
