import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { AspectRatio, Button, Card, Group, Image, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssets } from '../hooks/use-media';
import { addPhotos, moveId, removePhoto, setCover, type Photos } from '../logic/gallery';
import { renditionUrl, type MediaAsset } from '../types';
import { MediaPickerDialog } from './media-picker-dialog';

/**
 * The story's photos: the gallery in the order readers see it, rearranged by dragging or with the keyboard
 * (focus a photo's handle, Space, arrow keys, Space), a cover chosen among them, more added from the library.
 */
export function GalleryEditor({
  value,
  onChange,
  disabled,
}: {
  value: Photos;
  onChange: (p: Photos) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const assets = useAssets(value.gallery);
  const byId = new Map(assets.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = (e: DragEndEvent) =>
    onChange({ ...value, gallery: moveId(value.gallery, String(e.active.id), e.over ? String(e.over.id) : null) });
  const position = (id: string | number) => value.gallery.indexOf(String(id)) + 1;

  return (
    <Stack gap="xs" component="section" aria-labelledby="photos-heading">
      <Group justify="space-between">
        <Title order={2} size="h4" id="photos-heading">
          {t('gallery.heading')}
        </Title>
        {!disabled && (
          <Button variant="default" size="sm" onClick={() => setPicking(true)}>
            {t('gallery.add')}
          </Button>
        )}
      </Group>
      {value.gallery.length === 0 ? (
        <Text size="sm">{t('gallery.empty')}</Text>
      ) : (
        <Radio.Group
          label={t('gallery.cover')}
          value={value.cover}
          onChange={(id) => onChange(setCover(value, id))}
          readOnly={disabled}
        >
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              screenReaderInstructions: { draggable: t('gallery.dragInstructions') },
              announcements: {
                onDragStart: ({ active }) => t('gallery.picked', { n: position(active.id) }),
                onDragOver: ({ over }) => (over ? t('gallery.over', { n: position(over.id) }) : undefined),
                onDragEnd: ({ over }) => (over ? t('gallery.dropped', { n: position(over.id) }) : undefined),
                onDragCancel: () => t('gallery.cancelled'),
              },
            }}
          >
            <SortableContext items={value.gallery} strategy={rectSortingStrategy} disabled={disabled}>
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} mt="xs" data-testid="gallery">
                {value.gallery.map((id, i) => (
                  <SortablePhoto
                    key={id}
                    id={id}
                    n={i + 1}
                    asset={byId.get(id)}
                    disabled={disabled}
                    onRemove={() => onChange(removePhoto(value, id))}
                  />
                ))}
              </SimpleGrid>
            </SortableContext>
          </DndContext>
        </Radio.Group>
      )}
      <MediaPickerDialog
        opened={picking}
        onClose={() => setPicking(false)}
        onPick={(ids) => {
          setPicking(false);
          onChange(addPhotos(value, ids));
        }}
      />
    </Stack>
  );
}

function SortablePhoto({
  id,
  n,
  asset,
  disabled,
  onRemove,
}: {
  id: string;
  n: number;
  asset: MediaAsset | undefined;
  disabled?: boolean;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });
  const src = asset ? renditionUrl(asset, 320) : null;
  const name = asset?.captions[lang] || asset?.filename || t('gallery.photo', { n });
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      data-testid="gallery-item"
      data-id={id}
      style={{ transform: CSS.Transform.toString(transform), transition, zIndex: isDragging ? 2 : undefined }}
    >
      <Card.Section>
        <AspectRatio ratio={4 / 3}>
          {src ? <Image src={src} alt={asset?.alt[lang] ?? ''} fit="cover" /> : <Text size="sm">…</Text>}
        </AspectRatio>
      </Card.Section>
      <Text size="xs" mt={4} truncate>
        {n}. {name}
      </Text>
      <Group gap={4} mt={4} justify="space-between" wrap="nowrap">
        <Radio value={id} label={t('gallery.isCover')} aria-label={t('gallery.coverOf', { name })} size="xs" />
        {!disabled && (
          <Group gap={4} wrap="nowrap">
            <Button
              ref={setActivatorNodeRef}
              size="compact-xs"
              variant="default"
              aria-label={t('gallery.move', { name, n })}
              data-testid="gallery-handle"
              {...attributes}
              {...listeners}
            >
              ⠿
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('gallery.remove', { name })}
            >
              ✕
            </Button>
          </Group>
        )}
      </Group>
    </Card>
  );
}
