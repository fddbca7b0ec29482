import type { paths } from './generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** A story as the API returns it (GET /articles/:id). */
export type Story = Json<paths['/api/v1/articles/{id}']['get']['responses'][200]>;
export type Version = Story['versions'][number];
export type Language = Version['language'];
export type VersionStatus = Version['status'];
/** One page of the story list. */
export type StoryPage = Json<paths['/api/v1/articles']['get']['responses'][200]>;
export type StorySummary = StoryPage['items'][number];
export type StoryInput = NonNullable<paths['/api/v1/articles']['post']['requestBody']>['content']['application/json'];
export type StoryPatch = NonNullable<
  paths['/api/v1/articles/{id}']['patch']['requestBody']
>['content']['application/json'];
export type VersionInput = NonNullable<
  paths['/api/v1/articles/{id}/versions/{lang}']['put']['requestBody']
>['content']['application/json'];
export type Role = Json<paths['/api/v1/auth/me']['get']['responses'][200]>['role'];
/** Every save of a story, newest first, and one revision's whole content. */
export type RevisionItem = Json<paths['/api/v1/articles/{id}/revisions']['get']['responses'][200]>[number];
export type RevisionContent = Json<paths['/api/v1/articles/{id}/revisions/{revision}']['get']['responses'][200]>;
