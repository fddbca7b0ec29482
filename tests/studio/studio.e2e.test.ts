import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { createUser } from '../auth/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, pickSeedDates, screenshot } from './helpers.js';

// Editors and authors in Debian's Chromium against the real gateway and articles service.
const platform = new TestPlatform({ services: ['articles'] });
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
const en = { email: 'E-mail', password: 'Password', submit: 'Log in' };
let browser: Browser;
let adminToken: string;
let editor: { id: string; email: string; password: string };
let author: { id: string; email: string; password: string };
let storyId = '';
const title = 'ชาวบ้านอุดรธานีร่วมสร้างบ้านมั่นคง ๑๒๐ หลัง';

beforeAll(async () => {
  await platform.start();
  adminToken = await platform.adminToken();
  editor = await createUser(platform, adminToken, 'editor');
  author = await createUser(platform, adminToken, 'author');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform.stop();
});

describe('Khao Studio in Chromium', () => {
  it('an editor logs in, creates a Thai story with the dateline อุดรธานี, saves it and finds it in the list', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await page.goto(`${platform.baseUrl}/studio/`);
    await page.waitForURL(/\/studio\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await expectAccessible(page, 'log-in (th)');
    await screenshot(page, 'login-th');

    await logIn(page, platform.baseUrl, editor, th);
    await expect.poll(() => page.getByTestId('role').textContent()).toBe('บรรณาธิการ');
    await page.getByRole('link', { name: 'เขียนข่าวใหม่' }).click();
    await page.waitForURL(/\/studio\/stories\/new$/);

    await page.getByLabel('สถานที่ในบรรทัดวันที่').fill('ศูนย์ประชุมบ้านดุง');
    await page.getByRole('combobox', { name: 'จังหวัด' }).fill('อุดร');
    await page.getByRole('option', { name: 'อุดรธานี' }).click();
    await pickSeedDates(page);
    await expect
      .poll(() => page.getByRole('button', { name: 'วันที่จัดกิจกรรม' }).innerText())
      .toBe('10 เมษายน 2560 – 11 เมษายน 2560');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'หัวข้อข่าว' }).fill(title);
    await expect.poll(() => page.getByTestId('slug-th').innerText()).toContain('/th/news/ชาว-บ้าน-อุดรธานี');
    await page.getByLabel('สรุปข่าว').fill('สภาองค์กรชุมชนตำบลบ้านดุงจัดเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง');
    await page.getByRole('textbox', { name: 'เนื้อข่าว' }).click();
    await page.keyboard.type('“เราอยากมีบ้านที่มั่นคง” ผู้นำชุมชนกล่าว');
    await expectAccessible(page, 'new story (th)');
    await page.getByRole('button', { name: 'สร้างข่าว' }).click();
    await page.waitForURL(/\/studio\/stories\/[0-9a-f]{24}$/);
    storyId = /([0-9a-f]{24})$/.exec(page.url())![1]!;

    // Autosave: a change to the draft is saved by itself.
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('ไม่มีการแก้ไข');
    await page.getByLabel('สรุปข่าว').fill('สภาองค์กรชุมชนตำบลบ้านดุงจัดเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง ๑๒๐ หลัง');
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toMatch(/^บันทึกแล้วเมื่อ/);
    await expectAccessible(page, 'story editor (th)');
    await screenshot(page, 'editor-th');

    const saved = await platform.http('GET', `/api/v1/articles/${storyId}`, { token: adminToken });
    expect(saved.body).toMatchObject({
      sourceLanguage: 'th',
      dateline: { place: 'ศูนย์ประชุมบ้านดุง', province: 'อุดรธานี' },
      // Whole days, no times: the seed's dateline says 10 – 11 เมษายน 2560.
      eventDate: { start: '2017-04-10', end: '2017-04-11' },
      versions: [
        {
          language: 'th',
          title,
          summary: 'สภาองค์กรชุมชนตำบลบ้านดุงจัดเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง ๑๒๐ หลัง',
          body: '<p>“เราอยากมีบ้านที่มั่นคง” ผู้นำชุมชนกล่าว</p>',
          status: 'draft',
        },
      ],
    });

    // Publishing, confirmed with what will happen.
    await page.getByRole('button', { name: 'เผยแพร่ทันที' }).click();
    const confirm = page.getByRole('dialog', { name: 'เผยแพร่ทันที' });
    expect(await confirm.innerText()).toContain('ฉบับภาษาไทยจะเผยแพร่ที่ /th/news/');
    await expectAccessible(page, 'publish confirmation (th)');
    await confirm.getByRole('button', { name: 'ยืนยัน' }).click();
    await expect.poll(() => page.locator('[data-status="th:published"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'ถอนการเผยแพร่' }).count()).toBe(1);
    const live = await platform.http('GET', `/api/v1/articles/${storyId}`, { token: adminToken });
    expect((live.body as { versions: { status: string }[] }).versions[0].status).toBe('published');

    await page.getByRole('link', { name: 'ข่าว', exact: true }).click();
    await page.getByRole('searchbox', { name: 'ค้นหา' }).fill('บ้านมั่นคง');
    await page.waitForURL(/\?q=/);
    const row = page.locator(`tr[data-story-id="${storyId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('link').innerText()).toBe(title);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('th:published');
    expect(await row.innerText()).toContain('อุดรธานี');
    // The hit's text around the words, the words marked (its body: “เราอยากมีบ้านที่มั่นคง”).
    const snippet = row.locator('[data-snippet]');
    expect(await snippet.innerText()).toContain('เราอยากมีบ้านที่มั่นคง');
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(['บ้าน', 'มั่นคง']);
    await expectAccessible(page, 'story list (th)');
    await screenshot(page, 'stories-th');

    // The same pages in English, switched by the person.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('role').textContent()).toBe('Editor');
    expect(await row.innerText()).toContain('Udon Thani');
    await expectAccessible(page, 'story list (en)');
    await screenshot(page, 'stories-en');
    await row.getByRole('link').click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Event date' }).innerText())
      .toBe('10 April 2017 – 11 April 2017');
    await expectAccessible(page, 'story editor (en)');
    await screenshot(page, 'editor-en');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('shows an author no publish button, and the API refuses the forced request with 403', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'en-US');
    await page.goto(`${platform.baseUrl}/studio/`);
    await page.waitForURL(/\/studio\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'log-in (en)');
    await screenshot(page, 'login-en');
    await logIn(page, platform.baseUrl, author, en);
    await expect.poll(() => page.getByTestId('role').textContent()).toBe('Author');

    await page.getByRole('link', { name: 'New story' }).click();
    // The story's language, not the studio's (the shell's language switch has an English radio too).
    await page
      .getByRole('radiogroup', { name: 'Written in' })
      .getByRole('radio', { name: 'English' })
      .check({ force: true });
    await page.getByRole('textbox', { name: 'Title' }).fill('Udon Thani villagers build 120 secure homes');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\/studio\/stories\/[0-9a-f]{24}$/);
    const id = /([0-9a-f]{24})$/.exec(page.url())![1];
    await expect.poll(() => page.locator('[data-action="submit"]').count()).toBe(1);
    expect(await page.locator('[data-action="publish"]').count()).toBe(0);
    expect(await page.locator('[data-action="schedule"]').count()).toBe(0);
    await screenshot(page, 'editor-author-en');

    // Forcing it from the page, with the session and its CSRF token: the API still says no.
    const status = await page.evaluate(`(async () => {
      const s = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch('/api/v1/articles/${id}/versions/en/publish', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: '{}',
      });
      return res.status;
    })()`);
    expect(status).toBe(403);
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
