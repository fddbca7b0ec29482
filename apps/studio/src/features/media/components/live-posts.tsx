import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useLivePosts, useStoryPosts } from '../hooks/use-posts';
import type { SocialPost } from '../types';

const COLOR: Record<SocialPost['status'], string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  unconfirmed: 'yellow',
  cancelled: 'gray',
  deleted: 'gray',
};

/** This story's posts on the social channels, per language and channel, kept current by the live stream. */
export function LivePosts({ storyId }: { storyId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const posts = useStoryPosts(storyId, true);
  useLivePosts(storyId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="posts-heading">
      <Title order={2} size="h4" id="posts-heading">
        {t('posts.heading')}
      </Title>
      {posts.error ? (
        <ApiErrorAlert error={posts.error} />
      ) : !posts.data || posts.data.items.length === 0 ? (
        <Text size="sm">{t('posts.none')}</Text>
      ) : (
        <DataTable minWidth={520} data-testid="posts" columns={[]}>
          {posts.data.items.map((p) => (
            <Table.Tr key={p.id} data-testid="post" data-status={p.status} data-channel={p.channelId}>
              <Table.Td>{t(`posts.types.${p.channelType}`)}</Table.Td>
              <Table.Td>{t(`languages.${p.language}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={COLOR[p.status]}>
                  {t(`posts.statuses.${p.status}`)}
                </Badge>
                {p.lastError && p.status !== 'sent' && (
                  <Text size="xs" lang="en">
                    {p.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {p.sentAt ? formatDateTime(p.sentAt, lang) : ''}
                {p.externalUrl && (
                  <>
                    {' '}
                    <Anchor href={p.externalUrl} target="_blank" rel="noopener noreferrer">
                      {t('posts.open')}
                    </Anchor>
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
