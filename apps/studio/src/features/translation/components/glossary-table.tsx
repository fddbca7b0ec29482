import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useDeleteTerm, useEditTerm } from '../hooks/use-glossary';
import type { GlossaryEntry } from '../types';

/** The terms, with a change of translation and a removal (each asked in a dialog). */
export function GlossaryTable({ entries }: { entries: GlossaryEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const edit = useEditTerm();
  const remove = useDeleteTerm();
  const [editing, setEditing] = useState<GlossaryEntry | null>(null);
  const [target, setTarget] = useState('');
  const [removing, setRemoving] = useState<GlossaryEntry | null>(null);
  return (
    <>
      <DataTable
        minWidth={480}
        striped
        columns={[
          t('glossary.term'),
          t('glossary.fixedTranslation'),
          t('glossary.direction'),
          t('stories.updated'),
          t('glossary.actions'),
        ]}
      >
        {entries.map((e) => (
          <Table.Tr key={e.id} data-term={e.source}>
            <Table.Td lang={e.sourceLanguage}>{e.source}</Table.Td>
            <Table.Td lang={e.targetLanguage}>{e.target}</Table.Td>
            <Table.Td>
              {t(`languages.${e.sourceLanguage}`)} → {t(`languages.${e.targetLanguage}`)}
            </Table.Td>
            <Table.Td>{formatDateTime(e.updatedAt, lang)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('glossary.editTerm', { term: e.source })}
                  onClick={() => {
                    edit.reset();
                    setTarget(e.target);
                    setEditing(e);
                  }}
                >
                  {t('glossary.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  color="red"
                  aria-label={t('glossary.deleteTerm', { term: e.source })}
                  onClick={() => {
                    remove.reset();
                    setRemoving(e);
                  }}
                >
                  {t('glossary.delete')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('glossary.edit')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              edit.mutate({ id: editing.id, target }, { onSuccess: () => setEditing(null) });
            }}
          >
            <Stack>
              <Text lang={editing.sourceLanguage}>
                {t('glossary.term')}: <strong>{editing.source}</strong>
              </Text>
              <TextInput
                label={t('glossary.fixedTranslation')}
                lang={editing.targetLanguage}
                required
                maxLength={200}
                value={target}
                onChange={(ev) => setTarget(ev.currentTarget.value)}
                data-autofocus
              />
              {edit.error && <ApiErrorAlert error={edit.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={edit.isPending} disabled={!target.trim()}>
                  {t('editor.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('glossary.delete')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {removing && (
          <Stack>
            <Text>{t('glossary.confirmDelete', { term: removing.source, target: removing.target })}</Text>
            {remove.error && <ApiErrorAlert error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
              >
                {t('glossary.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
