import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { ChannelForm, toInput, toPatch } from '../components/channel-form';
import { ReauthBanners } from '../components/reauth-banners';
import { TestConnection } from '../components/test-connection';
import { useChannels, useCreateChannel, useDeleteChannel, useUpdateChannel } from '../hooks/use-channels';
import type { Channel } from '../types';

export function NewChannelRoute() {
  const { t } = useTranslation();
  const create = useCreateChannel();
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={1}>{t('social.newChannel')}</Title>
      <ChannelForm
        pending={create.isPending}
        error={create.error}
        onSubmit={(v) => create.mutate(toInput(v), { onSuccess: (c) => void navigate(`/social/channels/${c.id}`) })}
      />
    </Stack>
  );
}

function EditChannel({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const update = useUpdateChannel(channel.id);
  const remove = useDeleteChannel();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('social.editChannel', { name: channel.name })}</Title>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          {t('social.delete')}
        </Button>
      </Group>
      <ReauthBanners channels={[channel]} />
      <TestConnection channel={channel} />
      <ChannelForm
        // A fresh form after each save, so "replace" closes and the credentials typed are gone from the page.
        key={channel.updatedAt}
        channel={channel}
        pending={update.isPending}
        error={update.error}
        onSubmit={(v, replacing) =>
          update.mutate(toPatch(v, replacing), {
            onSuccess: () =>
              notifications.show({ message: t('social.saved'), closeButtonProps: { 'aria-label': t('common.close') } }),
          })
        }
      />
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('social.deleteTitle', { name: channel.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          {remove.error && <ApiErrorAlert error={remove.error} />}
          <Text size="sm">{t('social.deleteText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(channel.id, { onSuccess: () => void navigate('/social/channels') })}
            >
              {t('social.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** One channel: its settings, "replace" for its credentials, "test connection". */
export function ChannelRoute() {
  const { id = '' } = useParams();
  const channels = useChannels();
  if (channels.isPending) return <Loading />;
  if (channels.error) return <ApiErrorAlert error={channels.error} />;
  const channel = channels.data.find((c) => c.id === id);
  if (!channel) return <ApiErrorAlert error={new ApiError(404, 'not_found', `no channel ${id}`)} />;
  return <EditChannel channel={channel} />;
}
