import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STORY_LANGUAGES, type Draft } from '../editor/draft';
import { diffWords, htmlText } from '../editor/text-diff';

interface Row {
  label: string;
  before: string;
  after: string;
}

/** The fields that differ between two forms of a story, as people read them (the body as its text). */
function rows(t: (k: string) => string, before: Draft, after: Draft): Row[] {
  const out: Row[] = [];
  const add = (label: string, a: string, b: string) => {
    if (a !== b) out.push({ label, before: a, after: b });
  };
  const f = (d: Draft) => d.fields;
  add(t('fields.place'), f(before).place, f(after).place);
  add(t('fields.province'), f(before).province ?? '', f(after).province ?? '');
  add(t('fields.eventDate'), f(before).eventDays.join(' – '), f(after).eventDays.join(' – '));
  add(t('fields.categories'), f(before).categories.join(', '), f(after).categories.join(', '));
  add(t('fields.tags'), f(before).tags.join(', '), f(after).tags.join(', '));
  add(t('fields.byline'), f(before).byline, f(after).byline);
  for (const lang of STORY_LANGUAGES) {
    const a = before.versions[lang];
    const b = after.versions[lang];
    if (!a && !b) continue;
    const prefix = `${t(`languages.${lang}`)} · `;
    add(prefix + t('version.title'), a?.title ?? '', b?.title ?? '');
    add(prefix + t('version.summary'), a?.summary ?? '', b?.summary ?? '');
    add(prefix + t('version.body'), htmlText(a?.body ?? ''), htmlText(b?.body ?? ''));
    add(prefix + t('version.seoTitle'), a?.seoTitle ?? '', b?.seoTitle ?? '');
    add(prefix + t('version.seoDescription'), a?.seoDescription ?? '', b?.seoDescription ?? '');
  }
  return out;
}

/**
 * Field by field, what changed from `before` to `after`: words taken out struck through, words put in underlined
 * (each with its meaning in a title), Thai cut into words so one changed word shows as that word.
 */
export function DraftDiff({
  before,
  after,
  removedTitle,
  addedTitle,
  empty,
  testId = 'diff-row',
}: {
  before: Draft;
  after: Draft;
  removedTitle: string;
  addedTitle: string;
  empty: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const changed = rows(t, before, after);
  if (changed.length === 0) return <Text c="dimmed">{empty}</Text>;
  return changed.map((row) => (
    <Paper key={row.label} withBorder p="sm" data-testid={testId}>
      <Title order={3} size="h5" mb={4}>
        {row.label}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>
        {diffWords(row.before, row.after).map((part, i) =>
          part.added ? (
            <ins key={i} title={addedTitle}>
              {part.text}
            </ins>
          ) : part.removed ? (
            <del key={i} title={removedTitle}>
              {part.text}
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </Text>
    </Paper>
  ));
}
