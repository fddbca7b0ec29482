import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TestPlatform, waitFor } from '@khao/testing';
import { FakeWebhook, SECRETS } from '../social/fakes.js';
import { addChannel, posts } from '../social/helpers.js';
import { createAndPublish, khonKaenStory, waitForJob } from '../translation/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// Every room of the studio on a phone (360×800, in Thai): nothing wider than the screen (tables scroll in their own
// box, the menu folds behind a burger button), axe-clean, and a screenshot of each kept as an artifact.
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
const hook = new FakeWebhook();
let platform: TestPlatform;
let browser: Browser;
let storyId: string;

beforeAll(async () => {
  await hook.start();
  platform = new TestPlatform({ env: { social: { SOCIAL_SWEEP_MS: '500' } } });
  await platform.start();
  const admin = await platform.adminToken();
  await addChannel(platform, admin, {
    type: 'webhook',
    name: 'เว็บไซต์เครือข่ายสภาองค์กรชุมชนภาคตะวันออกเฉียงเหนือ',
    language: 'th',
    options: { url: `${hook.url}/hooks/khao` },
    credentials: { secret: SECRETS.webhook },
  });
  // A published Thai story: a post in the ledger and an English translation job waiting for a translator.
  const story = await createAndPublish(platform, admin, khonKaenStory());
  storyId = story.id;
  await waitForJob(platform, admin, `${storyId}-en`, (j) => j.segmentCount > 0);
  await waitFor(async () => ((await posts(platform, admin, { storyId })).length ? true : undefined), {
    what: 'the post',
    timeoutMs: 20_000,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await hook.stop();
});

// Evaluated in the page (the tests are compiled without the DOM's types).
const FITS = 'document.documentElement.scrollWidth <= window.innerWidth';
/** The elements that stick out past the right edge of the screen, for the failure message. */
const OVERFLOWING = `Array.from(document.querySelectorAll('body *'))
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([, r]) => r.width > 0 && r.right > window.innerWidth + 1)
  .slice(0, 8)
  .map(([el, r]) => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ' right=' + Math.round(r.right))`;

describe('the studio on a phone', () => {
  it('shows every room at 360 px without a horizontal scroll, axe-clean, with the menu behind a burger', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await page.setViewportSize({ width: 360, height: 800 });
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    const rooms: { name: string; path: string }[] = [
      { name: 'stories', path: '/stories' },
      { name: 'story-editor', path: `/stories/${storyId}` },
      { name: 'photos', path: '/media' },
      { name: 'translation-jobs', path: '/translation' },
      { name: 'translation-editor', path: `/translation/${storyId}-en` },
      { name: 'glossary', path: '/glossary' },
      { name: 'channels', path: '/social/channels' },
      { name: 'posts', path: '/social/posts' },
      { name: 'users', path: '/admin/users' },
      { name: 'dead-letters', path: '/admin/dead-letters' },
      { name: 'health', path: '/admin/health' },
      { name: 'audit', path: '/admin/audit' },
    ];
    const wide: Record<string, string[]> = {};
    for (const room of rooms) {
      await page.goto(`${platform.baseUrl}/studio${room.path}`);
      await page.locator('main h1').first().waitFor();
      // Whatever the room loads (rows, the editor) has arrived.
      await page.waitForLoadState('networkidle');
      const fits = await page.evaluate<boolean>(FITS);
      if (!fits) wide[room.name] = await page.evaluate<string[]>(OVERFLOWING);
      await expectAccessible(page, `${room.name} at 360 px (th)`);
      await screenshot(page, `narrow-${room.name}-th`);
    }
    expect(wide).toEqual({});

    // The menu: folded away, opened by the burger button, closed again by a pick.
    const menu = page.getByRole('navigation', { name: 'เมนูหลัก' });
    expect(await menu.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'เมนูหลัก' }).click();
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await menu.getByRole('button', { name: 'ออกจากระบบ' }).count()).toBe(1);
    await expectAccessible(page, 'the open menu at 360 px (th)');
    await screenshot(page, 'narrow-menu-th');
    await menu.getByRole('link', { name: 'งานแปล' }).click();
    await page.waitForURL(/\/studio\/translation$/);
    await expect.poll(() => menu.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await ctx.close();
  }, 240_000);
});
