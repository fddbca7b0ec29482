import type { ChannelType } from './types';

/** One field a platform needs; `label`/`help` come from `social.fields.<name>` / `social.fieldHelp.<name>`. */
export interface FieldSpec {
  name: string;
  kind: 'text' | 'url' | 'number' | 'select' | 'switch';
  required?: boolean;
  choices?: string[];
  default?: string | number | boolean;
  /** Shown only when another option has this value (LINE's `to` for push). */
  when?: { field: string; is: string };
}

/** The seven platforms, in the order the form offers them. */
export const CHANNEL_TYPES: readonly ChannelType[] = [
  'webhook',
  'facebook_page',
  'x',
  'line_oa',
  'mastodon',
  'telegram',
  'bluesky',
];

/** Settings that are not secret (the API returns them), exactly as the social service's schema per type wants. */
export const OPTION_FIELDS: Record<ChannelType, FieldSpec[]> = {
  webhook: [{ name: 'url', kind: 'url', required: true }],
  facebook_page: [{ name: 'pageId', kind: 'text', required: true }],
  x: [],
  line_oa: [
    { name: 'mode', kind: 'select', choices: ['broadcast', 'push'], default: 'broadcast' },
    { name: 'to', kind: 'text', required: true, when: { field: 'mode', is: 'push' } },
  ],
  mastodon: [
    { name: 'instanceUrl', kind: 'url', required: true },
    { name: 'characterLimit', kind: 'number', default: 500 },
    { name: 'visibility', kind: 'select', choices: ['public', 'unlisted', 'private'], default: 'public' },
  ],
  telegram: [
    { name: 'chatId', kind: 'text', required: true },
    { name: 'sendPhoto', kind: 'switch', default: true },
  ],
  bluesky: [],
};

/** Secrets: written, never read back. */
export const CREDENTIAL_FIELDS: Record<ChannelType, string[]> = {
  webhook: ['secret'],
  facebook_page: ['pageAccessToken'],
  x: ['accessToken'],
  line_oa: ['channelAccessToken'],
  mastodon: ['accessToken'],
  telegram: ['botToken'],
  bluesky: ['identifier', 'appPassword'],
};

/** The platforms with a harmless call to test the credentials with (the others cannot be tested without posting). */
export const TESTABLE: ReadonlySet<ChannelType> = new Set([
  'facebook_page',
  'line_oa',
  'mastodon',
  'telegram',
  'bluesky',
]);

/** The options a form starts with for a type: each field's default. */
export function defaultOptions(type: ChannelType): Record<string, unknown> {
  return Object.fromEntries(OPTION_FIELDS[type].filter((f) => f.default !== undefined).map((f) => [f.name, f.default]));
}

/** Only the fields the type has, and only those that apply (LINE's `to` without push is left out). */
export function cleanOptions(type: ChannelType, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of OPTION_FIELDS[type]) {
    if (f.when && options[f.when.field] !== f.when.is) continue;
    const v = options[f.name];
    if (v === undefined || v === '') continue;
    out[f.name] = f.kind === 'number' ? Number(v) : v;
  }
  return out;
}
