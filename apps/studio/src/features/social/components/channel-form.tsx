import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { CHANNEL_TYPES, cleanOptions, defaultOptions } from '../channel-types';
import type { Channel, ChannelInput, ChannelPatch, ChannelType } from '../types';
import { CredentialFields, OptionFields } from './channel-fields';

const TEMPLATE = '{title}\n\n{summary}\n\n{url}\n{hashtags}';

export interface ChannelFormValue {
  type: ChannelType;
  name: string;
  language: 'th' | 'en';
  template: string;
  hashtags: string[];
  enabled: boolean;
  followThrough: { deleteOnUnpublish: boolean; editOnCorrection: boolean };
  options: Record<string, unknown>;
  credentials: Record<string, string>;
}

function initial(channel?: Channel): ChannelFormValue {
  if (!channel) {
    return {
      type: 'webhook',
      name: '',
      language: 'th',
      template: TEMPLATE,
      hashtags: [],
      enabled: true,
      followThrough: { deleteOnUnpublish: true, editOnCorrection: true },
      options: defaultOptions('webhook'),
      credentials: {},
    };
  }
  const { type, name, language, template, hashtags, enabled, followThrough, options } = channel;
  return { type, name, language, template, hashtags, enabled, followThrough, options, credentials: {} };
}

/** What a new channel sends: the common fields, and exactly the type's options and credentials. */
export function toInput(v: ChannelFormValue): ChannelInput {
  return { ...v, options: cleanOptions(v.type, v.options) } as ChannelInput;
}

/** What an edit sends: everything but the credentials, unless the person chose to replace them. */
export function toPatch(v: ChannelFormValue, replacing: boolean): ChannelPatch {
  const { name, language, template, hashtags, enabled, followThrough } = v;
  return {
    name,
    language,
    template,
    hashtags,
    enabled,
    followThrough,
    options: cleanOptions(v.type, v.options),
    ...(replacing ? { credentials: v.credentials } : {}),
  };
}

/**
 * A channel of any of the seven platforms: the fields its platform needs, each explained; credentials are
 * write-only ("set", with "replace" to type new ones).
 */
export function ChannelForm({
  channel,
  pending,
  error,
  onSubmit,
}: {
  channel?: Channel;
  pending: boolean;
  error: unknown;
  onSubmit: (value: ChannelFormValue, replacingCredentials: boolean) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<ChannelFormValue>(() => initial(channel));
  const [replacing, setReplacing] = useState(!channel);
  const set = (patch: Partial<ChannelFormValue>) => setV((cur) => ({ ...cur, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v, replacing);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        {!!error && <ApiErrorAlert error={error} />}
        {channel ? (
          <Group>
            <Text fw={700}>{t('social.type')}</Text>
            <Badge variant="light">{t(`social.types.${channel.type}`)}</Badge>
          </Group>
        ) : (
          <Select
            label={t('social.type')}
            allowDeselect={false}
            value={v.type}
            onChange={(type) => {
              const next = CHANNEL_TYPES.find((c) => c === type);
              if (next) set({ type: next, options: defaultOptions(next), credentials: {} });
            }}
            data={CHANNEL_TYPES.map((c) => ({ value: c, label: t(`social.types.${c}`) }))}
          />
        )}
        <Text size="sm" data-testid="type-help">
          {t(`social.typeHelp.${v.type}`)}
        </Text>
        <TextInput
          label={t('social.name')}
          description={t('social.nameHint')}
          required
          value={v.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <Select
          label={t('social.language')}
          description={t('social.languageHint')}
          allowDeselect={false}
          value={v.language}
          onChange={(l) => set({ language: l === 'en' ? 'en' : 'th' })}
          data={[
            { value: 'th', label: t('languages.th') },
            { value: 'en', label: t('languages.en') },
          ]}
        />
        <Fieldset legend={t('social.settings')}>
          <Stack>
            <OptionFields type={v.type} value={v.options} onChange={(options) => set({ options })} />
            <Textarea
              label={t('social.template')}
              description={t('social.templateHint')}
              autosize
              minRows={3}
              value={v.template}
              onChange={(e) => set({ template: e.currentTarget.value })}
            />
            <TagsInput
              label={t('social.hashtags')}
              description={t('social.hashtagsHint')}
              value={v.hashtags}
              onChange={(hashtags) => set({ hashtags })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
            />
            <Switch
              label={t('social.enabled')}
              checked={v.enabled}
              onChange={(e) => set({ enabled: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('social.deleteOnUnpublish')}
              checked={v.followThrough.deleteOnUnpublish}
              onChange={(e) =>
                set({ followThrough: { ...v.followThrough, deleteOnUnpublish: e.currentTarget.checked } })
              }
            />
            <Checkbox
              label={t('social.editOnCorrection')}
              checked={v.followThrough.editOnCorrection}
              onChange={(e) =>
                set({ followThrough: { ...v.followThrough, editOnCorrection: e.currentTarget.checked } })
              }
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('social.credentials')}>
          <Stack>
            <Text size="sm">{t('social.credentialsHint')}</Text>
            {channel && (
              <Group>
                <Badge color={channel.hasCredentials ? 'teal' : 'gray'} variant="light" data-testid="credentials-state">
                  {channel.hasCredentials ? t('social.credentialsSet') : t('social.credentialsNotSet')}
                </Badge>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setReplacing(!replacing);
                    set({ credentials: {} });
                  }}
                >
                  {replacing ? t('social.keep') : t('social.replace')}
                </Button>
              </Group>
            )}
            {replacing && (
              <CredentialFields type={v.type} value={v.credentials} onChange={(credentials) => set({ credentials })} />
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={pending}>
            {channel ? t('social.save') : t('social.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
