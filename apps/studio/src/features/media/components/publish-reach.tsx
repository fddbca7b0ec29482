import { Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../api/types';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useReach } from '../hooks/use-posts';

/** "It will post to 3 channels": the enabled channels of the language, asked of the API when the dialog opens. */
export function PublishReach({ language, when }: { language: Language; when: 'now' | 'later' }) {
  const { t } = useTranslation();
  const reach = useReach(language, true);
  if (reach.error) return <ApiErrorAlert error={reach.error} />;
  if (!reach.data) return <Loader size="xs" role="status" aria-label={t('common.loading')} />;
  const types = [...new Set(reach.data.types)].map((type) => t(`posts.types.${type}`)).join(', ');
  return (
    <Text data-testid="publish-reach" fw={700}>
      {t(when === 'now' ? 'workflow.reach' : 'workflow.reachLater', { count: reach.data.channels })}
      {types ? ` (${types})` : ''}
    </Text>
  );
}
