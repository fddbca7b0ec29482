import type { Language, Story, StoryInput, StoryPatch, Version, VersionInput } from '../../../api/types';
import { dayToApi, newsroomDay } from '../../../lib/dates';
import type { StoryChanges } from '../hooks/use-story';

/** The story's shared fields as the form holds them. */
export interface FieldsDraft {
  place: string;
  province: string | null;
  /** Whole newsroom days (YYYY-MM-DD): a day, or a range of days. */
  eventDays: [string | null, string | null];
  categories: string[];
  tags: string[];
  byline: string;
  /** The cover photo's media id, and the gallery's in the order readers see them. */
  cover: string | null;
  gallery: string[];
}

/** One language version as the form holds it. */
export interface VersionDraft {
  title: string;
  summary: string;
  body: string;
  seoTitle: string;
  seoDescription: string;
  seoKeywords: string[];
}

export interface Draft {
  fields: FieldsDraft;
  versions: Partial<Record<Language, VersionDraft>>;
}

export const STORY_LANGUAGES: readonly Language[] = ['th', 'en'];

export const emptyFields = (): FieldsDraft => ({
  place: '',
  province: null,
  eventDays: [null, null],
  categories: [],
  tags: [],
  byline: '',
  cover: null,
  gallery: [],
});

export const emptyVersion = (): VersionDraft => ({
  title: '',
  summary: '',
  body: '',
  seoTitle: '',
  seoDescription: '',
  seoKeywords: [],
});

export function fieldsFromStory(story: Story): FieldsDraft {
  const start = story.eventDate ? newsroomDay(story.eventDate.start) : null;
  const end = story.eventDate?.end ? newsroomDay(story.eventDate.end) : start;
  return {
    place: story.dateline.place ?? '',
    province: story.dateline.province ?? null,
    eventDays: [start, end],
    categories: [...story.categories],
    tags: [...story.tags],
    byline: story.byline,
    cover: story.coverMediaId,
    gallery: [...story.galleryMediaIds],
  };
}

export function versionFromStory(v: Version): VersionDraft {
  return {
    title: v.title,
    summary: v.summary,
    body: v.body,
    seoTitle: v.seo.title ?? '',
    seoDescription: v.seo.description ?? '',
    seoKeywords: v.seo.keywords ?? [],
  };
}

export function draftFromStory(story: Story): Draft {
  const versions: Draft['versions'] = {};
  for (const v of story.versions) versions[v.language] = versionFromStory(v);
  return { fields: fieldsFromStory(story), versions };
}

/** The shared fields as the API takes them; a single day is sent without an end. */
export function fieldsToApi(f: FieldsDraft) {
  const [start, end] = f.eventDays;
  return {
    dateline: {
      ...(f.place.trim() ? { place: f.place.trim() } : {}),
      ...(f.province ? { province: f.province } : {}),
    },
    eventDate: start ? { start: dayToApi(start), ...(end && end !== start ? { end: dayToApi(end) } : {}) } : null,
    categories: f.categories,
    tags: f.tags,
    byline: f.byline.trim(),
    coverMediaId: f.cover,
    galleryMediaIds: f.gallery,
  } satisfies StoryPatch;
}

export function versionToApi(v: VersionDraft): VersionInput {
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    body: v.body,
    seo: {
      ...(v.seoTitle.trim() ? { title: v.seoTitle.trim() } : {}),
      ...(v.seoDescription.trim() ? { description: v.seoDescription.trim() } : {}),
      ...(v.seoKeywords.length ? { keywords: v.seoKeywords } : {}),
    },
  };
}

export function storyInput(sourceLanguage: Language, draft: Draft): StoryInput {
  return { ...fieldsToApi(draft.fields), sourceLanguage, version: versionToApi(draft.versions[sourceLanguage]!) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What the draft changes on top of the saved story: nothing, the shared fields, some versions, or all. */
export function changesOf(base: Story, draft: Draft): StoryChanges {
  const saved = draftFromStory(base);
  const fields = fieldsToApi(draft.fields);
  const changes: StoryChanges = { versions: [] };
  if (!same(fieldsToApi(saved.fields), fields)) changes.fields = fields;
  for (const language of STORY_LANGUAGES) {
    const mine = draft.versions[language];
    if (!mine) continue;
    const theirs = saved.versions[language];
    if (!theirs || !same(versionToApi(theirs), versionToApi(mine))) {
      changes.versions.push({ language, input: versionToApi(mine) });
    }
  }
  return changes;
}

export const hasChanges = (c: StoryChanges) => c.fields !== undefined || c.versions.length > 0;

function pick<T extends object>(base: T | undefined, mine: T, theirs: T | undefined): T {
  if (!theirs) return mine;
  const out = { ...theirs };
  for (const key of Object.keys(mine) as (keyof T)[]) {
    if (!base || !same(mine[key], base[key])) out[key] = mine[key];
  }
  return out;
}

/**
 * This person's changes carried over onto someone else's newer save (a three-way merge, field by field): what they
 * changed since `base` is kept, everything else takes the server's value. Where both changed a field, theirs wins
 * only if this person left it alone; otherwise this person's text is kept.
 */
export function rebase(base: Story, mine: Draft, theirs: Story): Draft {
  const b = draftFromStory(base);
  const t = draftFromStory(theirs);
  const versions: Draft['versions'] = { ...t.versions };
  for (const lang of STORY_LANGUAGES) {
    const m = mine.versions[lang];
    if (m) versions[lang] = pick(b.versions[lang], m, t.versions[lang]);
  }
  return { fields: pick(b.fields, mine.fields, t.fields), versions };
}
