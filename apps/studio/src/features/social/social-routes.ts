import type { RouteObject } from 'react-router';
import { guarded } from '../auth/components/guarded-route';

/** The social desk: the post ledger (editors and admins) and the channels (admins). */
export const SOCIAL_ROUTES: RouteObject[] = [
  guarded('social/posts', 'social.posts', () =>
    import('./routes/posts-route').then((m) => ({ default: m.PostsRoute })),
  ),
  guarded('social/channels', 'social.channels', () =>
    import('./routes/channels-route').then((m) => ({ default: m.ChannelsRoute })),
  ),
  guarded('social/channels/new', 'social.channels', () =>
    import('./routes/channel-route').then((m) => ({ default: m.NewChannelRoute })),
  ),
  guarded('social/channels/:id', 'social.channels', () =>
    import('./routes/channel-route').then((m) => ({ default: m.ChannelRoute })),
  ),
];
