/**
 * Generic JavaScript search libraries behind the engine's add / search shape, for a
 * side-by-side run: minisearch (fuzzy 0.2, prefix, OR, one `names` field) and fuse.js
 * (threshold 0.4, over each name). They return no calibrated score, so each gets a proxy in
 * [0, 1] for the alert count: minisearch the share of query words matched, fuse.js 1 − its
 * distance score.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { PersonEntry } from '../../src/screening/names/person-index.ts';
import { ALERT_THRESHOLD, type PersonQuery } from '../../src/screening/screening.ts';

export interface PeerMatch {
  id: string;
  score: number;
  alert: boolean;
  matchedName: string;
}

export interface SearchEngine {
  readonly name: string;
  add(entry: PersonEntry): void;
  search(q: PersonQuery, opts?: { limit?: number }): PeerMatch[];
  /** Called once after the last add (fuse.js builds its index there). */
  finish?(): void;
}

/** Lower case without diacritics: what anyone wiring a search library for names would do. */
const processTerm = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .toLowerCase();

const SPLIT = /[\s\p{P}\p{S}]+/u;

export class MiniSearchPeer implements SearchEngine {
  readonly name = 'minisearch';
  #ms = new MiniSearch<{ id: string; names: string; first: string }>({
    fields: ['names'],
    storeFields: ['first'],
    tokenize: (s) => s.split(SPLIT).filter(Boolean),
    processTerm,
    searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });

  add(e: PersonEntry): void {
    if (this.#ms.has(e.id)) this.#ms.discard(e.id);
    this.#ms.add({ id: e.id, names: e.names.map((n) => n.value).join(' ; '), first: e.names[0]?.value ?? '' });
  }

  search(q: PersonQuery, opts: { limit?: number } = {}): PeerMatch[] {
    const words = new Set(q.name.split(SPLIT).filter(Boolean).map(processTerm));
    return this.#ms
      .search(q.name)
      .slice(0, opts.limit ?? 10)
      .map((r) => {
        const score = Math.min(1, r.queryTerms.length / Math.max(1, words.size));
        return { id: String(r.id), score, alert: score >= ALERT_THRESHOLD, matchedName: r.first as string };
      });
  }
}

export class FusePeer implements SearchEngine {
  readonly name = 'fuse.js';
  #docs: Array<{ id: string; names: string[] }> = [];
  #fuse?: Fuse<{ id: string; names: string[] }>;

  add(e: PersonEntry): void {
    const doc = { id: e.id, names: e.names.map((n) => n.value) };
    if (this.#fuse) this.#fuse.add(doc);
    else this.#docs.push(doc);
  }

  finish(): void {
    this.#fuse = new Fuse(this.#docs, { keys: ['names'], threshold: 0.4, ignoreLocation: true, includeScore: true, includeMatches: true });
  }

  search(q: PersonQuery, opts: { limit?: number } = {}): PeerMatch[] {
    if (!this.#fuse) this.finish();
    return this.#fuse!.search(q.name, { limit: opts.limit ?? 10 }).map((r) => {
      const score = 1 - (r.score ?? 1);
      return { id: r.item.id, score, alert: score >= ALERT_THRESHOLD, matchedName: (r.matches?.[0]?.value as string | undefined) ?? r.item.names[0] };
    });
  }
}
