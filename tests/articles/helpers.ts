import { expect } from 'vitest';
import type { Story } from '@khao/contracts';
import type { TestPlatform } from '@khao/testing';

/** A Thai story in the organisation's own style, written for these tests. */
export function thaiStory(overrides: Record<string, unknown> = {}) {
  return {
    sourceLanguage: 'th',
    dateline: { place: 'ศาลากลางจังหวัดอุดรธานี', province: 'อุดรธานี' },
    eventDate: { start: '2017-04-10T09:00:00+07:00', end: '2017-04-11T16:00:00+07:00' },
    categories: ['บ้านมั่นคง'],
    tags: ['สภาองค์กรชุมชน', 'พอช.'],
    byline: 'กองบรรณาธิการ',
    version: {
      title: 'สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์',
      summary: 'เวทีสองวันที่ศาลากลางจังหวัด ชาวบ้านกว่าสองร้อยคนร่วมกำหนดแผนบ้านมั่นคง',
      body:
        '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 สภาองค์กรชุมชนตำบลหนองบัวร่วมกับสถาบันพัฒนาองค์กรชุมชน (พอช.) จัดเวทีแลกเปลี่ยน</p>' +
        '<blockquote>“เราอยากมีบ้านที่มั่นคง ไม่ต้องกลัวถูกไล่ที่อีก” นางสมหมาย ใจงาม ผู้แทนชุมชนกล่าว</blockquote>' +
        '<ul><li>สำรวจข้อมูลครัวเรือน</li><li>ตั้งกลุ่มออมทรัพย์</li></ul>',
    },
    ...overrides,
  };
}

export const englishVersion = {
  title: 'Udon Thani community councils plan secure housing by Nong Prajak lake',
  summary: 'Over two days at the provincial hall, more than two hundred residents set out a housing plan.',
  body: '<p>UDON THANI, 10–11 April 2017 — Community councils and CODI held a two-day forum.</p>',
};

export async function createStory(platform: TestPlatform, token: string, body: unknown = thaiStory()): Promise<Story> {
  const res = await platform.http('POST', '/api/v1/articles', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Story;
}

export function version(story: Story, lang: 'th' | 'en') {
  const v = story.versions.find((x) => x.language === lang);
  if (!v) throw new Error(`no ${lang} version`);
  return v;
}

/** Creates a user with the given role (as admin) and returns its token. */
export async function userToken(
  platform: TestPlatform,
  adminToken: string,
  role: string,
): Promise<{ id: string; token: string; email: string; password: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@khao.test`;
  const password = `รหัสผ่าน-${role}-long-enough`;
  const created = await platform.http('POST', '/api/v1/users', {
    token: adminToken,
    body: { email, role, password, name: role },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const login = await platform.http('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(login.status).toBe(200);
  return {
    id: (created.body as { id: string }).id,
    token: (login.body as { accessToken: string }).accessToken,
    email,
    password,
  };
}

/** A story as an archive import sends it: {@link thaiStory}'s fields, its version published at `publishedAt`. */
export function importedThaiStory(publishedAt: string, title?: string) {
  const { version: v, ...fields } = thaiStory();
  return { ...fields, versions: [{ language: 'th', ...v, ...(title ? { title } : {}), publishedAt }] };
}

export interface ImportedItem {
  id: string;
  revision: number;
  versions: { language: 'th' | 'en'; slug: string; publishedAt: string }[];
}

export async function importStories(
  platform: TestPlatform,
  token: string,
  stories: unknown[],
): Promise<ImportedItem[]> {
  const res = await platform.http('POST', '/api/v1/articles/import', { token, body: { stories } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { items: ImportedItem[] }).items;
}
