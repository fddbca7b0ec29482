import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Language } from '../../../api/types';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { SharedFields } from '../components/shared-fields';
import { VersionEditor } from '../components/version-editor';
import { emptyFields, emptyVersion, storyInput, STORY_LANGUAGES, type Draft } from '../editor/draft';
import { useCreateStory } from '../hooks/use-story';

/** A new story: its shared fields and the version in the language it is written in; the editor takes over after. */
export function NewStoryRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateStory();
  const [source, setSource] = useState<Language>(i18n.language === 'en' ? 'en' : 'th');
  const [draft, setDraft] = useState<Draft>({ fields: emptyFields(), versions: { [source]: emptyVersion() } });
  const version = draft.versions[source] ?? emptyVersion();

  const submit = () =>
    create.mutate(storyInput(source, { ...draft, versions: { [source]: version } }), {
      onSuccess: (story) => void navigate(`/stories/${story.id}`, { replace: true }),
    });

  return (
    <Stack>
      <Title order={1}>{t('stories.new')}</Title>
      <Group>
        <Text size="sm" fw={500} id="source-language">
          {t('editor.sourceLanguage')}
        </Text>
        <SegmentedControl
          aria-labelledby="source-language"
          value={source}
          onChange={(v) => setSource(v === 'en' ? 'en' : 'th')}
          data={STORY_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
      </Group>
      <SharedFields value={draft.fields} onChange={(fields) => setDraft((d) => ({ ...d, fields }))} />
      <VersionEditor
        language={source}
        value={version}
        onChange={(v) => setDraft((d) => ({ ...d, versions: { ...d.versions, [source]: v } }))}
      />
      {create.error && <ApiErrorAlert error={create.error} context="save" />}
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} disabled={version.title.trim() === ''}>
          {t('editor.create')}
        </Button>
      </Group>
    </Stack>
  );
}
