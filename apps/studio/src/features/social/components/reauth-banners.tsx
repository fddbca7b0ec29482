import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel } from '../types';
import { ErrorDetails } from './error-details';

/** One banner per channel whose credentials the platform refused, naming it, with the way to fix it. */
export function ReauthBanners({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const flagged = channels.filter((c) => c.needsReauth);
  if (!flagged.length) return null;
  return (
    <Stack gap="xs">
      {flagged.map((c) => (
        <Alert key={c.id} color="red" title={t('social.reauthTitle', { name: c.name })} data-reauth={c.id}>
          <Text size="sm">{t('social.reauthText')}</Text>
          <Anchor component={Link} to={`/social/channels/${c.id}`} size="sm" c="red.9" fw={700} underline="always">
            {t('social.reauthAction', { name: c.name })}
          </Anchor>
          {c.reauthMessage && <ErrorDetails detail={c.reauthMessage} />}
        </Alert>
      ))}
    </Stack>
  );
}
