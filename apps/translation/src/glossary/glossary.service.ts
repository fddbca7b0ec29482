import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor, type GlossaryEntry, type Language } from '@khao/contracts';
import { mayReview } from '../review.policy.js';
import { GlossaryRepository } from './glossary.repository.js';

type Term = { sourceLanguage: Language; targetLanguage: Language; source: string; target: string };

/** The glossary, edited by translators, editors and admins: terms every provider's output must use. */
@Injectable()
export class GlossaryService {
  constructor(private readonly glossary: GlossaryRepository) {}

  async list(actor: Actor, q: { sourceLanguage?: Language; targetLanguage?: Language }) {
    mayReview(actor);
    return { items: await this.glossary.list(q) };
  }

  async put(actor: Actor, e: Term): Promise<GlossaryEntry> {
    mayReview(actor);
    if (/[\t\n\r]/.test(e.source + e.target)) {
      throw new DomainError(ErrorCode.InvalidArgument, 'terms must be one line without tabs');
    }
    return this.glossary.put({ ...e, updatedBy: actor.id });
  }

  /** A new term; the same term in the same direction is refused with the translation it already has. */
  async create(actor: Actor, e: Term): Promise<GlossaryEntry> {
    mayReview(actor);
    const created = await this.glossary.create({ ...e, updatedBy: actor.id });
    if ('existing' in created) {
      const { existing } = created;
      throw new DomainError(
        ErrorCode.Conflict,
        `"${existing.source}" (${existing.sourceLanguage} → ${existing.targetLanguage}) is already in the glossary ` +
          `as "${existing.target}"; edit that entry instead`,
        { id: existing.id, target: existing.target },
      );
    }
    return created.entry;
  }

  async edit(actor: Actor, id: string, edit: { target: string }): Promise<GlossaryEntry> {
    mayReview(actor);
    const entry = await this.glossary.edit(id, { target: edit.target, updatedBy: actor.id });
    if (!entry) throw new DomainError(ErrorCode.NotFound, `no glossary entry ${id}`);
    return entry;
  }

  async delete(actor: Actor, id: string): Promise<{ id: string; deleted: true }> {
    mayReview(actor);
    if (!(await this.glossary.delete(id))) throw new DomainError(ErrorCode.NotFound, `no glossary entry ${id}`);
    return { id, deleted: true };
  }
}
