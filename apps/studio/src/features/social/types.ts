import type { paths } from '../../api/generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Channel = Json<paths['/api/v1/social/channels/{id}']['get']['responses'][200]>;
export type ChannelType = Channel['type'];
export type ChannelInput = NonNullable<
  paths['/api/v1/social/channels']['post']['requestBody']
>['content']['application/json'];
export type ChannelPatch = NonNullable<
  paths['/api/v1/social/channels/{id}']['patch']['requestBody']
>['content']['application/json'];
export type ChannelTest = Json<paths['/api/v1/social/channels/{id}/test']['post']['responses'][200]>;
export type PostPage = Json<paths['/api/v1/social/posts']['get']['responses'][200]>;
export type Post = PostPage['items'][number];
export type PostStatus = Post['status'];
export type PostQuery = NonNullable<paths['/api/v1/social/posts']['get']['parameters']['query']>;
export type PreviewInput = NonNullable<
  paths['/api/v1/social/preview']['post']['requestBody']
>['content']['application/json'];
export type Preview = Json<paths['/api/v1/social/preview']['post']['responses'][200]>;
export type PreviewItem = Preview['items'][number];
