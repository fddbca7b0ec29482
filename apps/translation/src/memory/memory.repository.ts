import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LanguageSchema, type Language } from '@khao/contracts';
import { collectionOf, defineCollection, type Database, type DocCollection } from '@khao/persistence';

const Memory = defineCollection({
  name: 'memory',
  schema: z.object({
    /** hash of (source language, target language, source text) */
    _id: z.string(),
    sourceLanguage: LanguageSchema,
    targetLanguage: LanguageSchema,
    source: z.string(),
    target: z.string(),
    approvedBy: z.string(),
    approvedAt: z.date(),
  }),
});

/** The key of a segment in the memory: the same text in the same direction is the same entry. */
export function memoryKey(source: Language, target: Language, text: string): string {
  return createHash('sha256').update(`${source}\u0001${target}\u0001${text}`).digest('hex');
}

/** Translation memory: every approved segment, found again by its key (`_id`), so reuse costs no provider call. */
export class MemoryRepository {
  private readonly entries: DocCollection<typeof Memory.schema>;

  constructor(db: Database) {
    this.entries = collectionOf(db, Memory);
  }

  /** The approved translations of these texts that the memory has (by text). */
  async lookup(source: Language, target: Language, texts: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(texts)];
    const found = await Promise.all(unique.map((t) => this.entries.findById(memoryKey(source, target, t))));
    const out = new Map<string, string>();
    found.forEach((doc, i) => {
      if (doc && doc.source === unique[i]) out.set(unique[i], doc.target);
    });
    return out;
  }

  async remember(
    source: Language,
    target: Language,
    pairs: { source: string; target: string }[],
    approvedBy: string,
  ): Promise<void> {
    const approvedAt = new Date();
    await Promise.all(
      pairs.map((p) =>
        this.entries.updateOne(
          { _id: memoryKey(source, target, p.source) },
          {
            $set: {
              sourceLanguage: source,
              targetLanguage: target,
              source: p.source,
              target: p.target,
              approvedBy,
              approvedAt,
            },
          },
          { upsert: true },
        ),
      ),
    );
  }
}
