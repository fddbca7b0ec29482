import { Alert, Anchor, Button, Group, Kbd, Modal, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../lib/dates';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { JobStatusBadge } from '../components/job-status-badge';
import { SegmentRow } from '../components/segment-row';
import { TargetPreview } from '../components/target-preview';
import { useGlossary } from '../hooks/use-glossary';
import { useApproveJob, useEditSegment, useJob } from '../hooks/use-jobs';
import type { Job } from '../types';

export function JobEditorRoute() {
  const { id = '' } = useParams();
  const query = useJob(id);
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <JobEditor key={id} job={query.data} />;
}

function JobEditor({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const user = useCurrentUser();
  const glossary = useGlossary();
  const edit = useEditSegment(job.id);
  const approve = useApproveJob(job.id);
  // Only what this person typed and has not saved; everything else shows the server's text (kept live).
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, unknown>>({});
  const [saving, setSaving] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Each segment's field box: a text area (title, summary) or a rich-text editor (body segments).
  const fields = useRef<(HTMLDivElement | null)[]>([]);

  const terms = useMemo(
    () =>
      (glossary.data ?? []).filter(
        (g) => g.sourceLanguage === job.sourceLanguage && g.targetLanguage === job.targetLanguage,
      ),
    [glossary.data, job.sourceLanguage, job.targetLanguage],
  );
  const valueOf = (n: number) => edits[n] ?? job.segments[n]?.target ?? '';
  const unsaved = Object.keys(edits).length;

  const save = async (n: number) => {
    const s = job.segments[n];
    if (!s) return;
    setSaving(n);
    try {
      await edit.mutateAsync({ n, target: valueOf(n), sourceHash: s.sourceHash });
      setEdits(({ [n]: _saved, ...rest }) => rest);
      setErrors(({ [n]: _gone, ...rest }) => rest);
    } catch (err) {
      setErrors((e) => ({ ...e, [n]: err }));
    } finally {
      setSaving(null);
    }
  };

  /** Moves the focus to the next segment (after the focused one, wrapping) that `wanted` picks. */
  const jump = (wanted: (n: number) => boolean) => {
    const current = fields.current.findIndex((f) => f?.contains(document.activeElement));
    const count = job.segments.length;
    for (let step = 1; step <= count; step++) {
      const n = (current + step + count) % count;
      if (wanted(n)) {
        const field = fields.current[n]?.querySelector<HTMLElement>('textarea, [contenteditable="true"]');
        field?.focus();
        field?.scrollIntoView({ block: 'center' });
        return;
      }
    }
  };
  const nextUntranslated = () => jump((n) => !valueOf(n).trim());
  const nextChanged = () => jump((n) => job.segments[n]?.changed === true);
  // Work from the keyboard, in the text fields and the rich-text editors too.
  useHotkeys(
    [
      ['alt+N', nextUntranslated],
      ['alt+C', nextChanged],
    ],
    [],
    true,
  );

  const approvable = job.pendingCount === 0 && job.status !== 'pending' && job.status !== 'applied' && !unsaved;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} lang={job.sourceLanguage}>
            {job.title || job.id}
          </Title>
          <Group gap="xs">
            <JobStatusBadge status={job.status} />
            <Text size="sm">
              {t(`languages.${job.sourceLanguage}`)} → {t(`languages.${job.targetLanguage}`)} ·{' '}
              {t('translation.segmentsDone', { done: job.segmentCount - job.pendingCount, count: job.segmentCount })}
            </Text>
            {can(user.role, 'story.edit') && (
              <Anchor component={Link} to={`/stories/${job.storyId}`} size="sm">
                {t('translation.openStory')}
              </Anchor>
            )}
          </Group>
        </Stack>
        <Button onClick={() => setConfirming(true)} disabled={!approvable} loading={approve.isPending}>
          {t('translation.approve')}
        </Button>
      </Group>
      {job.approvedAt && (
        <Text size="sm" data-testid="approval">
          {t('translation.approvedBy', {
            who: job.approvedBy === user.id ? t('translation.you') : job.approvedBy,
            when: formatDateTime(job.approvedAt, lang),
          })}
          {job.appliedRevision !== null && ` ${t('translation.inRevision', { revision: job.appliedRevision })}`}
        </Text>
      )}
      {job.lastError && (
        <Alert color="red" title={t('translation.providerFailed')}>
          <span lang="en">{job.lastError}</span>
        </Alert>
      )}
      {job.pendingCount > 0 && job.provider !== 'manual' && job.status === 'pending' && (
        <Alert color="blue" role="status">
          {t('translation.waitingForProvider', { provider: job.provider })}
        </Alert>
      )}
      {unsaved > 0 && <Text size="sm">{t('translation.unsaved', { count: unsaved })}</Text>}
      {approve.error && <ApiErrorAlert error={approve.error} context="approve" />}
      <Group gap="sm" role="toolbar" aria-label={t('translation.navigation')}>
        <Button variant="default" size="xs" onClick={nextUntranslated} aria-keyshortcuts="Alt+N">
          {t('translation.nextUntranslated')}&nbsp;<Kbd size="xs">Alt</Kbd>+<Kbd size="xs">N</Kbd>
        </Button>
        <Button variant="default" size="xs" onClick={nextChanged} aria-keyshortcuts="Alt+C">
          {t('translation.nextChanged')}&nbsp;<Kbd size="xs">Alt</Kbd>+<Kbd size="xs">C</Kbd>
        </Button>
        <Text size="xs" c="dimmed">
          {t('translation.saveHint')}
        </Text>
      </Group>
      {job.segments.map((s) => (
        <SegmentRow
          key={`${s.n}-${s.sourceHash}`}
          ref={(el) => {
            fields.current[s.n] = el;
          }}
          job={job}
          segment={s}
          terms={terms}
          value={valueOf(s.n)}
          dirty={edits[s.n] !== undefined && edits[s.n] !== (s.target ?? '')}
          saving={saving === s.n}
          error={errors[s.n] ?? null}
          onChange={(text) => setEdits((e) => ({ ...e, [s.n]: text }))}
          onSave={() => void save(s.n)}
        />
      ))}
      <TargetPreview job={job} />
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('translation.approve')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('translation.confirmApprove', { language: t(`languages.${job.targetLanguage}`) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                approve.mutate();
              }}
            >
              {t('workflow.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
