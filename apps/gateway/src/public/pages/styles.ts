import { raw } from '../html.js';

/**
 * One small stylesheet inline: no extra request before the first paint. Thai needs a taller line height. Every text
 * block wraps, even a long unbroken run (a caption of digits, a URL): nothing may widen the page past a phone's width.
 */
export const styles = raw(
  [
    ':root{color-scheme:light;--ink:#1b1b1b;--muted:#5b5b5b;--line:#e2e2e2;--accent:#0b5cad}',
    "body{margin:0;font-family:Sarabun,'Noto Sans Thai',system-ui,sans-serif;color:var(--ink);line-height:1.75;font-size:1.0625rem;overflow-wrap:anywhere}",
    '.body pre{white-space:pre-wrap}.body table{display:block;max-width:100%;overflow-x:auto}',
    '.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}',
    'header.site{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;border-bottom:1px solid var(--line)}',
    'header.site .brand{font-weight:700;font-size:1.25rem;color:var(--ink);text-decoration:none;margin-right:auto}',
    'header.site ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}',
    'a{color:var(--accent)}main{max-width:48rem;margin:0 auto;padding:1rem}',
    'h1{font-size:clamp(1.6rem,4vw,2.3rem);line-height:1.35;margin:.5rem 0}',
    '.dateline,.byline,.meta{color:var(--muted);margin:.25rem 0}',
    'figure{margin:1.25rem 0}img{max-width:100%;height:auto;display:block;background-size:cover;background-position:center}',
    'figcaption{color:var(--muted);font-size:.9rem;margin-top:.4rem}',
    '.body blockquote{border-left:4px solid var(--line);margin:1rem 0;padding:.25rem 1rem;color:#333}',
    '.body iframe{max-width:100%;aspect-ratio:16/9;width:100%;height:auto;border:0}',
    '.gallery ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}',
    '.gallery figure{margin:0}',
    '.share ul,.tags ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}',
    '.share a{display:inline-block;padding:.3rem .8rem;border:1px solid var(--line);border-radius:999px;text-decoration:none}',
    '.stories{list-style:none;padding:0}.stories li{display:grid;grid-template-columns:8rem minmax(0,1fr);gap:1rem;padding:1rem 0;border-bottom:1px solid var(--line)}',
    '.stories h2{font-size:1.2rem;margin:0;line-height:1.4}.stories p{margin:.25rem 0}',
    'form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}',
    'form.search input{flex:1 1 12rem;min-width:0;font:inherit;padding:.4rem .6rem;border:1px solid var(--muted);border-radius:.25rem}',
    'form.search button{font:inherit;padding:.4rem 1rem}',
    '.hits{list-style:none;padding:0}.hits li{padding:1rem 0;border-bottom:1px solid var(--line)}',
    '.hits h2{font-size:1.2rem;margin:0;line-height:1.4}.hits p{margin:.25rem 0}mark{background:#fff3b0;color:inherit}',
    '.pages{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1rem 0}',
    'footer.site{border-top:1px solid var(--line);padding:1rem;color:var(--muted);text-align:center}',
  ].join(''),
);
