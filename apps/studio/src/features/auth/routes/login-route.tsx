import { Center, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../shell/components/language-switch';
import { LoginForm } from '../components/login-form';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only a path inside the studio: never an address elsewhere. Without one, the home page picks the person's room.
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          <LoginForm onDone={() => void navigate(target, { replace: true })} />
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
