import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../../api/client';
import type { Language, Story, StoryInput, StoryPatch, VersionInput } from '../../../api/types';

export const storyKey = (id: string) => ['story', id] as const;

export function useStory(id: string) {
  return useQuery({
    queryKey: storyKey(id),
    queryFn: ({ signal }) => fetchStory(id, signal),
  });
}

export function fetchStory(id: string, signal?: AbortSignal): Promise<Story> {
  return unwrap(api.GET('/api/v1/articles/{id}', { params: { path: { id } }, signal }));
}

export function useCreateStory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StoryInput) => unwrap(api.POST('/api/v1/articles', { body: input })),
    onSuccess: (story) => {
      qc.setQueryData(storyKey(story.id), story);
      void qc.invalidateQueries({ queryKey: ['stories'] });
    },
  });
}

/** What one save sends: the shared fields if they changed, and each changed language version. */
export interface StoryChanges {
  fields?: StoryPatch;
  versions: { language: Language; input: VersionInput }[];
}

/**
 * Saves the changes on top of `base`, each request carrying the revision it builds on (If-Match): if someone else
 * saved in between, the first request answers 412 and nothing of this save is written over their work.
 */
export async function saveChanges(base: Story, changes: StoryChanges): Promise<Story> {
  let story = base;
  const path = { id: base.id };
  if (changes.fields) {
    story = await unwrap(
      api.PATCH('/api/v1/articles/{id}', {
        params: { path, header: ifMatch(story.revision) },
        body: changes.fields,
      }),
    );
  }
  for (const { language, input } of changes.versions) {
    story = await unwrap(
      api.PUT('/api/v1/articles/{id}/versions/{lang}', {
        params: { path: { ...path, lang: language }, header: ifMatch(story.revision) },
        body: input,
      }),
    );
  }
  return story;
}

export function useSaveStory(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ base, changes }: { base: Story; changes: StoryChanges }) => saveChanges(base, changes),
    onSuccess: (story) => {
      qc.setQueryData(storyKey(id), story);
      void qc.invalidateQueries({ queryKey: ['stories'] });
    },
  });
}

export type WorkflowAction = 'submit' | 'return' | 'publish' | 'schedule' | 'unpublish';

function transition(story: Story, language: Language, action: WorkflowAction, at?: string): Promise<Story> {
  const params = { path: { id: story.id, lang: language }, header: ifMatch(story.revision) };
  switch (action) {
    case 'submit':
      return unwrap(api.POST('/api/v1/articles/{id}/versions/{lang}/submit', { params }));
    case 'return':
      return unwrap(api.POST('/api/v1/articles/{id}/versions/{lang}/return', { params }));
    case 'publish':
      return unwrap(api.POST('/api/v1/articles/{id}/versions/{lang}/publish', { params, body: {} }));
    case 'schedule':
      return unwrap(api.POST('/api/v1/articles/{id}/versions/{lang}/publish', { params, body: { at } }));
    case 'unpublish':
      return unwrap(api.POST('/api/v1/articles/{id}/versions/{lang}/unpublish', { params }));
  }
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { story: Story; language: Language; action: WorkflowAction; at?: string }) =>
      transition(v.story, v.language, v.action, v.at),
    onSuccess: (story) => {
      qc.setQueryData(storyKey(id), story);
      void qc.invalidateQueries({ queryKey: ['stories'] });
    },
  });
}
