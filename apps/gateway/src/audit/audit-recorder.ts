import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ArticleEvents, SocialEvents, TranslationEvents, type EventEnvelope } from '@khao/contracts';
import { EventConsumer, INFRA, type ServiceInfra } from '@khao/messaging';
import { objectId, type ObjectId } from '@khao/persistence';
import type { GatewayConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { AuditTrail, type AuditEntry } from './audit-trail.js';

/** Each recorded event and the audit action it becomes. */
const RECORDED = [
  [ArticleEvents.versionSaved, 'story.saved'],
  [ArticleEvents.versionSubmitted, 'story.submitted'],
  [ArticleEvents.versionPublished, 'story.published'],
  // An archive import publishes with v2 (`imported: true`): recorded apart, so the trail tells the two apart.
  [ArticleEvents.versionPublishedV2, 'story.imported'],
  [ArticleEvents.versionUpdated, 'story.corrected'],
  [ArticleEvents.versionUnpublished, 'story.unpublished'],
  [ArticleEvents.deleted, 'story.deleted'],
  [TranslationEvents.jobApproved, 'translation.approved'],
  [SocialEvents.postSent, 'post.sent'],
  [SocialEvents.postFailed, 'post.failed'],
] as const;
/** Audit entries written at once by one gateway. */
const AUDIT_CONCURRENCY = 8;
const ACTIONS = new Map<string, string>(RECORDED.map(([e, action]) => [e.type, action]));

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** An event as an audit entry: who (`by`, `approvedBy`; none for what the platform did), which story, what. */
export function entryOf(event: EventEnvelope): AuditEntry | undefined {
  const action = ACTIONS.get(event.type);
  if (!action) return undefined;
  const d = (event.data ?? {}) as Record<string, unknown>;
  const details = Object.fromEntries(
    Object.entries({
      language: d.language ?? d.targetLanguage,
      revision: d.revision ?? d.storyRevision,
      title: d.title,
      status: d.status ?? d.targetStatus,
      channelId: d.channelId,
      channelType: d.channelType,
      externalUrl: d.externalUrl,
      error: d.error,
      errorKind: d.errorKind,
      eventId: event.id,
    }).filter(([, v]) => v !== undefined && v !== null),
  );
  return {
    action,
    actorId: str(d.by) ?? str(d.approvedBy),
    subjectId: str(d.postId) ?? str(d.jobId) ?? str(d.storyId),
    storyId: str(d.storyId),
    details,
  };
}

/**
 * The id of an event's audit entry, made from the event: when it happened (seconds, then milliseconds: the trail is
 * listed newest first by id) and a hash of the event id. Recording the event again finds the entry already there,
 * so the entry's insert is the consumer's inbox.
 */
export function entryIdOf(event: EventEnvelope): ObjectId {
  const bytes = Buffer.alloc(12);
  const at = Date.parse(event.occurredAt);
  bytes.writeUInt32BE(Math.max(0, Math.floor(at / 1000)), 0);
  bytes.writeUInt16BE(at % 1000, 4);
  createHash('sha256').update(event.id).digest().copy(bytes, 6, 0, 6);
  return objectId(bytes);
}

/**
 * Writes what happens to stories into the audit trail, from the events the services already publish: a durable
 * consumer (EVENTS_CONSUMER, shared by the gateway's replicas), so nothing is missed while the gateway is down.
 */
@Injectable()
export class AuditRecorder implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer?: EventConsumer;

  constructor(
    private readonly audit: AuditTrail,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer({
      nc: this.infra.nats,
      jsm: this.infra.jsm,
      publisher: this.infra.publisher,
      // One insert an event, keyed by the event (entryIdOf): no inbox reads and writes besides it. The entries are
      // independent of each other, so several are written at once.
      inbox: null,
      concurrency: AUDIT_CONCURRENCY,
      logger: this.infra.logger,
      durable: this.config.EVENTS_CONSUMER,
      maxDeliveries: this.config.EVENT_MAX_DELIVERIES,
      backoffMs: this.config.EVENT_BACKOFF_MS,
      // The trail records what each event says, as it says it: none is refused for its shape.
    }).onRaw(
      RECORDED.map(([e]) => e),
      async (event) => {
        const entry = entryOf(event);
        if (entry) await this.audit.record(entry, { strict: true, id: entryIdOf(event) });
      },
    );
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
