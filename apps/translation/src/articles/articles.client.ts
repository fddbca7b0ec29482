import {
  ArticlesRpc,
  DomainError,
  ErrorCode,
  type Actor,
  type Language,
  type Story,
  type VersionInput,
} from '@khao/contracts';
import type { RpcClient } from '@khao/messaging';

/**
 * The translation service reads stories as a translator: the role that may read any story but change only
 * translations, as drafts. Least privilege: it never needs more to cut jobs.
 */
export const READER: Actor = { id: 'service:translation', email: 'translation@service.khao', role: 'translator' };
/** Used only when TRANSLATION_APPROVAL=publish, to publish a translation a person approved. */
export const PUBLISHER: Actor = { id: 'service:translation', email: 'translation@service.khao', role: 'editor' };

/** What the translation service asks of the articles service. */
export class ArticlesClient {
  constructor(private readonly rpc: RpcClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }

  /** The story, or null when it does not exist (here: another platform's story, or deleted). */
  async find(id: string): Promise<Story | null> {
    try {
      return await this.rpc.request(ArticlesRpc.get, { actor: READER, id });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
      throw err;
    }
  }

  putVersion(actor: Actor, id: string, language: Language, version: VersionInput, translationOf: Language) {
    return this.rpc.request(ArticlesRpc.putVersion, { actor, id, language, version, translationOf });
  }

  publish(id: string, language: Language) {
    return this.rpc.request(ArticlesRpc.transition, { actor: PUBLISHER, id, language, action: 'publish' });
  }
}
