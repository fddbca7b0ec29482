import { Alert, Button, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import type { Language, Story } from '../../../api/types';
import { formatDateTime } from '../../../lib/dates';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { can } from '../../auth/permissions';
import { GalleryEditor } from '../../media/components/gallery-editor';
import { LivePosts } from '../../media/components/live-posts';
import { SocialPreviewPanel } from '../../social/components/social-preview-panel';
import { ConflictDialog } from '../components/conflict-dialog';
import { PreviewButton } from '../components/preview-button';
import { RevisionsDialog } from '../components/revisions-dialog';
import { SharedFields } from '../components/shared-fields';
import { StatusBadges } from '../components/status-badges';
import { VersionEditor } from '../components/version-editor';
import { WorkflowButtons } from '../components/workflow-buttons';
import {
  changesOf,
  draftFromStory,
  emptyVersion,
  hasChanges,
  rebase,
  STORY_LANGUAGES,
  type Draft,
} from '../editor/draft';
import { useAutosave } from '../hooks/use-autosave';
import { useLiveStory } from '../hooks/use-live-story';
import { fetchStory, useSaveStory, useStory } from '../hooks/use-story';

export function StoryEditorRoute() {
  const { id = '' } = useParams();
  const query = useStory(id);
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  // Keyed by id: another story starts from a fresh form.
  return <StoryEditor key={id} loaded={query.data} />;
}

function StoryEditor({ loaded }: { loaded: Story }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const user = useCurrentUser();
  const save = useSaveStory(loaded.id);
  // The revision this form builds on: only this person's own saves move it, never a background refetch, so a
  // change made elsewhere is always met with a 412 and shown, never silently written over.
  const [base, setBase] = useState(loaded);
  const [draft, setDraft] = useState<Draft>(() => draftFromStory(loaded));
  const [conflict, setConflict] = useState<Story | null>(null);
  const [tab, setTab] = useState<Language>(loaded.sourceLanguage);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [history, setHistory] = useState(false);

  const changes = changesOf(base, draft);
  const dirty = hasChanges(changes);
  const statusOf = (l: Language) => base.versions.find((v) => v.language === l)?.status;
  const readOnly = (l: Language) =>
    user.role === 'translator' || (user.role === 'author' && (statusOf(l) ?? 'draft') !== 'draft');
  const sharedLocked =
    user.role === 'translator' || (user.role === 'author' && base.versions.some((v) => v.status !== 'draft'));
  const valid = changes.versions.every((v) => v.input.title !== '');
  // Autosave keeps drafts safe; a change to something in review or live waits for an explicit save.
  const autosavable = changes.versions.every((v) => (statusOf(v.language) ?? 'draft') === 'draft');

  const saveNow = (on: Story = base) => {
    const c = changesOf(on, draft);
    if (!hasChanges(c) || save.isPending) return;
    const sent = draft;
    save.mutate(
      { base: on, changes: c },
      {
        onSuccess: (story) => {
          setBase(story);
          setSavedAt(story.updatedAt);
          // Untouched since it was sent: take the server's form of it (the sanitized body, trimmed text).
          setDraft((d) => (d === sent ? draftFromStory(story) : d));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.kind === 'stale') void fetchStory(base.id).then(setConflict);
        },
      },
    );
  };

  // A newer revision made elsewhere. A language version this form does not have yet (a translation just approved)
  // is taken in at once when nothing here is unsaved; any other change is only announced, so that it still meets
  // this person's next save as a 412 with the differences shown.
  const [newerRevision, setNewerRevision] = useState(0);
  useLiveStory(base, (story, language) => {
    const added = language !== undefined && !base.versions.some((v) => v.language === language);
    if (added && !dirty && !save.isPending) {
      setBase(story);
      setDraft(draftFromStory(story));
    } else {
      setNewerRevision((r) => Math.max(r, story.revision));
    }
  });

  useAutosave({
    enabled: dirty && valid && autosavable && !save.isPending && !conflict && !save.isError,
    revision: draft,
    save: () => saveNow(),
  });

  // Leaving with unsaved work asks first (the browser's own dialog).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Editors and admins see what each channel would post, counted as the platform counts, while they type.
  const socialPanel = can(user.role, 'social.posts');
  const title = draft.versions[base.sourceLanguage]?.title || t('editor.untitled');
  const saveState = save.isPending
    ? t('editor.saving')
    : dirty
      ? t('editor.unsaved')
      : savedAt
        ? t('editor.savedAt', { when: formatDateTime(savedAt, lang) })
        : t('editor.upToDate');

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} lang={base.sourceLanguage}>
            {title}
          </Title>
          <StatusBadges versions={base.versions} />
        </Stack>
        <Group>
          <Text size="sm" role="status" data-testid="save-state">
            {saveState}
          </Text>
          {can(user.role, 'story.revisions') && (
            <Button variant="default" onClick={() => setHistory(true)} data-testid="revisions">
              {t('revisions.open')}
            </Button>
          )}
          {can(user.role, 'story.preview') && base.versions.some((v) => v.language === tab) && (
            <PreviewButton storyId={base.id} language={tab} unsaved={dirty} />
          )}
          <Button onClick={() => saveNow()} disabled={!dirty || !valid} loading={save.isPending}>
            {t('editor.save')}
          </Button>
        </Group>
      </Group>
      {newerRevision > base.revision && (
        <Alert color="yellow" role="status">
          {t('live.storyChanged')}
        </Alert>
      )}
      {save.error && !(save.error instanceof ApiError && save.error.kind === 'stale') && (
        <ApiErrorAlert error={save.error} context="save" />
      )}
      <SharedFields
        value={draft.fields}
        onChange={(fields) => setDraft((d) => ({ ...d, fields }))}
        disabled={sharedLocked}
      />
      <GalleryEditor
        value={{ cover: draft.fields.cover, gallery: draft.fields.gallery }}
        onChange={(p) => setDraft((d) => ({ ...d, fields: { ...d.fields, cover: p.cover, gallery: p.gallery } }))}
        disabled={sharedLocked}
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: socialPanel ? 8 : 12 }}>
          <Tabs value={tab} onChange={(v) => setTab(v === 'en' ? 'en' : 'th')}>
            <Tabs.List>
              {STORY_LANGUAGES.map((l) => (
                <Tabs.Tab key={l} value={l}>
                  {t(`languages.${l}`)}
                  {l === base.sourceLanguage ? ` (${t('editor.source')})` : ''}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {STORY_LANGUAGES.map((l) => {
              const v = draft.versions[l];
              const saved = base.versions.find((x) => x.language === l);
              return (
                <Tabs.Panel key={l} value={l} pt="md">
                  {v ? (
                    <Stack>
                      {saved && (
                        <WorkflowButtons
                          story={base}
                          version={saved}
                          unsaved={dirty}
                          onChanged={(next) => {
                            // Offered only without unsaved changes: the form simply takes the new revision.
                            setBase(next);
                            setDraft(draftFromStory(next));
                          }}
                        />
                      )}
                      <VersionEditor
                        language={l}
                        value={v}
                        savedSlug={saved?.slug ?? base.versions[0]?.slug}
                        readOnly={readOnly(l)}
                        onChange={(next) => setDraft((d) => ({ ...d, versions: { ...d.versions, [l]: next } }))}
                      />
                    </Stack>
                  ) : (
                    <Button
                      variant="default"
                      onClick={() => setDraft((d) => ({ ...d, versions: { ...d.versions, [l]: emptyVersion() } }))}
                    >
                      {t('editor.addVersion', { language: t(`languages.${l}`) })}
                    </Button>
                  )}
                </Tabs.Panel>
              );
            })}
          </Tabs>
        </Grid.Col>
        {socialPanel && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            {base.versions.some((v) => v.language === tab) ? (
              <SocialPreviewPanel
                storyId={base.id}
                language={tab}
                title={(draft.versions[tab]?.title ?? '').trim()}
                summary={(draft.versions[tab]?.summary ?? '').trim()}
              />
            ) : (
              <Text size="sm">{t('socialPanel.noVersion')}</Text>
            )}
          </Grid.Col>
        )}
      </Grid>
      {can(user.role, 'social.posts') && <LivePosts storyId={base.id} />}
      <RevisionsDialog
        story={base}
        opened={history}
        unsaved={dirty}
        onClose={() => setHistory(false)}
        onRestored={(next) => {
          // Offered only without unsaved changes: the form takes the restored content as its new revision.
          setBase(next);
          setDraft(draftFromStory(next));
        }}
        onStale={() => {
          setHistory(false);
          void fetchStory(base.id).then(setConflict);
        }}
      />
      <ConflictDialog
        latest={conflict}
        mine={draft}
        onKeepMine={() => {
          if (!conflict) return;
          const merged = rebase(base, draft, conflict);
          setConflict(null);
          setBase(conflict);
          setDraft(merged);
          save.reset();
        }}
        onTakeTheirs={() => {
          if (!conflict) return;
          setBase(conflict);
          setDraft(draftFromStory(conflict));
          setConflict(null);
          save.reset();
        }}
      />
    </Stack>
  );
}
