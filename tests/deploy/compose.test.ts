import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { repoRoot } from '@khao/testing';
import { ArticlesConfigSchema } from '../../apps/articles/dist/config.js';
import { GatewayConfigSchema } from '../../apps/gateway/dist/config.js';
import { MediaConfigSchema } from '../../apps/media/dist/config.js';
import { SocialConfigSchema } from '../../apps/social/dist/config.js';
import { TranslationConfigSchema } from '../../apps/translation/dist/config.js';

// Docker cannot run on these machines: what can be checked of the compose file without it is checked here.
interface ComposeService {
  image?: string;
  build?: { context: string; args?: Record<string, string> };
  command?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const apps: Record<string, z.ZodObject<Record<string, z.ZodType>>> = {
  gateway: GatewayConfigSchema,
  articles: ArticlesConfigSchema,
  media: MediaConfigSchema,
  translation: TranslationConfigSchema,
  social: SocialConfigSchema,
};

describe('docker-compose.yml', () => {
  it('runs NATS with JetStream, MongoDB and MinIO with health checks and volumes', () => {
    const { nats, mongo, minio } = compose.services;
    expect(nats?.command).toContain('-js');
    for (const s of [nats, mongo, minio]) {
      expect(s?.image).toMatch(/:/);
      expect(s?.healthcheck?.test.length).toBeGreaterThan(1);
      expect(s?.volumes?.length).toBeGreaterThan(0);
      expect(s?.ports?.length).toBeGreaterThan(0);
    }
  });

  for (const [app, schema] of Object.entries(apps)) {
    it(`${app}: is built from the Dockerfile and its environment matches the config schema`, () => {
      const svc = compose.services[app];
      expect(svc, app).toBeDefined();
      expect(svc.build?.args?.APP).toBe(app);
      expect(svc.depends_on?.nats?.condition).toBe('service_healthy');
      expect(svc.depends_on?.mongo?.condition).toBe('service_healthy');

      const known = Object.keys(schema.shape);
      const given = Object.keys(svc.environment ?? {});
      expect(
        given.filter((k) => !known.includes(k)),
        'variables the service does not read',
      ).toEqual([]);
      const required = known.filter((k) => !schema.shape[k].safeParse(undefined).success);
      expect(
        required.filter((k) => !given.includes(k)),
        'required variables missing',
      ).toEqual([]);
      // ${VAR:?message} placeholders aside, the values parse.
      const literal = Object.fromEntries(
        Object.entries(svc.environment ?? {}).filter(([, v]) => !String(v).includes('${')),
      );
      for (const [k, v] of Object.entries(literal)) {
        expect(schema.shape[k].safeParse(String(v)).success, `${k}=${v}`).toBe(true);
      }
    });
  }

  it('publishes the gateway port it listens on; the NATS-only services expose none', () => {
    const gw = compose.services.gateway;
    expect(gw.ports).toEqual([`${gw.environment!.HTTP_PORT}:${gw.environment!.HTTP_PORT}`]);
    expect(gw.healthcheck?.test.join(' ')).toContain('/health');
    for (const app of ['articles', 'media', 'translation', 'social'])
      expect(compose.services[app].ports).toBeUndefined();
  });

  it('the Dockerfile copies every workspace manifest before npm ci', () => {
    const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    const pkgs = ['apps', 'libs'].flatMap((d) =>
      fs.readdirSync(path.join(repoRoot, d)).map((name) => `${d}/${name}/package.json`),
    );
    for (const p of pkgs) expect(dockerfile).toContain(`COPY ${p} `);
    expect(dockerfile.indexOf('npm ci')).toBeGreaterThan(dockerfile.lastIndexOf('package.json'));
  });
});
