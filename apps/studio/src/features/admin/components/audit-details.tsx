import { Anchor, Code, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../social/components/error-details';
import type { AuditEntry } from '../types';

/** Details the other columns already say: ids, and the title or name the "about" column shows. */
const SAID = new Set(['eventId', 'channelId', 'title', 'name']);
/** Details shown by the failure line (the sentence, then the platform's own words behind "details"). */
const FAILURE = new Set(['error', 'errorKind']);

/** One detail as text: lists joined, anything else as JSON unless it is a plain string or number. */
const shown = (v: unknown): string =>
  Array.isArray(v) ? v.map(shown).join(', ') : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * An entry's details in the reader's words: languages, roles, statuses and platforms by name, a revision by its
 * number, a failed post's error as the ledger says it (its raw text folded away), and anything else as "label: value".
 */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const details = entry.details ?? {};
  // A word for a value when the studio has one (`roles.editor`), else the value as it came.
  const word = (prefix: string, v: unknown) => {
    const text = shown(v);
    return i18n.exists(`${prefix}.${text}`) ? t(`${prefix}.${text}`) : text;
  };
  const label = (key: string) => (i18n.exists(`audit.detail.${key}`) ? t(`audit.detail.${key}`) : key);
  const channelAction = entry.action.startsWith('channel.') || entry.action.startsWith('post.');

  const parts: ReactNode[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (SAID.has(key) || FAILURE.has(key) || value === undefined || value === null) continue;
    let part: ReactNode;
    if (key === 'language') part = word('languages', value);
    else if (key === 'revision') part = t('audit.detail.revisionN', { n: shown(value) });
    else if (key === 'status') part = word('status', value);
    else if (key === 'role' || ((key === 'from' || key === 'to') && entry.action === 'user.role-changed'))
      part = `${label(key)}: ${word('roles', value)}`;
    else if (key === 'channelType' || (key === 'type' && channelAction)) part = word('social.types', value);
    else if (key === 'reason') part = word('audit.reasons', value);
    // A channel's changed fields, by the names its form gives them.
    else if (key === 'fields')
      part = `${label(key)}: ${(Array.isArray(value) ? value : [value]).map((f) => word('social', f)).join(', ')}`;
    else if (key === 'externalUrl' && typeof value === 'string')
      part = (
        <Anchor href={value} target="_blank" rel="noreferrer" size="sm">
          {t('social.open')}
        </Anchor>
      );
    else if (key === 'type' || key === 'consumer') part = <Code>{shown(value)}</Code>;
    else part = `${label(key)}: ${shown(value)}`;
    parts.push(<span key={key}>{part}</span>);
  }

  const error = typeof details.error === 'string' ? details.error : undefined;
  const kind = typeof details.errorKind === 'string' ? details.errorKind : undefined;
  return (
    <Stack gap={2}>
      {parts.length > 0 && (
        <Group gap={6} wrap="wrap" fz="sm" data-testid="audit-details">
          {parts.flatMap((p, i) =>
            i === 0
              ? [p]
              : [
                  <span key={`dot${i}`} aria-hidden="true">
                    ·
                  </span>,
                  p,
                ],
          )}
        </Group>
      )}
      {error !== undefined &&
        (entry.action === 'post.failed' ? (
          <>
            <Text size="sm" data-testid="audit-error-words">
              {t(`social.errorWords.${kind && i18n.exists(`social.errorWords.${kind}`) ? kind : 'unknown'}`)}
            </Text>
            <ErrorDetails detail={error} />
          </>
        ) : (
          <ErrorDetails detail={error} />
        ))}
    </Stack>
  );
}
