import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language, VersionStatus } from '../../../api/types';

const COLORS: Record<VersionStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  scheduled: 'blue',
  published: 'green',
  unpublished: 'red',
};

/** One badge per language version: "TH · เผยแพร่แล้ว". */
export function StatusBadges({ versions }: { versions: { language: Language; status: VersionStatus }[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {versions.map((v) => (
        <Badge
          key={v.language}
          color={COLORS[v.status]}
          variant="dot"
          data-status={`${v.language}:${v.status}`}
          title={`${t(`languages.${v.language}`)}: ${t(`status.${v.status}`)}`}
        >
          {v.language.toUpperCase()} · {t(`status.${v.status}`)}
        </Badge>
      ))}
    </Group>
  );
}
