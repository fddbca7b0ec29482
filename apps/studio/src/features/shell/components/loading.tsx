import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "loading". */
export function Loading({ fullPage }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center p="xl" h={fullPage ? '100vh' : undefined} role="status">
      <Loader />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
