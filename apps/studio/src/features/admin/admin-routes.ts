import type { RouteObject } from 'react-router';
import { guarded } from '../auth/components/guarded-route';

/** The admins' room. */
export const ADMIN_ROUTES: RouteObject[] = [
  guarded('admin/users', 'admin.room', () => import('./routes/users-route').then((m) => ({ default: m.UsersRoute }))),
  guarded('admin/dead-letters', 'admin.room', () =>
    import('./routes/dead-letters-route').then((m) => ({ default: m.DeadLettersRoute })),
  ),
  guarded('admin/health', 'admin.room', () =>
    import('./routes/health-route').then((m) => ({ default: m.HealthRoute })),
  ),
  guarded('admin/audit', 'admin.room', () => import('./routes/audit-route').then((m) => ({ default: m.AuditRoute }))),
];
