import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../../api/types';
import { draftFromStory, type Draft } from '../editor/draft';
import { DraftDiff } from './draft-diff';

/**
 * Someone saved the story while this person was editing (412). Shows, field by field, what the server has against
 * what this person wrote, and lets them keep theirs (saved on top of the server's revision) or take the server's.
 */
export function ConflictDialog({
  latest,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  latest: Story | null;
  mine: Draft;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={latest !== null}
      onClose={() => undefined}
      size="xl"
      title={t('conflict.title')}
      // A choice has to be made: closing the dialog would leave the form unable to save.
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
    >
      <Stack>
        <Text>{t('conflict.text')}</Text>
        {latest && (
          <DraftDiff
            before={draftFromStory(latest)}
            after={mine}
            removedTitle={t('conflict.theirs')}
            addedTitle={t('conflict.mine')}
            empty={t('conflict.noDifference')}
            testId="conflict-row"
          />
        )}
        <Text size="sm" c="dimmed">
          {t('conflict.legend')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onTakeTheirs}>
            {t('conflict.takeTheirs')}
          </Button>
          <Button onClick={onKeepMine}>{t('conflict.keepMine')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
