import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonInScript, raw } from './html.js';

describe('html', () => {
  it('escapes interpolated text, in content and attributes', () => {
    const title = '<script>alert("x")</script> & \'ข่าว\'';
    const out = html`<h1 title="${title}">${title}</h1>`.toString();
    expect(out).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;ข่าว&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;ข่าว&#39;</h1>',
    );
  });

  it('keeps nested templates and raw markup, renders arrays, drops null/undefined/false', () => {
    const items = ['ก', 'b<'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const out = html`<ul>${items}</ul>${null}${undefined}${false}${raw('<p>ok</p>')}${0}`.toString();
    expect(out).toBe('<ul><li>ก</li><li>b&lt;</li></ul><p>ok</p>0');
  });

  it('refuses to interpolate an object (it would print [object Object])', () => {
    expect(() => html`<p>${{}}</p>`).toThrow(TypeError);
  });

  it('escapeHtml leaves Thai text alone', () => {
    expect(escapeHtml('อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560')).toBe('อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560');
  });

  it('jsonInScript cannot close a script element', () => {
    const out = jsonInScript({ headline: '</script><script>alert(1)</script>\u2028' }).toString();
    expect(out).not.toContain('<');
    expect(out).not.toContain('\u2028');
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script>\u2028' });
  });
});
