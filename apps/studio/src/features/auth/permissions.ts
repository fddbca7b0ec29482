import type { SessionUser } from '../../api/client';

type Role = SessionUser['role'];

/**
 * What the studio offers each role: the articles service's policy, mirrored so the UI shows only what the person
 * may do. The API still decides: a forced request gets 403 whatever the UI shows.
 */
const ALLOWED = {
  'story.list': ['admin', 'editor', 'author'],
  'story.create': ['admin', 'editor', 'author'],
  'story.edit': ['admin', 'editor', 'author'],
  'version.submit': ['admin', 'editor', 'author'],
  'version.return': ['admin', 'editor'],
  'version.publish': ['admin', 'editor'],
  'version.unpublish': ['admin', 'editor'],
  'story.delete': ['admin', 'editor'],
  // The media room and the social parts of the editor (the gateway's media and social routes).
  'media.list': ['admin', 'editor', 'author', 'translator'],
  'media.upload': ['admin', 'editor', 'author'],
  'media.crop': ['admin', 'editor', 'author'],
  'social.posts': ['admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ALLOWED;

export function can(role: Role, permission: Permission): boolean {
  return (ALLOWED[permission] as readonly Role[]).includes(role);
}
