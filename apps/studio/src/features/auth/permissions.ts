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
  // Part 2: the admins' room and the social desk (channels hold credentials: admins; posts: editors too).
  'admin.room': ['admin'],
  'social.channels': ['admin'],
  'social.posts': ['admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ALLOWED;

export function can(role: Role, permission: Permission): boolean {
  return (ALLOWED[permission] as readonly Role[]).includes(role);
}
