import { describe, expect, it } from 'vitest';
import { infraEnv, ServiceProcess, type AppName } from '@khao/testing';

// A service with a missing or malformed variable stops at boot with a message naming it.
const apps: AppName[] = ['gateway', 'articles', 'media', 'translation', 'social'];

function baseEnv(app: AppName): Record<string, string> {
  return {
    ...infraEnv(),
    ...(app === 'gateway' ? { JWT_SECRET: 'x'.repeat(40), HTTP_PORT: '0' } : {}),
  };
}

describe('configuration validated at boot', () => {
  for (const app of apps) {
    it(`${app}: a missing NATS_URL stops the service and names the variable`, async () => {
      const env = baseEnv(app);
      delete env.NATS_URL;
      const p = new ServiceProcess(app, env, `${app}-config`).spawn();
      const exit = await p.waitForExit();
      expect(exit.code).toBe(78);
      expect(p.output()).toMatch(/NATS_URL: .*it is not set/);
    });

    it(`${app}: a malformed MONGO_URL and LOG_LEVEL are both named`, async () => {
      const p = new ServiceProcess(
        app,
        { ...baseEnv(app), MONGO_URL: 'postgres://db', LOG_LEVEL: 'loud' },
        `${app}-config`,
      ).spawn();
      const exit = await p.waitForExit();
      expect(exit.code).toBe(78);
      expect(p.output()).toContain(
        "MONGO_URL: must be a URL starting with mongodb:// or mongodb+srv:// (got 'postgres://db')",
      );
      expect(p.output()).toContain('LOG_LEVEL: must be one of');
    });
  }

  it('gateway: a short JWT_SECRET is refused without echoing it', async () => {
    const p = new ServiceProcess('gateway', { ...baseEnv('gateway'), JWT_SECRET: 'hunter2' }, 'gateway-config').spawn();
    expect((await p.waitForExit()).code).toBe(78);
    expect(p.output()).toContain('JWT_SECRET: must be at least 32 characters');
    expect(p.output()).not.toContain('hunter2');
  });
});
