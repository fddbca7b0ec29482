import { analyze, TermFlag } from './analyze.js';
import { nfc } from './normalize.js';
import { strongPart, shortWord, type ParsedQuery } from './query.js';

/** The fields of a searchable document, most telling first. */
export interface SearchDoc<R = unknown> {
  key: string;
  /** What the caller wants back with a hit and to filter on (kept as is). */
  ref?: R;
  title: string;
  summary: string;
  body: string;
  /** What every reader sees beside the text: tags, categories, dateline, byline. */
  extra: string;
  /** Terms matched as they are, beside the extra text (the event date's years in both calendars). */
  extraTerms?: string[];
  /** Newer wins ties (ms since the epoch). */
  time: number;
  /** The fields already analysed (`analyzeFields`), kept with the document: loading skips ICU. */
  analyzed?: string[];
}

const TERM_SEPARATOR = '\u0001';

/**
 * The analysed terms of a document's four fields (the extra terms in the last), each field one string of terms with
 * their TermFlag as a leading digit, for storing beside the document; `put` reads them back without ICU.
 */
export function analyzeFields(doc: Omit<SearchDoc, 'key' | 'time' | 'analyzed'>): string[] {
  return fieldTerms(doc).map((terms) => terms.map((t) => `${t.flags}${t.term}`).join(TERM_SEPARATOR));
}

function fieldTerms(doc: Omit<SearchDoc, 'key' | 'time'>): { term: string; flags: number }[][] {
  if (doc.analyzed?.length === FIELDS) {
    return doc.analyzed.map((field) =>
      field ? field.split(TERM_SEPARATOR).map((t) => ({ term: t.slice(1), flags: t.charCodeAt(0) - 48 })) : [],
    );
  }
  const fields = [doc.title, doc.summary, doc.body, doc.extra].map((text) => analyze(nfc(text)));
  for (const t of doc.extraTerms ?? []) fields[3].push({ term: t, start: 0, end: 0, flags: 3 });
  return fields;
}

export interface SearchHit<R = unknown> {
  key: string;
  ref: R;
  score: number;
  /** Every part of the query found as typed (not only its words apart). */
  exact: boolean;
  time: number;
}

const FIELDS = 4;
/** BM25F: a word in the title counts four times one in the body; summary and the shared fields twice. */
const WEIGHTS = [4, 2, 1, 2];
const K1 = 1.2;
const B = 0.75;
/** Words of an unspaced query found apart in a story count half. */
const APART = 0.5;
/** The whole query found as one phrase, when it has several parts. */
const PHRASE_BONUS = 1.5;
// A posting packs the term's count per field (title, summary, extra: 4 bits; body: 8 bits) and two flags.
const SHIFT = [0, 4, 8, 16];
const MAX = [15, 15, 255, 15];
const FREE_BIT = 1 << 20;
const EDGE_BIT = 1 << 21;

interface Entry<R> {
  key: string;
  ref: R;
  time: number;
  /** Term ids with their TermFlag in the low two bits, field after field. */
  seq: Uint32Array;
  /** Where each field ends in `seq`. */
  ends: number[];
  /** Distinct term ids. */
  unique: Uint32Array;
}

interface Postings {
  slots: number[];
  packed: number[];
  df: number;
}

/**
 * A ranked full-text index in memory: BM25F over analysed terms (`analyze`), phrase checks over the term sequence of
 * each field, for Thai and English alike. Documents are put and removed by key; a query (`parseQuery`) returns every
 * matching document, best first, the newer first among equals.
 */
export class SearchIndex<R = unknown> {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: Postings[] = [];
  private readonly entries: (Entry<R> | undefined)[] = [];
  // Per-search scratch, by slot, reused: the running score, whether every part so far was exact, a visit stamp.
  private score = new Float64Array(0);
  private allExact = new Uint8Array(0);
  private stamp = new Uint32Array(0);
  private generation = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly lengthSums = [0, 0, 0, 0];
  private deadSlots = 0;

