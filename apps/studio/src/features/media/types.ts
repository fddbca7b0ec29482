import type { paths } from '../../api/generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** An image as the API returns it (GET /media/:id). */
export type MediaAsset = Json<paths['/api/v1/media/{id}']['get']['responses'][200]>;
export type MediaPage = Json<paths['/api/v1/media']['get']['responses'][200]>;
export type MediaPatch = NonNullable<
  paths['/api/v1/media/{id}']['patch']['requestBody']
>['content']['application/json'];
export type PresignedUpload = Json<paths['/api/v1/media/uploads']['post']['responses'][201]>;
/** One channel's post of a story version (the social ledger). */
export type SocialPost = Json<paths['/api/v1/social/posts']['get']['responses'][200]>['items'][number];
export type Reach = Json<paths['/api/v1/social/reach']['get']['responses'][200]>;

/** The smallest JPEG rendition at least `min` pixels wide (or the widest there is), for thumbnails and previews. */
export function renditionUrl(asset: MediaAsset, min: number): string | null {
  const jpegs = asset.renditions.filter((r) => r.format === 'jpeg').sort((a, b) => a.width - b.width);
  return (jpegs.find((r) => r.width >= min) ?? jpegs.at(-1))?.url ?? null;
}
