import type { JSX } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../permissions';
import { RequirePermission } from './require-permission';

/** A lazily loaded room page behind its permission (each room's code loads with the room). */
export function guarded(
  path: string,
  permission: Permission,
  load: () => Promise<{ default: () => JSX.Element }>,
): RouteObject {
  return {
    path,
    lazy: async () => {
      const { default: Page } = await load();
      return {
        Component: () => (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      };
    },
  };
}
