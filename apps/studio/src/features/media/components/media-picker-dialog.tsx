import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveMedia } from '../hooks/use-media';
import { AssetGrid } from './asset-grid';
import { CaptionSearch } from './caption-search';

/** Photos chosen from the library, in the order they were ticked. */
export function MediaPickerDialog({
  opened,
  onClose,
  onPick,
}: {
  opened: boolean;
  onClose: () => void;
  onPick: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  useLiveMedia();
  const close = () => {
    setPicked([]);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="xl"
      title={t('gallery.pickTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <CaptionSearch onSearch={setQ} />
        <AssetGrid
          q={q}
          selected={picked}
          onToggle={(id, checked) => setPicked((p) => (checked ? [...p, id] : p.filter((x) => x !== id)))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={picked.length === 0}
            onClick={() => {
              onPick(picked);
              setPicked([]);
            }}
          >
            {t('gallery.addPicked', { count: picked.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
