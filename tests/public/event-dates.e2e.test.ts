import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { bilingualStory, createStory, publicGatewayEnv, thaiStory, version } from './helpers.js';

// Whole-day events: the seed's dateline "10 – 11 เมษายน 2560" has no times. Dates go in as dates and come out as dates
// (admin API, public JSON, pages), the Thai text in the Buddhist Era and the English in CE.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
let token: string;
let udon: Awaited<ReturnType<typeof bilingualStory>>;

const wholeDays = { start: '2017-04-10', end: '2017-04-11' };

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  udon = await bilingualStory(
    platform,
    token,
    thaiStory({
      eventDate: wholeDays,
      tags: ['วันหยุดยาว'],
      version: {
        title: 'เวทีสภาองค์กรชุมชนอุดรธานีสองวันเต็มว่าด้วยบ้านมั่นคงริมหนองประจักษ์',
        summary: 'ชาวบ้านกว่าสองร้อยคนร่วมกำหนดแผนที่อยู่อาศัยตลอดสองวัน',
        body: '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 สภาองค์กรชุมชนจัดเวทีแลกเปลี่ยนตลอดสองวัน</p>',
      },
    }),
  );
});
afterAll(() => platform.stop());

describe('whole-day event dates', () => {
  it('keeps a date-only range as dates, without a time, and writes it in each calendar', async () => {
    expect(udon.story.eventDate).toEqual(wholeDays);
    expect(udon.th.dateText).toBe('10–11 เมษายน 2560');
    expect(udon.en.dateText).toMatch(/^10\s?–\s?11 April 2017$/);
    const read = (await platform.http('GET', `/api/v1/articles/${udon.story.id}`, { token })).body as Story;
    expect(read.eventDate).toEqual(wholeDays);
  });

  it('shows the dates on the public JSON and the article pages, with a date-only datetime attribute', async () => {
    const json = await platform.http('GET', `/api/v1/public/articles/th/${encodeURIComponent(udon.th.slug)}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ eventDate: wholeDays, dateText: '10–11 เมษายน 2560' });
    const th = await fetch(`${platform.baseUrl}/th/news/${encodeURIComponent(udon.th.slug)}`).then((r) => r.text());
    expect(th).toContain('<time datetime="2017-04-10">10–11 เมษายน 2560</time>');
    expect(th).not.toMatch(/datetime="2017-04-\d\dT/);
    const en = await fetch(`${platform.baseUrl}/en/news/${encodeURIComponent(udon.en.slug)}`).then((r) => r.text());
    expect(en).toMatch(/<time datetime="2017-04-10">10\s?–\s?11 April 2017<\/time>/);
    const list = await platform.http('GET', '/api/v1/public/articles?lang=th&tag=' + encodeURIComponent('วันหยุดยาว'));
    expect((list.body as { items: { eventDate: unknown }[] }).items.map((i) => i.eventDate)).toEqual([wholeDays]);
  });

  it('takes a single whole day, and a day in Bangkok that is still the day before in UTC', async () => {
    const one = await createStory(platform, token, thaiStory({ eventDate: { start: '2017-01-01' } }));
    expect(one.eventDate).toEqual({ start: '2017-01-01' });
    expect(version(one, 'th').dateText).toBe('1 มกราคม 2560');
  });

  it('filters the story list by whole days: a date bound covers the whole of that day', async () => {
    const q = (from: string, to: string) =>
      platform.http(
        'GET',
        `/api/v1/articles?tag=${encodeURIComponent('วันหยุดยาว')}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        {
          token,
        },
      );
    const ids = async (from: string, to: string) =>
      ((await q(from, to)).body as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await ids('2017-04-10', '2017-04-10')).toEqual([udon.story.id]);
    expect(await ids('2017-04-11', '2017-04-30')).toEqual([]);
    expect(await ids('2017-04-09T00:00:00+07:00', '2017-04-10T00:00:00+07:00')).toEqual([udon.story.id]);
  });

  it('refuses a mix of date and date-time, an end before the start and an impossible date, with clear messages', async () => {
    const refuse = async (eventDate: unknown) => {
      const res = await platform.http('PATCH', `/api/v1/articles/${udon.story.id}`, { token, body: { eventDate } });
      expect(res.status).toBe(400);
      return (res.body as { message: string }).message;
    };
    expect(await refuse({ start: '2017-04-10', end: '2017-04-11T16:00:00+07:00' })).toBe(
      'eventDate.end: start and end must both be dates (whole days) or both date-times',
    );
    expect(await refuse({ start: '2017-04-11', end: '2017-04-10' })).toBe(
      'eventDate.end: end must not be before start',
    );
    expect(await refuse({ start: '2017-02-30' })).toMatch(
      /^eventDate\.start: must be an ISO 8601 date-time .* or, for a whole day, a date/,
    );
    // Date-times still work, and a story can move from one kind to the other.
    const res = await platform.http('PATCH', `/api/v1/articles/${udon.story.id}`, {
      token,
      body: { eventDate: { start: '2017-04-10T09:00:00+07:00' } },
    });
    expect(res.status).toBe(200);
    expect((res.body as Story).eventDate).toEqual({ start: '2017-04-10T02:00:00.000Z' });
  });
});
