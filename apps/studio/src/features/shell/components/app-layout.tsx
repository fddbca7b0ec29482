import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { SessionExpiredDialog } from '../../auth/components/session-expired-dialog';
import { useCurrentUser, useLogOut } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { NAV_ITEMS } from '../nav';
import { LanguageSwitch } from './language-switch';

/** The frame of every page after log-in: who is working, in which role, the rooms they may enter. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {t('app.name')}
          </Title>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" data-testid="whoami">
              <Text size="sm" fw={700}>
                {user.name || user.email}
              </Text>
              <Badge size="sm" variant="light" data-testid="role">
                {t(`roles.${user.role}`)}
              </Badge>
            </Stack>
            <LanguageSwitch />
            <Button
              variant="default"
              size="xs"
              loading={logOut.isPending}
              onClick={() => logOut.mutate(undefined, { onSettled: () => void navigate('/login') })}
            >
              {t('shell.logOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.menu')} component="nav">
        {NAV_ITEMS.filter((item) => can(user.role, item.permission)).map((item) => (
          <NavLink key={item.to} component={RouterLink} to={item.to} label={t(item.labelKey)} variant="filled" />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
      <SessionExpiredDialog />
    </AppShell>
  );
}
