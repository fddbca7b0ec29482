import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { ReauthBanners } from '../components/reauth-banners';
import { TestConnection } from '../components/test-connection';
import { useChannels } from '../hooks/use-channels';
import { useLivePosts } from '../hooks/use-posts';

/** Every channel with its state, a banner for each one needing re-authorisation, and "test connection". */
export function ChannelsRoute() {
  const { t } = useTranslation();
  const channels = useChannels();
  useLivePosts();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('social.channels')}</Title>
        <Button component={Link} to="/social/channels/new">
          {t('social.newChannel')}
        </Button>
      </Group>
      {channels.error && <ApiErrorAlert error={channels.error} />}
      {channels.data && <ReauthBanners channels={channels.data} />}
      {channels.isPending ? (
        <Loading />
      ) : !channels.data?.length ? (
        <Text c="dimmed">{t('social.noChannels')}</Text>
      ) : (
        <DataTable
          minWidth={560}
          striped
          columns={[
            t('social.name'),
            t('social.type'),
            t('social.language'),
            t('social.status'),
            t('social.credentials'),
            t('social.actions'),
          ]}
        >
          {channels.data.map((c) => (
            <Table.Tr key={c.id} data-channel={c.name}>
              <Table.Td>
                <Anchor component={Link} to={`/social/channels/${c.id}`}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`social.types.${c.type}`)}</Table.Td>
              <Table.Td>{t(`languages.${c.language}`)}</Table.Td>
              <Table.Td>
                {c.needsReauth ? (
                  <Badge color="red" variant="light">
                    {t('social.needsReauth')}
                  </Badge>
                ) : (
                  <Badge color={c.enabled ? 'teal' : 'gray'} variant="light">
                    {c.enabled ? t('social.active') : t('social.paused')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.hasCredentials ? t('social.credentialsSet') : t('social.credentialsNotSet')}</Table.Td>
              <Table.Td>
                <Group gap="xs" align="flex-start">
                  <TestConnection channel={c} />
                  <Button size="xs" variant="default" component={Link} to={`/social/posts?channelId=${c.id}`}>
                    {t('social.postsOf')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
