import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { useSession } from '../hooks/use-session';

/** Renders its children for a logged-in person; sends anyone else to the log-in page, back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Loading fullPage />;
  if (error) return <ApiErrorAlert error={error} />;
  if (!data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}
