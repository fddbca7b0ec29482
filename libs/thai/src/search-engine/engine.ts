import { analyze, TermFlag } from './analyze.js';
import { nfc } from './normalize.js';
import { Heap } from './heap.js';
import { Postings } from './postings.js';
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
// Its top ten bits hold where the term stands among the document's distinct terms (`Entry.unique`), so that a phrase
// check finds its positions without a search; UNIQUE_UNKNOWN when that is past what ten bits hold.
const UNIQUE_SHIFT = 22;
const UNIQUE_UNKNOWN = 1023;
/** Bits of each term's successor filter (`SearchIndex.follows`), in 32-bit words. */
const FOLLOW_WORDS = 4;
/** A term id's hash, shifted down to one of FOLLOW_WORDS × 32 bits. */
const FOLLOW_SHIFT = 25;

interface Entry<R> {
  key: string;
  ref: R;
  time: number;
  /** Distinct term ids, ascending: a term's place `u` here names it in `data`. */
  unique: Uint32Array;
  /**
   * The document's terms in one array, 16-bit unless the document is huge: where each field ends (FIELDS values, in
   * term positions), how many distinct terms it has, where each one's positions start (one more than that), each
   * distinct term's positions, ascending, and the terms one after another, as their `u` with the TermFlag in the low
   * two bits. Also in `SearchIndex.datas`, by slot, which a phrase check reads without this object.
   */
  data: Uint16Array | Uint32Array;
}

/** Where a document's `data` has its positions' starts (after the fields' ends and the count of distinct terms). */
const STARTS = FIELDS + 1;
/** Where `data`'s positions begin. */
const positionsAt = (data: Uint16Array | Uint32Array) => STARTS + data[FIELDS] + 1;
/** Where `data`'s terms in order begin. */
const termsAt = (data: Uint16Array | Uint32Array) => positionsAt(data) + data[FIELDS - 1];

/** How an alternative of a query group stands in one document. */
const enum Found {
  none,
  /** Its words one after another. */
  exact,
  /** Its words apart, each part strong enough alone. */
  apart,
  /** Either of the two: every word stands alone, so it matches; the phrase check waits until the rank needs it. */
  either,
}

/** One alternative of a query group, resolved against the index. */
interface Alternative {
  ids: number[];
  words: string[];
  idf: number[];
  /** A one-word query of at most two letters: only where it is a word of its own. */
  short: boolean;
  /** Per word: strong enough to stand for itself when the words lie apart (`strongPart`). */
  strong: boolean[];
}

/** The query's groups as the index sees them, rarest first, and the whole query's phrase when it has several parts. */
interface Plan {
  groups: Alternative[][];
  phrase: number[] | undefined;
  avg: number[];
}

/**
 * A ranked full-text index in memory: BM25F over analysed terms (`analyze`), phrase checks over the term sequence of
 * each field, for Thai and English alike. Documents are put and removed by key; a query (`parseQuery`) returns the
 * best matching documents, the newer first among equals, and how many match.
 *
 * A search first finds every match and bounds its score without reading the documents' text: a query word standing
 * alone matches whether or not the phrase is there, so only the rank waits on the phrase check. Then only the
 * documents whose best possible rank can still reach the page have their phrases checked, best bound first, into a
 * bounded heap: the rank is exactly the one a full scoring would give.
 */
