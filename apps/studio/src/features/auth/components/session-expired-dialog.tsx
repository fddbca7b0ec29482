import { Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionExpired } from '../../../api/client';
import { useSession } from '../hooks/use-session';
import { LoginForm } from './login-form';

/**
 * When the session runs out mid-work, the API answers 401: this dialog opens over the page (whatever is being
 * edited stays as it is), and once the person has logged in again the waiting requests are sent again.
 */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const { data } = useSession();
  const [open, setOpen] = useState(false);
  const waiting = useRef<(() => void)[]>([]);

  useEffect(() => {
    onSessionExpired(
      () =>
        new Promise<void>((resolve) => {
          waiting.current.push(resolve);
          setOpen(true);
        }),
    );
    return () => onSessionExpired(null);
  }, []);

  const done = () => {
    setOpen(false);
    for (const resume of waiting.current.splice(0)) resume();
  };

  return (
    <Modal
      opened={open}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('session.expiredTitle')}
    >
      <Text size="sm" mb="md">
        {t('session.expiredText')}
      </Text>
      <LoginForm onDone={done} email={data?.user.email} />
    </Modal>
  );
}
