import { DomainError, ErrorCode, type Actor, type Language } from '@khao/contracts';
import type { StoryDoc } from './story.schema.js';

/**
 * Who may do what to a story. Editors and admins: everything. Authors: their own stories while no version of them
 * is live or scheduled, and submitting their drafts. Translators (through the translation service): versions in
 * a language other than the source, as drafts.
 */
export const policy = {
  read(actor: Actor, story: StoryDoc): void {
    if (actor.role === 'author' && story.createdBy !== actor.id) deny('authors may only open their own stories');
  },

  create(actor: Actor): void {
    if (actor.role === 'translator') deny('translators cannot create stories');
  },

  editFields(actor: Actor, story: StoryDoc): void {
    if (isEditor(actor)) return;
    if (actor.role !== 'author') deny(`the ${actor.role} role cannot edit a story's shared fields`);
    authorOwnsUnreleased(actor, story);
  },

  putVersion(actor: Actor, story: StoryDoc, language: Language): void {
    if (isEditor(actor)) return;
    const v = story.versions.find((x) => x.language === language);
    if (actor.role === 'translator') {
      if (language === story.sourceLanguage) deny('translators write translations, not the source version');
      if (v && v.status !== 'draft') deny(`the ${language} version is ${v.status}; only an editor can change it now`);
      return;
    }
    authorOwnsUnreleased(actor, story);
    if (v && v.status !== 'draft') deny(`the ${language} version is ${v.status}; only an editor can change it now`);
  },

  transition(actor: Actor, story: StoryDoc, action: string): void {
    if (isEditor(actor)) return;
    if (actor.role === 'author' && action === 'submit') {
      if (story.createdBy !== actor.id) deny('authors may only submit their own stories');
      return;
    }
    deny(`the ${actor.role} role may not ${action} a version`);
  },

  import(actor: Actor): void {
    if (actor.role !== 'admin') deny('only admins may import an archive');
  },

  manage(actor: Actor, what: string): void {
    if (!isEditor(actor)) deny(`the ${actor.role} role may not ${what}`);
  },

  revisions(actor: Actor, story: StoryDoc): void {
    if (isEditor(actor)) return;
    if (actor.role === 'author' && story.createdBy === actor.id) return;
    deny('only editors, and authors of the story, may see its revisions');
  },
};

function isEditor(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}

function authorOwnsUnreleased(actor: Actor, story: StoryDoc): void {
  if (story.createdBy !== actor.id) deny('authors may only edit their own stories');
  if (story.versions.some((v) => v.status === 'published' || v.status === 'scheduled')) {
    deny('this story is published or scheduled; only an editor can change it now');
  }
}

function deny(message: string): never {
  throw new DomainError(ErrorCode.Forbidden, message);
}
