import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../api/types';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useSocialPreview } from '../hooks/use-preview';
import { readableText } from '../readable-text';
import type { PreviewItem } from '../types';

/**
 * The story editor's side panel: for the open language, each enabled channel's final text and its length as that
 * platform counts it, from the form's unsaved title and summary (counted by the API, so it is what will be posted).
 * Links show decoded; the length shown is the API's, of the text as posted (encoded).
 */
export function SocialPreviewPanel(props: { storyId: string; language: Language; title: string; summary: string }) {
  const { t } = useTranslation();
  const preview = useSocialPreview(props);
  return (
    <Stack
      gap="xs"
      component="section"
      aria-labelledby="social-preview-heading"
      aria-busy={preview.pending}
      data-testid="social-preview"
      data-pending={preview.pending ? 'true' : 'false'}
    >
      <Title order={2} size="h4" id="social-preview-heading">
        {t('socialPanel.heading')}
      </Title>
      <Text size="sm">{t('socialPanel.intro', { language: t(`languages.${props.language}`) })}</Text>
      {preview.error ? (
        <ApiErrorAlert error={preview.error} />
      ) : !preview.data ? (
        <Text size="sm">{t('socialPanel.updating')}</Text>
      ) : preview.data.items.length === 0 ? (
        <Text size="sm">{t('socialPanel.none')}</Text>
      ) : (
        preview.data.items.map((item) => <ChannelText key={item.channelId} item={item} language={props.language} />)
      )}
    </Stack>
  );
}

function ChannelText({ item, language }: { item: PreviewItem; language: Language }) {
  const { t } = useTranslation();
  const over = item.limit !== null && item.length > item.limit;
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={item.name}
      data-testid="social-preview-item"
      data-channel={item.channelId}
      data-type={item.type}
      data-truncated={item.truncated ? 'true' : 'false'}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {item.name} · {t(`social.types.${item.type}`)}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" data-testid="social-preview-length" title={t(`socialPanel.units.${item.unit}`)}>
            {item.limit === null
              ? t('socialPanel.lengthNoLimit', { length: item.length })
              : t('socialPanel.length', { length: item.length, limit: item.limit })}
          </Text>
          <Badge variant="light" color={item.truncated || over ? 'orange' : 'teal'} data-testid="social-preview-fit">
            {item.truncated ? t('socialPanel.truncated') : t('socialPanel.fits')}
          </Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t(`socialPanel.units.${item.unit}`)}
      </Text>
      <Text
        size="sm"
        lang={language}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="social-preview-text"
      >
        {readableText(item.text)}
      </Text>
    </Card>
  );
}
