import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, PreviewItem, Story } from '@khao/contracts';
import { TEST_ADMIN, TestPlatform } from '@khao/testing';
import { createStory, thaiStory } from '../articles/helpers.js';
import { channelInputs, socialEnv, startFakes, stopFakes, type Fakes } from '../social/fakes.js';
import { addChannel, PUBLIC, storyUrl } from '../social/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// The story editor's social panel in Debian's Chromium: each channel's final text and its length as the platform
// counts it, from the unsaved draft, equal to what the API's preview answers for the same text.
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
const en = { email: 'E-mail', password: 'Password', submit: 'Log in' };
let fakes: Fakes;
let platform: TestPlatform;
let browser: Browser;
let adminToken: string;
let story: Story;
/** The story's address as posted (its Thai slug percent-encoded), and as the panel shows it (in Thai). */
let postedUrl = '';
let thaiUrl = '';
// One Thai channel of each of the seven platforms.
const TYPES = ['webhook', 'facebook_page', 'x', 'line_oa', 'mastodon', 'telegram', 'bluesky'] as const;
const channels: Record<(typeof TYPES)[number], Channel> = {} as never;

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    env: { articles: { PUBLIC_BASE_URL: PUBLIC }, social: socialEnv(fakes, { PUBLIC_BASE_URL: PUBLIC }) },
  });
  await platform.start();
  adminToken = await platform.adminToken();
  const inputs = channelInputs(fakes, 'th');
  for (const type of TYPES) channels[type] = await addChannel(platform, adminToken, inputs[type]);
  // An English channel is not shown for the Thai tab.
  await addChannel(platform, adminToken, channelInputs(fakes, 'en').x);
  story = await createStory(platform, adminToken, thaiStory());
  postedUrl = storyUrl(story, 'th');
  thaiUrl = decodeURI(postedUrl);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await stopFakes(fakes);
});

interface Shown {
  channelId: string;
  length: string;
  truncated: boolean;
  text: string;
}

/** What the panel shows once it has counted the latest text (no wait, no request in flight). */
async function shown(page: Page): Promise<Shown[]> {
  const panel = page.getByTestId('social-preview');
  await expect.poll(() => panel.getAttribute('data-pending'), { timeout: 10_000 }).toBe('false');
  const items = panel.getByTestId('social-preview-item');
  const out: Shown[] = [];
  for (const item of await items.all()) {
    out.push({
      channelId: (await item.getAttribute('data-channel')) ?? '',
      length: (await item.getByTestId('social-preview-length').innerText()).trim(),
      truncated: (await item.getAttribute('data-truncated')) === 'true',
      text: await item.getByTestId('social-preview-text').innerText(),
    });
  }
  return out;
}

/** The API's preview for the same text, as the panel should show it: the same length, the address readable. */
async function expected(title: string, summary: string): Promise<Shown[]> {
  const res = await platform.http('POST', '/api/v1/social/preview', {
    token: adminToken,
    body: { storyId: story.id, language: 'th', title, summary },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: PreviewItem[] }).items.map((i) => ({
    channelId: i.channelId,
    length: i.limit === null ? `${i.length}` : `${i.length} / ${i.limit}`,
    truncated: i.truncated,
    // Each address as a person reads it (the slug follows an unsaved draft title, so not only the story's own).
    text: i.text.replace(/https?:\/\/\S+/g, (url) => decodeURI(url)),
  }));
}

type Person = Awaited<ReturnType<typeof newPerson>>;

/** The admin, logged in in that language, with the Thai story open and its seven Thai channels in the panel. */
async function openEditor(locale: 'th-TH' | 'en-US'): Promise<Person> {
  const person = await newPerson(browser, locale);
  await logIn(person.page, platform.baseUrl, TEST_ADMIN, locale === 'th-TH' ? th : en);
  await person.page.goto(`${platform.baseUrl}/studio/stories/${story.id}`);
  await expect
    .poll(() => person.page.getByTestId('social-preview-item').count(), { timeout: 15_000 })
    .toBe(TYPES.length);
  return person;
}

/** axe on the editor with the panel, its screenshot, no page errors; then the context is closed. */
async function checkAndClose({ ctx, page, problems }: Person, lang: 'th' | 'en'): Promise<void> {
  await expectAccessible(page, `story editor with the social panel (${lang})`);
  await page.getByTestId('social-preview').scrollIntoViewIfNeeded();
  await screenshot(page, `social-panel-${lang}`);
  expect(problems).toEqual([]);
  await ctx.close();
}

const byId = (a: Shown[]) => [...a].sort((x, y) => x.channelId.localeCompare(y.channelId));

