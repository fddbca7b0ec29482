import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LanguageSchema, type GlossaryEntry, type Language } from '@khao/contracts';
import { collectionOf, defineCollection, isDuplicateKey, type Database, type DocCollection } from '@khao/persistence';

const Glossary = defineCollection({
  name: 'glossary',
  schema: z.object({
    /** `<source>-<target>-<hash of the source term>`: one entry per term and direction. */
    _id: z.string(),
    sourceLanguage: LanguageSchema,
    targetLanguage: LanguageSchema,
    source: z.string(),
    target: z.string(),
    updatedBy: z.string(),
    updatedAt: z.date(),
  }),
});
type GlossaryDoc = z.output<typeof Glossary.schema>;

export function glossaryId(source: Language, target: Language, term: string): string {
  const key = createHash('sha256').update(term.toLowerCase()).digest('hex').slice(0, 16);
  return `${source}-${target}-${key}`;
}

/** The glossary: a small collection, read whole. */
export class GlossaryRepository {
  private readonly entries: DocCollection<typeof Glossary.schema>;

  constructor(db: Database) {
    this.entries = collectionOf(db, Glossary);
  }

  async list(filter: { sourceLanguage?: Language; targetLanguage?: Language } = {}): Promise<GlossaryEntry[]> {
    const docs = await this.entries.find({});
    return docs
      .filter(
        (d) =>
          (!filter.sourceLanguage || d.sourceLanguage === filter.sourceLanguage) &&
          (!filter.targetLanguage || d.targetLanguage === filter.targetLanguage),
      )
      .sort((a, b) => a.source.localeCompare(b.source, 'th'))
      .map(toEntry);
  }

  async put(e: Omit<GlossaryDoc, '_id' | 'updatedAt'>): Promise<GlossaryEntry> {
    const doc: GlossaryDoc = {
      _id: glossaryId(e.sourceLanguage, e.targetLanguage, e.source),
      ...e,
      updatedAt: new Date(),
    };
    const { _id, ...fields } = doc;
    await this.entries.updateOne({ _id }, { $set: fields }, { upsert: true });
    return toEntry(doc);
  }

  /** Inserts a new term; the unique `_id` (term and direction) refuses a second one, which is returned instead. */
  async create(
    e: Omit<GlossaryDoc, '_id' | 'updatedAt'>,
  ): Promise<{ entry: GlossaryEntry } | { existing: GlossaryEntry }> {
    const doc: GlossaryDoc = {
      _id: glossaryId(e.sourceLanguage, e.targetLanguage, e.source),
      ...e,
      updatedAt: new Date(),
    };
    try {
      await this.entries.insertOne(doc);
      return { entry: toEntry(doc) };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.entries.findById(doc._id);
      if (!existing) throw err;
      return { existing: toEntry(existing) };
    }
  }

  async edit(id: string, change: { target: string; updatedBy: string }): Promise<GlossaryEntry | null> {
    const doc = await this.entries.findOneAndUpdate({ _id: id }, { $set: { ...change, updatedAt: new Date() } });
    return doc ? toEntry(doc) : null;
  }

  async delete(id: string): Promise<boolean> {
    return this.entries.deleteOne({ _id: id });
  }
}

function toEntry(d: GlossaryDoc): GlossaryEntry {
  return {
    id: d._id,
    sourceLanguage: d.sourceLanguage,
    targetLanguage: d.targetLanguage,
    source: d.source,
    target: d.target,
    updatedBy: d.updatedBy,
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
