import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { createUser } from '../auth/helpers.js';
import { expectAccessible, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// Rich text: what the studio's editor makes is what the articles service keeps, and what it keeps comes back.
const platform = new TestPlatform({ services: ['articles'] });
let browser: Browser;
let adminToken: string;
let editor: { id: string; email: string; password: string };

// Every construct the sanitizer allows, in the form the editor writes it.
const FACEBOOK =
  'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcodi%2Fvideos%2F1%2F&amp;show_text=0';
const BODY = [
  '<h2>บ้านมั่นคงที่อุดรธานี</h2>',
  '<p>ชาวบ้าน <strong>๑๒๐ ครัวเรือน</strong> ร่วมกับ <em>พอช.</em> <u>สร้างบ้าน</u> <s>ชั่วคราว</s></p>',
  '<h3>เสียงจากชุมชน</h3>',
  '<blockquote><p>“เราอยากมีบ้านที่มั่นคง”</p></blockquote>',
  '<h4>ขั้นตอน</h4>',
  '<ul><li><p>สำรวจที่ดิน</p></li><li><p>ออมทรัพย์</p></li></ul>',
  '<ol><li><p>ประชุม</p></li><li><p>ก่อสร้าง</p></li></ol>',
  '<p>ผู้ใหญ่บ้านบอกว่า <q>บ้านคือชีวิต</q> ตามหนังสือ <cite>คู่มือบ้านมั่นคง</cite></p>',
  '<p>อ่านต่อที่ <a href="https://codi.or.th/" title="สถาบันพัฒนาองค์กรชุมชน" rel="noopener noreferrer">เว็บไซต์ พอช.</a>',
  ' หรือ <a href="mailto:news@codi.or.th" rel="noopener noreferrer">อีเมล</a><br>ขอบคุณ</p>',
  '<hr>',
  '<figure><img src="https://media.example.org/public/udon-1200.jpg" alt="ชาวบ้านประชุมที่ศาลากลาง">',
  '<figcaption>เวทีประชาคมที่ศาลากลางจังหวัด</figcaption></figure>',
  '<img src="https://media.example.org/public/udon-2.jpg" alt="แผนที่ชุมชน" title="แผนที่" width="800" height="600" loading="lazy">',
  '<table><tbody><tr><th scope="col"><p>ชุมชน</p></th><th scope="col"><p>ครัวเรือน</p></th></tr>',
  '<tr><td><p>บ้านดุง</p></td><td><p>๑๒๐</p></td></tr><tr><td colspan="2"><p>รวมทั้งตำบล</p></td></tr></tbody></table>',
  '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="วิดีโอเวที" allowfullscreen="true"></iframe>',
  `<iframe src="${FACEBOOK}" width="560" height="315" allowfullscreen="true"></iframe>`,
  '<p>จบ</p>',
].join('');
// The same HTML as the sanitizer writes it back: void elements in their XHTML spelling, nothing else changed.
const KEPT = BODY.replace(/<(br|hr)>/g, '<$1 />').replace(/<(img [^>]*)>/g, '<$1 />');

// What Word puts on the clipboard (as Chrome hands it to a page): its namespaces, styles, classes, language
// spans, drawn list bullets in conditional blocks, a layout table, a local picture, and a script for good measure.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0cm; font-family:"Angsana New";} --></style></head>
<body lang=TH style='tab-interval:36.0pt'><!--StartFragment-->
<p class=MsoNormal><b><span lang=TH style='font-size:16.0pt;font-family:"TH SarabunPSK",sans-serif'>สภาองค์กรชุมชนตำบลหนองบัว</span></b><span lang=TH style='font-size:16.0pt'> จัดเวทีประชาคม<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]><span lang=TH>สำรวจข้อมูลครัวเรือน<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]><span lang=TH>ตั้งกลุ่มออมทรัพย์<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=TH><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span></span><![endif]><span lang=TH>ประชุมชี้แจง</span></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=TH><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span></span><![endif]><span lang=TH>ก่อสร้างบ้าน</span></p>
<p class=MsoNormal style='margin-left:36.0pt'><i><span lang=TH style='color:#C00000;mso-themecolor:accent2'>“เราอยากมีบ้านที่มั่นคง”</span></i><o:p></o:p></p>
<h1 style='mso-margin-top-alt:auto'><span lang=TH>หัวเรื่องใหญ่จาก Word</span></h1>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr><td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=TH>บ้านดุง</span></p></td><td width=200 valign=top style='width:150.0pt'><p class=MsoNormal><span lang=TH>๑๒๐</span></p></td></tr></table>
<p class=MsoNormal><a href="https://codi.or.th/" target="_blank"><span style='color:blue'>เว็บไซต์ พอช.</span></a><script>alert(1)</script><img width=100 height=80 src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="Picture_x0020_1"></p>
<!--EndFragment--></body></html>`;
const WORD_CLEAN = [
  '<p><strong>สภาองค์กรชุมชนตำบลหนองบัว</strong> จัดเวทีประชาคม</p>',
  '<ul><li><p>สำรวจข้อมูลครัวเรือน</p></li><li><p>ตั้งกลุ่มออมทรัพย์</p></li></ul>',
  '<ol><li><p>ประชุมชี้แจง</p></li><li><p>ก่อสร้างบ้าน</p></li></ol>',
  '<p><em>“เราอยากมีบ้านที่มั่นคง”</em></p>',
  '<p>หัวเรื่องใหญ่จาก Word</p>',
  '<table><tbody><tr><td><p>บ้านดุง</p></td><td><p>๑๒๐</p></td></tr></tbody></table>',
  '<p><a href="https://codi.or.th/" rel="noopener noreferrer">เว็บไซต์ พอช.</a></p>',
];

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
    await expect.poll(() => body.locator('iframe').count(), { timeout: 10_000 }).toBe(2);
    // One word added at the very end: the editor then writes the whole body back.
    await body.locator('p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type('แล้ว');
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toMatch(/^บันทึกแล้วเมื่อ/);
    const saved = await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken });
    expect((saved.body as { versions: { body: string }[] }).versions[0].body).toBe(
      KEPT.replace('<p>จบ</p>', '<p>จบแล้ว</p>'),
    );

    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('cleans a Word paste to the allow-list: what the editor sends is exactly what the API keeps', async () => {
    const created = await platform.http('POST', '/api/v1/articles', {
      token: adminToken,
      body: { sourceLanguage: 'th', version: { title: 'ข่าวจากไฟล์ Word', body: '' } },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, editor, { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' });
    await page.goto(`${platform.baseUrl}/studio/stories/${id}`);
    await page.getByRole('textbox', { name: 'เนื้อข่าว' }).click();
    await page.evaluate(
      `((html) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'ข้อความจาก Word');
        document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      })(${JSON.stringify(WORD)})`,
    );
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toMatch(/^บันทึกแล้วเมื่อ/);
    const stored = (
      (await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken })).body as {
        versions: { body: string }[];
      }
    ).versions[0].body;
    // What the editor holds (and sent) is what the API stored: the sanitizer had nothing left to change.
    const editorHtml = await page.evaluate(`document.querySelector('.ProseMirror').editor.getHTML()`);
    expect(editorHtml).toBe(stored);
    expect(stored).not.toMatch(/class=|style=|lang=|<span|<o:p|<script|<h1|mso|file:|·|target=/);
    expect(stored).toBe(WORD_CLEAN.join(''));
    expect(problems).toEqual([]);
    await ctx.close();
  });

  for (const lang of ['th', 'en'] as const) {
    it(`sets links and videos in dialogs that check the address first (${lang})`, async () => {
      const l =
        lang === 'th'
          ? {
              login: { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' },
              body: 'เนื้อข่าว',
              link: 'ลิงก์',
              linkDialog: 'ลิงก์',
              address: 'ที่อยู่เว็บ',
              apply: 'ใช้ลิงก์นี้',
              invalid: 'ที่อยู่นี้ใช้เป็นลิงก์ในข่าวไม่ได้',
              video: 'วิดีโอ',
              videoDialog: 'ฝังวิดีโอ',
              videoAddress: 'ลิงก์วิดีโอ',
              insert: 'แทรกวิดีโอ',
              refused: 'ฝังได้เฉพาะวิดีโอจาก YouTube และ Facebook',
              saved: /^บันทึกแล้วเมื่อ/,
            }
          : {
              login: { email: 'E-mail', password: 'Password', submit: 'Log in' },
              body: 'Story',
              link: 'Link',
              linkDialog: 'Link',
              address: 'Web address',
              apply: 'Apply',
              invalid: 'This is not an address the story can link to',
              video: 'Video',
              videoDialog: 'Embed a video',
              videoAddress: 'Video link',
              insert: 'Insert the video',
              refused: 'Only YouTube and Facebook videos can be embedded',
              saved: /^Saved /,
            };
      const created = await platform.http('POST', '/api/v1/articles', {
        token: adminToken,
        body: { sourceLanguage: 'th', version: { title: 'ทดสอบลิงก์และวิดีโอ', body: '<p>อ่านรายงานของ พอช.</p>' } },
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const { ctx, page, problems } = await newPerson(browser, lang === 'th' ? 'th-TH' : 'en-US');
      await logIn(page, platform.baseUrl, editor, l.login);
      await page.goto(`${platform.baseUrl}/studio/stories/${id}`);
      const body = page.getByRole('textbox', { name: l.body });
      await body.locator('p').first().dblclick();
      await page.getByRole('toolbar').getByRole('button', { name: l.link, exact: true }).click();
      const linkDialog = page.getByRole('dialog', { name: l.linkDialog });
      await linkDialog.getByLabel(l.address).fill('javascript:alert(1)');
      await linkDialog.getByRole('button', { name: l.apply }).click();
      expect(await linkDialog.innerText()).toContain(l.invalid);
      await expectAccessible(page, `link dialog (${lang})`);
      await screenshot(page, `link-dialog-${lang}`);
      await linkDialog.getByLabel(l.address).fill('codi.or.th/report');
      await linkDialog.getByRole('button', { name: l.apply }).click();
      await expect.poll(() => linkDialog.isVisible(), { timeout: 10_000 }).toBe(false);

      await body.locator('p').last().click();
      await page.keyboard.press('End');
      await page.getByRole('toolbar').getByRole('button', { name: l.video, exact: true }).click();
      const videoDialog = page.getByRole('dialog', { name: l.videoDialog });
      await videoDialog.getByLabel(l.videoAddress).fill('https://vimeo.com/76979871');
      await videoDialog.getByRole('button', { name: l.insert }).click();
      expect(await videoDialog.innerText()).toContain(l.refused);
      await expectAccessible(page, `video dialog (${lang})`);
      await screenshot(page, `video-dialog-${lang}`);
      await videoDialog.getByLabel(l.videoAddress).fill('https://youtu.be/dQw4w9WgXcQ');
      await videoDialog.getByRole('button', { name: l.insert }).click();
      await expect.poll(() => body.locator('iframe').count(), { timeout: 10_000 }).toBe(1);

      await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toMatch(l.saved);
      const stored = (
        (await platform.http('GET', `/api/v1/articles/${id}`, { token: adminToken })).body as {
          versions: { body: string }[];
        }
      ).versions[0].body;
      expect(stored).toMatch(/<a href="https:\/\/codi\.or\.th\/report" rel="noopener noreferrer">[^<]+<\/a>/);
      expect(stored).toContain(
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" allowfullscreen="true">',
      );
      expect(stored).not.toContain('javascript:');
      expect(problems).toEqual([]);
      await ctx.close();
    });
  }
});
