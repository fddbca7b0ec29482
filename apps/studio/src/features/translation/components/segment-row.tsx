import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { GlossaryTerm } from '@khao/thai/glossary-terms';
import { forwardRef, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { missingTerms, textOf } from '../glossary-check';
import { isPlainSegment, marksIn, renderSource, sanitizeInline } from '../segment-html';
import type { Job, Segment } from '../types';
import { SegmentEditor } from './segment-editor';

interface Props {
  job: Job;
  segment: Segment;
  terms: GlossaryTerm[];
  value: string;
  dirty: boolean;
  saving: boolean;
  error: unknown;
  onChange: (text: string) => void;
  onSave: () => void;
}

/**
 * One segment side by side: the source as a reader sees it with its glossary terms marked, the target with its draft
 * and checks. Title and summary are plain text fields; a body segment is edited as marked text. The ref is the
 * field's box (keyboard navigation looks for the focus inside it).
 */
export const SegmentRow = forwardRef<HTMLDivElement, Props>(function SegmentRow(
  { job, segment: s, terms, value, dirty, saving, error, onChange, onSave },
  ref,
) {
  const { t } = useTranslation();
  const plain = isPlainSegment(s.kind);
  const source = useMemo(() => renderSource(s.kind, s.source, terms), [s.kind, s.source, terms]);
  const hits = source.hits;
  const sourceText = useMemo(() => (plain ? s.source : textOf(s.source)), [plain, s.source]);
  const marks = useMemo(() => (plain ? [] : marksIn(s.source)), [plain, s.source]);
  const missing = useMemo(() => missingTerms(sourceText, textOf(value), terms), [sourceText, value, terms]);
  const kind = t(`translation.kind.${s.kind}`, { defaultValue: t('translation.kind.block', { tag: s.kind }) });
  const label = t('translation.targetOf', { n: s.n + 1, kind });
  const origin =
    s.draftFrom === 'memory'
      ? t('translation.fromMemory')
      : s.draftFrom === 'provider'
        ? t('translation.fromProvider', { provider: job.provider })
        : null;
  const submit = () => {
    if (dirty && value.trim()) onSave();
  };
  return (
    <Paper
      withBorder
      p="sm"
      data-segment={s.n}
      data-changed={s.changed || undefined}
      data-untranslated={!value.trim() || undefined}
    >
      <Group gap="xs" mb="xs">
        <Text fw={700} size="sm">
          {s.n + 1}. {kind}
        </Text>
        <Badge size="sm" variant="dot" color="gray">
          {t(`translation.segmentStatus.${s.status}`)}
        </Badge>
        {s.changed && (
          <Badge size="sm" color="orange" variant="dot" data-testid="segment-changed">
            {t('translation.changedSinceApproval')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('translation.source')} ({t(`languages.${job.sourceLanguage}`)})
          </Text>
          {/* Sanitized (DOMPurify, inline markup only) before it is shown. */}
          <Text
            component="div"
            lang={job.sourceLanguage}
            data-testid="segment-source"
            className="khao-segment-source"
            dangerouslySetInnerHTML={{ __html: source.html }}
          />
          {hits.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('translation.termsInSource', {
                terms: [...new Set(hits.map((h) => `${h.found} → ${h.target}`))].join(', '),
              })}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <div ref={ref} data-segment-field="">
            {plain ? (
              <Textarea
                label={label}
                lang={job.targetLanguage}
                autosize
                minRows={s.kind === 'title' ? 1 : 2}
                value={value}
                aria-keyshortcuts="Control+Enter"
                onChange={(e) => onChange(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    submit();
                  }
                }}
              />
            ) : (
              <SegmentEditor
                label={label}
                lang={job.targetLanguage}
                value={value}
                marks={marks}
                onChange={onChange}
                onSubmit={submit}
              />
            )}
          </div>
          {origin && (
            <Text size="xs" c="dimmed" data-testid="draft-origin">
              {origin}
            </Text>
          )}
          {s.draft !== null && s.draft !== value && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" lang={job.targetLanguage} style={{ flex: 1 }}>
                {t('translation.draftWas')}{' '}
                {plain ? s.draft : <span dangerouslySetInnerHTML={{ __html: sanitizeInline(s.draft) }} />}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onChange(s.draft ?? '')}>
                {t('translation.useDraft')}
              </Button>
            </Group>
          )}
          {missing.length > 0 && (
            <Alert color="orange" role="status" p="xs" data-testid="glossary-warning">
              {t('translation.glossaryWarning', { terms: missing.map((m) => `${m.found} → ${m.target}`).join(', ') })}
            </Alert>
          )}
          {error !== null && <ApiErrorAlert error={error} context="segment" />}
          <Group justify="flex-end">
            <Button size="xs" onClick={onSave} disabled={!dirty || !value.trim()} loading={saving}>
              {t('translation.saveSegment', { n: s.n + 1 })}
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
});
