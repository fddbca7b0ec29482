import { AspectRatio, Badge, Card, Checkbox, Group, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { renditionUrl, type MediaAsset } from '../types';

/** One image in a grid: thumbnail, status, caption in the person's language (else the other one). */
export function AssetCard({
  asset,
  selected,
  onSelect,
}: {
  asset: MediaAsset;
  /** In a picker: whether it is chosen (the card is then a checkbox, not a link). */
  selected?: boolean;
  onSelect?: (checked: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const caption = asset.captions[lang] ?? asset.captions[lang === 'th' ? 'en' : 'th'] ?? '';
  const name = caption || asset.filename || asset.id;
  const src = renditionUrl(asset, 320);
  return (
    <Card withBorder padding="xs" data-testid="asset" data-id={asset.id} data-status={asset.status}>
      <Card.Section>
        <AspectRatio ratio={4 / 3}>
          {src ? (
            <Image src={src} alt={asset.alt[lang] ?? caption} fit="cover" />
          ) : (
            <Text ta="center" size="sm" c="dimmed">
              {t(`media.status.${asset.status}`)}
            </Text>
          )}
        </AspectRatio>
      </Card.Section>
      <Group justify="space-between" mt="xs" wrap="nowrap" gap="xs">
        {onSelect ? (
          <Checkbox
            label={name}
            checked={selected ?? false}
            onChange={(e) => onSelect(e.currentTarget.checked)}
            disabled={asset.status !== 'ready'}
          />
        ) : (
          <Text component={Link} to={`/media/${asset.id}`} size="sm" fw={700} truncate className="khao-link">
            {name}
          </Text>
        )}
        <Badge size="sm" variant="light" color={asset.status === 'failed' ? 'red' : 'teal'}>
          {t(`media.status.${asset.status}`)}
        </Badge>
      </Group>
    </Card>
  );
}
