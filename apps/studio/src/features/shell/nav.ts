import type { Permission } from '../auth/permissions';

/** The studio's rooms, in menu order; each shows for the roles its permission allows. Later rooms add a line. */
export const NAV_ITEMS: readonly { to: string; labelKey: string; permission: Permission }[] = [
  { to: '/stories', labelKey: 'nav.stories', permission: 'story.list' },
  { to: '/translation', labelKey: 'nav.translation', permission: 'translation.review' },
  { to: '/glossary', labelKey: 'nav.glossary', permission: 'translation.review' },
  { to: '/media', labelKey: 'nav.media', permission: 'media.list' },
  // The social desk and the admins' room.
  { to: '/social/posts', labelKey: 'nav.posts', permission: 'social.posts' },
  { to: '/social/channels', labelKey: 'nav.channels', permission: 'social.channels' },
  { to: '/admin/users', labelKey: 'nav.users', permission: 'admin.room' },
  { to: '/admin/dead-letters', labelKey: 'nav.deadLetters', permission: 'admin.room' },
  { to: '/admin/health', labelKey: 'nav.health', permission: 'admin.room' },
  { to: '/admin/audit', labelKey: 'nav.audit', permission: 'admin.room' },
];
