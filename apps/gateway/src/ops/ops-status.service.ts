import { Inject, Injectable } from '@nestjs/common';
import {
  deadLetterFilter,
  SocialRpc,
  Streams,
  TranslationRpc,
  type Actor,
  type JobCounts,
  type PostCounts,
} from '@khao/contracts';
import { INFRA, RpcClient, type ServiceInfra } from '@khao/messaging';
import { ReadinessService, type Readiness } from '../health/readiness.service.js';

export interface ConsumerFigures {
  name: string;
  /** Events in the stream this consumer has not been given yet. */
  waiting: number;
  /** Given but not acknowledged yet (in hand, or waiting for a retry). */
  inProgress: number;
  /** Events this consumer gave up on, kept as dead letters. */
  deadLetters: number;
}

/** A figure, or why it could not be had (its service or NATS is down): never a made-up zero. */
export type Figure<T> = { ok: true; value: T } | { ok: false; error: string };

export interface OpsStatus {
  readiness: Readiness;
  consumers: Figure<ConsumerFigures[]>;
  posts: Figure<PostCounts>;
  translationJobs: Figure<JobCounts>;
}

const figure = <T>(p: Promise<T>): Promise<Figure<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (err: Error) => ({ ok: false as const, error: err.message }),
  );

/** The admins' health page: readiness of every dependency and service, and the live figures behind the work. */
@Injectable()
export class OpsStatusService {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly rpc: RpcClient,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  async status(actor: Actor): Promise<OpsStatus> {
    const [readiness, consumers, posts, translationJobs] = await Promise.all([
      this.readiness.check(),
      figure(this.consumers()),
      figure(this.rpc.request(SocialRpc.countPosts, { actor }, { timeoutMs: 2000 })),
      figure(this.rpc.request(TranslationRpc.countJobs, { actor }, { timeoutMs: 2000 })),
    ]);
    return { readiness, consumers, posts, translationJobs };
  }

  /** Each durable consumer of the events (the ephemeral ones behind live streams are not work waiting). */
  private async consumers(): Promise<ConsumerFigures[]> {
    const { jsm } = this.infra;
    const dlq = await jsm.streams.info(Streams.deadLetters.name, { subjects_filter: deadLetterFilter() });
    const dead = new Map<string, number>();
    for (const [subject, n] of Object.entries(dlq.state.subjects ?? {})) {
      const consumer = subject.split('.')[1];
      dead.set(consumer, (dead.get(consumer) ?? 0) + n);
    }
    const out: ConsumerFigures[] = [];
    for await (const ci of jsm.consumers.list(Streams.events.name)) {
      if (!ci.config.durable_name) continue;
      out.push({
        name: ci.name,
        waiting: ci.num_pending,
        inProgress: ci.num_ack_pending,
        deadLetters: dead.get(ci.name) ?? 0,
      });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }
}
