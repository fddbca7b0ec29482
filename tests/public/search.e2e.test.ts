import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StorySummary } from '@khao/contracts';
import { ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { createStory, publicGatewayEnv, publish, thaiStory } from './helpers.js';

// The public text search matches what readers can see: the published version in its language (and the fields all
// versions share), never a draft of the same story, whose words a match would give away.
// The gateway's public cache is off here so that every request reaches the articles service (it has its own tests).
const platform = new TestPlatform({
  services: ['articles'],
  env: { gateway: { ...publicGatewayEnv, PUBLIC_CACHE: 'false' } },
});
let token: string;

type Page = { items: { storyId: string; language: string }[]; nextCursor: string | null };
const find = async (q: string, lang?: 'th' | 'en') => {
  const query = `?q=${encodeURIComponent(q)}&limit=50${lang ? `&lang=${lang}` : ''}`;
  const res = await platform.http('GET', `/api/v1/public/articles${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as Page).items.map((i) => `${i.storyId}:${i.language}`);
};
const adminFind = async (q: string) => {
  const res = await platform.http('GET', `/api/v1/articles?q=${encodeURIComponent(q)}&limit=50`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: StorySummary[] }).items.map((s) => s.id);
};

/** A Thai story, published, about a women's group drying bananas in a village of Khon Kaen. */
const bananaStory = (n = 1) =>
  thaiStory({
    dateline: { place: 'บ้านโนนสะอาด', province: 'ขอนแก่น' },
    categories: ['เศรษฐกิจชุมชน'],
    tags: ['วิสาหกิจชุมชน'],
    version: {
      title: `กลุ่มแม่บ้านโนนสะอาดแปรรูปกล้วยตากส่งขายทั่วประเทศ รุ่นที่ ${n}`,
      summary: 'สมาชิกสามสิบคนตากกล้วยน้ำว้าด้วยโรงอบพลังแสงอาทิตย์',
      body: '<p>ขอนแก่น/ กลุ่มแม่บ้านบ้านโนนสะอาดรวมตัวกันแปรรูปกล้วยน้ำว้าเป็นกล้วยตาก ขายผ่านร้านค้าชุมชน</p>',
    },
  });

/** The English version, saved as a draft: it names the next product, which the Thai story does not mention yet. */
const englishDraft = {
  title: "Non Sa-at women's group dries bananas for sale across Thailand",
  summary: 'Thirty members dry bananas in a solar oven.',
  body: '<p>Next season the group plans to dry ทุเรียนภูเขาไฟ, the volcanic-soil durian of Si Sa Ket, as well.</p>',
};
const NEW_WORD = 'ทุเรียนภูเขาไฟ';

async function publishedWithDraft(n = 1): Promise<Story> {
  const created = await createStory(platform, token, bananaStory(n));
  await publish(platform, token, created.id, 'th');
  const put = await platform.http('PUT', `/api/v1/articles/${created.id}/versions/en`, { token, body: englishDraft });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return put.body as Story;
}

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
});
afterAll(() => platform.stop());

describe('public search', () => {
  it("does not match a word only a draft holds; publishing the draft makes it match, in that draft's language", async () => {
    const story = await publishedWithDraft();
    expect(story.versions.map((v) => `${v.language}:${v.status}`).sort()).toEqual(['en:draft', 'th:published']);

    // The published Thai words find it, from the middle of unspaced runs and as a phrase.
    expect(await find('กล้วยตาก')).toEqual([`${story.id}:th`]);
    expect(await find('แปรรูปกล้วยตาก', 'th')).toEqual([`${story.id}:th`]);
    expect(await find('วิสาหกิจชุมชน')).toEqual([`${story.id}:th`]); // a tag: every reader sees it
    // The word only the English draft has finds nothing, in any language.
    expect(await find(NEW_WORD)).toEqual([]);
    expect(await find(NEW_WORD, 'th')).toEqual([]);
    expect(await find(NEW_WORD, 'en')).toEqual([]);
    expect(await find('ภูเขาไฟ')).toEqual([]);
    expect(await find('volcanic')).toEqual([]);
    // The admin search still finds drafts: editors look for their own work in progress.
    expect(await adminFind(NEW_WORD)).toEqual([story.id]);

    await publish(platform, token, story.id, 'en');
    expect(await find(NEW_WORD)).toEqual([`${story.id}:en`]);
    expect(await find(NEW_WORD, 'en')).toEqual([`${story.id}:en`]);
    // Still not a word of the Thai version.
    expect(await find(NEW_WORD, 'th')).toEqual([]);
    expect(await find('กล้วยตาก', 'th')).toEqual([`${story.id}:th`]);
  });

  it('follows a correction of a live version: the new word finds it, the replaced one no longer does', async () => {
    const created = await createStory(platform, token, bananaStory(2));
    await publish(platform, token, created.id, 'th');
    expect(await find('ร้านค้าชุมชน', 'th')).toContain(`${created.id}:th`);
    const corrected = {
      ...bananaStory(2).version,
      body: '<p>ขอนแก่น/ กลุ่มแม่บ้านบ้านโนนสะอาดแปรรูปกล้วยน้ำว้าเป็นกล้วยตาก ส่งขายผ่านสหกรณ์การเกษตร</p>',
    };
    const put = await platform.http('PUT', `/api/v1/articles/${created.id}/versions/th`, { token, body: corrected });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await find('สหกรณ์การเกษตร', 'th')).toEqual([`${created.id}:th`]);
    expect(await find('ร้านค้าชุมชน', 'th')).not.toContain(`${created.id}:th`);
  });

  it('a replica that learns the stories through the article events hides the drafts too', async () => {
    const second = await new ServiceProcess('articles', platform.envFor('articles'), 'articles-replica').start();
    let secondUp = true;
    try {
      // Replicas share the queue group, so these writes (four each) spread over both.
      const stories: Story[] = [];
      for (let i = 3; i <= 5; i++) stories.push(await publishedWithDraft(i));
      const ids = (lang: string) => stories.map((s) => `${s.id}:${lang}`).sort();

      // With the first replica gone, the second answers alone: it must know the published words of every story…
      await platform.proc('articles').stop();
      await waitFor(
        async () => {
          const found = await find('โนนสะอาด', 'th');
          return ids('th').every((id) => found.includes(id)) || undefined;
        },
        { what: 'the second replica to know every published story', timeoutMs: 30_000 },
      );
      // …and none of the words of their drafts.
      expect((await find(NEW_WORD)).filter((id) => ids('en').includes(id))).toEqual([]);
      expect(await adminFind(NEW_WORD)).toEqual(expect.arrayContaining(stories.map((s) => s.id)));

      // Publishing the drafts with both replicas up again; the first replica alone must then find them.
      await platform.restart('articles');
      for (const s of stories) await publish(platform, token, s.id, 'en');
      await second.stop();
      secondUp = false;
      await waitFor(
        async () => {
          const found = await find(NEW_WORD, 'en');
          return ids('en').every((id) => found.includes(id)) || undefined;
        },
        { what: 'the first replica to find every published English version', timeoutMs: 30_000 },
      );
      expect((await find(NEW_WORD, 'th')).filter((id) => ids('th').includes(id))).toEqual([]);
    } finally {
      if (secondUp) await second.stop();
      if (!platform.proc('articles').running) await platform.restart('articles');
    }
  });
});
