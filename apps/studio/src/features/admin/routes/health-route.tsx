import { Alert, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { badgeText } from '../../social/components/post-table';
import { useOpsStatus } from '../hooks/use-ops';
import type { OpsStatus } from '../types';

const COLORS = { up: 'teal', degraded: 'yellow', down: 'red' } as const;

function StateBadge({ status }: { status: keyof typeof COLORS }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} c={badgeText(COLORS[status])} variant="light" data-state={status}>
      {t(`health.${status}`)}
    </Badge>
  );
}

/** A figure or why it is not there (its service is down). */
function FigureCard<T>({
  title,
  figure,
  children,
}: {
  title: string;
  figure: { ok: true; value: T } | { ok: false; error: string };
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {title}
      </Title>
      {figure.ok ? (
        children(figure.value)
      ) : (
        <Alert color="yellow">{t('health.unavailable', { error: figure.error })}</Alert>
      )}
    </Stack>
  );
}

function Counts({ counts, testId }: { counts: Record<string, number>; testId: string }) {
  return (
    <DataTable minWidth={480} data-testid={testId}>
      {Object.entries(counts).map(([status, n]) => (
        <Table.Tr key={status} data-count={status}>
          <Table.Th scope="row">{status}</Table.Th>
          <Table.Td>{n}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Each dependency and service with its readiness, and the live figures behind the newsroom's work. */
export function HealthRoute() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const status = useOpsStatus();
  if (status.isPending) return <Loading />;
  if (status.error) return <ApiErrorAlert error={status.error} />;
  const s: OpsStatus = status.data;
  const postLabels = (c: Record<string, number>) =>
    Object.fromEntries(Object.entries(c).map(([k, n]) => [t(`social.postStatuses.${k}`), n]));
  const jobLabels = (c: Record<string, number>) =>
    Object.fromEntries(Object.entries(c).map(([k, n]) => [t(`health.jobStatuses.${k}`), n]));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('health.heading')}</Title>
        <Text size="sm" c="dimmed">
          {t('health.checkedAt', { when: formatDateTime(new Date(status.dataUpdatedAt).toISOString(), lang) })}
        </Text>
      </Group>
      <Group>
        <Text fw={700}>{t('health.overall')}</Text>
        <StateBadge status={s.readiness.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('health.dependencies')}
          </Title>
          <DataTable minWidth={480} data-testid="dependencies">
            {Object.entries(s.readiness.checks).map(([name, c]) => (
              <Table.Tr key={name} data-dependency={name}>
                <Table.Th scope="row">{name}</Table.Th>
                <Table.Td>
                  <StateBadge status={c.status} />
                </Table.Td>
                <Table.Td lang="en">
                  {c.latencyMs !== undefined ? t('health.latency', { ms: c.latencyMs }) : c.error}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('health.services')}
          </Title>
          <DataTable minWidth={480} data-testid="services">
            {Object.entries(s.readiness.services).map(([name, svc]) => (
              <Table.Tr key={name} data-service={name}>
                <Table.Th scope="row">{name}</Table.Th>
                <Table.Td>
                  <StateBadge status={svc.status} />
                </Table.Td>
                <Table.Td lang="en">{svc.error ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
        <FigureCard title={t('health.posts')} figure={s.posts}>
          {(c) => <Counts counts={postLabels(c)} testId="post-counts" />}
        </FigureCard>
        <FigureCard title={t('health.translationJobs')} figure={s.translationJobs}>
          {(c) => <Counts counts={jobLabels(c)} testId="job-counts" />}
        </FigureCard>
      </SimpleGrid>
      <FigureCard title={t('health.consumers')} figure={s.consumers}>
        {(consumers) => (
          <DataTable
            minWidth={480}
            striped
            data-testid="consumers"
            columns={[t('deadLetters.consumer'), t('health.waiting'), t('health.inProgress'), t('health.deadLetters')]}
          >
            {consumers.map((c) => (
              <Table.Tr key={c.name} data-consumer={c.name}>
                <Table.Th scope="row">{c.name}</Table.Th>
                <Table.Td>{c.waiting}</Table.Td>
                <Table.Td>{c.inProgress}</Table.Td>
                <Table.Td>{c.deadLetters}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </FigureCard>
    </Stack>
  );
}