export class SearchIndex<R = unknown> {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: Postings[] = [];
  /**
   * Per term, FOLLOW_WORDS words of bits: which terms (hashed) ever came right after it in a field. A phrase whose
   * neighbours never met is nowhere, which a query learns without reading one document. Bits are never cleared.
   */
  private follows = new Uint32Array(0);
  // By term id, for `put`: a term's packed counts in the document being put, and its place among the document's
  // distinct terms.
  private countScratch = new Uint32Array(0);
  private placeScratch = new Uint32Array(0);
  private readonly entries: (Entry<R> | undefined)[] = [];
  /** Each slot's `Entry.data`. */
  private readonly datas: (Uint16Array | Uint32Array)[] = [];
  // Per-search scratch, by slot, reused: the score with undecided phrases counted whole, what undecided phrases may
  // take off it, whether a part was found apart, how many parts wait on a phrase check, a visit stamp; then the
  // rank keys (exact, score) at best, at worst and as found.
  private score = new Float64Array(0);
  private loss = new Float64Array(0);
  private apartSeen = new Uint8Array(0);
  private undecided = new Uint8Array(0);
  private stamp = new Uint32Array(0);
  private keyExact = [new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)];
  private keyScore = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  private generation = 0;
  // By slot, side by side so that scoring a common word walks memory in order: each field's length, the time, and
  // whether the slot holds a live document.
  private fieldLengths = new Uint32Array(0);
  private times = new Float64Array(0);
  private alive = new Uint8Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly lengthSums = [0, 0, 0, 0];
  private deadSlots = 0;

  get size(): number {
    return this.slotOf.size;
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  /**
   * A document's analysed fields as `analyzeFields` gives them (what `put` keeps of its text), for a snapshot of the
   * index that is put back later without ICU; undefined when the key is not indexed.
   */
  analyzedOf(key: string): string[] | undefined {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return undefined;
    const e = this.entries[slot]!;
    const terms = termsAt(e.data);
    return Array.from({ length: FIELDS }, (_, f) =>
      Array.from(
        e.data.subarray(terms + (f ? e.data[f - 1] : 0), terms + e.data[f]),
        (t) => `${t & 3}${this.words[e.unique[t >>> 2]]}`,
      ).join(TERM_SEPARATOR),
    );
  }

  put(doc: SearchDoc<R>): void {
    this.remove(doc.key);
    const seq: number[] = [];
    const ends: number[] = [];
    // The packed counts of each term so far, by term id (zero again once the document is in; read through `this`: a
    // new term grows the array), and its terms in the order first seen.
    const distinct: number[] = [];
    fieldTerms(doc).forEach((terms, field) => {
      let previous = -1;
      for (const t of terms) {
        const id = this.idOf(t.term);
        if (previous >= 0) this.follow(previous, id);
        previous = id;
        seq.push((id << 2) | t.flags);
        const c = this.countScratch[id];
        if (c === 0) distinct.push(id);
        const tf = (c >> SHIFT[field]) & MAX[field];
        let packed = tf < MAX[field] ? c + (1 << SHIFT[field]) : c;
        if (t.flags & TermFlag.free) packed |= FREE_BIT;
        if (t.flags & TermFlag.edge) packed |= EDGE_BIT;
        this.countScratch[id] = packed;
      }
      ends.push(seq.length);
    });
    const slot = this.entries.length;
    const unique = Uint32Array.from(distinct).sort();
    const [counts, places] = [this.countScratch, this.placeScratch];
    unique.forEach((id, u) => {
      places[id] = u;
      const p = this.postings[id];
      p.push(slot, (counts[id] | (Math.min(u, UNIQUE_UNKNOWN) << UNIQUE_SHIFT)) >>> 0);
      p.df++;
      counts[id] = 0;
    });
    const entry: Entry<R> = {
      key: doc.key,
      ref: doc.ref as R,
      time: doc.time,
      unique,
      data: dataOf(seq, ends, unique, places),
    };
    this.entries.push(entry);
    this.datas.push(entry.data);
    this.slotOf.set(doc.key, slot);
    this.addLengths(entry, 1);
    this.growSlots(slot + 1);
    this.setSlot(slot, entry);
  }

  remove(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    for (const id of entry.unique) this.postings[id].df--;
    this.addLengths(entry, -1);
    this.entries[slot] = undefined;
    this.alive[slot] = 0;
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
    const plan = this.plan(query);
    if (!plan) return { hits: [], total: 0 };
    const one = oneWord(plan);
    let top: number[];
    let total: number;
    if (one) {
      ({ top, total } = this.bestOfOne(one, plan.avg, opts.accept, opts.limit ?? Infinity));
    } else {
      const members = this.members(plan, opts.accept);
      if (members.length === 0) return { hits: [], total: 0 };
      [top, total] = [this.best(plan, members, opts.limit ?? Infinity), members.length];
    }
    const [exact, score] = [this.keyExact[FINAL], this.keyScore[FINAL]];
    const hits = top.map((slot): SearchHit<R> => {
      const e = this.entries[slot]!;
      return { key: e.key, ref: e.ref, score: score[slot], exact: exact[slot] === 1, time: e.time };
    });
    return { hits, total };
  }

  /**
   * A query of one word, the commonest kind and the one with the most matches: one pass over its postings that
   * counts every match and scores it straight into the page, without the bookkeeping phrases need. The same
   * scores, in the same order, as `members` and `best` would give.
   */
  private bestOfOne(
    alt: Alternative,
    avg: number[],
    accept: ((ref: R) => boolean) | undefined,
    limit: number,
  ): { top: number[]; total: number } {
    const p = this.postings[alt.ids[0]];
    const idf = alt.idf[0];
    const [finE, finS] = [this.keyExact[FINAL], this.keyScore[FINAL]];
    const page = rankedPage(limit, finE, finS, this.times);
    let total = 0;
    for (let i = 0; i < p.length; i++) {
      const slot = p.slot(i);
      if (!this.alive[slot]) continue;
      const packed = p.packed(i);
      if (alt.short && !(packed & FREE_BIT)) continue;
      if (accept && !accept(this.entries[slot]!.ref)) continue;
      total++;
      const score = round(idf * this.saturate(packed, slot, avg));
      // Below the page's last hit: out (an equal score may still win on recency).
      if (page.full() && score < finS[page.worst()]) continue;
      finE[slot] = 1;
      finS[slot] = score;
      page.keep(slot);
    }
    return { top: page.sorted(), total };
  }

  /** Every document matching the query (and `accept`), in no order, unranked: what a filter by text needs. */
  match(query: ParsedQuery, accept?: (ref: R) => boolean): { key: string; ref: R }[] {
    const plan = this.plan(query);
    return plan
      ? this.members(plan, accept).map((slot) => {
          const e = this.entries[slot]!;
          return { key: e.key, ref: e.ref };
        })
      : [];
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

  /** The query against the index: its groups' alternatives that can match, rarest group first; undefined if none. */
  private plan(query: ParsedQuery): Plan | undefined {
    if (query.groups.length === 0) return undefined;
    const n = Math.max(1, this.slotOf.size);
    const rarity = (g: ParsedQuery['groups'][number]) =>
      Math.max(...g.alternatives.map((words) => Math.min(...words.map((w) => this.documentFrequency(w)))));
    // The group with the rarest word first: it bounds the candidates every other group is checked on.
    const groups = [...query.groups]
      .sort((a, b) => rarity(a) - rarity(b))
      .map((g) =>
        g.alternatives.flatMap((words): Alternative[] => {
          const ids = words.map((w) => this.ids.get(w));
          if (ids.some((id) => id === undefined || this.postings[id].df === 0)) return [];
          const dfs = (ids as number[]).map((id) => this.postings[id].df);
          return [
            {
              ids: ids as number[],
              words,
              idf: dfs.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5))),
              short: ids.length === 1 && shortWord(words[0]),
              strong: words.map((w) => strongPart([w])),
            },
          ];
        }),
      );
    if (groups.some((g) => g.length === 0)) return undefined;
    const all = query.terms.map((t) => this.ids.get(t));
    // A phrase no document can hold (two of its words never met) gives no bonus: no member waits on its check.
    const phrase =
      query.groups.length > 1 && all.every((id) => id !== undefined) && this.mayBePhrase(all) ? all : undefined;
    this.growScratch();
    return { groups, phrase, avg: this.lengthSums.map((s) => Math.max(1, s / n)) };
  }

  /** Every document matching each group, with its score bounds in the scratch arrays. */
  private members(plan: Plan, accept: ((ref: R) => boolean) | undefined): number[] {
    let candidates: number[] | null = null;
    for (const group of plan.groups) {
      const gen = ++this.generation;
      const next: number[] = [];
      for (const alt of group) this.matchGroup(alt, plan.avg, candidates, accept, gen, next);
      if (next.length === 0) return [];
      // Alternatives found in turn: back in slot order, which equal ranks keep.
      if (group.length > 1) next.sort((a, b) => a - b);
      candidates = next;
    }
    return candidates!;
  }

  /** Scores one group (one alternative) on the candidates so far, or on its rarest word's postings at first. */
  private matchGroup(
    alt: Alternative,
    avg: number[],
    candidates: number[] | null,
    accept: ((ref: R) => boolean) | undefined,
    gen: number,
    out: number[],
  ): void {
    const { ids } = alt;
    let rarest = 0;
    for (let k = 1; k < ids.length; k++) if (this.postings[ids[k]].df < this.postings[ids[rarest]].df) rarest = k;
    const rare = this.postings[ids[rarest]];
    const packed: number[] = new Array<number>(ids.length);
    // The slots come in ascending order (postings are, and so is every group's list of candidates): each word's
    // postings are walked forward with a cursor.
    const cursors: number[] = new Array<number>(ids.length).fill(0);
    const count = candidates ? candidates.length : rare.length;
    for (let i = 0; i < count; i++) {
      const slot = candidates ? candidates[i] : rare.slot(i);
      if (this.stamp[slot] === gen || !this.alive[slot]) continue;
      if (!candidates && accept && !accept(this.entries[slot]!.ref)) continue;
      if (!this.gather(alt, slot, packed, candidates ? -1 : rarest, candidates ? 0 : rare.packed(i), cursors)) continue;
      const found = alt.ids.length === 1 ? Found.exact : this.found(slot, alt, packed, false);
      if (found === Found.none) continue;
      const base = this.baseScore(alt, packed, slot, avg);
      const score = found === Found.apart ? base * APART : base;
      this.stamp[slot] = gen;
      if (candidates) {
        this.score[slot] += score;
        if (found === Found.apart) this.apartSeen[slot] = 1;
      } else {
        this.score[slot] = score;
        this.apartSeen[slot] = found === Found.apart ? 1 : 0;
        this.loss[slot] = 0;
        this.undecided[slot] = 0;
      }
      if (found === Found.either) {
        this.loss[slot] += base - base * APART;
        this.undecided[slot]++;
      }
      out.push(slot);
    }
  }

  /** The packed counts of each of the alternative's words in a document; false when one is missing or too weak. */
  private gather(
    alt: Alternative,
    slot: number,
    packed: number[],
    known: number,
    knownPacked: number,
    cursors?: number[],
  ): boolean {
    for (let k = 0; k < alt.ids.length; k++) {
      let p = knownPacked;
      if (k !== known) {
        const postings = this.postings[alt.ids[k]];
        if (cursors) {
          cursors[k] = postings.seek(slot, cursors[k]);
          p = cursors[k] < postings.length && postings.slot(cursors[k]) === slot ? postings.packed(cursors[k]) : -1;
        } else {
          p = postings.find(slot);
        }
      }
      if (p < 0) return false;
      packed[k] = p;
    }
    return !(alt.short && !(packed[0] & FREE_BIT));
  }

  /** How the alternative's words stand in the document; `decide` checks the phrase even when they all stand alone. */
  private found(slot: number, alt: Alternative, packed: number[], decide: boolean): Found {
    const { ids } = alt;
    if (ids.length === 1) return Found.exact;
    if (!decide && alt.strong.every((strong, k) => strong || packed[k] & EDGE_BIT)) return Found.either;
    if (this.phrase(slot, ids, 0, ids.length, packed)) return Found.exact;
    return this.apart(slot, ids, alt.words, packed) ? Found.apart : Found.none;
  }

  private baseScore(alt: Alternative, packed: number[], slot: number, avg: number[]): number {
    let score = 0;
    for (let k = 0; k < alt.ids.length; k++) score += alt.idf[k] * this.saturate(packed[k], slot, avg);
    return score;
  }

  /**
   * The best `limit` members, best first. Members without an undecided phrase (and a query of one part) are ranked
   * as found; otherwise the k-th best worst case bounds which members can still reach the page, and those are
   * decided best bound first until the page's last hit ranks above the next bound.
   */
  private best(plan: Plan, members: number[], limit: number): number[] {
    const [lowE, upE, finE] = this.keyExact;
    const [lowS, upS, finS] = this.keyScore;
    let open = 0;
    for (const slot of members) {
      const exact = this.apartSeen[slot] ? 0 : 1;
      if (this.undecided[slot] === 0 && !plan.phrase) {
        finE[slot] = exact;
        finS[slot] = round(this.score[slot]);
        continue;
      }
      open++;
      // The best case is what `decide` gives when every undecided phrase is found: the same sums in the same order,
      // so it ties the final score exactly (float sums and products are monotonic: any other outcome is at most it),
      // and a tie falls to recency as the final rank does. The worst case is rounded outwards.
      upE[slot] = exact;
      upS[slot] = round(this.score[slot] * (plan.phrase ? PHRASE_BONUS : 1));
      lowE[slot] = this.undecided[slot] ? 0 : exact;
      lowS[slot] = round((this.score[slot] - this.loss[slot]) * (1 - 1e-12)) - 1e-6;
    }
    const times = this.times;
    const time = (slot: number) => times[slot];
    const ranks = (ea: number, sa: number, a: number, eb: number, sb: number, b: number) =>
      ea !== eb ? ea > eb : sa !== sb ? sa > sb : time(a) !== time(b) ? time(a) > time(b) : a < b;
    const page = rankedPage(limit, finE, finS, times);
    if (open === 0) {
      for (const slot of members) page.keep(slot);
    } else {
      const bounded = this.boundedMembers(members, limit, plan, ranks);
      const byBound = new Heap((a, b) => ranks(upE[a], upS[a], a, upE[b], upS[b], b), bounded.open);
      for (const slot of bounded.decided) page.keep(slot);
      while (byBound.size) {
        const next = byBound.pop();
        const worst = page.worst();
        if (page.full() && ranks(finE[worst], finS[worst], worst, upE[next], upS[next], next)) break;
        this.decide(plan, next);
        page.keep(next);
      }
    }
    return page.sorted();
  }

  /**
   * The members that can still reach the page: every decided one (ranked as found) and the open ones whose best
   * case ranks at or above the k-th best worst case of all members.
   */
  private boundedMembers(
    members: number[],
    limit: number,
    plan: Plan,
    ranks: (ea: number, sa: number, a: number, eb: number, sb: number, b: number) => boolean,
  ): { decided: number[]; open: number[] } {
    const [lowE, upE, finE] = this.keyExact;
    const [lowS, upS, finS] = this.keyScore;
    const isOpen = (slot: number) => this.undecided[slot] > 0 || plan.phrase !== undefined;
    const lowE2 = (slot: number) => (isOpen(slot) ? lowE[slot] : finE[slot]);
    const lowS2 = (slot: number) => (isOpen(slot) ? lowS[slot] : finS[slot]);
    let threshold = -1;
    if (members.length > limit) {
      const worstFirst = new Heap((a, b) => ranks(lowE2(b), lowS2(b), b, lowE2(a), lowS2(a), a));
      for (const slot of members) {
        if (worstFirst.size < limit) worstFirst.push(slot);
        else {
          const worst = worstFirst.peek();
          if (ranks(lowE2(slot), lowS2(slot), slot, lowE2(worst), lowS2(worst), worst)) worstFirst.replaceTop(slot);
        }
      }
      threshold = worstFirst.peek();
    }
    const decided: number[] = [];
    const open: number[] = [];
    for (const slot of members) {
      if (!isOpen(slot)) decided.push(slot);
      else if (
        threshold < 0 ||
        slot === threshold ||
        ranks(upE[slot], upS[slot], slot, lowE2(threshold), lowS2(threshold), threshold)
      ) {
        open.push(slot);
      }
    }
    return { decided, open };
  }

  /** The member's exact rank keys: every group's phrase checked, as the first group that matches scored it. */
  private decide(plan: Plan, slot: number): void {
    const packed: number[] = [];
    let raw = 0;
    let exact = 1;
    for (const group of plan.groups) {
      for (const alt of group) {
        if (!this.gather(alt, slot, packed, -1, 0)) continue;
        const found = this.found(slot, alt, packed, true);
        if (found === Found.none) continue;
        const base = this.baseScore(alt, packed, slot, plan.avg);
        if (found === Found.apart) exact = 0;
        raw += found === Found.apart ? base * APART : base;
        break;
      }
    }
    const bonus = plan.phrase && this.phrase(slot, plan.phrase, 0, plan.phrase.length) ? PHRASE_BONUS : 1;
    this.keyExact[FINAL][slot] = exact;
    this.keyScore[FINAL][slot] = round(raw * bonus);
  }

  private growScratch(): void {
    const size = this.entries.length;
    if (this.score.length >= size) return;
    const cap = Math.max(size, this.score.length * 2, 1024);
    this.score = new Float64Array(cap);
    this.loss = new Float64Array(cap);
    this.apartSeen = new Uint8Array(cap);
    this.undecided = new Uint8Array(cap);
    this.stamp = new Uint32Array(cap);
    this.keyExact = [new Uint8Array(cap), new Uint8Array(cap), new Uint8Array(cap)];
    this.keyScore = [new Float64Array(cap), new Float64Array(cap), new Float64Array(cap)];
    this.generation = 0;
  }

  /** BM25F's saturated, length-normalised weight of one term's counts in one document. */
  private saturate(packed: number, slot: number, avg: number[]): number {
    let tf = 0;
    for (let f = 0; f < FIELDS; f++) {
      const count = (packed >> SHIFT[f]) & MAX[f];
      if (count) tf += (WEIGHTS[f] * count) / (1 - B + (B * this.fieldLengths[slot * FIELDS + f]) / avg[f]);
    }
    return (tf * (K1 + 1)) / (tf + K1);
  }

  private growSlots(size: number): void {
    if (this.times.length >= size) return;
    const cap = Math.max(size, this.times.length * 2, 1024);
    const lengths = new Uint32Array(cap * FIELDS);
    lengths.set(this.fieldLengths);
    const times = new Float64Array(cap);
    times.set(this.times);
    const alive = new Uint8Array(cap);
    alive.set(this.alive);
    [this.fieldLengths, this.times, this.alive] = [lengths, times, alive];
  }

  private setSlot(slot: number, e: Entry<R>): void {
    for (let f = 0; f < FIELDS; f++) this.fieldLengths[slot * FIELDS + f] = fieldLength(e, f);
    this.times[slot] = e.time;
    this.alive[slot] = 1;
  }

  /**
   * The query's words lie apart: cut the query greedily into the longest parts found as phrases; each part must be
   * strong enough to stand alone (`strongPart`), or a word that begins or ends a run in the story. Asked only once
   * the whole is known not to be a phrase there.
   */
  private apart(slot: number, ids: number[], words: string[], packed: number[]): boolean {
    let i = 0;
    while (i < ids.length) {
      let j = i === 0 ? ids.length - 1 : ids.length;
      while (j > i + 1 && !this.phrase(slot, ids, i, j, packed)) j--;
      const part = words.slice(i, j);
      if (!strongPart(part) && !(j === i + 1 && packed[i] & EDGE_BIT)) return false;
      i = j;
    }
    return true;
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.postings.push(new Postings());
      if (this.countScratch.length < this.words.length) {
        const cap = Math.max(1024, this.countScratch.length * 2);
        this.follows = grown(this.follows, cap * FOLLOW_WORDS);
        this.countScratch = grown(this.countScratch, cap);
        this.placeScratch = new Uint32Array(cap);
      }
    }
    return id;
  }

  /** Notes that `next` came right after `id` in a field. */
  private follow(id: number, next: number): void {
    const bit = followBit(next);
    this.follows[id * FOLLOW_WORDS + (bit >>> 5)] |= 1 << (bit & 31);
  }

  /** False when `next` never came right after `id` in any field (true may be a hash collision). */
  private mayFollow(id: number, next: number): boolean {
    const bit = followBit(next);
    return (this.follows[id * FOLLOW_WORDS + (bit >>> 5)] & (1 << (bit & 31))) !== 0;
  }

  /** Whether ids[from..to) is a phrase in the document; `packed` (by id, when given) locates each term in it. */
  private phrase(slot: number, ids: number[], from: number, to: number, packed?: number[]): boolean {
    const unique = () => this.entries[slot]!.unique;
    return this.mayBePhrase(ids, from, to) && phraseAt(this.datas[slot], unique, ids, from, to, packed);
  }

  /** Whether each pair of neighbours in ids[from..to) was ever seen one after the other (a phrase may be somewhere). */
  private mayBePhrase(ids: number[], from = 0, to = ids.length): boolean {
    for (let j = from; j + 1 < to; j++) if (!this.mayFollow(ids[j], ids[j + 1])) return false;
    return true;
  }

  private addLengths(e: Entry<R>, sign: number): void {
    for (let f = 0; f < FIELDS; f++) this.lengthSums[f] += sign * fieldLength(e, f);
  }

  /** Drops removed documents from the postings and renumbers the slots. */
  private compact(): void {
    const renumber = new Int32Array(this.entries.length).fill(-1);
    const kept: Entry<R>[] = [];
    this.entries.forEach((e, slot) => {
      if (e) {
        renumber[slot] = kept.length;
        kept.push(e);
      }
    });
    for (const p of this.postings) p.renumber(renumber);
    this.entries.length = 0;
    this.entries.push(...kept);
    this.datas.length = 0;
    this.datas.push(...kept.map((e) => e.data));
    this.alive.fill(0);
    kept.forEach((e, slot) => this.setSlot(slot, e));
    for (const [key, slot] of this.slotOf) this.slotOf.set(key, renumber[slot]);
    this.deadSlots = 0;
  }
}

