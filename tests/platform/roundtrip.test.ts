import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleEvents } from '@khao/contracts';
import { EventTap, TestPlatform, waitFor } from '@khao/testing';

// HTTP → gateway → NATS → articles → MongoDB and back, with the correlation id followed all the way to JetStream.
const platform = new TestPlatform();
let token: string;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
});
afterAll(() => platform.stop());

describe('platform round trip', () => {
  it('reports every dependency and service up on /health/ready', async () => {
    const res = await platform.http('GET', '/health/ready');
    expect(res.status).toBe(200);
    const body = res.body as {
      status: string;
      checks: Record<string, { status: string }>;
      services: Record<string, { status: string }>;
    };
    expect(body.status).toBe('up');
    expect(Object.keys(body.checks).sort()).toEqual(['minio', 'mongodb', 'nats']);
    for (const c of Object.values(body.checks)) expect(c.status).toBe('up');
    expect(Object.keys(body.services).sort()).toEqual(['articles', 'media', 'social', 'translation']);
    for (const s of Object.values(body.services)) expect(s.status).toBe('up');
  });

  it('creates a story through the gateway and reads it back from the articles database', async () => {
    const title = 'ชาวบ้านอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์';
    const created = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { sourceLanguage: 'th', tags: ['บ้านมั่นคง'], version: { title, summary: 'เวทีสองวันที่ศาลากลางจังหวัด' } },
    });
    expect(created.status).toBe(201);
    const story = created.body as { id: string; versions: { title: string; status: string }[] };
    expect(story.id).toMatch(/^[0-9a-f]{24}$/);

    const read = await platform.http('GET', `/api/v1/articles/${story.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: story.id, sourceLanguage: 'th', tags: ['บ้านมั่นคง'] });
    expect((read.body as typeof story).versions[0]).toMatchObject({ title, status: 'draft' });
  });

  it('carries the caller correlation id from HTTP through NATS into the published event', async () => {
    const correlationId = `corr-${platform.suffix}-roundtrip`;
    const created = await platform.http('POST', '/api/v1/articles', {
      token,
      headers: { 'x-correlation-id': correlationId },
      body: { sourceLanguage: 'en', version: { title: 'Udon Thani villagers plan their own housing' } },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);
    const storyId = (created.body as { id: string }).id;

    // The articles service logged the request under the same id (HTTP → NATS).
    await waitFor(
      () =>
        platform
          .proc('articles')
          .logLines()
          .some((l) => l.correlationId === correlationId),
      {
        what: 'an articles log line with the correlation id',
      },
    );

    // The event on JetStream carries it too (NATS → JetStream).
    const tap = await EventTap.open();
    try {
      const [event] = await waitFor(async () => {
        const found = await tap.events<{ storyId: string }>(
          [ArticleEvents.versionSaved.subject],
          (e) => e.data.storyId === storyId,
        );
        return found.length ? found : undefined;
      });
      expect(event).toMatchObject({ type: 'article.version.saved.v1', version: 1, correlationId });
      expect(event.data).toMatchObject({ storyId, language: 'en', revision: 1 });
    } finally {
      await tap.close();
    }
  });

  it('serves the OpenAPI document and Prometheus metrics', async () => {
    const doc = await platform.http('GET', '/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys((doc.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/health', '/health/ready', '/api/v1/auth/login', '/api/v1/articles']),
    );
    const metrics = await platform.http('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(String(metrics.body)).toMatch(
      /khao_http_requests_total\{method="POST",route="\/api\/v1\/articles",status="201"/,
    );
    expect(String(metrics.body)).toContain('process_resident_memory_bytes');
  });

  it('stops a service gracefully on SIGTERM', async () => {
    const social = platform.proc('social');
    const exit = await social.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(social.output()).toContain('stopped cleanly');
    const ready = await platform.http('GET', '/health/ready');
    expect(
      (ready.body as { status: string; services: Record<string, { status: string }> }).services.social.status,
    ).toBe('down');
    expect((ready.body as { status: string }).status).toBe('degraded');
    await platform.restart('social');
    await waitFor(
      async () => ((await platform.http('GET', '/health/ready')).body as { status: string }).status === 'up',
      {
        what: 'social back up',
      },
    );
  });
});

describe('platform shutdown', () => {
  it('stops the gateway cleanly on SIGTERM, exit code 0, and serves again after a restart', async () => {
    const gateway = platform.proc('gateway');
    expect(await gateway.stop()).toEqual({ code: 0, signal: null });
    expect(gateway.output()).toContain('stopped cleanly');
    await platform.restart('gateway');
    expect((await platform.http('GET', '/health')).status).toBe(200);
  });
});
