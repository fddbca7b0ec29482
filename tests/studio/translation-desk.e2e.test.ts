import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, Story } from '@khao/contracts';
import { TestPlatform, waitFor } from '@khao/testing';
import { bearerLogin, createUser } from '../auth/helpers.js';
import { FakeWebhook, SECRETS } from '../social/fakes.js';
import { addChannel } from '../social/helpers.js';
import { fakeDeepL } from '../translation/fake-providers.js';
import { getJob, waitForJob } from '../translation/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// The translation desk in Debian's Chromium: a translator works a machine-drafted job against the local DeepL-like
// fake, the editor sees the English draft arrive live and publishes it, and an English webhook gets one post.
const DEEPL_KEY = 'deepl-desk-test-key:fx';
const deepl = fakeDeepL(DEEPL_KEY);
const hook = new FakeWebhook();
let platform: TestPlatform;
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
let browser: Browser;
let admin: string;
let editor: { id: string; email: string; password: string };
let translator: { id: string; email: string; password: string };
let story: Story;

const TITLE = 'สภาองค์กรชุมชนอุดรธานีจับมือ พอช. สร้างบ้านมั่นคง';
const FIXED_TITLE = 'Udon Thani Community Organization Council and CODI build secure homes';

beforeAll(async () => {
  // The fakes' addresses are known once they listen.
  await Promise.all([deepl.start(), hook.start()]);
  platform = new TestPlatform({
    services: ['articles', 'translation', 'social'],
    env: {
      translation: {
        TRANSLATION_PROVIDER: 'deepl',
        DEEPL_URL: deepl.url,
        DEEPL_AUTH_KEY: DEEPL_KEY,
        TRANSLATION_POLL_MS: '200',
      },
      social: { SOCIAL_SWEEP_MS: '500', SOCIAL_BACKOFF_MS: '200,400' },
    },
  });
  await platform.start();
  admin = await platform.adminToken();
  editor = await createUser(platform, admin, 'editor');
  translator = await createUser(platform, admin, 'translator');
  await addChannel(platform, admin, {
    type: 'webhook',
    name: 'Webhook en',
    language: 'en',
    options: { url: `${hook.url}/hooks/khao` },
    credentials: { secret: SECRETS.webhook },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await Promise.all([deepl.stop(), hook.stop()]);
});

/** The Thai story, written and submitted by the editor through the API (the story editor has its own tests). */
async function submitThaiStory(): Promise<Story> {
  const token = await bearerLogin(platform, editor);
  const created = await platform.http('POST', '/api/v1/articles', {
    token,
    body: {
      sourceLanguage: 'th',
      dateline: { place: 'ศูนย์ประชุมบ้านดุง', province: 'อุดรธานี' },
      eventDate: { start: '2017-04-10', end: '2017-04-11' },
      version: {
        title: TITLE,
        summary: 'ชาวบ้านสี่ตำบลร่วมวางแผนที่อยู่อาศัย ๑๒๐ หลัง',
        body:
          '<p>อุดรธานี/ <strong>สภาองค์กรชุมชนตำบลบ้านดุง</strong> ร่วมกับ พอช. จัดเวทีสองวัน</p>' +
          '<blockquote>“เราอยากมีบ้านที่มั่นคง” ผู้นำชุมชนกล่าว</blockquote>' +
          '<h2>ขั้นต่อไป</h2><ul><li>สำรวจครัวเรือน</li><li>ตั้งกลุ่มออมทรัพย์</li></ul>',
      },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const s = created.body as Story;
  const submitted = await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/submit`, {
    token,
    headers: { 'if-match': `"${s.revision}"` },
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body as Story;
}

/** A segment's target field: a text area (title, summary) or the rich-text editor of a body segment. */
const segmentField = (page: Page, n: number) =>
  page.locator(`[data-segment="${n}"] textarea, [data-segment="${n}"] [contenteditable="true"]`);

describe('the translation desk in Chromium', () => {
  it('a translator fixes a machine draft against the glossary and approves; the editor sees it live and publishes', async () => {
    story = await submitThaiStory();
    const jobId = `${story.id}-en`;

    // The editor has the story open before any translation exists.
    const ed = await newPerson(browser, 'th-TH');
    await logIn(ed.page, platform.baseUrl, editor, th);
    await ed.page.goto(`${platform.baseUrl}/studio/stories/${story.id}`);
    await ed.page.getByRole('tab', { name: 'ภาษาอังกฤษ' }).click();
    await expect.poll(() => ed.page.getByRole('button', { name: 'เพิ่มฉบับภาษาอังกฤษ' }).count()).toBe(1);

    // The translator lands in the translation room; besides it the menu offers only the photos (for captions).
    const tr = await newPerson(browser, 'th-TH');
    const page = tr.page;
    await page.goto(`${platform.baseUrl}/studio/`);
    await page.waitForURL(/\/studio\/login/);
    await page.getByLabel(th.email).fill(translator.email);
    await page.locator('input[type=password]').fill(translator.password);
    await page.getByRole('button', { name: th.submit }).click();
    await page.waitForURL(/\/studio\/translation$/);
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['งานแปล', 'อภิธานศัพท์', 'คลังภาพ']);

    // The job shows up with the machine draft done, without a reload.
    const row = page.locator(`tr[data-job-id="${jobId}"]`);
    await expect
      .poll(() => row.getByTestId('job-progress').textContent(), { timeout: 20_000 })
      .toBe('แปลแล้ว 7 จาก 7 ส่วน');
    expect(await row.getByTestId('job-status').textContent()).toBe('มีฉบับร่างจากเครื่องแล้ว');
    await page.getByRole('combobox', { name: 'สถานะ' }).click();
    await page.getByRole('option', { name: 'มีฉบับร่างจากเครื่องแล้ว' }).click();
    await page.waitForURL(/status=machine_translated/);
    await expect.poll(() => row.count()).toBe(1);
    await expectAccessible(page, 'translation jobs (th)');
    await screenshot(page, 'translation-jobs-th');

    // The glossary: a term added in the form, the same term refused, more from a CSV, one edited, one deleted.
    await page.getByRole('link', { name: 'อภิธานศัพท์' }).first().click();
    await page.waitForURL(/\/studio\/glossary$/);
    const addTerm = async (term: string, target: string) => {
      await page.getByRole('textbox', { name: 'คำ', exact: true }).fill(term);
      await page.getByRole('textbox', { name: 'คำแปลที่กำหนด' }).fill(target);
      await page.getByRole('button', { name: 'เพิ่มคำ' }).click();
    };
    await addTerm('พอช.', 'CODI');
    await expect.poll(() => page.locator('tr[data-term="พอช."]').count()).toBe(1);
    await addTerm('พอช.', 'Por Chor');
    const refusal = page.getByRole('form', { name: 'เพิ่มคำ' }).getByRole('alert');
    await expect.poll(() => refusal.innerText()).toContain('คำนี้มีอยู่ในอภิธานศัพท์แล้ว');
    expect(await refusal.innerText()).toContain('is already in the glossary as "CODI"');
    await page.locator('input[type=file]').setInputFiles({
      name: 'terms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFsourceLanguage,targetLanguage,source,target\r\n' +
          'th,en,สภาองค์กรชุมชน,"Community Organisation Council"\r\n' +
          'th,en,พอช.,CODI\r\n' +
          'th,en,บ้านมั่นคง,Baan Mankong\r\n',
        'utf8',
      ),
    });
    const imported = page.getByTestId('import-result');
    await expect.poll(() => imported.count()).toBe(1);
    expect(await imported.innerText()).toMatch(/เพิ่มแล้ว 2 คำ ปฏิเสธ 1 คำ[\s\S]*แถวที่ 3: "พอช\." \(th → en\) is already/);
    await page.getByRole('button', { name: 'แก้ไข สภาองค์กรชุมชน' }).click();
    const editDialog = page.getByRole('dialog', { name: 'แก้ไข' });
    await editDialog.getByRole('textbox', { name: 'คำแปลที่กำหนด' }).fill('Community Organization Council');
    await expectAccessible(page, 'glossary edit dialog (th)');
    await editDialog.getByRole('button', { name: 'บันทึก' }).click();
    await expect
      .poll(() => page.locator('tr[data-term="สภาองค์กรชุมชน"]').innerText())
      .toContain('Community Organization Council');
    await page.getByRole('button', { name: 'ลบ บ้านมั่นคง' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'ลบ' });
    expect(await deleteDialog.innerText()).toContain('“บ้านมั่นคง” → “Baan Mankong”');
    await deleteDialog.getByRole('button', { name: 'ลบ' }).click();
    await expect.poll(() => page.locator('tr[data-term="บ้านมั่นคง"]').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ส่งออก CSV' }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toBe(
      '\uFEFFsourceLanguage,targetLanguage,source,target\r\n' +
        'th,en,พอช.,CODI\r\nth,en,สภาองค์กรชุมชน,Community Organization Council\r\n',
    );
    await expectAccessible(page, 'glossary (th)');
    await screenshot(page, 'glossary-th');

    // The job: the machine draft, where it came from, the terms marked and the warnings.
    await page.goto(`${platform.baseUrl}/studio/translation/${jobId}`);
    const title = page.locator('[data-segment="0"]');
    await expect.poll(() => title.getByTestId('draft-origin').textContent()).toBe('ร่างจากเครื่องแปล deepl');
    await expect.poll(() => title.locator('mark').allInnerTexts()).toEqual(['สภาองค์กรชุมชน', 'พอช.']);
    const warning = title.getByTestId('glossary-warning');
    expect(await warning.innerText()).toContain('พอช. → CODI');
    expect(await segmentField(page, 0).inputValue()).toContain('Por Chor');

    // From the keyboard: the cleared title is the next untranslated segment; Ctrl+Enter saves the fix.
    await segmentField(page, 0).fill('');
    await segmentField(page, 3).focus();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => page.locator('[data-segment="0"] textarea:focus').count()).toBe(1);
    await page.keyboard.type(FIXED_TITLE);
    await expect.poll(() => warning.count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await getJob(platform, admin, jobId)).segments[0].target).toBe(FIXED_TITLE);
    const saved = await getJob(platform, admin, jobId);
    expect(saved.segments[0]).toMatchObject({ status: 'edited', editedBy: translator.id, draftFrom: 'provider' });
    expect(saved.segments[0].draft).toContain('Por Chor');

    // A paragraph with bold text shows it bold on both sides, never as HTML; only bold is offered; an edit keeps it.
    const paragraph = page.locator('[data-segment="2"]');
    expect(await paragraph.getByTestId('segment-source').locator('strong').innerText()).toBe('สภาองค์กรชุมชนตำบลบ้านดุง');
    expect(await paragraph.getByTestId('segment-source').locator('mark').allInnerTexts()).toEqual([
      'สภาองค์กรชุมชน',
      'พอช.',
    ]);
    const bold = segmentField(page, 2).locator('strong');
    await expect.poll(() => bold.count()).toBe(1);
    // Evaluated in the page (the tests are compiled without the DOM's types).
    const weight = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('[data-segment="2"] [contenteditable] strong')).fontWeight`,
    );
    expect(Number(weight)).toBeGreaterThanOrEqual(600);
    const boldText = await bold.innerText();
    expect(boldText.length).toBeGreaterThan(0);
    expect(await paragraph.innerText()).not.toMatch(/<\/?strong>|&lt;|&gt;/);
    expect(await paragraph.getByRole('toolbar').getByRole('button').allInnerTexts()).toEqual(['ตัวหนา']);
    await segmentField(page, 2).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' with CODI');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await getJob(platform, admin, jobId)).segments[2].target).toMatch(/ with CODI$/);
    const paragraphSaved = (await getJob(platform, admin, jobId)).segments[2];
    expect(paragraphSaved.target).toContain(`<strong>${boldText}</strong>`);
    expect(paragraphSaved).toMatchObject({ status: 'edited', editedBy: translator.id });
    await expect.poll(() => page.getByTestId('target-preview').locator('h3').innerText()).toBe(FIXED_TITLE);
    expect(await page.getByTestId('target-preview').locator('blockquote').count()).toBe(1);
    await expectAccessible(page, 'translation editor (th)');
    await screenshot(page, 'translation-editor-th');

    await page.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'อนุมัติ' });
    expect(await confirm.innerText()).toContain('ฉบับภาษาอังกฤษจะถูกเขียนลงในข่าว');
    await expectAccessible(page, 'approve confirmation (th)');
    await confirm.getByRole('button', { name: 'ยืนยัน' }).click();
    await expect.poll(() => page.getByTestId('job-status').textContent()).toBe('อยู่ในข่าวแล้ว');
    expect(await page.getByTestId('approval').innerText()).toMatch(/^อนุมัติโดย คุณ เมื่อ .*2569/);
    const applied: Job = await getJob(platform, admin, jobId);
    expect(applied).toMatchObject({ status: 'applied', approvedBy: translator.id });

    // The editor's open story takes the English draft in without a reload, and the editor publishes it.
    const enPanel = ed.page.getByRole('tabpanel');
    await expect
      .poll(() => enPanel.getByRole('textbox', { name: 'หัวข้อข่าว' }).inputValue(), { timeout: 15_000 })
      .toBe(FIXED_TITLE);
    await enPanel.getByRole('button', { name: 'เผยแพร่ทันที' }).click();
    await ed.page.getByRole('dialog', { name: 'เผยแพร่ทันที' }).getByRole('button', { name: 'ยืนยัน' }).click();
    await expect.poll(() => ed.page.locator('[data-status="en:published"]').count()).toBe(1);
    await waitFor(() => (hook.published(story.id).length ? true : undefined), { timeoutMs: 20_000 });
    // Give a second post every chance to arrive: there must be none.
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.published(story.id)).toHaveLength(1);
    expect(hook.published(story.id)[0]).toMatchObject({ language: 'en' });

    // The same pages in English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('job-status').textContent()).toBe('In the story');
    await expectAccessible(page, 'translation editor (en)');
    await screenshot(page, 'translation-editor-en');
    await page.getByRole('link', { name: 'Translation', exact: true }).click();
    await expect.poll(() => row.getByTestId('job-progress').textContent()).toBe('7 of 7 segments translated');
    await expectAccessible(page, 'translation jobs (en)');
    await screenshot(page, 'translation-jobs-en');
    await page.getByRole('link', { name: 'Glossary', exact: true }).first().click();
    await expect.poll(() => page.locator('tr[data-term="พอช."]').count()).toBe(1);
    await expectAccessible(page, 'glossary (en)');
    await screenshot(page, 'glossary-en');

    // Forced requests to the other rooms, with the translator's own browser session: 403.
    for (const path of [
      '/api/v1/social/posts',
      '/api/v1/social/channels',
      '/api/v1/users',
      '/api/v1/ops/dead-letters',
    ]) {
      expect((await page.request.get(`${platform.baseUrl}${path}`)).status(), path).toBe(403);
    }
    const token = await bearerLogin(platform, translator);
    const publish = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, {
      token,
      body: {},
    });
    expect(publish.status).toBe(403);
    expect((await platform.http('POST', '/api/v1/articles', { token, body: { sourceLanguage: 'th' } })).status).toBe(
      403,
    );

    expect(tr.problems).toEqual([]);
    expect(ed.problems).toEqual([]);
    await Promise.all([tr.ctx.close(), ed.ctx.close()]);
  }, 240_000);

  it('marks the segments changed since the approval, and the list finds such jobs', async () => {
    const jobId = `${story.id}-en`;
    const before = await getJob(platform, admin, jobId);
    const token = await bearerLogin(platform, editor);
    const current = await platform.http('GET', `/api/v1/articles/${story.id}`, { token });
    const s = current.body as Story;
    const thai = s.versions.find((v) => v.language === 'th')!;
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/th`, {
      token,
      headers: { 'if-match': `"${s.revision}"` },
      body: { title: thai.title, summary: 'ชาวบ้านห้าตำบลร่วมวางแผนที่อยู่อาศัย ๑๕๐ หลัง', body: thai.body, seo: {} },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await waitForJob(platform, admin, jobId, (j) => j.sourceRevision > before.sourceRevision && j.pendingCount === 0);

    const { ctx, page, problems } = await newPerson(browser, 'en-US');
    await page.goto(`${platform.baseUrl}/studio/translation?changed=true`);
    await page.waitForURL(/\/studio\/login/);
    await page.getByLabel('E-mail').fill(translator.email);
    await page.locator('input[type=password]').fill(translator.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/studio\/translation\?changed=true$/);
    const row = page.locator(`tr[data-job-id="${jobId}"]`);
    await expect.poll(() => row.textContent()).toContain('1 changed since approval');
    await row.getByRole('link').click();
    await expect.poll(() => page.locator('[data-changed]').count()).toBe(1);
    expect(await page.locator('[data-changed]').getAttribute('data-segment')).toBe('1');
    await segmentField(page, 5).focus();
    await page.keyboard.press('Alt+C');
    await expect.poll(() => page.locator('[data-segment="1"] textarea:focus').count()).toBe(1);
    await expectAccessible(page, 'translation editor with a changed segment (en)');
    expect(problems).toEqual([]);
    await ctx.close();
  }, 120_000);
});
