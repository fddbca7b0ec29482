import { Anchor, Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel, Post, PostStatus } from '../types';
import { DataTable } from '../../shell/components/data-table';
import { ErrorDetails } from './error-details';

const STATUS_COLORS: Record<PostStatus, string> = {
  queued: 'blue',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  unconfirmed: 'yellow',
  deleted: 'gray',
  cancelled: 'gray',
};

/** Light badges' own text is too pale to read (WCAG AA): the darkest shade, and dark text on yellow. */
export const badgeText = (color: string) => (color === 'yellow' ? 'dark.7' : `${color}.9`);

/** Which sentence says what went wrong: the service's own classification (older posts have none). */
function errorInWords(post: Post): string {
  if (post.errorKind) return post.errorKind;
  return post.status === 'unconfirmed' ? 'unconfirmed' : 'unknown';
}

/** A failure is shown while something can be done about it, and when a take-down left a post to check. */
const showsError = (p: Post) =>
  p.lastError !== null && (p.status === 'failed' || p.status === 'unconfirmed' || p.errorKind === 'taken_down');

/** The ledger: one row per story, language and channel, with what can be done about a failed or unconfirmed post. */
export function PostTable({
  posts,
  channels,
  onRetry,
  onResolve,
}: {
  posts: Post[];
  channels: Map<string, Channel>;
  onRetry: (post: Post) => void;
  onResolve: (post: Post) => void;
}) {
  const { t } = useTranslation();
  const channelName = (p: Post) => channels.get(p.channelId)?.name ?? t(`social.types.${p.channelType}`);
  return (
    <DataTable
      minWidth={720}
      striped
      data-testid="posts"
      columns={[
        t('social.story'),
        t('social.language'),
        t('social.channel'),
        t('social.postStatus'),
        t('social.attempts'),
        t('social.lastError'),
        t('social.live'),
        t('social.actions'),
      ]}
    >
      {posts.map((p) => (
        <Table.Tr key={p.id} data-post={p.id} data-status={p.status}>
          <Table.Td style={{ maxWidth: '18rem' }}>
            <Anchor component={Link} to={`/stories/${p.storyId}`} data-testid="post-story" title={p.title ?? undefined}>
              {p.title ? (
                <Text span inherit lang={p.language} lineClamp={2}>
                  {p.title}
                </Text>
              ) : (
                <Code fz="xs">{p.storyId}</Code>
              )}
            </Anchor>
          </Table.Td>
          {/* Short words that must not break ("ภาษา|ไทย"); channel names get room before the title does. */}
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`languages.${p.language}`)}</Table.Td>
          <Table.Td style={{ minWidth: '9rem' }}>{channelName(p)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Badge
              color={STATUS_COLORS[p.status]}
              c={badgeText(STATUS_COLORS[p.status])}
              variant="light"
              style={{ overflow: 'visible' }}
            >
              {t(`social.postStatuses.${p.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td>{p.attempts}</Table.Td>
          <Table.Td>
            {showsError(p) ? (
              <Stack gap={2}>
                <Text size="sm" data-testid="error-words">
                  {t(`social.errorWords.${errorInWords(p)}`)}
                </Text>
                <ErrorDetails detail={p.lastError!} />
              </Stack>
            ) : (
              <Text c="dimmed">—</Text>
            )}
          </Table.Td>
          <Table.Td>
            {p.externalUrl ? (
              <Anchor href={p.externalUrl} target="_blank" rel="noreferrer">
                {t('social.open')}
              </Anchor>
            ) : (
              <Text c="dimmed">—</Text>
            )}
          </Table.Td>
          <Table.Td>
            {p.status === 'failed' && (
              <Button size="xs" variant="default" onClick={() => onRetry(p)}>
                {t('social.retry')}
              </Button>
            )}
            {p.status === 'unconfirmed' && (
              <Button size="xs" variant="default" onClick={() => onResolve(p)}>
                {t('social.resolve')}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
