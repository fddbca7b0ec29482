import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, waitFor } from '@khao/testing';
import { createUser } from '../auth/helpers.js';
import { photo } from '../media/helpers.js';
import { FakeWebhook, SECRETS } from '../social/fakes.js';
import { expectAccessible, launchChromium, logIn, newPerson, pickSeedDates, screenshot } from './helpers.js';

// Issue 11's main path in Debian's Chromium, against the whole real platform (articles, media, social) and a local
// webhook receiver: photos dropped at once, a gallery ordered, a cover and a focal point, a publish, a live post.
const platform = new TestPlatform();
const webhook = new FakeWebhook();
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
const title = 'ชาวบ้านดุงร่วมเวทีบ้านมั่นคง ภาพกิจกรรมห้าภาพ';
let browser: Browser;
let adminToken: string;
let editor: { id: string; email: string; password: string };

interface Asset {
  id: string;
  sha256: string;
  filename: string;
  status: string;
  focalPoint: { x: number; y: number };
  captions: { th?: string };
}
interface StoryBody {
  coverMediaId: string | null;
  galleryMediaIds: string[];
  versions: { language: string; slug: string; status: string }[];
}

/** A photo too large for the gateway path (≥ 4 MiB): random pixels barely compress, so it goes straight to MinIO. */
async function largePhoto(): Promise<Buffer> {
  const width = 2400;
  const height = 1800;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Drops files on the studio's drop zone in one drop, as a person dragging them from their desktop. */
async function dropFiles(page: Page, files: { name: string; type: string; data: Buffer }[]) {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      // Runs in the page; the tests' TypeScript has no DOM types, so the two constructors are named here.
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add: (file: unknown) => unknown } };
        File: new (parts: unknown[], name: string, init: { type: string }) => unknown;
        atob: (b64: string) => string;
      };
      const dt = new dom.DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(dom.atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new dom.File([bytes], f.name, { type: f.type }));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, type: f.type, b64: f.data.toString('base64') })),
  );
  const zone = page.getByTestId('dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await platform.http(method, path, { token: adminToken, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
};

