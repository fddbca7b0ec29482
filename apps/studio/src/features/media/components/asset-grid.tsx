import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { useMediaLibrary } from '../hooks/use-media';
import { AssetCard } from './asset-card';

/** The library's images matching `q`, a page at a time; with `selected`/`onToggle` it is a picker. */
export function AssetGrid({
  q,
  selected,
  onToggle,
}: {
  q: string;
  selected?: readonly string[];
  onToggle?: (id: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const library = useMediaLibrary(q);
  if (library.error) return <ApiErrorAlert error={library.error} />;
  if (!library.data) return <Loading />;
  const assets = library.data.pages.flatMap((p) => p.items);
  return (
    <Stack>
      {assets.length === 0 ? (
        <Text>{q ? t('media.noMatch') : t('media.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} data-testid="asset-grid">
          {assets.map((a) => (
            <AssetCard
              key={a.id}
              asset={a}
              selected={selected?.includes(a.id)}
              onSelect={onToggle ? (checked) => onToggle(a.id, checked) : undefined}
            />
          ))}
        </SimpleGrid>
      )}
      {library.hasNextPage && (
        <Button variant="default" onClick={() => void library.fetchNextPage()} loading={library.isFetchingNextPage}>
          {t('media.more')}
        </Button>
      )}
    </Stack>
  );
}
