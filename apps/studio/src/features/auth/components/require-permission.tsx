import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../hooks/use-session';
import { can, type Permission } from '../permissions';

/**
 * A room's pages for the roles it is meant for; anyone else who types its address is told so (the API would refuse
 * them with 403 anyway).
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (can(user.role, permission)) return children;
  return (
    <Stack data-testid="forbidden">
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text>{t('forbidden.text')}</Text>
    </Stack>
  );
}
