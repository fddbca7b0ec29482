import { z } from 'zod';
import { defineEvent } from './events.js';
import { ActorSchema, defineRpc } from './rpc.js';

/** Languages a story can have; the configured subset is checked by the articles service. */
export const LanguageSchema = z.enum(['th', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character hexadecimal id');

export const VersionInputSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(300),
    summary: z.string().trim().max(1000).default(''),
    body: z.string().max(500_000).default(''),
  })
  .strict();
export type VersionInput = z.input<typeof VersionInputSchema>;

export const StoryInputSchema = z
  .object({
    sourceLanguage: LanguageSchema,
    tags: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
    version: VersionInputSchema,
  })
  .strict();
export type StoryInput = z.input<typeof StoryInputSchema>;

export const VersionSchema = z.object({
  language: LanguageSchema,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']),
  revision: z.number().int(),
});

export const StorySchema = z.object({
  id: z.string(),
  sourceLanguage: LanguageSchema,
  tags: z.array(z.string()),
  versions: z.array(VersionSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof StorySchema>;

export const ArticlesRpc = {
  create: defineRpc(
    'articles.create.v1',
    z.object({ actor: ActorSchema, story: StoryInputSchema }).strict(),
    StorySchema,
  ),
  get: defineRpc('articles.get.v1', z.object({ actor: ActorSchema, id: ObjectIdSchema }).strict(), StorySchema),
};

export const ArticleEvents = {
  /** A version was saved (created or edited); the translation trigger "save" listens to this. */
  versionSaved: defineEvent(
    'article.version.saved.v1',
    z.object({
      storyId: z.string(),
      language: LanguageSchema,
      sourceLanguage: LanguageSchema,
      revision: z.number().int(),
      status: z.string(),
      savedBy: z.string(),
    }),
  ),
};
