import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useDropzone } from 'react-dropzone';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import type { UploadItem } from '../hooks/use-uploads';

/**
 * The drop zone: many photos at once, dropped or chosen. Nothing is filtered here: every file goes to the API, which
 * decides by content, and each refusal is shown with the API's own message.
 */
export function UploadDropzone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  // The zone takes drops; the keyboard and screen readers use the button inside it (one control, properly named).
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: (files) => onFiles(files),
    multiple: true,
    disabled,
    noClick: true,
    noKeyboard: true,
  });
  return (
    <Paper
      withBorder
      p="xl"
      className="khao-dropzone"
      data-active={isDragActive || undefined}
      data-testid="dropzone"
      {...getRootProps()}
    >
      <input {...getInputProps({ 'aria-label': t('media.chooseFiles') })} data-testid="media-file-input" />
      <Stack gap={4} align="center">
        <Text fw={700}>{isDragActive ? t('media.dropNow') : t('media.dropHere')}</Text>
        <Text size="sm">{t('media.dropHint')}</Text>
        <Button mt="xs" variant="default" onClick={open} disabled={disabled}>
          {t('media.chooseFiles')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Each file of this page's uploads: its progress, then "processing", then done or the API's refusal. */
export function UploadList({ items }: { items: UploadItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" aria-label={t('media.uploads')} role="list" data-testid="uploads">
      {items.map((i) => (
        <Paper key={i.key} withBorder p="xs" role="listitem" data-state={i.state} data-name={i.name}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" truncate>
              {i.name}
            </Text>
            <Badge variant="light" color={i.state === 'failed' ? 'red' : i.state === 'done' ? 'teal' : 'blue'}>
              {t(`media.uploadState.${i.state}`)}
            </Badge>
          </Group>
          {i.state !== 'failed' && (
            <Progress
              mt={6}
              value={Math.round(i.progress * 100)}
              animated={i.state === 'processing'}
              aria-label={t('media.progressOf', { name: i.name })}
            />
          )}
          {i.state === 'failed' && <ApiErrorAlert error={i.error} context="upload" />}
        </Paper>
      ))}
    </Stack>
  );
}