/** A plan of one group of one alternative of one word, which `bestOfOne` ranks. */
function oneWord(plan: Plan): Alternative | undefined {
  const [group] = plan.groups;
  return plan.groups.length === 1 && group.length === 1 && group[0].ids.length === 1 ? group[0] : undefined;
}

/** The best `limit` slots by their final rank keys (exact, score, newer, lower slot), in a heap worst first. */
function rankedPage(limit: number, exact: Uint8Array, score: Float64Array, times: Float64Array) {
  const ranks = (a: number, b: number) =>
    exact[a] !== exact[b]
      ? exact[a] > exact[b]
      : score[a] !== score[b]
        ? score[a] > score[b]
        : times[a] !== times[b]
          ? times[a] > times[b]
          : a < b;
  const heap = new Heap((a, b) => ranks(b, a));
  return {
    full: () => heap.size >= limit,
    worst: () => heap.peek(),
    keep(slot: number): void {
      if (heap.size < limit) heap.push(slot);
      else if (ranks(slot, heap.peek())) heap.replaceTop(slot);
    },
    sorted: () => heap.items.sort((a, b) => (ranks(a, b) ? -1 : 1)),
  };
}

/** A copy of `a` with room for `size` values. */
function grown(a: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/** A term's bit in another term's successor filter. */
const followBit = (id: number) => Math.imul(id, 0x9e3779b1) >>> FOLLOW_SHIFT;

/** Scores are compared rounded, so that sums in another order never flip a rank. */
const round = (score: number) => Math.round(score * 1e6) / 1e6;
const FINAL = 2;

function fieldLength(e: Entry<unknown>, f: number): number {
  return e.data[f] - (f ? e.data[f - 1] : 0);
}

/** Where a term id stands in a document's ascending distinct ids, or -1. */
function uniqueIndex(unique: Uint32Array, id: number): number {
  let lo = 0;
  let hi = unique.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (unique[mid] === id) return mid;
    if (unique[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A document's `data` from its terms in order (term ids with flags), its fields' ends and each term's place among its
 * distinct ones (by term id).
 */
function dataOf(seq: number[], ends: number[], unique: Uint32Array, places: Uint32Array): Uint16Array | Uint32Array {
  const Store = seq.length < 0xffff && unique.length < 0x3fff ? Uint16Array : Uint32Array;
  const data = new Store(STARTS + unique.length + 1 + 2 * seq.length);
  data.set(ends);
  data[FIELDS] = unique.length;
  const starts = STARTS;
  const positions = starts + unique.length + 1;
  const terms = positions + seq.length;
  for (let p = 0; p < seq.length; p++) {
    const u = places[seq[p] >>> 2];
    data[terms + p] = (u << 2) | (seq[p] & 3);
    data[starts + u + 1]++;
  }
  for (let u = 0; u < unique.length; u++) data[starts + u + 1] += data[starts + u];
  const next = data.slice(starts, starts + unique.length);
  for (let p = 0; p < seq.length; p++) data[positions + next[data[terms + p] >>> 2]++] = p;
  return data;
}

/**
 * Whether ids[from..to) occur one after another within one field of the document: tried only where the phrase's
 * least frequent word in the document stands, from its positions.
 */
function phraseAt(
  data: Uint16Array | Uint32Array,
  unique: () => Uint32Array,
  ids: number[],
  from: number,
  to: number,
  packed?: number[],
): boolean {
  const [starts, positions, terms] = [STARTS, positionsAt(data), termsAt(data)];
  const us = phraseScratch;
  let anchor = -1;
  let fewest = Infinity;
  for (let j = from; j < to; j++) {
    const known = packed ? packed[j] >>> UNIQUE_SHIFT : UNIQUE_UNKNOWN;
    const u = known !== UNIQUE_UNKNOWN ? known : uniqueIndex(unique(), ids[j]);
    if (u < 0) return false;
    us[j - from] = u;
    const n = data[starts + u + 1] - data[starts + u];
    if (n < fewest) [anchor, fewest] = [j - from, n];
  }
  const len = to - from;
  const u = us[anchor];
  for (let i = data[starts + u]; i < data[starts + u + 1]; i++) {
    const p = data[positions + i] - anchor;
    if (p < 0) continue;
    // Within the field the phrase would start in.
    let f = 0;
    while (data[f] <= p) f++;
    if (p + len > data[f]) continue;
    let k = 0;
    while (k < len && data[terms + p + k] >>> 2 === us[k]) k++;
    if (k === len) return true;
  }
  return false;
}
/** The phrase's terms' places in the document being checked (reused: one check runs at a time). */
const phraseScratch: number[] = [];
