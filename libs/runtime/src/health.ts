import type { Check, HealthReply } from '@khao/contracts';

/** Runs each named check; the service is up only when all are. */
export async function serviceHealth(
  service: string,
  checks: Record<string, () => Promise<Check>>,
): Promise<HealthReply> {
  const names = Object.keys(checks);
  const results = await Promise.all(
    names.map((n) => checks[n]().catch((e: Error) => ({ status: 'down' as const, error: e.message }))),
  );
  const out: Record<string, Check> = {};
  names.forEach((n, i) => (out[n] = results[i]!));
  return { service, status: results.every((r) => r.status === 'up') ? 'up' : 'down', checks: out };
}

/** NATS round trip time, as a check. */
export async function pingNats(nc: { rtt(): Promise<number> }): Promise<Check> {
  try {
    return { status: 'up', latencyMs: Math.round(await nc.rtt()) };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  }
}
