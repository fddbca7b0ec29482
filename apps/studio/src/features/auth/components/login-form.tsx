import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useLogIn } from '../hooks/use-session';

/** E-mail and password; on success the session cookie is set and `onDone` runs. */
export function LoginForm({ onDone, email: initialEmail = '' }: { onDone: () => void; email?: string }) {
  const { t } = useTranslation();
  const logIn = useLogIn();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    logIn.mutate({ email, password }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {logIn.error && <ApiErrorAlert error={logIn.error} context="login" />}
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={logIn.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
