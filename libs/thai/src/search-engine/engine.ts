import { analyze, TermFlag } from './analyze.js';
import { nfc } from './normalize.js';
import { Heap, KeyHeap } from './heap.js';
import { Postings } from './postings.js';
import { Slabs } from './slabs.js';
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
  /**
   * A small number (below 65,536) for what the caller filters on most (a version's language and status, say):
   * `search`'s `facet` test reads it from an array by slot, where `accept` would read the `ref` of every match.
   */
  facet?: number;
}

const TERM_SEPARATOR = '\u0001';

/**
 * The analysed terms of a document's four fields (the extra terms in the last), each field one string of terms with
 * their TermFlag as a leading digit, for storing beside the document; `put` reads them back without ICU.
 */
export function analyzeFields(doc: Omit<SearchDoc, 'key' | 'time' | 'analyzed'>): string[] {
  return fieldTokens(doc).map((tokens) => tokens.join(TERM_SEPARATOR));
}

/** Each field's terms, each with its TermFlag as a leading digit: the kept analysis split, or the text analysed. */
function fieldTokens(doc: Omit<SearchDoc, 'key' | 'time'>): string[][] {
  if (doc.analyzed?.length === FIELDS) return doc.analyzed.map((field) => (field ? field.split(TERM_SEPARATOR) : []));
  const fields = [doc.title, doc.summary, doc.body, doc.extra].map((text) =>
    analyze(nfc(text)).map((t) => `${t.flags}${t.term}`),
  );
  for (const t of doc.extraTerms ?? []) fields[3].push(`3${t}`);
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
/** Bits of each term's successor filter (`SearchIndex.follows`), in 32-bit words. */
const FOLLOW_WORDS = 4;
/** A term id's hash, shifted down to one of FOLLOW_WORDS × 32 bits. */
const FOLLOW_SHIFT = 25;

interface Entry<R> {
  key: string;
  ref: R;
  /**
   * The document's terms in one array, 16-bit unless the document is huge: where each field ends (FIELDS values, in
   * term positions), each term's TermFlag in turn (two bits a term, packed), then the distinct term ids, ascending
   * (`termIds`). Which term stands at each position is in the postings (their positions), where `analyzedOf` reads
   * it back: the order is not kept twice. Its time is in `SearchIndex.times`.
   */
  data: Uint16Array | Uint32Array;
}

/** Where `data`'s flags begin. */
const FLAGS = FIELDS;
/** The `data` values that `terms` terms' flags take, two bits each. */
const flagValues = (data: Uint16Array | Uint32Array, terms: number) => Math.ceil(terms / (data.BYTES_PER_ELEMENT * 4));

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
  /** Where the documents' `data` is cut from; new ones at each compaction, which copies every document's there. */
  private slabs = new Slabs();
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
  /** Each slot's `SearchDoc.facet`, and one more than the highest ever put. */
  private facets = new Uint16Array(0);
  private facetCount = 1;
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
    const { data } = this.entries[slot]!;
    // Each position's term, from the positions of the document's posting of each of its terms.
    const at = new Uint32Array(data[FIELDS - 1]);
    for (const id of termIds(data)) {
      const postings = this.postings[id];
      const i = postings.indexOf(slot);
      const [positions, start] = [postings.positionsOf(), postings.start(i)];
      for (let k = start; k < start + postings.count(i); k++) at[positions[k]] = id;
    }
    const perValue = data.BYTES_PER_ELEMENT * 4;
    const flag = (p: number) => (data[FLAGS + Math.floor(p / perValue)] >>> (2 * (p % perValue))) & 3;
    return Array.from({ length: FIELDS }, (_, f) => {
      const terms: string[] = [];
      for (let p = f ? data[f - 1] : 0; p < data[f]; p++) terms.push(`${flag(p)}${this.words[at[p]]}`);
      return terms.join(TERM_SEPARATOR);
    });
  }

  /** Drops the room the postings keep for growth: called once a bulk load is in, it gives back what doubling left. */
  fit(): void {
    for (const p of this.postings) p.fit();
  }

  put(doc: SearchDoc<R>): void {
    this.remove(doc.key);
    const seq: number[] = [];
    const ends: number[] = [];
    // The packed counts of each term so far, by term id (zero again once the document is in; read through `this`: a
    // new term grows the array), and its terms in the order first seen.
    const distinct: number[] = [];
    fieldTokens(doc).forEach((tokens, field) => {
      let previous = -1;
      for (const token of tokens) {
        const flags = token.charCodeAt(0) - 48;
        const id = this.idOf(token.slice(1));
        if (previous >= 0) this.follow(previous, id);
        previous = id;
        seq.push((id << 2) | flags);
        const c = this.countScratch[id];
        if (c === 0) distinct.push(id);
        const tf = (c >> SHIFT[field]) & MAX[field];
        let packed = tf < MAX[field] ? c + (1 << SHIFT[field]) : c;
        if (flags & TermFlag.free) packed |= FREE_BIT;
        if (flags & TermFlag.edge) packed |= EDGE_BIT;
        this.countScratch[id] = packed;
      }
      ends.push(seq.length);
    });
    const slot = this.entries.length;
    const unique = Uint32Array.from(distinct).sort();
    const [counts, places] = [this.countScratch, this.placeScratch];
    for (let u = 0; u < unique.length; u++) places[unique[u]] = u;
    const { byTerm, starts } = positionsByTerm(seq, unique.length, places);
    for (let u = 0; u < unique.length; u++) {
      const id = unique[u];
      const p = this.postings[id];
      p.push(slot, counts[id], byTerm, starts[u], starts[u + 1]);
      p.df++;
      counts[id] = 0;
    }
    const entry: Entry<R> = { key: doc.key, ref: doc.ref as R, data: dataOf(seq, ends, unique, this.slabs) };
    this.entries.push(entry);
    this.slotOf.set(doc.key, slot);
    this.addLengths(entry, 1);
    this.growSlots(slot + 1);
    this.setSlot(slot, entry, doc.time);
    const facet = doc.facet ?? 0;
    if (!Number.isInteger(facet) || facet < 0 || facet > 0xffff) throw new RangeError(`facet ${facet}: 0 to 65535`);
    this.facets[slot] = facet;
    this.facetCount = Math.max(this.facetCount, facet + 1);
  }

  remove(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    for (const id of termIds(entry.data)) this.postings[id].df--;
    this.addLengths(entry, -1);
    this.entries[slot] = undefined;
    this.alive[slot] = 0;
    this.slotOf.delete(key);
    if (++this.deadSlots > 1000 && this.deadSlots > this.slotOf.size) this.compact();
  }

  /**
   * The documents matching every part of the query, of a facet `facet` accepts and accepted by `accept`: the best
   * `limit` of them, best first (exact before words apart, then score, then newer), and how many match in all.
   */
  search(
    query: ParsedQuery,
    opts: { accept?: (ref: R) => boolean; facet?: (facet: number) => boolean; limit?: number } = {},
  ): { hits: SearchHit<R>[]; total: number } {
    const plan = this.plan(query);
    if (!plan) return { hits: [], total: 0 };
    const one = oneWord(plan);
    let top: number[];
    let total: number;
    if (one) {
      ({ top, total } = this.bestOfOne(one, plan.avg, this.admission(opts), opts.limit ?? Infinity));
    } else {
      const members = this.members(plan, this.admission(opts));
      if (members.length === 0) return { hits: [], total: 0 };
      [top, total] = [this.best(plan, members, opts.limit ?? Infinity), members.length];
    }
    const [exact, score] = [this.keyExact[FINAL], this.keyScore[FINAL]];
    const hits = top.map((slot): SearchHit<R> => {
      const e = this.entries[slot]!;
      return { key: e.key, ref: e.ref, score: score[slot], exact: exact[slot] === 1, time: this.times[slot] };
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
    admit: ((slot: number) => boolean) | undefined,
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
      if (admit && !admit(slot)) continue;
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
      ? this.members(plan, this.admission({ accept })).map((slot) => {
          const e = this.entries[slot]!;
          return { key: e.key, ref: e.ref };
        })
      : [];
  }

  /** Which slots a search may return (undefined: every live one): their facet first, read by slot, then their ref. */
  private admission(opts: {
    accept?: (ref: R) => boolean;
    facet?: (facet: number) => boolean;
  }): ((slot: number) => boolean) | undefined {
    const { accept, facet } = opts;
    if (!facet) return accept && ((slot) => accept(this.entries[slot]!.ref));
    const ok = new Uint8Array(this.facetCount);
    for (let f = 0; f < ok.length; f++) ok[f] = facet(f) ? 1 : 0;
    const facets = this.facets;
    return accept
      ? (slot) => ok[facets[slot]] === 1 && accept(this.entries[slot]!.ref)
      : (slot) => ok[facets[slot]] === 1;
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
  private members(plan: Plan, admit: ((slot: number) => boolean) | undefined): number[] {
    let candidates: number[] | null = null;
    for (const group of plan.groups) {
      const gen = ++this.generation;
      const next: number[] = [];
      for (const alt of group) this.matchGroup(alt, plan.avg, candidates, admit, gen, next);
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
    admit: ((slot: number) => boolean) | undefined,
    gen: number,
    out: number[],
  ): void {
    const { ids } = alt;
    let rarest = 0;
    for (let k = 1; k < ids.length; k++) if (this.postings[ids[k]].df < this.postings[ids[rarest]].df) rarest = k;
    const rare = this.postings[ids[rarest]];
    const packed: number[] = new Array<number>(ids.length);
    // The slots come in ascending order (postings are, and so is every group's list of candidates): each word's
    // postings are walked forward with a cursor, which also tells a phrase check where the positions are.
    const cursors: number[] = new Array<number>(ids.length).fill(0);
    const count = candidates ? candidates.length : rare.length;
    for (let i = 0; i < count; i++) {
      const slot = candidates ? candidates[i] : rare.slot(i);
      if (this.stamp[slot] === gen || !this.alive[slot]) continue;
      if (!candidates && admit && !admit(slot)) continue;
      if (!this.gather(alt, slot, packed, cursors, true, candidates ? -1 : rarest, i)) continue;
      const found = alt.ids.length === 1 ? Found.exact : this.found(slot, alt, packed, cursors, false);
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

  /**
   * The packed counts of each of the alternative's words in a document, and in `at` which posting of each word holds
   * it; false when one is missing or too weak. With `walk`, `at` holds cursors from the slots before (ascending),
   * moved forward; `known` is a word whose posting `knownAt` is already found.
   */
  private gather(
    alt: Alternative,
    slot: number,
    packed: number[],
    at: number[],
    walk: boolean,
    known = -1,
    knownAt = 0,
  ): boolean {
    for (let k = 0; k < alt.ids.length; k++) {
      const postings = this.postings[alt.ids[k]];
      let i = knownAt;
      if (k !== known) {
        if (walk) {
          i = at[k] = postings.seek(slot, at[k]);
          if (i >= postings.length || postings.slot(i) !== slot) return false;
        } else {
          i = postings.indexOf(slot);
          if (i < 0) return false;
        }
      }
      at[k] = i;
      packed[k] = postings.packed(i);
    }
    return !(alt.short && !(packed[0] & FREE_BIT));
  }

  /** How the alternative's words stand in the document; `decide` checks the phrase even when they all stand alone. */
  private found(slot: number, alt: Alternative, packed: number[], at: number[], decide: boolean): Found {
    const { ids } = alt;
    if (ids.length === 1) return Found.exact;
    if (!decide && alt.strong.every((strong, k) => strong || packed[k] & EDGE_BIT)) return Found.either;
    if (this.phrase(slot, ids, 0, ids.length, at)) return Found.exact;
    return this.apart(slot, ids, alt.words, packed, at) ? Found.apart : Found.none;
  }

  private baseScore(alt: Alternative, packed: number[], slot: number, avg: number[]): number {
    let score = 0;
    for (let k = 0; k < alt.ids.length; k++) score += alt.idf[k] * this.saturate(packed[k], slot, avg);
    return score;
  }

  /**
   * The best `limit` members, best first. Members without an undecided phrase (and a query of one part) are ranked
   * as found; otherwise the k-th best worst case bounds which members can still reach the page, and those are
   * decided best bound first until the page's last hit ranks above the next bound. Bounds are compared as one number
   * each (`rankKey`: exact, then score; ties decided rather than broken on recency), in heaps of plain numbers.
   */
  private best(plan: Plan, members: number[], limit: number): number[] {
    const [lowE, upE, finE] = this.keyExact;
    const [lowS, upS, finS] = this.keyScore;
    const isOpen = (slot: number) => this.undecided[slot] > 0 || plan.phrase !== undefined;
    const page = rankedPage(limit, finE, finS, this.times);
    let open = 0;
    for (const slot of members) {
      const exact = this.apartSeen[slot] ? 0 : 1;
      if (!isOpen(slot)) {
        finE[slot] = exact;
        finS[slot] = round(this.score[slot]);
        continue;
      }
      open++;
      // The best case is what `decide` gives when every undecided phrase is found: the same sums in the same order,
      // so it ties the final score exactly (float sums and products are monotonic: any other outcome is at most it).
      // The worst case is rounded outwards.
      upE[slot] = exact;
      upS[slot] = round(this.score[slot] * (plan.phrase ? PHRASE_BONUS : 1));
      lowE[slot] = this.undecided[slot] ? 0 : exact;
      lowS[slot] = round((this.score[slot] - this.loss[slot]) * (1 - 1e-12)) - 1e-6;
    }
    if (open === 0) {
      for (const slot of members) page.keep(slot);
      return page.sorted();
    }
    // The k-th best worst case of all members: an open member whose best case is below it cannot reach the page.
    let threshold = -Infinity;
    if (members.length > limit) {
      const worstFirst = new KeyHeap(false, limit);
      for (const slot of members) {
        const low = isOpen(slot) ? rankKey(lowE[slot], lowS[slot]) : rankKey(finE[slot], finS[slot]);
        if (worstFirst.size < limit) worstFirst.push(slot, low);
        else if (low > worstFirst.topKey()) worstFirst.replaceTop(slot, low);
      }
      threshold = worstFirst.topKey();
    }
    const byBound = new KeyHeap(true, open);
    for (const slot of members) {
      if (!isOpen(slot)) page.keep(slot);
      else {
        const up = rankKey(upE[slot], upS[slot]);
        if (up >= threshold) byBound.add(slot, up);
      }
    }
    byBound.heapify();
    while (byBound.size) {
      const bound = byBound.topKey();
      if (page.full()) {
        const worst = page.worst();
        if (rankKey(finE[worst], finS[worst]) > bound) break;
      }
      const next = byBound.pop();
      this.decide(plan, next);
      page.keep(next);
    }
    return page.sorted();
  }

  /** The member's exact rank keys: every group's phrase checked, as the first group that matches scored it. */
  private decide(plan: Plan, slot: number): void {
    const packed: number[] = [];
    const at: number[] = [];
    let raw = 0;
    let exact = 1;
    for (const group of plan.groups) {
      for (const alt of group) {
        if (!this.gather(alt, slot, packed, at, false)) continue;
        const found = this.found(slot, alt, packed, at, true);
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
    const facets = new Uint16Array(cap);
    facets.set(this.facets);
    [this.fieldLengths, this.times, this.alive, this.facets] = [lengths, times, alive, facets];
  }

  private setSlot(slot: number, e: Entry<R>, time: number): void {
    for (let f = 0; f < FIELDS; f++) this.fieldLengths[slot * FIELDS + f] = fieldLength(e, f);
    this.times[slot] = time;
    this.alive[slot] = 1;
  }

  /**
   * The query's words lie apart: cut the query greedily into the longest parts found as phrases; each part must be
   * strong enough to stand alone (`strongPart`), or a word that begins or ends a run in the story. Asked only once
   * the whole is known not to be a phrase there.
   */
  private apart(slot: number, ids: number[], words: string[], packed: number[], at: number[]): boolean {
    let i = 0;
    while (i < ids.length) {
      let j = i === 0 ? ids.length - 1 : ids.length;
      while (j > i + 1 && !this.phrase(slot, ids, i, j, at)) j--;
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

  /**
   * Whether ids[from..to) occur one after another within one field of the document, from the words' positions in
   * their postings (`at`, when given, says which posting of each holds the document): tried only where the phrase's
   * least frequent word in the document stands.
   */
  private phrase(slot: number, ids: number[], from: number, to: number, at?: number[]): boolean {
    if (!this.mayBePhrase(ids, from, to)) return false;
    const len = to - from;
    const { runs, ends, stores } = phraseScratch;
    let anchor = -1;
    let fewest = Infinity;
    for (let k = 0; k < len; k++) {
      const postings = this.postings[ids[from + k]];
      const i = at ? at[from + k] : postings.indexOf(slot);
      if (i < 0) return false;
      stores[k] = postings.positionsOf();
      runs[k] = postings.start(i);
      ends[k] = runs[k] + postings.count(i);
      if (ends[k] - runs[k] < fewest) [anchor, fewest] = [k, ends[k] - runs[k]];
    }
    const lengths = this.fieldLengths;
    const base = slot * FIELDS;
    const anchors = stores[anchor];
    let fieldEnd = lengths[base];
    let f = 0;
    for (let a = runs[anchor]; a < ends[anchor]; a++) {
      const start = anchors[a] - anchor;
      if (start < 0) continue;
      // Within the field the phrase would start in.
      while (fieldEnd <= start) fieldEnd += lengths[base + ++f];
      if (start + len > fieldEnd) continue;
      let k = 0;
      for (; k < len; k++) {
        if (k === anchor) continue;
        const positions = stores[k];
        const want = start + k;
        let r = runs[k];
        while (r < ends[k] && positions[r] < want) r++;
        runs[k] = r;
        if (r === ends[k]) return false;
        if (positions[r] !== want) break;
      }
      if (k === len) return true;
    }
    return false;
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
    this.slabs = new Slabs();
    for (const e of kept) e.data = this.slabs.copyOf(e.data, e.data.length);
    this.entries.length = 0;
    this.entries.push(...kept);
    const [facets, times] = [new Uint16Array(this.facets.length), new Float64Array(this.times.length)];
    renumber.forEach((to, from) => {
      if (to < 0) return;
      facets[to] = this.facets[from];
      times[to] = this.times[from];
    });
    this.facets = facets;
    this.alive.fill(0);
    kept.forEach((e, slot) => this.setSlot(slot, e, times[slot]));
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

/**
 * A rank's exact flag and score as one number, in the same order (a tie where the rank breaks it on recency; scores
 * are far below EXACT_KEY, and a sum of floats never goes down when a term grows).
 */
const rankKey = (exact: number, score: number) => (exact ? EXACT_KEY + score : score);
const EXACT_KEY = 1e7;

/** Scores are compared rounded, so that sums in another order never flip a rank. */
const round = (score: number) => Math.round(score * 1e6) / 1e6;
const FINAL = 2;

function fieldLength(e: Entry<unknown>, f: number): number {
  return e.data[f] - (f ? e.data[f - 1] : 0);
}

/** A document's `data` from its terms in order (term ids with flags), its fields' ends and its distinct term ids. */
function dataOf(seq: number[], ends: number[], unique: Uint32Array, slabs: Slabs): Uint16Array | Uint32Array {
  const narrow = seq.length <= 0xffff;
  const data = narrow
    ? slabs.u16(FLAGS + Math.ceil(seq.length / 8) + 2 * unique.length)
    : new Uint32Array(FLAGS + Math.ceil(seq.length / 16) + unique.length);
  data.set(ends);
  const perValue = data.BYTES_PER_ELEMENT * 4;
  for (let p = 0; p < seq.length; p++) data[FLAGS + Math.floor(p / perValue)] |= (seq[p] & 3) << (2 * (p % perValue));
  const at = FLAGS + flagValues(data, seq.length);
  if (narrow) {
    unique.forEach((id, u) => {
      data[at + 2 * u] = id & 0xffff;
      data[at + 2 * u + 1] = id >>> 16;
    });
  } else data.set(unique, at);
  return data;
}

/** A document's distinct term ids, ascending, from its `data`. */
function termIds(data: Uint16Array | Uint32Array): Uint32Array {
  const at = FLAGS + flagValues(data, data[FIELDS - 1]);
  if (data instanceof Uint32Array) return data.subarray(at);
  const ids = new Uint32Array((data.length - at) / 2);
  for (let u = 0; u < ids.length; u++) ids[u] = data[at + 2 * u] | (data[at + 2 * u + 1] << 16);
  return ids;
}

/**
 * The positions of a document's terms (term ids with flags, in order) grouped by each term's place among its
 * distinct ones: term `u`'s positions, ascending, are `byTerm[starts[u]..starts[u + 1])`. Reused arrays (one put
 * at a time).
 */
function positionsByTerm(seq: number[], distinct: number, places: Uint32Array) {
  if (positionScratch.byTerm.length < seq.length) positionScratch.byTerm = new Uint32Array(seq.length * 2);
  if (positionScratch.starts.length < distinct + 1) positionScratch.starts = new Uint32Array((distinct + 1) * 2);
  if (positionScratch.next.length < distinct) positionScratch.next = new Uint32Array(distinct * 2);
  const { byTerm, starts, next } = positionScratch;
  starts.fill(0, 0, distinct + 1);
  for (let p = 0; p < seq.length; p++) starts[places[seq[p] >>> 2] + 1]++;
  for (let u = 0; u < distinct; u++) starts[u + 1] += starts[u];
  next.set(starts.subarray(0, distinct));
  for (let p = 0; p < seq.length; p++) byTerm[next[places[seq[p] >>> 2]]++] = p;
  return { byTerm, starts };
}
const positionScratch = { byTerm: new Uint32Array(1024), starts: new Uint32Array(256), next: new Uint32Array(256) };

/** A phrase check's words: where each one's positions are and how far its cursor got (one check runs at a time). */
const phraseScratch = { runs: [] as number[], ends: [] as number[], stores: [] as (Uint16Array | Uint32Array)[] };
