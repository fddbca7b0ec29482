import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor, type GlossaryEntry, type Language } from '@khao/contracts';
import { mayReview } from '../jobs/review.service.js';
import { GlossaryRepository } from './glossary.repository.js';

/** The glossary, edited by translators, editors and admins: terms every provider's output must use. */
@Injectable()
export class GlossaryService {
  constructor(private readonly glossary: GlossaryRepository) {}

  async list(actor: Actor, q: { sourceLanguage?: Language; targetLanguage?: Language }) {
    mayReview(actor);
    return { items: await this.glossary.list(q) };
  }

  async put(
    actor: Actor,
    e: { sourceLanguage: Language; targetLanguage: Language; source: string; target: string },
  ): Promise<GlossaryEntry> {
    mayReview(actor);
    if (/[\t\n\r]/.test(e.source + e.target)) {
      throw new DomainError(ErrorCode.InvalidArgument, 'terms must be one line without tabs');
    }
    return this.glossary.put({ ...e, updatedBy: actor.id });
  }

  async delete(actor: Actor, id: string): Promise<{ id: string; deleted: true }> {
    mayReview(actor);
    if (!(await this.glossary.delete(id))) throw new DomainError(ErrorCode.NotFound, `no glossary entry ${id}`);
    return { id, deleted: true };
  }
}
