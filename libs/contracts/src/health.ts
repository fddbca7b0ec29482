import { z } from 'zod';
import { defineRpc, type RpcDefinition } from './rpc.js';

export const CheckSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});
export type Check = z.infer<typeof CheckSchema>;

export const HealthReplySchema = z.object({
  service: z.string(),
  status: z.enum(['up', 'down']),
  checks: z.record(z.string(), CheckSchema),
});
export type HealthReply = z.infer<typeof HealthReplySchema>;

/** The services behind the gateway. Each answers `<service>.health.v1` from one of its replicas. */
export const ServiceNames = ['articles', 'media', 'translation', 'social'] as const;
export type ServiceName = (typeof ServiceNames)[number];

const HealthRequestSchema = z.object({}).strict();

export const HealthRpc = Object.fromEntries(
  ServiceNames.map((s) => [s, defineRpc(`${s}.health.v1`, HealthRequestSchema, HealthReplySchema)]),
) as Record<ServiceName, RpcDefinition<typeof HealthRequestSchema, typeof HealthReplySchema>>;
