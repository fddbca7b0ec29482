import { Accordion, Code, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { slugText } from '@khao/thai/slug-text';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../api/types';
import type { VersionDraft } from '../editor/draft';
import { RichTextEditor } from './rich-text-editor';

interface Props {
  language: Language;
  value: VersionDraft;
  onChange: (v: VersionDraft) => void;
  /** The saved slug, whose last part (the story's short id) stays the same whatever the title. */
  savedSlug?: string;
  readOnly?: boolean;
}

/** The public address the title gives, as the articles service will make it (same rule, same library). */
function slugPreview(title: string, language: Language, savedSlug?: string): string {
  const shortId = savedSlug ? savedSlug.slice(savedSlug.lastIndexOf('-') + 1) : '……';
  return `/${language}/news/${slugText(title, language)}-${shortId}`;
}

/** One language version: title, summary, body, SEO, and the address it will have. */
export function VersionEditor({ language, value, onChange, savedSlug, readOnly }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<VersionDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset disabled={readOnly} className="khao-bare" lang={language}>
      <Stack>
        <TextInput
          label={t('version.title')}
          required
          value={value.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={value.title.trim() === '' ? t('version.titleRequired') : undefined}
        />
        <Text size="sm" data-testid={`slug-${language}`}>
          {t('version.slug')}: <Code ff="inherit">{slugPreview(value.title, language, savedSlug)}</Code>
        </Text>
        <Textarea
          label={t('version.summary')}
          autosize
          minRows={2}
          maxLength={1000}
          value={value.summary}
          onChange={(e) => set({ summary: e.currentTarget.value })}
        />
        <RichTextEditor
          label={t('version.body')}
          value={value.body}
          onChange={(body) => set({ body })}
          lang={language}
        />
        <Accordion variant="contained">
          <Accordion.Item value="seo">
            <Accordion.Control>{t('version.seo')}</Accordion.Control>
            <Accordion.Panel>
              <Stack>
                <TextInput
                  label={t('version.seoTitle')}
                  maxLength={120}
                  value={value.seoTitle}
                  onChange={(e) => set({ seoTitle: e.currentTarget.value })}
                />
                <Textarea
                  label={t('version.seoDescription')}
                  maxLength={300}
                  value={value.seoDescription}
                  onChange={(e) => set({ seoDescription: e.currentTarget.value })}
                />
                <TagsInput
                  label={t('version.seoKeywords')}
                  value={value.seoKeywords}
                  onChange={(seoKeywords) => set({ seoKeywords })}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </fieldset>
  );
}
