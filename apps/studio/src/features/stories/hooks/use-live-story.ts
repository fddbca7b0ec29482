import { useQueryClient } from '@tanstack/react-query';
import { STORY_CHANGED, useLiveEvents } from '../../../api/live';
import type { Story } from '../../../api/types';
import { fetchStory, storyKey } from './use-story';

/**
 * Follows the live stream for one story: when someone else (a translator approving, another editor) gives it a
 * newer revision, `onNewer` gets it, without a reload and without polling.
 */
export function useLiveStory(base: Story, onNewer: (story: Story) => void): void {
  const qc = useQueryClient();
  useLiveEvents(STORY_CHANGED, (e) => {
    if (e.data.storyId !== base.id) return;
    void fetchStory(base.id).then((story) => {
      qc.setQueryData(storyKey(base.id), story);
      if (story.revision > base.revision) onNewer(story);
    });
  });
}