beforeAll(async () => {
  await webhook.start();
  await platform.start();
  adminToken = await platform.adminToken();
  editor = await createUser(platform, adminToken, 'editor');
  // The newsroom's Thai webhook, made through the API as an admin would.
  await api('POST', '/api/v1/social/channels', {
    type: 'webhook',
    name: 'เว็บฮุกข่าวชุมชน',
    language: 'th',
    options: { url: `${webhook.url}/hooks/khao` },
    credentials: { secret: SECRETS.webhook },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform.stop();
  await webhook.stop();
});

describe('Khao Studio: photos, gallery, publishing, live post status', () => {
  it('an editor drops five photos, orders the gallery, sets cover and focal point, publishes, and sees the post sent', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    let navigations = 0;
    await logIn(page, platform.baseUrl, editor, th);

    // The media library: five photos dropped at once (one large enough for the direct-to-MinIO path).
    await page.getByRole('link', { name: 'คลังภาพ' }).click();
    await page.waitForURL(/\/studio\/media$/);
    const names = ['IMG 3551.jpg', 'IMG 3552.jpg', 'IMG 3553.jpg', 'IMG 3554.jpg', 'IMG 3555.jpg'];
    const bytes = [...(await Promise.all(names.slice(0, 4).map(() => photo()))), await largePhoto()];
    expect(bytes[4].length).toBeGreaterThan(4 * 1024 * 1024);
    await dropFiles(
      page,
      names.map((name, i) => ({ name, type: 'image/jpeg', data: bytes[i] })),
    );
    const uploads = page.getByTestId('uploads').getByRole('listitem');
    await expect.poll(() => uploads.count()).toBe(5);
    expect(await page.getByRole('progressbar').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="uploads"] [data-state="done"]').count(), { timeout: 90_000 })
      .toBe(5);
    await expect.poll(() => page.locator('[data-testid="asset"][data-status="ready"]').count()).toBe(5);

    // A file that is no photo: refused, with the API's own words under the Thai explanation.
    await dropFiles(page, [{ name: 'บันทึกการประชุม.txt', type: 'text/plain', data: Buffer.from('ไม่ใช่ภาพ\n') }]);
    const refused = page.locator('[data-testid="uploads"] [data-state="failed"]');
    await expect.poll(() => refused.count()).toBe(1);
    expect(await refused.getByRole('alert').innerText()).toContain('ระบบไม่รับไฟล์นี้');
    await expectAccessible(page, 'media library (th)');
    await screenshot(page, 'media-th');

    const library = (await api<{ items: Asset[] }>('GET', '/api/v1/media?limit=10')).items;
    const byName = new Map(library.map((a) => [a.filename, a]));
    const ids = names.map((n) => byName.get(n)!.id);

    // Caption search (the API's filter): only the photo whose caption matches.
    await api('PATCH', `/api/v1/media/${ids[2]}`, { captions: { th: 'ผู้นำชุมชนกล่าวเปิดเวทีบ้านมั่นคง' } });
    await page.getByRole('searchbox', { name: 'ค้นหาคำบรรยายภาพ' }).fill('เปิดเวที');
    await expect.poll(() => page.locator('[data-testid="asset"]').count()).toBe(1);
    expect(await page.locator('[data-testid="asset"]').getAttribute('data-id')).toBe(ids[2]);
    await page.getByRole('searchbox', { name: 'ค้นหาคำบรรยายภาพ' }).fill('');
    await expect.poll(() => page.locator('[data-testid="asset"]').count()).toBe(5);

    // The first photo's details: a caption per language, credit, and the focal point set by a click.
    await page.locator(`[data-testid="asset"][data-id="${ids[0]}"]`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/studio/media/${ids[0]}$`));
    const picker = page.getByTestId('focal-picker');
    const before = await page.getByTestId('share-crop').locator('img').getAttribute('style');
    const box = (await picker.boundingBox())!;
    await picker.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
    expect(await page.getByTestId('focal-value').innerText()).toBe('จุดสนใจ: แนวนอน 25% แนวตั้ง 75%');
    // The share crop preview moved with it, before anything is saved.
    expect(await page.getByTestId('share-crop').locator('img').getAttribute('style')).not.toBe(before);
    await page.getByLabel('คำบรรยายภาพ (ภาษาไทย)').fill('ชาวบ้านดุงร่วมฟังเวทีที่ศาลาประชาคม');
    await page.getByLabel('คำบรรยายภาพ (ภาษาอังกฤษ)').fill('Ban Dung villagers at the community hall');
    await page.getByLabel('ข้อความแทนภาพ (ภาษาไทย)').fill('ชาวบ้านนั่งฟังในศาลา');
    await page.getByLabel('เครดิตภาพ').fill('พอช. อุดรธานี');
    await page.getByRole('button', { name: 'บันทึกรายละเอียดภาพ' }).click();
    await expect.poll(() => page.getByTestId('asset-save-state').innerText()).toBe('บันทึกแล้ว');
    const described = await api<Asset>('GET', `/api/v1/media/${ids[0]}`);
    expect(described.focalPoint.x).toBeCloseTo(0.25, 2);
    expect(described.focalPoint.y).toBeCloseTo(0.75, 2);
    expect(described.captions.th).toBe('ชาวบ้านดุงร่วมฟังเวทีที่ศาลาประชาคม');
    // The pointer off the button: the theme's hover shade of a filled button is lighter than its resting one.
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'photo details (th)');
    await screenshot(page, 'asset-th');

    // A seed-like Thai story: dateline อุดรธานี, 10–11 April 2560, no times.
    await page.getByRole('link', { name: 'ข่าว', exact: true }).click();
    await page.getByRole('link', { name: 'เขียนข่าวใหม่' }).click();
    await page.getByLabel('สถานที่ในบรรทัดวันที่').fill('ศาลาประชาคมบ้านดุง');
    await page.getByRole('combobox', { name: 'จังหวัด' }).fill('อุดร');
    await page.getByRole('option', { name: 'อุดรธานี' }).click();
    await pickSeedDates(page);
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'หัวข้อข่าว' }).fill(title);
    await page.getByRole('textbox', { name: 'เนื้อข่าว' }).click();
    await page.keyboard.type('ชาวบ้านกว่าสองร้อยคนร่วมเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง');
    await page.getByRole('button', { name: 'สร้างข่าว' }).click();
    await page.waitForURL(/\/studio\/stories\/[0-9a-f]{24}$/);
    const storyId = /([0-9a-f]{24})$/.exec(page.url())![1];
    page.on('framenavigated', () => navigations++);

    // Photos from the library, ticked in upload order.
    await page.getByRole('button', { name: 'เพิ่มภาพจากคลังภาพ' }).click();
    const dialog = page.getByRole('dialog', { name: 'เพิ่มภาพจากคลังภาพ' });
    await expect.poll(() => dialog.locator('[data-testid="asset"]').count()).toBe(5);
    for (const id of ids) await dialog.locator(`[data-testid="asset"][data-id="${id}"]`).getByRole('checkbox').check();
    await expectAccessible(page, 'photo picker (th)');
    await dialog.getByRole('button', { name: 'เพิ่ม 5 ภาพ' }).click();
    const order = () =>
      page
        .locator('[data-testid="gallery-item"]')
        .evaluateAll((els: unknown[]) => els.map((e) => (e as { dataset: { id?: string } }).dataset.id));
    await expect.poll(order).toEqual(ids);

    // Reordered with the keyboard (dnd-kit): the last photo to the front.
    await page.getByTestId('gallery-handle').nth(4).focus();
    const announced = page.locator('[id^="DndLiveRegion"]');
    await page.keyboard.press('Space');
    await expect.poll(() => announced.textContent()).toMatch(/^(หยิบภาพที่|อยู่ที่ตำแหน่ง) 5/);
    // One step at a time, each announced to screen readers before the next (the photos glide into place).
    for (const n of [4, 3, 2, 1]) {
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => announced.textContent()).toBe(`อยู่ที่ตำแหน่ง ${n}`);
    }
    await page.keyboard.press('Space');
    await expect.poll(() => announced.textContent()).toBe('วางที่ตำแหน่ง 1 แล้ว');
    const wanted = [ids[4], ids[0], ids[1], ids[2], ids[3]];
    await expect.poll(order).toEqual(wanted);
    // The first photo (the one with the focal point) as cover; its caption names it.
    await page.getByRole('radio', { name: 'ใช้ ชาวบ้านดุงร่วมฟังเวทีที่ศาลาประชาคม เป็นภาพปก' }).check();
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 15_000 }).toMatch(/^บันทึกแล้วเมื่อ/);
    const saved = await api<StoryBody>('GET', `/api/v1/articles/${storyId}`);
    expect(saved.galleryMediaIds).toEqual(wanted);
    expect(saved.coverMediaId).toBe(ids[0]);
    await expectAccessible(page, 'story photos (th)');
    await screenshot(page, 'editor-photos-th');

    // Publishing says where it goes: the one enabled Thai channel.
    await page.getByRole('button', { name: 'เผยแพร่ทันที' }).click();
    const confirm = page.getByRole('dialog', { name: 'เผยแพร่ทันที' });
    await expect.poll(() => confirm.getByTestId('publish-reach').innerText()).toBe('จะโพสต์ไปยัง 1 ช่องทาง (เว็บฮุก)');
    await expectAccessible(page, 'publish confirmation with reach (th)');
    await screenshot(page, 'publish-th');
    await confirm.getByRole('button', { name: 'ยืนยัน' }).click();

    // The post shows as sent from the live stream, without a reload.
    const post = page.getByTestId('post');
    await expect.poll(() => post.getAttribute('data-status').catch(() => null), { timeout: 30_000 }).toBe('sent');
    expect(await post.innerText()).toContain('ส่งแล้ว');
    expect(navigations).toBe(0);
    await waitFor(() => webhook.published(storyId).length === 1, { what: 'the webhook post' });
    await expectAccessible(page, 'live post status (th)');
    await screenshot(page, 'posts-th');

    // The public page shows the gallery in that order.
    const story = await api<StoryBody>('GET', `/api/v1/articles/${storyId}`);
    const slug = story.versions.find((v) => v.language === 'th')!.slug;
    const html = await (await fetch(`${platform.baseUrl}/th/news/${encodeURIComponent(slug)}`)).text();
    const gallery = /<section class="gallery"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const shas = await Promise.all(wanted.map(async (id) => (await api<Asset>('GET', `/api/v1/media/${id}`)).sha256));
    const positions = shas.map((sha) => gallery.indexOf(sha));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Exactly one post, still, once the dust has settled.
    await new Promise((r) => setTimeout(r, 1500));
    expect(webhook.published(storyId)).toHaveLength(1);

    // The same pages in English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => post.textContent()).toContain('Sent');
    await expectAccessible(page, 'story photos and posts (en)');
    await screenshot(page, 'editor-photos-en');
    await page.getByRole('link', { name: 'Photos', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid="asset"]').count()).toBe(5);
    await expectAccessible(page, 'media library (en)');
    await screenshot(page, 'media-en');
    await page.locator(`[data-testid="asset"][data-id="${ids[0]}"]`).getByRole('link').click();
    await expect.poll(() => page.getByTestId('focal-value').innerText()).toBe('Focal point: 25% across, 75% down.');
    await expectAccessible(page, 'photo details (en)');
    await screenshot(page, 'asset-en');
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
