import { describe, expect, it } from 'vitest';
import { protect, restore } from '../glossary/protect.js';
import { assembleBody, hashText, htmlToText, segmentVersion, textToHtml } from './segmenter.js';

const body =
  '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 <strong>สภาองค์กรชุมชน</strong>ร่วมกับ <a href="https://codi.or.th">พอช.</a> จัดเวที</p>\n' +
  '<h2>เสียงจากชุมชน</h2>' +
  '<blockquote><p>“เราอยากมีบ้านที่มั่นคง”</p> นางสมหมาย ใจงาม กล่าว</blockquote>' +
  '<ul><li>สำรวจข้อมูลครัวเรือน</li><li>ตั้งกลุ่ม<em>ออมทรัพย์</em></li></ul>' +
  '<figure><img src="/m/1.jpg" alt=""><figcaption>ชาวบ้านร่วมเวที</figcaption></figure>' +
  '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>';

describe('segmentVersion', () => {
  const v = segmentVersion({ title: 'สภาองค์กรชุมชนอุดรธานี', summary: 'เวทีสองวัน', body });

  it('cuts title, summary and every block with its inline markup, in order', () => {
    expect(v.segments.map((s) => [s.kind, s.source])).toEqual([
      ['title', 'สภาองค์กรชุมชนอุดรธานี'],
      ['summary', 'เวทีสองวัน'],
      [
        'p',
        'อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 <strong>สภาองค์กรชุมชน</strong>ร่วมกับ <a href="https://codi.or.th">พอช.</a> จัดเวที',
      ],
      ['h2', 'เสียงจากชุมชน'],
      ['p', '“เราอยากมีบ้านที่มั่นคง”'],
      ['blockquote', 'นางสมหมาย ใจงาม กล่าว'],
      ['li', 'สำรวจข้อมูลครัวเรือน'],
      ['li', 'ตั้งกลุ่ม<em>ออมทรัพย์</em>'],
      ['figcaption', 'ชาวบ้านร่วมเวที'],
    ]);
  });

  it('puts the body back byte for byte when nothing is translated', () => {
    const sources = v.segments.slice(2).map((s) => s.source);
    expect(assembleBody(v.skeleton, sources)).toBe(body);
  });

  it('puts translations in the original block structure', () => {
    const out = assembleBody(
      v.skeleton,
      v.segments.slice(2).map((_, i) => `T${i}`),
    );
    expect(out).toBe(
      '<p>T0</p>\n<h2>T1</h2><blockquote><p>T2</p> T3</blockquote><ul><li>T4</li><li>T5</li></ul>' +
        '<figure><img src="/m/1.jpg" alt=""><figcaption>T6</figcaption></figure>' +
        '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
    );
  });

  it('hashes each segment by its text, so only an edited block changes', () => {
    const edited = segmentVersion({
      title: 'สภาองค์กรชุมชนอุดรธานี',
      summary: 'เวทีสองวัน',
      body: body.replace('จัดเวที', 'จัดเวทีแลกเปลี่ยน'),
    });
    const changed = edited.segments.filter((s, i) => s.sourceHash !== v.segments[i].sourceHash);
    expect(changed.map((s) => s.kind)).toEqual(['p']);
    expect(hashText('a')).not.toBe(hashText('b'));
  });

  it('has no body segments for an empty body', () => {
    const e = segmentVersion({ title: 'หัวข้อ', summary: '', body: '' });
    expect(e.segments.map((s) => s.kind)).toEqual(['title']);
    expect(assembleBody(e.skeleton, [])).toBe('');
  });

  it('escapes plain text for HTML providers and reads it back', () => {
    expect(textToHtml('A & B <c>')).toBe('A &amp; B &lt;c&gt;');
    expect(htmlToText('A &amp; B &lt;c&gt;')).toBe('A & B <c>');
  });
});

describe('glossary protection', () => {
  const terms = [
    { source: 'พอช.', target: 'CODI' },
    { source: 'สภาองค์กรชุมชน', target: 'Community Organization Council' },
    { source: 'สภา', target: 'Council' },
  ];

  it('matches Thai terms as substrings, longest first, outside tags', () => {
    const out = protect('<a href="x">พอช.</a>และสภาองค์กรชุมชนตำบล', terms);
    expect(out).toBe(
      '<a href="x"><span translate="no" data-term="0">CODI</span></a>และ<span translate="no" data-term="1">Community Organization Council</span>ตำบล',
    );
    expect(restore(out)).toBe('<a href="x">CODI</a>และCommunity Organization Councilตำบล');
  });

  it('matches Latin terms as whole words only', () => {
    const out = protect('CODI and CODIFY', [{ source: 'CODI', target: 'พอช.' }]);
    expect(out).toBe('<span translate="no" data-term="0">พอช.</span> and CODIFY');
  });
});
