import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { createUser } from '../auth/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// Two people on one story, and a session that ends mid-edit: nothing typed is ever lost or silently overwritten.
const platform = new TestPlatform({ services: ['articles'] });
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
let browser: Browser;
let adminToken: string;
let editor: { id: string; email: string; password: string };

beforeAll(async () => {
  await platform.start();
  adminToken = await platform.adminToken();
  editor = await createUser(platform, adminToken, 'editor');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform.stop();
});

async function newStory(title: string): Promise<string> {
  const res = await platform.http('POST', '/api/v1/articles', {
    token: adminToken,
    body: { sourceLanguage: 'th', dateline: { province: 'อุดรธานี' }, version: { title, summary: 'สรุปเดิม' } },
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function openEditor(page: Page, id: string) {
  await page.goto(`${platform.baseUrl}/studio/stories/${id}`);
  await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('ไม่มีการแก้ไข');
}

const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toMatch(/^บันทึกแล้วเมื่อ/);

describe('conflicts and expired sessions in the studio', () => {
  it('shows the second editor what changed and keeps both people’s changes', async () => {
    const id = await newStory('เวทีแลกเปลี่ยนเรื่องบ้านมั่นคง');
    const a = await newPerson(browser, 'th-TH');
    const b = await newPerson(browser, 'th-TH');
    await logIn(a.page, platform.baseUrl, editor, th);
    await logIn(b.page, platform.baseUrl, editor, th);
    await openEditor(a.page, id);
    await openEditor(b.page, id);

    await a.page.getByRole('textbox', { name: 'หัวข้อข่าว' }).fill('เวทีแลกเปลี่ยนเรื่องบ้านมั่นคง ตำบลบ้านดุง');
    await saved(a.page);
    await b.page.getByLabel('สรุปข่าว').fill('ชาวบ้าน ๑๒๐ ครัวเรือนร่วมวางแผนสร้างบ้าน');

    const dialog = b.page.getByRole('dialog', { name: 'มีผู้อื่นแก้ไขข่าวนี้' });
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    const rows = dialog.getByTestId('conflict-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('หัวข้อข่าว');
    expect(await rows.nth(0).locator('del').innerText()).toContain('ตำบล');
    expect(await rows.nth(1).locator('ins').innerText()).toContain('ครัวเรือน');
    await expectAccessible(b.page, 'conflict dialog (th)');
    await screenshot(b.page, 'conflict-th');

    await dialog.getByRole('button', { name: 'เก็บการแก้ไขของฉัน' }).click();
    await saved(b.page);
    const story = await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken });
    expect(story.body).toMatchObject({
      versions: [{ title: 'เวทีแลกเปลี่ยนเรื่องบ้านมั่นคง ตำบลบ้านดุง', summary: 'ชาวบ้าน ๑๒๐ ครัวเรือนร่วมวางแผนสร้างบ้าน' }],
    });
    // A's form still shows A's save; B's title field now shows A's title.
    expect(await b.page.getByRole('textbox', { name: 'หัวข้อข่าว' }).inputValue()).toBe(
      'เวทีแลกเปลี่ยนเรื่องบ้านมั่นคง ตำบลบ้านดุง',
    );
    expect([...a.problems, ...b.problems]).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('asks to log in again when the session ends, keeps the text and saves it after', async () => {
    const id = await newStory('ข่าวที่กำลังเขียน');
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, editor, th);
    await openEditor(page, id);

    // The session ends elsewhere (logged out in another tab of the same browser).
    const other = await ctx.newPage();
    await other.goto(`${platform.baseUrl}/studio/stories`);
    await other.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await other.waitForURL(/\/studio\/login/);
    await other.close();

    const summary = 'ผู้นำชุมชนกล่าวว่า “เราอยากมีบ้านที่มั่นคง”';
    await page.getByLabel('สรุปข่าว').fill(summary);
    const dialog = page.getByRole('dialog', { name: 'กรุณาเข้าสู่ระบบอีกครั้ง' });
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await dialog.getByLabel('อีเมล').inputValue()).toBe(editor.email);
    await expectAccessible(page, 'session dialog (th)');
    await dialog.locator('input[type=password]').fill(editor.password);
    await dialog.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await saved(page);
    expect(await page.getByLabel('สรุปข่าว').inputValue()).toBe(summary);
    const story = await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken });
    expect(story.body).toMatchObject({ versions: [{ summary }] });
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