describe("The story editor's social panel in Chromium", () => {
  it('counts unsaved Thai text with combining marks and an emoji as each platform does, equal to the API', async () => {
    const person = await openEditor('th-TH');
    const { page } = person;
    const summary = thaiStory().version.summary;
    const opened = await shown(page);
    expect(byId(opened)).toEqual(byId(await expected(thaiStory().version.title, summary)));
    // The address reads in Thai (webhook, X, …), while the length is the API's, of the encoded address it posts.
    expect(thaiUrl).toMatch(/\/th\/news\/[\u0E00-\u0E7F]/);
    expect(postedUrl).not.toMatch(/[\u0E00-\u0E7F]/);
    const first = await expected(thaiStory().version.title, summary);
    for (const type of ['webhook', 'x'] as const) {
      const item = opened.find((s) => s.channelId === channels[type].id)!;
      expect(item.text, type).toContain(thaiUrl);
      expect(item.text, type).not.toContain('%E0%B8');
      expect(item.length, type).toBe(first.find((s) => s.channelId === channels[type].id)?.length);
    }
    const posted = await platform.http('POST', '/api/v1/social/preview', {
      token: adminToken,
      body: { storyId: story.id, language: 'th', channelId: channels.x.id, title: thaiStory().version.title, summary },
    });
    expect((posted.body as { items: PreviewItem[] }).items[0]?.text).toContain(postedUrl);

    // Thai vowels and tone marks above and below (one grapheme with their consonant), and an emoji with a skin
    // tone (one grapheme, two code points, four UTF-16 units, weighted 2 by X).
    const title = 'ผู้ใหญ่บ้านชี้แจงน้ำท่วมขังที่ตำบลหนองบัว 🙏🏽 ชาวบ้านร่วมขุดลอกคูคลองกันเอง';
    const box = page.getByRole('textbox', { name: 'หัวข้อข่าว' });
    await box.fill('');
    await box.pressSequentially(title.slice(0, 20), { delay: 20 });
    const partial = await shown(page);
    expect(byId(partial)).toEqual(byId(await expected(title.slice(0, 20), summary)));
    await box.pressSequentially(title.slice(20), { delay: 10 });
    const whole = byId(await shown(page));
    expect(whole).toEqual(byId(await expected(title, summary)));
    // Updated as one types: the lengths moved, and each channel's text carries the typed title.
    expect(whole.map((s) => s.length)).not.toEqual(byId(partial).map((s) => s.length));
    for (const s of whole) expect(s.text).toContain('🙏🏽');
    // The draft's address follows the typed title, in Thai too.
    expect(whole.find((s) => s.channelId === channels.x.id)?.text).toContain('/th/news/ผู้ใหญ่-บ้าน-');
    // X, Bluesky and LINE count the same text three ways.
    const api = await expected(title, summary);
    const counted = [channels.x, channels.bluesky, channels.line_oa].map(
      (c) => api.find((s) => s.channelId === c.id)?.length,
    );
    expect(new Set(counted).size).toBe(3);

    // A title too long for X is cut to fit and flagged; the panel says so as the API does.
    const long = `${title} ${'ชุมชนริมคลองร่วมกันฟื้นฟูแหล่งน้ำ '.repeat(6)}`.slice(0, 290);
    await box.fill(long);
    const cut = byId(await shown(page));
    expect(cut).toEqual(byId(await expected(long, summary)));
    expect(cut.find((s) => s.channelId === channels.x.id)?.truncated).toBe(true);
    await box.fill(title);
    expect(byId(await shown(page))).toEqual(byId(await expected(title, summary)));

    await checkAndClose(person, 'th');
  });

  it('shows the same counts in English', async () => {
    const person = await openEditor('en-US');
    const { page } = person;
    await expect
      .poll(() => page.getByTestId('social-preview').getByRole('heading').innerText())
      .toBe('On the social channels');
    const current = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token: adminToken })).body as Story;
    const v = current.versions.find((x) => x.language === 'th')!;
    expect(byId(await shown(page))).toEqual(byId(await expected(v.title, v.summary)));
    await checkAndClose(person, 'en');
  });

  it('the preview API takes the unsaved text and refuses bad input with a 400', async () => {
    const res = await platform.http('POST', '/api/v1/social/preview', {
      token: adminToken,
      body: { storyId: story.id, language: 'th', title: 'x'.repeat(301) },
    });
    expect(res.status).toBe(400);
    const items = await expected('ข่าวสั้น', '');
    expect(items.find((s) => s.channelId === channels.line_oa.id)?.text).toContain('ข่าวสั้น');
  });
});
