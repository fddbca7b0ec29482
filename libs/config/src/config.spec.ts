import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaseConfigSchema, ConfigError, env, loadConfig } from './config.js';

const valid = { NATS_URL: 'nats://127.0.0.1:4222', MONGO_URL: 'mongodb://127.0.0.1:27017/' };

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const c = loadConfig(BaseConfigSchema, valid);
    expect(c.RPC_TIMEOUT_MS).toBe(5000);
    expect(c.EVENT_BACKOFF_MS).toEqual([1000, 5000, 30000, 120000]);
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('names every bad variable and what was wrong with it', () => {
    let error: unknown;
    try {
      loadConfig(BaseConfigSchema, { MONGO_URL: 'http://x', RPC_TIMEOUT_MS: 'soon', EVENT_BACKOFF_MS: '1s,2s' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('NATS_URL: is required (it is not set)');
    expect(problems).toContain("MONGO_URL: must be a URL starting with mongodb:// or mongodb+srv:// (got 'http://x')");
    expect(problems).toContain("RPC_TIMEOUT_MS: must be a whole number (got 'soon')");
    expect(problems).toContain('EVENT_BACKOFF_MS: must be a comma-separated list of milliseconds');
  });

  it('never echoes a secret value', () => {
    const schema = z.object({ API_SECRET: z.string().min(20, 'must be at least 20 characters') });
    expect(() => loadConfig(schema, { API_SECRET: 'short-secret' })).toThrow(
      /API_SECRET: must be at least 20 characters \(got '\*\*\*'\)/,
    );
  });

  it('treats an empty variable as unset', () => {
    const schema = z.object({ FLAG: env.bool(true) });
    expect(loadConfig(schema, { FLAG: '' }).FLAG).toBe(true);
    expect(loadConfig(schema, { FLAG: 'false' }).FLAG).toBe(false);
  });
});

describe('env.list', () => {
  const schema = z.object({ ORIGINS: env.list((o) => o.startsWith('https://'), 'must list https origins') });

  it('trims items, drops empty ones and defaults to none', () => {
    expect(loadConfig(schema, { ORIGINS: ' https://a.example , ,https://b.example' }).ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadConfig(schema, {}).ORIGINS).toEqual([]);
  });

  it('refuses the whole variable when one item is bad, with its message', () => {
    expect(() => loadConfig(schema, { ORIGINS: 'https://a.example,http://b.example' })).toThrow(
      /ORIGINS: must list https origins/,
    );
  });
});
