import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can } from '../../auth/permissions';
import { AssetGrid } from '../components/asset-grid';
import { CaptionSearch } from '../components/caption-search';
import { UploadDropzone, UploadList } from '../components/upload-dropzone';
import { useLiveMedia } from '../hooks/use-media';
import { useUploads } from '../hooks/use-uploads';

/** The media library: drop photos to upload them, search captions, open one to describe it. */
export function MediaLibraryRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [q, setQ] = useState('');
  const uploads = useUploads();
  useLiveMedia();
  return (
    <Stack>
      <Title order={1}>{t('media.heading')}</Title>
      {can(user.role, 'media.upload') && (
        <>
          <UploadDropzone onFiles={uploads.add} />
          <UploadList items={uploads.items} />
        </>
      )}
      <CaptionSearch onSearch={setQ} />
      <AssetGrid q={q} />
    </Stack>
  );
}
