import type { Permission } from '../auth/permissions';

/** The studio's rooms, in menu order; each shows for the roles its permission allows. Later rooms add a line. */
export const NAV_ITEMS: readonly { to: string; labelKey: string; permission: Permission }[] = [
  { to: '/stories', labelKey: 'nav.stories', permission: 'story.list' },
  { to: '/media', labelKey: 'nav.media', permission: 'media.list' },
];
