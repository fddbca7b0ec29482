import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { embedUrl } from '../editor/video-embed';

/** A link address the body may carry (http, https, mailto); a bare host name gets https://. Null when refused. */
export function linkHref(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const candidate = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? candidate : null;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.hostname.includes('.') || url.hostname === 'localhost' ? candidate : null;
  } catch {
    return null;
  }
}

interface AddressDialogProps {
  opened: boolean;
  title: string;
  label: string;
  description: string;
  submitLabel: string;
  initial: string;
  /** The value to apply, or null with the reason shown under the field. */
  check: (value: string) => string | null;
  refusal: string;
  onSubmit: (value: string) => void;
  onClose: () => void;
  extra?: ReactNode;
}

/** One address field in a dialog, checked before it is applied, the refusal said under the field. */
function AddressDialog(p: AddressDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {/* Mounted only while open, so every opening starts from the current value. */}
      <AddressForm {...p} />
    </Modal>
  );
}

function AddressForm(p: AddressDialogProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(p.initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = p.check(value);
    if (checked === null) setError(p.refusal);
    else p.onSubmit(checked);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={p.label}
          description={p.description}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          type="url"
          inputMode="url"
          autoComplete="url"
        />
        <Group justify="flex-end">
          {p.extra}
          <Button variant="default" onClick={p.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{p.submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The link of the selected text: set, change or remove. */
export function LinkDialog({
  opened,
  current,
  onApply,
  onRemove,
  onClose,
}: {
  opened: boolean;
  current: string;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AddressDialog
      opened={opened}
      title={t('linkDialog.title')}
      label={t('linkDialog.address')}
      description={t('linkDialog.description')}
      submitLabel={t('linkDialog.apply')}
      initial={current}
      check={linkHref}
      refusal={t('linkDialog.invalid')}
      onSubmit={onApply}
      onClose={onClose}
      extra={
        current ? (
          <Button variant="subtle" color="red" onClick={onRemove}>
            {t('linkDialog.remove')}
          </Button>
        ) : null
      }
    />
  );
}

/** A YouTube or Facebook video link, turned into the allow-listed player address. */
export function VideoDialog({
  opened,
  onInsert,
  onClose,
}: {
  opened: boolean;
  onInsert: (src: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AddressDialog
      opened={opened}
      title={t('videoDialog.title')}
      label={t('videoDialog.address')}
      description={t('videoDialog.description')}
      submitLabel={t('videoDialog.insert')}
      initial=""
      check={embedUrl}
      refusal={t('videoDialog.refused')}
      onSubmit={onInsert}
      onClose={onClose}
    />
  );
}
