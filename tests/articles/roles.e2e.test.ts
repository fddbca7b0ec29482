import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { createStory, englishVersion, thaiStory, userToken, version } from './helpers.js';

// The role matrix: each role × each action it must and must not do, through the gateway.
const platform = new TestPlatform({ services: ['articles'] });
type Role = 'admin' | 'editor' | 'author' | 'translator';
const tokens = {} as Record<Role, string>;
let authorId: string;

beforeAll(async () => {
  await platform.start();
  tokens.admin = await platform.adminToken();
  for (const role of ['editor', 'author', 'translator'] as const) {
    const u = await userToken(platform, tokens.admin, role);
    tokens[role] = u.token;
    if (role === 'author') authorId = u.id;
  }
});
afterAll(() => platform.stop());

/** A fresh story owned by `owner` for each check, so checks do not depend on each other. */
async function storyOf(owner: Role): Promise<Story> {
  return createStory(platform, tokens[owner], thaiStory());
}

type Check = (role: Role) => Promise<number>;

const actions: Record<string, { check: Check; allowed: Role[] }> = {
  'create a story': {
    check: async (role) =>
      (await platform.http('POST', '/api/v1/articles', { token: tokens[role], body: thaiStory() })).status,
    allowed: ['admin', 'editor', 'author'],
  },
  'list stories': {
    check: async (role) => (await platform.http('GET', '/api/v1/articles', { token: tokens[role] })).status,
    allowed: ['admin', 'editor', 'author'],
  },
  "open another author's story": {
    check: async (role) => {
      const s = await storyOf('editor');
      return (await platform.http('GET', `/api/v1/articles/${s.id}`, { token: tokens[role] })).status;
    },
    allowed: ['admin', 'editor'],
  },
  'edit the shared fields of a story by an editor': {
    check: async (role) => {
      const s = await storyOf('editor');
      return (await platform.http('PATCH', `/api/v1/articles/${s.id}`, { token: tokens[role], body: { byline: 'x' } }))
        .status;
    },
    allowed: ['admin', 'editor'],
  },
  'add a version to a story by an editor': {
    check: async (role) => {
      const s = await storyOf('editor');
      return (
        await platform.http('PUT', `/api/v1/articles/${s.id}/versions/en`, {
          token: tokens[role],
          body: englishVersion,
        })
      ).status;
    },
    allowed: ['admin', 'editor'],
  },
  'publish a version': {
    check: async (role) => {
      const s = await storyOf('author');
      return (await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/publish`, { token: tokens[role] }))
        .status;
    },
    allowed: ['admin', 'editor'],
  },
  'unpublish a version': {
    check: async (role) => {
      const s = await storyOf('editor');
      await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/publish`, { token: tokens.editor });
      return (await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/unpublish`, { token: tokens[role] }))
        .status;
    },
    allowed: ['admin', 'editor'],
  },
  'return a version in review to draft': {
    check: async (role) => {
      const s = await storyOf('author');
      await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/submit`, { token: tokens.author });
      return (await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/return`, { token: tokens[role] }))
        .status;
    },
    allowed: ['admin', 'editor'],
  },
  'see the revisions of a story by an editor': {
    check: async (role) => {
      const s = await storyOf('editor');
      return (await platform.http('GET', `/api/v1/articles/${s.id}/revisions`, { token: tokens[role] })).status;
    },
    allowed: ['admin', 'editor'],
  },
  'restore a revision': {
    check: async (role) => {
      const s = await storyOf('editor');
      return (await platform.http('POST', `/api/v1/articles/${s.id}/revisions/1/restore`, { token: tokens[role] }))
        .status;
    },
    allowed: ['admin', 'editor'],
  },
  'delete a story': {
    check: async (role) => {
      const s = await storyOf('author');
      return (await platform.http('DELETE', `/api/v1/articles/${s.id}`, { token: tokens[role] })).status;
    },
    allowed: ['admin', 'editor'],
  },
  'manage users': {
    check: async (role) => (await platform.http('GET', '/api/v1/users', { token: tokens[role] })).status,
    allowed: ['admin'],
  },
  'list dead letters': {
    check: async (role) => (await platform.http('GET', '/api/v1/ops/dead-letters', { token: tokens[role] })).status,
    allowed: ['admin'],
  },
  'see who they are': {
    check: async (role) => (await platform.http('GET', '/api/v1/auth/me', { token: tokens[role] })).status,
    allowed: ['admin', 'editor', 'author', 'translator'],
  },
};

describe('role matrix', () => {
  for (const [action, { check, allowed }] of Object.entries(actions)) {
    it(`${action}: ${allowed.join(', ')} may; the others get 403`, async () => {
      for (const role of ['admin', 'editor', 'author', 'translator'] as const) {
        const status = await check(role);
        if (allowed.includes(role)) expect(status, `${role} should be allowed`).toBeLessThan(300);
        else expect(status, `${role} should be refused`).toBe(403);
      }
    });
  }

  it('authors work on their own drafts: edit, submit, but not once published; they list only their own', async () => {
    const own = await storyOf('author');
    expect(own.createdBy).toBe(authorId);
    const edit = await platform.http('PUT', `/api/v1/articles/${own.id}/versions/th`, {
      token: tokens.author,
      body: { title: 'ชาวบ้านร่วมกันซ่อมฝายกั้นน้ำ', body: '<p>ร่างแรก</p>' },
    });
    expect(edit.status).toBe(200);
    const submitted = await platform.http('POST', `/api/v1/articles/${own.id}/versions/th/submit`, {
      token: tokens.author,
    });
    expect(version(submitted.body as Story, 'th').status).toBe('in_review');
    const inReview = await platform.http('PUT', `/api/v1/articles/${own.id}/versions/th`, {
      token: tokens.author,
      body: { title: 'แก้ระหว่างรอตรวจ' },
    });
    expect(inReview.status).toBe(403);
    await platform.http('POST', `/api/v1/articles/${own.id}/versions/th/publish`, { token: tokens.editor });
    const afterPublish = await platform.http('PATCH', `/api/v1/articles/${own.id}`, {
      token: tokens.author,
      body: { tags: ['x'] },
    });
    expect(afterPublish.status).toBe(403);
    expect((afterPublish.body as { message: string }).message).toMatch(/only an editor/);

    const list = await platform.http('GET', '/api/v1/articles?limit=100', { token: tokens.author });
    const items = (list.body as { items: Story[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.createdBy === authorId)).toBe(true);
  });

  it('a disabled user can no longer log in', async () => {
    const u = await userToken(platform, tokens.admin, 'author');
    const off = await platform.http('PATCH', `/api/v1/users/${u.id}`, {
      token: tokens.admin,
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    expect(off.body).not.toHaveProperty('passwordHash');
    const login = await platform.http('POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    expect(login.status).toBe(401);
    const users = await platform.http('GET', '/api/v1/users', { token: tokens.admin });
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|passwordHash/);
  });
});
