import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { glossaryFromCsv, glossaryToCsv } from '../glossary-csv';
import { createTerm, useRefreshGlossary } from '../hooks/use-glossary';
import type { GlossaryEntry } from '../types';

interface ImportResult {
  added: number;
  refused: { row: number; message: string }[];
}

/** Export the glossary as CSV; import one (each row added as a new term; duplicates and bad rows are listed). */
export function GlossaryCsvTools({ entries }: { entries: GlossaryEntry[] }) {
  const { t } = useTranslation();
  const refresh = useRefreshGlossary();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const download = () => {
    const url = URL.createObjectURL(new Blob([glossaryToCsv(entries)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'khao-glossary.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const { rows, problems } = glossaryFromCsv(await file.text());
      const refused = [...problems];
      let added = 0;
      // One at a time, in the file's order: the first of two equal terms is added, the second refused.
      for (const { row, entry } of rows) {
        try {
          await createTerm(entry);
          added++;
        } catch (err) {
          refused.push({ row, message: err instanceof ApiError ? err.message : String(err) });
        }
      }
      setResult({ added, refused: refused.sort((a, b) => a.row - b.row) });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Button variant="default" onClick={download} disabled={!entries.length}>
          {t('glossary.export')}
        </Button>
        <FileInput
          label={t('glossary.import')}
          description={t('glossary.importHint')}
          accept=".csv,text/csv"
          w={320}
          disabled={busy}
          value={null}
          onChange={(f) => void importFile(f)}
        />
      </Group>
      {result && (
        <Alert color={result.refused.length ? 'orange' : 'teal'} role="status" data-testid="import-result">
          <Text fw={700} size="sm">
            {t('glossary.imported', { added: result.added, refused: result.refused.length })}
          </Text>
          {result.refused.length > 0 && (
            <List size="sm">
              {result.refused.map((r) => (
                <List.Item key={`${r.row}-${r.message}`}>
                  {t('glossary.row', { row: r.row })}: <span lang="en">{r.message}</span>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
