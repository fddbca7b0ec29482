import { Button, Checkbox, Code, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../lib/dates';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { useDeadLetters, useReplay } from '../hooks/use-ops';
import type { DeadLetter } from '../types';

/** Dead letters by consumer: inspect the payload and the error, replay one or a selection. */
export function DeadLettersRoute() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const [params, setParams] = useSearchParams();
  const consumer = params.get('consumer') ?? undefined;
  const letters = useDeadLetters(consumer);
  const replay = useReplay();
  const [selected, setSelected] = useState<number[]>([]);
  const [inspecting, setInspecting] = useState<DeadLetter | null>(null);
  const [confirming, setConfirming] = useState<number[] | null>(null);
  const items = letters.data?.items ?? [];
  const toggle = (seq: number) => setSelected((s) => (s.includes(seq) ? s.filter((x) => x !== seq) : [...s, seq]));

  const send = (seqs: number[]) =>
    replay.mutate(seqs, {
      onSuccess: (count) => {
        setConfirming(null);
        setInspecting(null);
        setSelected([]);
        notifications.show({
          message: t('deadLetters.replayed', { count }),
          closeButtonProps: { 'aria-label': t('common.close') },
        });
      },
    });

  return (
    <Stack>
      <Title order={1}>{t('deadLetters.heading')}</Title>
      <Text>{t('deadLetters.intro')}</Text>
      <Group align="flex-end">
        <TextInput
          label={t('deadLetters.consumer')}
          placeholder={t('deadLetters.allConsumers')}
          defaultValue={consumer ?? ''}
          key={consumer ?? ''}
          onBlur={(e) => {
            const v = e.currentTarget.value.trim();
            setParams(v ? { consumer: v } : {}, { replace: true });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
          w={320}
        />
        <Button disabled={selected.length === 0} onClick={() => setConfirming(selected)}>
          {t('deadLetters.replaySelected', { count: selected.length })}
        </Button>
      </Group>
      {letters.error && <ApiErrorAlert error={letters.error} />}
      {replay.error && <ApiErrorAlert error={replay.error} />}
      {letters.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('deadLetters.empty')}</Text>
      ) : (
        <DataTable
          minWidth={640}
          striped
          columns={[
            <Checkbox
              aria-label={t('deadLetters.selectAll')}
              checked={selected.length === items.length}
              indeterminate={selected.length > 0 && selected.length < items.length}
              onChange={() => setSelected(selected.length === items.length ? [] : items.map((l) => l.seq))}
            />,
            t('deadLetters.seq'),
            t('deadLetters.consumer'),
            t('deadLetters.event'),
            t('deadLetters.error'),
            t('deadLetters.deliveries'),
            t('deadLetters.failedAt'),
            t('users.actions'),
          ]}
        >
          {items.map((l) => (
            <Table.Tr key={l.seq} data-seq={l.seq}>
              <Table.Td>
                <Checkbox
                  aria-label={t('deadLetters.select', { seq: l.seq })}
                  checked={selected.includes(l.seq)}
                  onChange={() => toggle(l.seq)}
                />
              </Table.Td>
              <Table.Td>{l.seq}</Table.Td>
              <Table.Td>{l.consumer}</Table.Td>
              <Table.Td>
                <Code>{l.event.type}</Code>
              </Table.Td>
              <Table.Td lang="en">{l.error}</Table.Td>
              <Table.Td>{l.deliveries}</Table.Td>
              <Table.Td>{formatDateTime(l.failedAt, lang)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setInspecting(l)}>
                    {t('deadLetters.inspect')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirming([l.seq])}>
                    {t('deadLetters.replay')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Modal
        opened={!!inspecting}
        onClose={() => setInspecting(null)}
        size="xl"
        title={inspecting ? t('deadLetters.detailTitle', { seq: inspecting.seq }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {inspecting && (
          <Stack>
            <Text fw={700}>{t('deadLetters.error')}</Text>
            <Text lang="en" data-testid="dead-letter-error">
              {inspecting.error}
            </Text>
            <Text fw={700}>{t('deadLetters.payload')}</Text>
            <Code block data-testid="dead-letter-payload">
              {JSON.stringify(inspecting.event, null, 2)}
            </Code>
            <Group justify="flex-end">
              <Button onClick={() => setConfirming([inspecting.seq])}>{t('deadLetters.replay')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={!!confirming}
        onClose={() => setConfirming(null)}
        title={t('deadLetters.confirmTitle', { count: confirming?.length ?? 0 })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('deadLetters.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={replay.isPending} onClick={() => confirming && send(confirming)}>
              {t('workflow.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
