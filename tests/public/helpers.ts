import { expect } from 'vitest';
import type { Story } from '@khao/contracts';
import type { TestPlatform } from '@khao/testing';
import { createStory, englishVersion, thaiStory, version } from '../articles/helpers.js';

export const BASE = 'https://news.example.org';

/** Gateway settings of the public tests: an absolute base URL and the organisation's header links. */
export const publicGatewayEnv = {
  PUBLIC_BASE_URL: BASE,
  SITE_NAME: 'ข่าวชุมชน Khao',
  ORG_FACEBOOK_URL: 'https://www.facebook.com/codi.thailand',
  ORG_X_URL: 'https://x.com/codi_th',
  ORG_VIDEO_URL: 'https://www.youtube.com/@codi/playlists',
  ORG_INTRANET_URL: 'https://intranet.example.org/',
  ORG_WEBMAIL_URL: 'https://mail.example.org/',
  MEDIA_RESOLVE_TIMEOUT_MS: '300',
  PUBLIC_PAGE_SIZE: '2',
};

/** A second Thai story in another province, written for these tests. */
export function chiangMaiStory(overrides: Record<string, unknown> = {}) {
  return thaiStory({
    dateline: { place: 'บ้านแม่กำปอง', province: 'เชียงใหม่' },
    eventDate: { start: '2026-11-20T09:00:00+07:00' },
    categories: ['สิ่งแวดล้อม'],
    tags: ['ป่าชุมชน'],
    version: {
      title: 'ชาวบ้านแม่กำปองทำแนวกันไฟรักษาป่าต้นน้ำ',
      summary: 'อาสาสมัครกว่าห้าสิบคนร่วมกันทำแนวกันไฟก่อนหน้าแล้ง',
      body: '<p>เชียงใหม่/ เมื่อวันที่ 20 พฤศจิกายน 2569 ชาวบ้านแม่กำปองร่วมกันทำแนวกันไฟ</p><p>“ป่าคือบ้านของเรา” ผู้ใหญ่บ้านกล่าว</p>',
    },
    ...overrides,
  });
}

export async function publish(platform: TestPlatform, token: string, id: string, lang: 'th' | 'en'): Promise<Story> {
  const res = await platform.http('POST', `/api/v1/articles/${id}/versions/${lang}/publish`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Story;
}

/** A Thai story with its English translation, both published. */
export async function bilingualStory(platform: TestPlatform, token: string, body: unknown = thaiStory()) {
  const created = await createStory(platform, token, body);
  const put = await platform.http('PUT', `/api/v1/articles/${created.id}/versions/en`, { token, body: englishVersion });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  await publish(platform, token, created.id, 'th');
  const story = await publish(platform, token, created.id, 'en');
  return { story, th: version(story, 'th'), en: version(story, 'en') };
}

export { createStory, englishVersion, thaiStory, version };
