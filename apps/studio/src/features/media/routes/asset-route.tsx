import { Button, Grid, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { FocalPointPicker } from '../components/focal-point-picker';
import { ShareCropPreview } from '../components/share-crop-preview';
import { useAsset, useLiveMedia, useUpdateAsset } from '../hooks/use-media';
import { renditionUrl, type MediaAsset, type MediaPatch } from '../types';

export function AssetRoute() {
  const { id = '' } = useParams();
  const query = useAsset(id);
  useLiveMedia();
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <AssetEditor key={id} asset={query.data} />;
}

const LANGS = ['th', 'en'] as const;

/** Captions and alt text per language, credit, and the focal point with its share crop, saved together. */
function AssetEditor({ asset }: { asset: MediaAsset }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const user = useCurrentUser();
  const update = useUpdateAsset(asset.id);
  const [captions, setCaptions] = useState({ th: asset.captions.th ?? '', en: asset.captions.en ?? '' });
  const [alt, setAlt] = useState({ th: asset.alt.th ?? '', en: asset.alt.en ?? '' });
  const [credit, setCredit] = useState(asset.credit);
  const [focal, setFocal] = useState(asset.focalPoint);
  // Translators translate captions and alt text; credit and crop are the editors' (the API decides the rest).
  const cropAllowed = can(user.role, 'media.crop');
  const src = renditionUrl(asset, 1024);
  const patch: MediaPatch = {
    captions,
    alt,
    ...(cropAllowed ? { credit: credit.trim(), focalPoint: focal } : {}),
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{asset.captions[lang] || asset.filename || t('media.untitled')}</Title>
        <Button component={Link} to="/media" variant="default">
          {t('media.back')}
        </Button>
      </Group>
      <Text size="sm" data-testid="asset-status">
        {t(`media.status.${asset.status}`)}
        {asset.width && asset.height ? ` · ${asset.width}×${asset.height}` : ''}
        {asset.failure ? ` · ${asset.failure}` : ''}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {src && asset.width && asset.height ? (
            <Stack>
              <FocalPointPicker
                src={src}
                alt={alt[lang] || captions[lang]}
                value={focal}
                onChange={setFocal}
                disabled={!cropAllowed}
              />
              <ShareCropPreview src={src} width={asset.width} height={asset.height} focal={focal} />
            </Stack>
          ) : (
            <Text>{t(`media.status.${asset.status}`)}</Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {LANGS.map((l) => (
              <Stack key={l} gap="xs">
                <Textarea
                  label={t('media.caption', { language: t(`languages.${l}`) })}
                  lang={l}
                  autosize
                  minRows={2}
                  value={captions[l]}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCaptions((c) => ({ ...c, [l]: v }));
                  }}
                />
                <TextInput
                  label={t('media.alt', { language: t(`languages.${l}`) })}
                  description={t('media.altHint')}
                  lang={l}
                  value={alt[l]}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setAlt((a) => ({ ...a, [l]: v }));
                  }}
                />
              </Stack>
            ))}
            <TextInput
              label={t('media.credit')}
              value={credit}
              disabled={!cropAllowed}
              onChange={(e) => setCredit(e.currentTarget.value)}
            />
            {update.error && <ApiErrorAlert error={update.error} />}
            <Group justify="flex-end">
              <Text size="sm" role="status" data-testid="asset-save-state">
                {update.isSuccess ? t('media.saved') : ''}
              </Text>
              <Button onClick={() => update.mutate(patch)} loading={update.isPending}>
                {t('media.save')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
