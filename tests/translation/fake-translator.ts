/**
 * What the fake providers "translate": Thai runs become English through a small dictionary (or a marker naming
 * the run), like a machine translation would, while markup is kept and anything inside `translate="no"` is left
 * alone (as DeepL, Google and LibreTranslate do in HTML mode). Its rendering of พอช. is the kind of thing the
 * glossary is there to prevent.
 */
const DICTIONARY: [string, string][] = [
  ['สภาองค์กรชุมชน', 'community organisations council'],
  ['สถาบันพัฒนาองค์กรชุมชน', 'Community Organisations Development Institute'],
  ['พอช', 'Por Chor'],
  ['อุดรธานี', 'Udon Thani'],
  ['ขอนแก่น', 'Khon Kaen'],
  ['เมษายน', 'April'],
  ['บ้านมั่นคง', 'Baan Mankong'],
  ['ชุมชน', 'community'],
  ['เวที', 'forum'],
];

function translateThaiRun(run: string): string {
  let out = run;
  for (const [th, en] of DICTIONARY) out = out.split(th).join(` ${en} `);
  // Whatever Thai is left becomes a marker of its length, so no Thai survives "translation".
  return out.replace(/[\u0E00-\u0E7F]+/g, (m) => ` tr${m.length} `).replace(/\s{2,}/g, ' ');
}

export function fakeTranslate(html: string, glossary: [string, string][] = []): string {
  return html
    .split(/(<span translate="no"[^>]*>[\s\S]*?<\/span>|<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) return part;
      let text = part;
      for (const [source, target] of glossary) text = text.split(source).join(`⟦${target}⟧`);
      return text
        .split(/(⟦[^⟧]*⟧)/)
        .map((p) => (p.startsWith('⟦') ? p.slice(1, -1) : translateThaiRun(p)))
        .join('');
    })
    .join('')
    .trim();
}
