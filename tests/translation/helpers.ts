import { expect } from 'vitest';
import type { Job, Story } from '@khao/contracts';
import { waitFor, type TestPlatform } from '@khao/testing';

/** A Thai report in the organisation's style, written for these tests: dateline, a quote, a link, พอช. */
export function khonKaenStory(variant = '') {
  return {
    sourceLanguage: 'th',
    dateline: { place: 'บึงแก่นนคร', province: 'ขอนแก่น' },
    eventDate: { start: '2025-11-03T09:00:00+07:00', end: '2025-11-04T16:00:00+07:00' },
    tags: ['สภาองค์กรชุมชน', 'พอช.'],
    byline: 'กองบรรณาธิการ',
    version: {
      title: `สภาองค์กรชุมชนขอนแก่นจับมือ พอช. ฟื้นฟูบ้านริมบึงแก่นนคร${variant}`,
      summary: 'ชาวบ้านสามชุมชนร่วมวางแผนซ่อมบ้านหลังน้ำท่วม โดยมีสภาองค์กรชุมชนเป็นแกนกลาง',
      body:
        '<p>ขอนแก่น/ เมื่อวันที่ 3 – 4 พฤศจิกายน 2568 <strong>สภาองค์กรชุมชนตำบลในเมือง</strong> ร่วมกับ' +
        '<a href="https://www.codi.or.th">สถาบันพัฒนาองค์กรชุมชน (พอช.)</a> จัดเวทีวางแผนฟื้นฟูบ้านริมบึงแก่นนคร</p>' +
        '<blockquote>“น้ำลดแล้ว แต่บ้านเรายังต้องซ่อมอีกมาก” นางบุญมี แสนดี ประธานสภาองค์กรชุมชนกล่าว</blockquote>' +
        '<h2>แผนสามขั้น</h2>' +
        '<ul><li>สำรวจบ้านที่เสียหาย</li><li>ตั้งกองทุนซ่อมบ้าน</li><li>ขอสนับสนุนงบจาก พอช.</li></ul>',
    },
  };
}

/** title, summary, p, blockquote, h2 and three list items. */
export const SEGMENTS = 8;

export const GLOSSARY = [
  { sourceLanguage: 'th', targetLanguage: 'en', source: 'พอช.', target: 'CODI' },
  { sourceLanguage: 'th', targetLanguage: 'en', source: 'สภาองค์กรชุมชน', target: 'Community Organization Council' },
];

export async function createAndPublish(platform: TestPlatform, token: string, body: unknown): Promise<Story> {
  const created = await platform.http('POST', '/api/v1/articles', { token, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const story = created.body as Story;
  const published = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, { token });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body as Story;
}

export async function getJob(platform: TestPlatform, token: string, id: string): Promise<Job> {
  const res = await platform.http('GET', `/api/v1/translation-jobs/${id}`, { token });
  if (res.status !== 200) throw new Error(`GET job ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Job;
}

/** Polls the job through the gateway until `ready` holds. */
export function waitForJob(
  platform: TestPlatform,
  token: string,
  id: string,
  ready: (j: Job) => boolean,
  what = 'the job',
  timeoutMs = 40_000,
): Promise<Job> {
  return waitFor(
    async () => {
      const j = await getJob(platform, token, id).catch(() => undefined);
      return j && ready(j) ? j : undefined;
    },
    { what, timeoutMs, intervalMs: 100 },
  );
}

export const THAI = /[\u0E00-\u0E7F]/;
