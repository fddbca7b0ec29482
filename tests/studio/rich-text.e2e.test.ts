import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { createUser } from '../auth/helpers.js';
import { launchChromium, logIn, newPerson } from './helpers.js';

// Rich text: what the studio's editor makes is what the articles service keeps, and what it keeps comes back.
const platform = new TestPlatform({ services: ['articles'] });
let browser: Browser;
let adminToken: string;
let editor: { id: string; email: string; password: string };

// Every construct the editor offers, in the form the editor writes it.
const BODY = [
  '<h2>บ้านมั่นคงที่อุดรธานี</h2>',
  '<p>ชาวบ้าน <strong>๑๒๐ ครัวเรือน</strong> ร่วมกับ <em>พอช.</em> <u>สร้างบ้าน</u> <s>ชั่วคราว</s></p>',
  '<h3>เสียงจากชุมชน</h3>',
  '<blockquote><p>“เราอยากมีบ้านที่มั่นคง”</p></blockquote>',
  '<ul><li><p>สำรวจที่ดิน</p></li><li><p>ออมทรัพย์</p></li></ul>',
  '<ol><li><p>ประชุม</p></li><li><p>ก่อสร้าง</p></li></ol>',
  '<p>อ่านต่อที่ <a href="https://codi.or.th/" rel="noopener noreferrer">เว็บไซต์ พอช.</a><br>ขอบคุณ</p>',
  '<hr>',
  '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" allowfullscreen="true"></iframe>',
  '<p>จบ</p>',
].join('');
// The same HTML as the sanitizer writes it back: void elements in their XHTML spelling, nothing else changed.
const KEPT = BODY.replace(/<(br|hr)>/g, '<$1 />');

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

describe('the rich-text editor', () => {
  it('sends every allowed construct through the API and gets it back unchanged', async () => {
    const created = await platform.http('POST', '/api/v1/articles', {
      token: adminToken,
      body: { sourceLanguage: 'th', version: { title: 'ทดสอบข้อความ', body: BODY } },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect((created.body as { versions: { body: string }[] }).versions[0].body).toBe(KEPT);

    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, editor, { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' });
    await page.goto(`${platform.baseUrl}/studio/stories/${id}`);
    const body = page.getByRole('textbox', { name: 'เนื้อข่าว' });
    await expect.poll(() => body.locator('iframe').count()).toBe(1);
    // One word added at the very end: the editor then writes the whole body back.
    await body.locator('p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type('แล้ว');
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toMatch(/^บันทึกแล้วเมื่อ/);
    const saved = await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken });
    expect((saved.body as { versions: { body: string }[] }).versions[0].body).toBe(
      KEPT.replace('<p>จบ</p>', '<p>จบแล้ว</p>'),
    );

    // Pasted Word-like markup keeps its text and loses what the allow-list does not have.
    await body.locator('p').last().click();
    await page.keyboard.press('End');
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p class="MsoNormal" style="color:red"><span style="font-family:Angsana New">ข้อความจาก Word</span><script>alert(1)</script></p><h1>หัวใหญ่</h1>');
      document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    })()`);
    await expect
      .poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 })
      .toMatch(/^มีการแก้ไข|^กำลัง|^บันทึกแล้ว/);
    await expect
      .poll(
        async () =>
          (
            (await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken })).body as {
              versions: { body: string }[];
            }
          ).versions[0].body,
        { timeout: 10_000 },
      )
      .toContain('ข้อความจาก Word');
    const after = (
      (await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken })).body as {
        versions: { body: string }[];
      }
    ).versions[0].body;
    expect(after).not.toMatch(/class=|style=|<script|<h1|<span/);
    expect(after).toContain('<p>หัวใหญ่</p>');
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
