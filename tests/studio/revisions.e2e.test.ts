import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { createUser } from '../auth/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// The story's history in the studio (who, when, what; a diff between any two revisions; restore as a new
// revision) and the draft preview button, in Thai and English.
const platform = new TestPlatform({ services: ['articles'] });
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
const en = { email: 'E-mail', password: 'Password', submit: 'Log in' };
let browser: Browser;
let adminToken: string;
let editor: { id: string; email: string; password: string };
let author: { id: string; email: string; password: string };

const FIRST = {
  title: 'ชุมชนริมหนองประจักษ์ร่วมวางแผนบ้านมั่นคง',
  summary: 'ชาวบ้านกว่าสองร้อยคนร่วมเวทีสองวันที่ศาลากลางจังหวัดอุดรธานี',
  body: '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 ชาวบ้านร่วมกันสำรวจข้อมูลครัวเรือน</p>',
};
const SECOND = {
  ...FIRST,
  body: '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 ชาวบ้านร่วมกันตั้งกลุ่มออมทรัพย์</p>',
};

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

/** A story saved three times: created, its body edited, its tags changed (revisions 1–3). */
async function storyWithHistory(token = adminToken): Promise<Story> {
  const created = await platform.http('POST', '/api/v1/articles', {
    token,
    body: { sourceLanguage: 'th', dateline: { province: 'อุดรธานี' }, tags: ['บ้านมั่นคง'], version: FIRST },
  });
  expect(created.status).toBe(201);
  const id = (created.body as Story).id;
  expect((await platform.http('PUT', `/api/v1/articles/${id}/versions/th`, { token, body: SECOND })).status).toBe(200);
  const patched = await platform.http('PATCH', `/api/v1/articles/${id}`, {
    token,
    body: { tags: ['บ้านมั่นคง', 'ออมทรัพย์'] },
  });
  expect(patched.status).toBe(200);
  return patched.body as Story;
}

async function tokenOf(user: { email: string; password: string }): Promise<string> {
  const res = await platform.http('POST', '/api/v1/auth/login', {
    body: { email: user.email, password: user.password },
  });
  expect(res.status).toBe(200);
  return (res.body as { accessToken: string }).accessToken;
}

async function openEditor(page: Page, id: string, upToDate: string) {
  await page.goto(`${platform.baseUrl}/studio/stories/${id}`);
  await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toBe(upToDate);
}

describe('revisions and preview in the studio', () => {
  it('shows who, when and what, diffs two revisions and restores one as a new revision (Thai)', async () => {
    const story = await storyWithHistory();
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, editor, th);
    await openEditor(page, story.id, 'ไม่มีการแก้ไข');

    await page.getByTestId('revisions').click();
    const dialog = page.getByRole('dialog', { name: 'ประวัติการแก้ไขข่าวนี้' });
    const rows = dialog.getByTestId('revision-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await rows.nth(0).innerText()).toContain('แก้ไขข้อมูลร่วม');
    expect(await rows.nth(1).innerText()).toContain('แก้ไขฉบับภาษาไทย');
    expect(await rows.nth(2).innerText()).toContain('สร้างข่าว');
    // Thai dates in the Buddhist Era.
    expect(await rows.nth(2).innerText()).toMatch(/25\d\d/);
    // Latest against the one before: the tags.
    const diff = dialog.getByTestId('revision-diff');
    await expect.poll(() => diff.getByTestId('diff-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await diff.innerText()).toContain('แท็ก');
    expect(await diff.locator('ins').innerText()).toContain('ออมทรัพย์');

    // Revision 1 against 2: the body, word by word (Thai cut into words).
    await dialog.getByLabel('จากฉบับ').click();
    await page.getByRole('option', { name: /^ฉบับที่ 1 ·/ }).click();
    await dialog.getByLabel('ถึงฉบับ').click();
    await page.getByRole('option', { name: /^ฉบับที่ 2 ·/ }).click();
    await expect.poll(() => diff.innerText(), { timeout: 10_000 }).toContain('เนื้อข่าว');
    expect(await diff.locator('del').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('สำรวจ')]),
    );
    expect(await diff.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('ออม')]));
    await expectAccessible(page, 'revisions dialog (th)');
    await screenshot(page, 'revisions-th');

    await rows.nth(2).getByRole('button', { name: 'นำฉบับที่ 1 กลับมา' }).click();
    expect(await dialog.innerText()).toContain('จะถูกบันทึกเป็นฉบับใหม่ (ฉบับที่ 4)');
    // The pointer rests on the confirm button (where the row's button was): its hover colour is checked too.
    await expectAccessible(page, 'restore confirmation (th)');
    await dialog.getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    expect(await rows.nth(0).innerText()).toContain('นำฉบับที่ 1 กลับมา');
    const restored = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token: adminToken })).body as Story;
    expect(restored.revision).toBe(4);
    expect(restored.versions[0]?.body).toBe(FIRST.body);
    expect(restored.tags).toEqual(['บ้านมั่นคง']);
    await dialog.getByRole('button', { name: 'ปิด' }).click();
    // The form took the restored revision: no unsaved change, the old body in the editor.
    expect(await page.getByTestId('save-state').innerText()).toBe('ไม่มีการแก้ไข');
    expect(await page.getByRole('textbox', { name: 'เนื้อข่าว' }).innerText()).toContain('สำรวจข้อมูลครัวเรือน');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('meets a save made meanwhile with the conflict dialog instead of restoring over it', async () => {
    const story = await storyWithHistory();
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, editor, th);
    await openEditor(page, story.id, 'ไม่มีการแก้ไข');
    const other = await platform.http('PATCH', `/api/v1/articles/${story.id}`, {
      token: adminToken,
      body: { byline: 'กองบรรณาธิการภาคอีสาน' },
    });
    expect(other.status).toBe(200);
    await page.getByTestId('revisions').click();
    const dialog = page.getByRole('dialog', { name: 'ประวัติการแก้ไขข่าวนี้' });
    await dialog.getByRole('button', { name: 'นำฉบับที่ 1 กลับมา' }).click();
    await dialog.getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }).click();
    const conflict = page.getByRole('dialog', { name: 'มีผู้อื่นแก้ไขข่าวนี้' });
    await expect.poll(() => conflict.isVisible(), { timeout: 10_000 }).toBe(true);
    const now = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token: adminToken })).body as Story;
    expect(now.revision).toBe(4);
    expect(now.byline).toBe('กองบรรณาธิการภาคอีสาน');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('opens the draft preview from the editor and lists revisions in English; an author cannot restore', async () => {
    const story = await storyWithHistory(await tokenOf(editor));
    const { ctx, page, problems } = await newPerson(browser, 'en-US');
    await logIn(page, platform.baseUrl, editor, en);
    await openEditor(page, story.id, 'No changes');

    await page.getByTestId('revisions').click();
    const dialog = page.getByRole('dialog', { name: 'Revisions of this story' });
    await expect.poll(() => dialog.getByTestId('revision-row').count(), { timeout: 10_000 }).toBe(3);
    expect(await dialog.getByTestId('revision-row').nth(1).innerText()).toContain('Edited the Thai version');
    expect(await dialog.getByTestId('revision-row').nth(1).innerText()).toContain('ผู้ใช้ editor');
    await expect.poll(() => dialog.getByTestId('diff-row').count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'revisions dialog (en)');
    await screenshot(page, 'revisions-en');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const [preview] = await Promise.all([ctx.waitForEvent('page'), page.getByTestId('preview').click()]);
    await preview.waitForLoadState();
    expect(preview.url()).toMatch(/\/preview\/[\w-]+\.[\w-]{43}$/);
    expect(await preview.locator('h1').innerText()).toBe(FIRST.title);
    expect(await preview.locator('meta[name=robots]').getAttribute('content')).toBe('noindex, nofollow');
    expect(await preview.locator('.body').innerText()).toContain('ตั้งกลุ่มออมทรัพย์');
    await expectAccessible(preview, 'draft preview page');
    await screenshot(preview, 'preview-th');
    await preview.close();
    expect(problems).toEqual([]);
    await ctx.close();

    const own = await storyWithHistory(await tokenOf(author));
    const a = await newPerson(browser, 'en-US');
    await logIn(a.page, platform.baseUrl, author, en);
    await openEditor(a.page, own.id, 'No changes');
    await a.page.getByTestId('revisions').click();
    const authorDialog = a.page.getByRole('dialog', { name: 'Revisions of this story' });
    await expect.poll(() => authorDialog.getByTestId('revision-row').count(), { timeout: 10_000 }).toBe(3);
    expect(await authorDialog.getByRole('button', { name: /^Restore/ }).count()).toBe(0);
    expect(a.problems).toEqual([]);
    await a.ctx.close();
  });
});
