import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useCreateTerm } from '../hooks/use-glossary';

/** Adds one term; a term already there is refused by the API, and its message says what the entry holds. */
export function GlossaryForm() {
  const { t } = useTranslation();
  const create = useCreateTerm();
  const [direction, setDirection] = useState<'th-en' | 'en-th'>('th-en');
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [from, to] = direction === 'th-en' ? (['th', 'en'] as const) : (['en', 'th'] as const);
  return (
    <form
      aria-label={t('glossary.add')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { sourceLanguage: from, targetLanguage: to, source, target },
          {
            onSuccess: () => {
              setSource('');
              setTarget('');
            },
          },
        );
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('glossary.direction')}
          w={200}
          allowDeselect={false}
          value={direction}
          onChange={(v) => setDirection(v === 'en-th' ? 'en-th' : 'th-en')}
          data={[
            { value: 'th-en', label: `${t('languages.th')} → ${t('languages.en')}` },
            { value: 'en-th', label: `${t('languages.en')} → ${t('languages.th')}` },
          ]}
        />
        <TextInput
          label={t('glossary.term')}
          lang={from}
          required
          maxLength={200}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
        />
        <TextInput
          label={t('glossary.fixedTranslation')}
          lang={to}
          required
          maxLength={200}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending} disabled={!source.trim() || !target.trim()}>
          {t('glossary.add')}
        </Button>
      </Group>
      {create.error && (
        <div style={{ marginTop: 8 }}>
          <ApiErrorAlert error={create.error} context="glossary" />
        </div>
      )}
    </form>
  );
}
