import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The platform's own words behind a "details" disclosure: the person reads the sentence above it, whoever has to
 * dig (an admin, a developer) opens this. The service masks every credential in it before storing it.
 */
export function ErrorDetails({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <Box component="details" fz="xs" data-testid="error-details">
      <Box component="summary" c="dimmed" style={{ cursor: 'pointer', width: 'fit-content' }}>
        {t('social.details')}
      </Box>
      <Text size="xs" lang="en" mt={2} style={{ overflowWrap: 'anywhere' }}>
        {detail}
      </Text>
    </Box>
  );
}
