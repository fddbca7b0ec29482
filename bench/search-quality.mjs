#!/usr/bin/env node
// Search quality on the labelled evaluation set (bench/search-quality/): every story is written through the admin
// API and published, then every query is asked of the real service path, the admin search (`GET /api/v1/articles`,
// the articles search RPC behind it), or with SEARCH_API=public the public search of the query's language.
//   npm run -s build && npm run bench:search-quality
// Prints recall, precision and MRR overall and per class of query, and lists every miss. Not a test.
import { TestPlatform } from '@khao/testing';
import { startInfra } from './lib.mjs';
import { queries } from './search-quality/queries.mjs';
import { stories } from './search-quality/stories.mjs';

const API = process.env.SEARCH_API ?? 'admin';
if (!['admin', 'public'].includes(API)) throw new Error(`SEARCH_API: admin or public, not ${API}`);

async function seed(platform, token) {
  const ids = new Map();
  for (const s of stories) {
    const { key, th, en, sourceLanguage = th ? 'th' : 'en', ...shared } = s;
    const versions = { th, en };
    const first = versions[sourceLanguage];
    const created = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { ...shared, sourceLanguage, byline: 'กองบรรณาธิการ', version: first },
    });
    if (created.status !== 201) throw new Error(`${key}: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    for (const lang of ['th', 'en']) {
      if (!versions[lang]) continue;
      if (lang !== sourceLanguage) {
        const put = await platform.http('PUT', `/api/v1/articles/${id}/versions/${lang}`, {
          token,
          body: versions[lang],
        });
        if (put.status !== 200) throw new Error(`${key} ${lang}: ${put.status} ${JSON.stringify(put.body)}`);
      }
      const pub = await platform.http('POST', `/api/v1/articles/${id}/versions/${lang}/publish`, { token });
      if (pub.status !== 200) throw new Error(`${key} publish ${lang}: ${pub.status} ${JSON.stringify(pub.body)}`);
    }
    ids.set(id, key);
  }
  return ids;
}

/** The keys of the stories a query finds, best first (the public search: both languages, merged by rank). */
async function ask(platform, token, keyOf, q) {
  const enc = encodeURIComponent(q);
  if (API === 'admin') {
    const res = await platform.http('GET', `/api/v1/articles?limit=100&q=${enc}`, { token });
    if (res.status !== 200) return { error: `${res.status} ${JSON.stringify(res.body)}`, keys: [] };
    return { keys: res.body.items.map((s) => keyOf.get(s.id)), suggestion: res.body.suggestion };
  }
  const pages = [];
  for (const lang of ['th', 'en']) {
    const res = await platform.http('GET', `/api/v1/public/search?lang=${lang}&limit=50&q=${enc}`);
    if (res.status !== 200) return { error: `${res.status} ${JSON.stringify(res.body)}`, keys: [] };
    pages.push(res.body.items.map((h, rank) => ({ key: keyOf.get(h.storyId), rank, score: h.score ?? 0 })));
  }
  const merged = pages.flat().sort((a, b) => a.rank - b.rank || b.score - a.score);
  return { keys: [...new Set(merged.map((h) => h.key))] };
}

const stopInfra = startInfra();
const platform = new TestPlatform({ services: ['articles'], env: { gateway: { PUBLIC_CACHE: 'false' } } });
try {
  await platform.start();
  const token = await platform.adminToken();
  const keyOf = await seed(platform, token);
  console.log(`${stories.length} stories, ${queries.length} queries, through the ${API} search\n`);

  const classes = new Map();
  const total = { relevant: 0, found: 0, returned: 0, correct: 0, rr: 0, ranked: 0, queries: 0 };
  const misses = [];
  for (const { cls, q, expect, ordered } of queries) {
    const { keys, error, suggestion } = await ask(platform, token, keyOf, q);
    const want = new Set(expect);
    const found = keys.filter((k) => want.has(k));
    const wrong = keys.filter((k) => !want.has(k));
    const missing = expect.filter((k) => !keys.includes(k));
    const firstRight = keys.findIndex((k) => want.has(k));
    const c = classes.get(cls) ?? { relevant: 0, found: 0, returned: 0, correct: 0, queries: 0 };
    classes.set(cls, c);
    for (const t of [c, total]) {
      t.queries++;
      t.relevant += want.size;
      t.found += found.length;
      t.returned += keys.length;
      t.correct += found.length;
    }
    if (want.size) {
      total.ranked++;
      total.rr += firstRight >= 0 ? 1 / (firstRight + 1) : 0;
    }
    const firstWrong = ordered && keys[0] !== expect[0];
    if (error || missing.length || wrong.length || firstWrong) {
      misses.push(
        `  [${cls}] ${JSON.stringify(q)}` +
          (error ? ` error ${error}` : '') +
          (missing.length ? ` missing ${missing.join(', ')}` : '') +
          (wrong.length ? ` wrong ${wrong.join(', ')}` : '') +
          (firstWrong ? ` first ${keys[0]} instead of ${expect[0]}` : '') +
          (suggestion ? ` (did you mean ${JSON.stringify(suggestion)})` : ''),
      );
    }
  }
  const ratio = (a, b) => (b ? a / b : 1).toFixed(3);
  console.log('class                 queries  recall  precision');
  for (const [cls, c] of classes) {
    console.log(
      `${cls.padEnd(22)}${String(c.queries).padStart(7)}  ${ratio(c.found, c.relevant).padStart(6)}  ${ratio(c.correct, c.returned).padStart(9)}`,
    );
  }
  console.log(`\nmisses (${misses.length} queries):\n${misses.join('\n') || '  none'}\n`);
  console.log(
    `recall ${ratio(total.found, total.relevant)}  precision ${ratio(total.correct, total.returned)}  MRR ${(total.rr / total.ranked).toFixed(3)}  (${total.queries} queries, ${total.relevant} relevant, ${total.returned} returned)`,
  );
} finally {
  await platform.stop();
  stopInfra();
}
