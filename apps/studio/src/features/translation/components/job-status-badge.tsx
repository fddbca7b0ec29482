import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../types';

const COLORS: Record<JobStatus, string> = {
  pending: 'gray',
  machine_translated: 'blue',
  awaiting_translator: 'orange',
  in_review: 'yellow',
  approved: 'teal',
  applied: 'green',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={COLORS[status]} data-testid="job-status">
      {t(`translation.status.${status}`)}
    </Badge>
  );
}
