import { Anchor, Mark, Table, Text } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StorySummary } from '../../../api/types';
import { formatDateTime } from '../../../lib/dates';
import { usePaintMark } from '../../../lib/paint-mark';
import { PROVINCES } from '../provinces';
import { StatusBadges } from './status-badges';

/** The title in the person's language when the story has it, else in its source language. */
export function titleOf(
  story: Pick<StorySummary, 'id' | 'sourceLanguage'> & { versions: { language: string; title: string }[] },
  lang: 'th' | 'en',
): { text: string; lang: string } {
  const v =
    story.versions.find((x) => x.language === lang) ??
    story.versions.find((x) => x.language === story.sourceLanguage) ??
    story.versions[0];
  return { text: v?.title ?? story.id, lang: v?.language ?? lang };
}

type Snippet = NonNullable<StorySummary['match']>['snippet'];

/** A search hit's text around the matched words, the words marked. */
function SnippetText({ snippet, lang }: { snippet: Snippet; lang: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  // The generated type reads a pair as an array of numbers.
  for (const [start = at, end = start] of snippet.marks) {
    parts.push(snippet.text.slice(at, start), <Mark key={start}>{snippet.text.slice(start, end)}</Mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <Text size="sm" c="dimmed" lang={lang} data-snippet="">
      {parts}
    </Text>
  );
}

export function StoryTable({ stories }: { stories: StorySummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  usePaintMark('khao:story-list:painted', stories.length > 0);
  const province = (p?: string) => (p && lang === 'en' ? (PROVINCES.find(([th]) => th === p)?.[1] ?? p) : p);
  return (
    <DataTable
      minWidth={640}
      striped
      highlightOnHover
      columns={[t('stories.title'), t('fields.province'), t('stories.versions'), t('stories.updated')]}
    >
      {stories.map((s) => {
        const title = titleOf(s, lang);
        return (
          <Table.Tr key={s.id} data-story-id={s.id}>
            <Table.Td>
              <Anchor component={Link} to={`/stories/${s.id}`} lang={title.lang}>
                {title.text}
              </Anchor>
              {s.match && <SnippetText snippet={s.match.snippet} lang={s.match.language} />}
            </Table.Td>
            <Table.Td>{province(s.dateline.province) ?? <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td>
              <StatusBadges versions={s.versions} />
            </Table.Td>
            <Table.Td>{formatDateTime(s.updatedAt, lang)}</Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
