import { Button, Checkbox, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { PostTable } from '../components/post-table';
import { ReauthBanners } from '../components/reauth-banners';
import { useChannels } from '../hooks/use-channels';
import { useLivePosts, usePosts, useRetryPost, type PostFilters } from '../hooks/use-posts';
import type { Post, PostStatus } from '../types';
import { LoadMore } from '../../shell/components/load-more';
import { StoryFilter } from '../../stories/components/story-filter';

const STATUSES: PostStatus[] = ['queued', 'sending', 'sent', 'failed', 'unconfirmed', 'deleted', 'cancelled'];

/** The post ledger per story and per channel: status, tries, the last error in words, the live post; retry, resolve. */
export function PostsRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = useMemo<PostFilters>(() => {
    const f: PostFilters = {};
    const storyId = params.get('storyId');
    const channelId = params.get('channelId');
    const status = STATUSES.find((s) => s === params.get('status'));
    if (storyId) f.storyId = storyId;
    if (channelId) f.channelId = channelId;
    if (status) f.status = status;
    return f;
  }, [params]);
  const set = (patch: Partial<PostFilters>) => {
    const merged: Record<string, string | undefined> = { ...filters, ...patch };
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) next.set(k, v);
    setParams(next, { replace: true });
  };
  const admin = can(user.role, 'social.channels');
  const channels = useChannels(admin);
  const posts = usePosts(filters);
  const retry = useRetryPost();
  useLivePosts();
  const [resolving, setResolving] = useState<Post | null>(null);
  const [checked, setChecked] = useState(false);
  const byId = new Map((channels.data ?? []).map((c) => [c.id, c]));
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const resolvingName = resolving
    ? (byId.get(resolving.channelId)?.name ?? t(`social.types.${resolving.channelType}`))
    : '';

  const send = (post: Post, confirmNotPosted?: boolean) =>
    retry.mutate(
      { id: post.id, confirmNotPosted },
      {
        onSuccess: () => {
          setResolving(null);
          setChecked(false);
          notifications.show({ message: t('social.retried'), closeButtonProps: { 'aria-label': t('common.close') } });
        },
      },
    );

  return (
    <Stack>
      <Title order={1}>{t('social.posts')}</Title>
      {channels.data && <ReauthBanners channels={channels.data} />}
      <Group align="flex-end" component="search" aria-label={t('social.posts')}>
        <StoryFilter value={filters.storyId} onChange={(storyId) => set({ storyId })} />
        {admin && (
          <Select
            label={t('social.channel')}
            placeholder={t('social.anyChannel')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={240}
            value={filters.channelId ?? null}
            onChange={(v) => set({ channelId: v ?? undefined })}
            data={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
        <Select
          label={t('social.postStatus')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={180}
          value={filters.status ?? null}
          onChange={(v) => set({ status: STATUSES.find((s) => s === v) })}
          data={STATUSES.map((s) => ({ value: s, label: t(`social.postStatuses.${s}`) }))}
        />
      </Group>
      {posts.error && <ApiErrorAlert error={posts.error} />}
      {retry.error && !resolving && <ApiErrorAlert error={retry.error} />}
      {posts.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('social.noPosts')}</Text>
      ) : (
        <PostTable
          posts={items}
          channels={byId}
          onRetry={(p) => send(p)}
          onResolve={(p) => {
            retry.reset();
            setChecked(false);
            setResolving(p);
          }}
        />
      )}
      <LoadMore pages={posts} label={t('social.more')} />
      <Modal
        opened={!!resolving}
        onClose={() => setResolving(null)}
        title={t('social.resolveTitle', { channel: resolvingName })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          {retry.error && <ApiErrorAlert error={retry.error} />}
          <Text size="sm">{t('social.resolveText', { channel: resolvingName })}</Text>
          <Checkbox
            label={t('social.resolveCheck', { channel: resolvingName })}
            checked={checked}
            onChange={(e) => setChecked(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResolving(null)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!checked} loading={retry.isPending} onClick={() => resolving && send(resolving, true)}>
              {t('social.resendNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
