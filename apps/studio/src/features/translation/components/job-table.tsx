import { Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/dates';
import type { JobSummary } from '../types';
import { JobStatusBadge } from './job-status-badge';

/** Each job with its progress in segments: how many have a translation, how many changed since approval. */
export function JobTable({ jobs }: { jobs: JobSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  return (
    <DataTable
      minWidth={640}
      striped
      highlightOnHover
      columns={[
        t('translation.storyTitle'),
        t('translation.direction'),
        t('translation.statusFilter'),
        t('translation.progress'),
        t('stories.updated'),
      ]}
    >
      {jobs.map((j) => {
        const done = j.segmentCount - j.pendingCount;
        const progress = t('translation.segmentsDone', { done, count: j.segmentCount });
        return (
          <Table.Tr key={j.id} data-job-id={j.id}>
            <Table.Td>
              <Anchor component={Link} to={`/translation/${j.id}`} lang={j.sourceLanguage}>
                {j.title || j.id}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {t(`languages.${j.sourceLanguage}`)} → {t(`languages.${j.targetLanguage}`)}
            </Table.Td>
            <Table.Td>
              <JobStatusBadge status={j.status} />
            </Table.Td>
            <Table.Td>
              <Stack gap={4} miw={160}>
                <Progress value={j.segmentCount ? (100 * done) / j.segmentCount : 0} aria-label={progress} size="sm" />
                <Group gap="xs">
                  <Text size="sm" data-testid="job-progress">
                    {progress}
                  </Text>
                  {j.changedCount > 0 && (
                    <Badge size="sm" color="orange" variant="dot">
                      {t('translation.changedCount', { count: j.changedCount })}
                    </Badge>
                  )}
                </Group>
              </Stack>
            </Table.Td>
            <Table.Td>{formatDateTime(j.updatedAt, lang)}</Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