  get size(): number {
    return this.slotOf.size;
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  put(doc: SearchDoc<R>): void {
    this.remove(doc.key);
    const seq: number[] = [];
    const ends: number[] = [];
    const counts = new Map<number, number>();
    fieldTerms(doc).forEach((terms, field) => {
      for (const t of terms) {
        const id = this.idOf(t.term);
        seq.push((id << 2) | t.flags);
        const c = counts.get(id) ?? 0;
        const tf = (c >> SHIFT[field]) & MAX[field];
        let packed = tf < MAX[field] ? c + (1 << SHIFT[field]) : c;
        if (t.flags & TermFlag.free) packed |= FREE_BIT;
        if (t.flags & TermFlag.edge) packed |= EDGE_BIT;
        counts.set(id, packed);
      }
      ends.push(seq.length);
    });
    const slot = this.entries.length;
    const entry: Entry<R> = {
      key: doc.key,
      ref: doc.ref as R,
      time: doc.time,
      seq: Uint32Array.from(seq),
      ends,
      unique: new Uint32Array(counts.size),
    };
    let i = 0;
    for (const [id, packed] of counts) {
      entry.unique[i++] = id;
      const p = this.postings[id];
      p.slots.push(slot);
      p.packed.push(packed);
      p.df++;
    }
    this.entries.push(entry);
    this.slotOf.set(doc.key, slot);
    this.addLengths(entry, 1);
  }

  remove(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    for (const id of entry.unique) this.postings[id].df--;
    this.addLengths(entry, -1);
    this.entries[slot] = undefined;
    this.slotOf.delete(key);
    if (++this.deadSlots > 1000 && this.deadSlots > this.slotOf.size) this.compact();
  }

  /**
   * The documents matching every part of the query and accepted by `accept`: the best `limit` of them, best first
   * (exact before words apart, then score, then newer), and how many match in all.
   */
  search(
    query: ParsedQuery,
    opts: { accept?: (ref: R) => boolean; limit?: number } = {},
  ): { hits: SearchHit<R>[]; total: number } {
    if (query.groups.length === 0) return { hits: [], total: 0 };
    const n = Math.max(1, this.slotOf.size);
    const avg = this.lengthSums.map((s) => Math.max(1, s / n));
    this.growScratch();
    let candidates: number[] | null = null;
    // The group with the rarest word first: it bounds the candidates every other group is checked on.
    const rarity = (g: ParsedQuery['groups'][number]) =>
      Math.max(...g.alternatives.map((words) => Math.min(...words.map((w) => this.documentFrequency(w)))));
    const groups = [...query.groups].sort((a, b) => rarity(a) - rarity(b));
    for (const group of groups) {
      const gen = ++this.generation;
      const next: number[] = [];
      for (const words of group.alternatives) {
        const ids = words.map((w) => this.ids.get(w));
        if (ids.some((id) => id === undefined || this.postings[id].df === 0)) continue;
        this.matchGroup(ids as number[], words, avg, n, candidates, opts.accept, gen, next);
      }
      if (next.length === 0) return { hits: [], total: 0 };
      candidates = next;
    }
    const allIds = query.terms.map((t) => this.ids.get(t));
    const whole = query.groups.length > 1 && allIds.every((id) => id !== undefined);
    const limit = opts.limit ?? Infinity;
    const top: SearchHit<R>[] = [];
    for (const slot of candidates!) {
      const e = this.entries[slot]!;
      const bonus = whole && phraseAt(e, allIds, 0, allIds.length) ? PHRASE_BONUS : 1;
      const score = Math.round(this.score[slot] * bonus * 1e6) / 1e6;
      const exact = this.allExact[slot] === 1;
      // Most candidates of a common word rank below a full page: compared before anything is allocated.
      if (top.length >= limit && ranksBefore(top[top.length - 1], exact, score, e.time)) continue;
      const hit = { key: e.key, ref: e.ref, score, exact, time: e.time };
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ranksBefore(top[mid], exact, score, e.time)) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, hit);
      if (top.length > limit) top.pop();
    }
    return { hits: top, total: candidates!.length };
  }

  /** Indexed words (with how many documents hold them), for "did you mean". */
  *vocabulary(): IterableIterator<[string, number]> {
    for (let id = 0; id < this.words.length; id++) {
      const df = this.postings[id].df;
      if (df > 0) yield [this.words[id], df];
    }
  }

  /** How often a word occurs in documents (0 when unknown). */
  documentFrequency(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.postings[id].df;
  }

  /** Scores one group (one alternative) on the candidates so far, or on its rarest word's postings at first. */
  private matchGroup(
    ids: number[],
    words: string[],
    avg: number[],
    n: number,
    candidates: number[] | null,
    accept: ((ref: R) => boolean) | undefined,
    gen: number,
    out: number[],
  ): void {
    let rarest = 0;
    for (let k = 1; k < ids.length; k++) if (this.postings[ids[k]].df < this.postings[ids[rarest]].df) rarest = k;
    const rare = this.postings[ids[rarest]];
    const idf = ids.map((id) => Math.log(1 + (n - this.postings[id].df + 0.5) / (this.postings[id].df + 0.5)));
    const short = ids.length === 1 && shortWord(words[0]);
    const packed: number[] = new Array<number>(ids.length);
    const count = candidates ? candidates.length : rare.slots.length;
    for (let i = 0; i < count; i++) {
      const slot = candidates ? candidates[i] : rare.slots[i];
      if (this.stamp[slot] === gen) continue;
      const e = this.entries[slot];
      if (!e) continue;
      if (!candidates && accept && !accept(e.ref)) continue;
      let found = true;
      for (let k = 0; k < ids.length && found; k++) {
        const p = !candidates && k === rarest ? rare.packed[i] : this.packedOf(ids[k], slot);
        if (p === undefined) found = false;
        else packed[k] = p;
      }
      if (!found || (short && !(packed[0] & FREE_BIT))) continue;
      let exact = true;
      if (ids.length > 1 && !phraseAt(e, ids, 0, ids.length)) {
        exact = false;
        if (!this.apart(e, ids, words, packed)) continue;
      }
      let score = 0;
      for (let k = 0; k < ids.length; k++) score += idf[k] * this.saturate(packed[k], e, avg);
      if (!exact) score *= APART;
      this.stamp[slot] = gen;
      if (candidates) {
        this.score[slot] += score;
        if (!exact) this.allExact[slot] = 0;
      } else {
        this.score[slot] = score;
        this.allExact[slot] = exact ? 1 : 0;
      }
      out.push(slot);
    }
  }

  private growScratch(): void {
    const size = this.entries.length;
    if (this.score.length >= size) return;
    const cap = Math.max(size, this.score.length * 2, 1024);
    this.score = new Float64Array(cap);
    this.allExact = new Uint8Array(cap);
    this.stamp = new Uint32Array(cap);
    this.generation = 0;
  }

  /** BM25F's saturated, length-normalised weight of one term's counts in one document. */
  private saturate(packed: number, e: Entry<R>, avg: number[]): number {
    let tf = 0;
    let start = 0;
    for (let f = 0; f < FIELDS; f++) {
      const end = e.ends[f];
      const count = (packed >> SHIFT[f]) & MAX[f];
      if (count) tf += (WEIGHTS[f] * count) / (1 - B + (B * (end - start)) / avg[f]);
      start = end;
    }
    return (tf * (K1 + 1)) / (tf + K1);
  }

  /**
   * The query's words lie apart: cut the query greedily into the longest parts found as phrases; each part must be
   * strong enough to stand alone (`strongPart`), or a word that begins or ends a run in the story.
   */
  private apart(e: Entry<R>, ids: number[], words: string[], packed: number[]): boolean {
    let i = 0;
    while (i < ids.length) {
      let j = ids.length;
      while (j > i + 1 && !phraseAt(e, ids, i, j)) j--;
      const part = words.slice(i, j);
      if (!strongPart(part) && !(j === i + 1 && packed[i] & EDGE_BIT)) return false;
      i = j;
    }
    return true;
  }

  private packedOf(id: number, slot: number): number | undefined {
    // Postings are in slot order: binary search.
    const p = this.postings[id];
    let lo = 0;
    let hi = p.slots.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = p.slots[mid];
      if (s === slot) return p.packed[mid];
      if (s < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.postings.push({ slots: [], packed: [], df: 0 });
    }
    return id;
  }

  private addLengths(e: Entry<R>, sign: number): void {
    for (let f = 0; f < FIELDS; f++) this.lengthSums[f] += sign * fieldLength(e, f);
  }

  /** Drops removed documents from the postings and renumbers the slots. */
  private compact(): void {
    const renumber = new Map<number, number>();
    const kept: Entry<R>[] = [];
    this.entries.forEach((e, slot) => {
      if (e) {
        renumber.set(slot, kept.length);
        kept.push(e);
      }
    });
    for (const p of this.postings) {
      const slots: number[] = [];
      const packed: number[] = [];
      p.slots.forEach((s, i) => {
        const to = renumber.get(s);
        if (to !== undefined) {
          slots.push(to);
          packed.push(p.packed[i]);
        }
      });
      p.slots = slots;
      p.packed = packed;
    }
    this.entries.length = 0;
    this.entries.push(...kept);
    for (const [key, slot] of this.slotOf) this.slotOf.set(key, renumber.get(slot)!);
    this.deadSlots = 0;
  }
}

function fieldLength(e: Entry<unknown>, f: number): number {
  return e.ends[f] - (f ? e.ends[f - 1] : 0);
}

/** Whether ids[from..to) occur one after another within one field of the document. */
function phraseAt(e: Entry<unknown>, ids: number[], from: number, to: number): boolean {
  const len = to - from;
  let fieldStart = 0;
  for (const end of e.ends) {
    for (let p = fieldStart; p + len <= end; p++) {
      let k = 0;
      while (k < len && e.seq[p + k] >>> 2 === ids[from + k]) k++;
      if (k === len) return true;
    }
    fieldStart = end;
  }
  return false;
}

/** Whether hit `a` ranks before another (exact, score, time): every part exact first, then the score, then newer. */
function ranksBefore(a: SearchHit<unknown>, exact: boolean, score: number, time: number): boolean {
  if (a.exact !== exact) return a.exact;
  if (a.score !== score) return a.score > score;
  return a.time >= time;
}
