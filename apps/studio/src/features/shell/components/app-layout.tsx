import {
  AppShell,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { SessionExpiredDialog } from '../../auth/components/session-expired-dialog';
import { useCurrentUser, useLogOut } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { NAV_ITEMS } from '../nav';
import { LanguageSwitch } from './language-switch';

/**
 * The frame of every page after log-in: who is working, in which role, the rooms they may enter. On a phone the
 * menu folds behind a burger button, and who is working and "log out" move into it (the header has no room).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [menuOpen, menu] = useDisclosure(false);
  // Rendered in one place only (the header, or the phone's menu): tests and screen readers find it once.
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }}
      padding={{ base: 'xs', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.menu')}
              aria-controls="studio-menu"
              aria-expanded={menuOpen}
            />
            <Title order={2} size="h4" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {wide && <WhoAmI />}
            <LanguageSwitch />
            {wide && <LogOutButton />}
          </Group>
        </Group>
      </AppShell.Header>
      {/* Folded away on a phone, the menu is only moved off the screen: hidden too, out of the keyboard's way. */}
      <AppShell.Navbar
        p="xs"
        aria-label={t('shell.menu')}
        component="nav"
        id="studio-menu"
        style={!wide && !menuOpen ? { visibility: 'hidden' } : undefined}
      >
        <Menu onPick={menu.close} />
        {!wide && (
          <Stack gap="xs" mt="md">
            <Divider />
            <Group justify="space-between" wrap="nowrap">
              <WhoAmI />
              <LogOutButton />
            </Group>
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
      <SessionExpiredDialog />
    </AppShell>
  );
}

function Menu({ onPick }: { onPick: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return NAV_ITEMS.filter((item) => can(user.role, item.permission)).map((item) => (
    <NavLink
      key={item.to}
      component={RouterLink}
      to={item.to}
      label={t(item.labelKey)}
      variant="filled"
      onClick={onPick}
    />
  ));
}

function WhoAmI() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack gap={0} align="flex-end" data-testid="whoami" miw={0}>
      <Text size="sm" fw={700} truncate="end" maw={180}>
        {user.name || user.email}
      </Text>
      <Badge size="sm" variant="light" data-testid="role">
        {t(`roles.${user.role}`)}
      </Badge>
    </Stack>
  );
}

function LogOutButton() {
  const { t } = useTranslation();
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <Button
      variant="default"
      size="xs"
      loading={logOut.isPending}
      onClick={() => logOut.mutate(undefined, { onSettled: () => void navigate('/login') })}
    >
      {t('shell.logOut')}
    </Button>
  );
}
