import { Navigate } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { NAV_ITEMS } from '../nav';

/** The studio's front door: the first room the person's role may enter (stories, or the translation desk). */
export function HomeRoute() {
  const user = useCurrentUser();
  const room = NAV_ITEMS.find((item) => can(user.role, item.permission));
  return <Navigate to={room?.to ?? '/stories'} replace />;
}
