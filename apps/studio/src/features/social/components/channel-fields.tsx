import { NumberInput, PasswordInput, Select, Switch, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_FIELDS, OPTION_FIELDS, type FieldSpec } from '../channel-types';
import type { ChannelType } from '../types';

type Values = Record<string, unknown>;

function helpOf(t: (k: string) => string, exists: (k: string) => boolean, name: string): string | undefined {
  return exists(`social.fieldHelp.${name}`) ? t(`social.fieldHelp.${name}`) : undefined;
}

function OptionField({ spec, value, onChange }: { spec: FieldSpec; value: unknown; onChange: (v: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const label = t(`social.fields.${spec.name}`);
  const description = helpOf(t, (k) => i18n.exists(k), spec.name);
  switch (spec.kind) {
    case 'switch':
      return (
        <Switch
          label={label}
          description={description}
          checked={value !== false}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          description={description}
          min={100}
          max={100000}
          value={typeof value === 'number' ? value : Number(value ?? spec.default)}
          onChange={(v) => onChange(typeof v === 'number' ? v : Number(v))}
        />
      );
    case 'select':
      return (
        <Select
          label={label}
          description={description}
          allowDeselect={false}
          value={typeof value === 'string' ? value : String(spec.default)}
          onChange={(v) => onChange(v)}
          data={(spec.choices ?? []).map((c) => ({ value: c, label: t(`social.choices.${c}`) }))}
        />
      );
    case 'text':
    case 'url':
      return (
        <TextInput
          label={label}
          description={description}
          required={spec.required}
          type={spec.kind === 'url' ? 'url' : 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** The platform's settings, exactly the fields its type has (LINE's `to` only for push). */
export function OptionFields({
  type,
  value,
  onChange,
}: {
  type: ChannelType;
  value: Values;
  onChange: (v: Values) => void;
}) {
  return OPTION_FIELDS[type]
    .filter((f) => !f.when || value[f.when.field] === f.when.is)
    .map((f) => (
      <OptionField key={f.name} spec={f} value={value[f.name]} onChange={(v) => onChange({ ...value, [f.name]: v })} />
    ));
}

/** Credential inputs: written here, never filled from the server (it never sends them). */
export function CredentialFields({
  type,
  value,
  onChange,
}: {
  type: ChannelType;
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  return CREDENTIAL_FIELDS[type].map((name) => {
    const props = {
      label: t(`social.fields.${name}`),
      description: helpOf(t, (k) => i18n.exists(k), name),
      required: true,
      autoComplete: 'off',
      value: value[name] ?? '',
      onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [name]: e.currentTarget.value }),
    };
    // The Bluesky handle is no secret; every other credential is masked as it is typed.
    return name === 'identifier' ? <TextInput key={name} {...props} /> : <PasswordInput key={name} {...props} />;
  });
}
