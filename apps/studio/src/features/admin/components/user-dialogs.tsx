import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useCreateUser, useUpdateUser } from '../hooks/use-users';
import type { NewUser, User } from '../types';

export const ROLES = ['admin', 'editor', 'author', 'translator'] as const;

/** Adds a user with a role and an initial password. */
export function NewUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [form, setForm] = useState<NewUser>({ email: '', name: '', role: 'author', password: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, {
      onSuccess: () => {
        setForm({ email: '', name: '', role: 'author', password: '' });
        onClose();
      },
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && <ApiErrorAlert error={create.error} context="users" />}
          <TextInput
            label={t('users.email')}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <TextInput
            label={t('users.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <Select
            label={t('users.role')}
            required
            allowDeselect={false}
            value={form.role}
            onChange={(v) => setForm({ ...form, role: ROLES.find((r) => r === v) ?? form.role })}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A new password for someone: every session of theirs ends. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const who = user ? user.name || user.email : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    update.mutate(
      { id: user.id, patch: { password } },
      {
        onSuccess: () => {
          setPassword('');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={!!user}
      onClose={onClose}
      title={t('users.resetTitle', { who })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {update.error && <ApiErrorAlert error={update.error} context="users" />}
          <Text size="sm">{t('users.resetText')}</Text>
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('users.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
