import { z } from 'zod';

/** JetStream streams. Wire-stable names: changing one orphans the durable consumers bound to it. */
export const Streams = {
  /** Every domain event, on `events.<type>`. */
  events: { name: 'KHAO_EVENTS', subjects: ['events.>'] },
  /** Messages a consumer gave up on, on `dlq.<consumer>.<type>`, kept for an operator to list and replay. */
  deadLetters: { name: 'KHAO_DLQ', subjects: ['dlq.>'] },
} as const;

export interface EventDefinition<T extends z.ZodType = z.ZodType> {
  /** e.g. `article.version.published.v1` */
  readonly type: string;
  readonly version: number;
  readonly subject: string;
  readonly data: T;
}

export function defineEvent<T extends z.ZodType>(type: string, data: T): EventDefinition<T> {
  const m = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+\.v([0-9]+)$/.exec(type);
  if (!m) throw new Error(`event type '${type}' must look like 'aggregate.fact.v1'`);
  return { type, version: Number(m[2]), subject: eventSubject(type), data };
}

export function eventSubject(type: string): string {
  return `events.${type}`;
}

export function deadLetterSubject(consumer: string, type: string): string {
  return `dlq.${consumer}.${type}`;
}

/** The dead letters of one consumer (`dlq.<consumer>.>`), or of every consumer when none is named. */
export function deadLetterFilter(consumer?: string): string {
  return consumer ? deadLetterSubject(consumer, '>') : Streams.deadLetters.subjects[0];
}

/**
 * Every event of one aggregate, for the caches and streams that take them all (`events.article.>`). Wire-stable:
 * the first segment of each event type.
 */
export const EventFamilies = {
  article: eventSubject('article.>'),
  media: eventSubject('media.>'),
  translation: eventSubject('translation.>'),
  social: eventSubject('social.>'),
  user: eventSubject('user.>'),
} as const;
export type EventFamily = (typeof EventFamilies)[keyof typeof EventFamilies];

/** Whether an event subject belongs to a family (`events.article.deleted.v1` to `events.article.>`). */
export function inFamily(subject: string, family: EventFamily): boolean {
  return subject.startsWith(family.slice(0, -1));
}

/** The envelope every event travels in. A published shape never changes: add a new `.vN` type instead. */
export const EventEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime(),
  correlationId: z.string().min(1),
  data: z.unknown(),
});
export type EventEnvelope<T = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'data'> & { data: T };

export type EventData<D extends EventDefinition> = z.output<D['data']>;

/** What lands on the dead-letter stream: the original event and why it was given up. */
export const DeadLetterSchema = z.object({
  consumer: z.string(),
  subject: z.string(),
  event: EventEnvelopeSchema,
  error: z.string(),
  deliveries: z.number().int(),
  failedAt: z.string().datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
