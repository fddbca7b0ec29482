import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../../api/types';
import { draftFromStory, STORY_LANGUAGES, type Draft } from '../editor/draft';
import { diffWords, htmlText } from '../editor/text-diff';

interface Row {
  label: string;
  theirs: string;
  mine: string;
}

function rows(t: (k: string) => string, theirs: Draft, mine: Draft): Row[] {
  const out: Row[] = [];
  const add = (label: string, a: string, b: string) => {
    if (a !== b) out.push({ label, theirs: a, mine: b });
  };
  const f = (d: Draft) => d.fields;
  add(t('fields.place'), f(theirs).place, f(mine).place);
  add(t('fields.province'), f(theirs).province ?? '', f(mine).province ?? '');
  add(t('fields.eventDate'), f(theirs).eventDays.join(' – '), f(mine).eventDays.join(' – '));
  add(t('fields.categories'), f(theirs).categories.join(', '), f(mine).categories.join(', '));
  add(t('fields.tags'), f(theirs).tags.join(', '), f(mine).tags.join(', '));
  add(t('fields.byline'), f(theirs).byline, f(mine).byline);
  for (const lang of STORY_LANGUAGES) {
    const a = theirs.versions[lang];
    const b = mine.versions[lang];
    if (!a && !b) continue;
    const prefix = `${t(`languages.${lang}`)} · `;
    add(prefix + t('version.title'), a?.title ?? '', b?.title ?? '');
    add(prefix + t('version.summary'), a?.summary ?? '', b?.summary ?? '');
    add(prefix + t('version.body'), htmlText(a?.body ?? ''), htmlText(b?.body ?? ''));
  }
  return out;
}

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
  const changed = latest ? rows(t, draftFromStory(latest), mine) : [];
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
        {changed.length === 0 && <Text c="dimmed">{t('conflict.noDifference')}</Text>}
        {changed.map((row) => (
          <Paper key={row.label} withBorder p="sm" data-testid="conflict-row">
            <Title order={3} size="h5" mb={4}>
              {row.label}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              {diffWords(row.theirs, row.mine).map((part, i) =>
                part.added ? (
                  <ins key={i} title={t('conflict.mine')}>
                    {part.text}
                  </ins>
                ) : part.removed ? (
                  <del key={i} title={t('conflict.theirs')}>
                    {part.text}
                  </del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </Text>
          </Paper>
        ))}
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
