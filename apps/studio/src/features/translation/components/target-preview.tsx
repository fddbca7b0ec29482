import { Paper, Stack, Text, Title, Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../types';

/**
 * The target version as approval will write it, in the source's block structure (from the saved segments). The
 * body holds translators' HTML: it is sanitized before it is shown, whatever the CSP would block anyway.
 */
export function TargetPreview({ job }: { job: Job }) {
  const { t } = useTranslation();
  const body = useMemo(() => DOMPurify.sanitize(job.preview.body), [job.preview.body]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="target-preview-heading">
      <Stack gap="xs">
        <Text size="sm" c="dimmed" id="target-preview-heading" component="h2" fw={700}>
          {t('translation.preview', { language: t(`languages.${job.targetLanguage}`) })}
        </Text>
        <article lang={job.targetLanguage} data-testid="target-preview">
          <Title order={3}>{job.preview.title}</Title>
          <Text fw={500} my="sm">
            {job.preview.summary}
          </Text>
          <Typography>
            <div dangerouslySetInnerHTML={{ __html: body }} />
          </Typography>
        </article>
      </Stack>
    </Paper>
  );
}
