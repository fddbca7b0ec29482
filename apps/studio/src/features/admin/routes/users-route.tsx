import { Badge, Button, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../shell/components/data-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { Loading } from '../../shell/components/loading';
import { NewUserDialog, ResetPasswordDialog, ROLES } from '../components/user-dialogs';
import { useUpdateUser, useUsers } from '../hooks/use-users';
import type { User } from '../types';

/** Users: add, set roles, disable or enable (never delete), reset a password. */
export function UsersRoute() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const users = useUsers();
  const update = useUpdateUser();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const who = (u: User) => u.name || u.email;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('users.heading')}</Title>
        <Button onClick={() => setAdding(true)}>{t('users.new')}</Button>
      </Group>
      {users.error && <ApiErrorAlert error={users.error} />}
      {update.error && !disabling && <ApiErrorAlert error={update.error} context="users" />}
      {users.isPending ? (
        <Loading />
      ) : (
        <DataTable
          minWidth={600}
          striped
          columns={[
            t('users.email'),
            t('users.name'),
            t('users.role'),
            t('users.state'),
            t('users.created'),
            t('users.actions'),
          ]}
        >
          {(users.data ?? []).map((u) => (
            <Table.Tr key={u.id} data-user={u.email}>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{u.name || <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('users.roleOf', { who: who(u) })}
                  size="xs"
                  w={150}
                  allowDeselect={false}
                  value={u.role}
                  onChange={(role) => {
                    const next = ROLES.find((r) => r === role);
                    if (next && next !== u.role) update.mutate({ id: u.id, patch: { role: next } });
                  }}
                  data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                />
              </Table.Td>
              <Table.Td>
                <Badge color={u.disabled ? 'gray' : 'teal'} variant="light">
                  {u.disabled ? t('users.disabled') : t('users.active')}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(u.createdAt, lang)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {u.disabled ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => update.mutate({ id: u.id, patch: { disabled: false } })}
                    >
                      {t('users.enable')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        update.reset();
                        setDisabling(u);
                      }}
                    >
                      {t('users.disable')}
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <NewUserDialog opened={adding} onClose={() => setAdding(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <Modal
        opened={!!disabling}
        onClose={() => setDisabling(null)}
        title={disabling ? t('users.disableTitle', { who: who(disabling) }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          {update.error && <ApiErrorAlert error={update.error} context="users" />}
          <Text size="sm">{t('users.disableText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDisabling(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={update.isPending}
              onClick={() =>
                disabling &&
                update.mutate({ id: disabling.id, patch: { disabled: true } }, { onSuccess: () => setDisabling(null) })
              }
            >
              {t('users.disable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
