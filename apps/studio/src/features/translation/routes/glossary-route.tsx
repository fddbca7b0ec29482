import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { GlossaryCsvTools } from '../components/glossary-csv-tools';
import { GlossaryForm } from '../components/glossary-form';
import { GlossaryTable } from '../components/glossary-table';
import { useGlossary } from '../hooks/use-glossary';

export function GlossaryRoute() {
  const { t } = useTranslation();
  const glossary = useGlossary();
  return (
    <Stack>
      <Title order={1}>{t('glossary.heading')}</Title>
      <Text size="sm">{t('glossary.intro')}</Text>
      <GlossaryForm />
      {glossary.error && <ApiErrorAlert error={glossary.error} />}
      {glossary.data ? (
        <>
          <GlossaryCsvTools entries={glossary.data} />
          {glossary.data.length ? (
            <GlossaryTable entries={glossary.data} />
          ) : (
            <Text c="dimmed">{t('glossary.empty')}</Text>
          )}
        </>
      ) : (
        !glossary.error && <Loading />
      )}
    </Stack>
  );
}
