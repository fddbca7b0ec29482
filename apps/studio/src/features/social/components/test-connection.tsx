import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { TESTABLE } from '../channel-types';
import { useTestChannel } from '../hooks/use-channels';
import type { Channel } from '../types';

/** "Test connection" where the platform has a harmless call, with what the platform said. */
export function TestConnection({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const test = useTestChannel();
  if (!TESTABLE.has(channel.type)) return null;
  const r = test.data;
  return (
    <Stack gap="xs" data-testid={`test-${channel.id}`}>
      <Button
        size="xs"
        variant="default"
        loading={test.isPending}
        onClick={() => test.mutate(channel.id)}
        aria-label={`${t('social.test')}: ${channel.name}`}
      >
        {t('social.test')}
      </Button>
      {test.error && <ApiErrorAlert error={test.error} />}
      {r && (
        <Alert
          color={r.ok ? 'teal' : r.supported ? 'red' : 'gray'}
          role="status"
          data-result={r.ok ? 'ok' : 'failed'}
          p="xs"
        >
          {r.ok
            ? t('social.testOk', { account: r.account })
            : r.supported
              ? t('social.testFailed', { error: r.error })
              : t('social.testUnsupported')}
        </Alert>
      )}
    </Stack>
  );
}
