import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import type { RevisionItem, Story } from '../../../api/types';
import { formatDateTime } from '../../../lib/dates';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { draftFromRevision } from '../editor/draft';
import { useRestoreRevision, useRevision, useRevisions } from '../hooks/use-revisions';
import { DraftDiff } from './draft-diff';

/** "put-version:th" → the action's words with its language; "restore:3" → with the revision it brought back. */
function describe(t: TFunction, action: string): string {
  const [kind = action, arg = ''] = action.split(':');
  const key = `revisions.actions.${kind}`;
  const language = arg && !/^\d+$/.test(arg) ? t(`languages.${arg}`) : '';
  const text = t(key, { language, revision: arg });
  return text === key ? action : text;
}

/**
 * The story's history: every save with who, when and what; a word-level diff between any two revisions (each
 * field, the body as text); and restore, which saves the old content as a new revision on top of the one this
 * form builds on (If-Match), so a save someone made meanwhile is met with the conflict dialog, never overwritten.
 */
export function RevisionsDialog({
  story,
  opened,
  unsaved,
  onClose,
  onRestored,
  onStale,
}: {
  story: Story;
  opened: boolean;
  unsaved: boolean;
  onClose: () => void;
  onRestored: (story: Story) => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const user = useCurrentUser();
  const list = useRevisions(story.id, opened);
  const restore = useRestoreRevision(story.id);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const items = list.data ?? [];
  // Until the person picks: the latest save against the one before it.
  const toRev = to ?? items[0]?.revision ?? null;
  const fromRev = from ?? items[1]?.revision ?? toRev;
  const before = useRevision(story.id, opened ? fromRev : null);
  const after = useRevision(story.id, opened ? toRev : null);

  const label = (r: RevisionItem) =>
    t('revisions.option', { revision: r.revision, when: formatDateTime(r.at, lang), what: describe(t, r.action) });
  const options = items.map((r) => ({ value: String(r.revision), label: label(r) }));
  const mayRestore = can(user.role, 'story.restore');

  const confirmRestore = () => {
    if (confirming === null) return;
    restore.mutate(
      { base: story, revision: confirming },
      {
        onSuccess: (next) => {
          setConfirming(null);
          setTo(next.revision);
          onRestored(next);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.kind === 'stale') {
            setConfirming(null);
            onStale();
          }
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('revisions.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {list.error && <ApiErrorAlert error={list.error} />}
        {list.isPending && <Loading />}
        {confirming !== null && (
          <Paper withBorder p="sm" role="group" aria-label={t('revisions.restoreTitle', { revision: confirming })}>
            <Stack gap="xs">
              <Text fw={600}>{t('revisions.restoreTitle', { revision: confirming })}</Text>
              <Text>{t('revisions.restoreText', { revision: confirming, next: story.revision + 1 })}</Text>
              {restore.error && !(restore.error instanceof ApiError && restore.error.kind === 'stale') && (
                <ApiErrorAlert error={restore.error} />
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={confirmRestore} loading={restore.isPending} data-confirm="restore">
                  {t('revisions.restoreConfirm')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {unsaved && mayRestore && <Alert color="yellow">{t('revisions.saveFirst')}</Alert>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={560} maxHeight={320}>
            <Table striped stickyHeader>
              <Table.Caption>{t('revisions.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('revisions.revision')}</Table.Th>
                  <Table.Th scope="col">{t('revisions.when')}</Table.Th>
                  <Table.Th scope="col">{t('revisions.who')}</Table.Th>
                  <Table.Th scope="col">{t('revisions.what')}</Table.Th>
                  {mayRestore && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('revisions.restore')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.revision} data-testid="revision-row" data-revision={r.revision}>
                    <Table.Td>{r.revision}</Table.Td>
                    <Table.Td>{formatDateTime(r.at, lang)}</Table.Td>
                    <Table.Td>{r.byName ?? r.by}</Table.Td>
                    <Table.Td>{describe(t, r.action)}</Table.Td>
                    {mayRestore && (
                      <Table.Td>
                        {r.revision !== story.revision && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            disabled={unsaved}
                            onClick={() => {
                              restore.reset();
                              setConfirming(r.revision);
                            }}
                          >
                            {t('revisions.restoreTitle', { revision: r.revision })}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {items.length > 0 && (
          <>
            <Title order={3} size="h4">
              {t('revisions.compare')}
            </Title>
            <Group grow>
              <Select
                label={t('revisions.from')}
                data={options}
                value={fromRev === null ? null : String(fromRev)}
                onChange={(v) => setFrom(v === null ? null : Number(v))}
                allowDeselect={false}
              />
              <Select
                label={t('revisions.to')}
                data={options}
                value={toRev === null ? null : String(toRev)}
                onChange={(v) => setTo(v === null ? null : Number(v))}
                allowDeselect={false}
              />
            </Group>
            {(before.error ?? after.error) && <ApiErrorAlert error={before.error ?? after.error} />}
            <Stack gap="xs" data-testid="revision-diff" aria-live="polite">
              {before.data && after.data ? (
                <DraftDiff
                  before={draftFromRevision(before.data)}
                  after={draftFromRevision(after.data)}
                  removedTitle={t('revisions.removed', { revision: before.data.revision })}
                  addedTitle={t('revisions.added', { revision: after.data.revision })}
                  empty={t('revisions.same')}
                />
              ) : (
                toRev !== null && <Loading />
              )}
            </Stack>
            <Text size="sm" c="dimmed">
              {t('revisions.legend')}
            </Text>
          </>
        )}
      </Stack>
    </Modal>
  );
}
