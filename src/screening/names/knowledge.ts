import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { editDistance } from './similarity.ts';
import { foldWord, skeletonsOf } from './tokens.ts';

/**
 * Spelling knowledge: which Latin spellings render which Arabic name part, derived from
 * Wikidata person-name token pairs (CC0; Merhav & Ash, COLING 2018). Each distinct Arabic part
 * is a cluster; a Latin spelling belongs to every cluster it was attested with.
 */
export class NameKnowledge {
  #clusterOf = new Map<string, number[]>();
  readonly clusters: string[] = [];

  addCluster(arabic: string, latin: Iterable<string>): void {
    const id = this.clusters.length;
    this.clusters.push(arabic);
    this.#link(arabic, id);
    for (const l of latin) this.#link(l, id);
  }

  #link(fold: string, id: number) {
    const list = this.#clusterOf.get(fold);
    if (!list) this.#clusterOf.set(fold, [id]);
    else if (!list.includes(id)) list.push(id);
  }

  /** Cluster ids of a folded name part; empty when the part is unknown. */
  clustersOf(fold: string): readonly number[] {
    return this.#clusterOf.get(fold) ?? EMPTY;
  }

  get size(): number {
    return this.clusters.length;
  }
}
const EMPTY: readonly number[] = [];

export const SHIPPED_TABLE = fileURLToPath(new URL('./name-variants.json', import.meta.url));
export const DEFAULT_TSV = fileURLToPath(new URL('../../../fixtures/wikidata-en-ar-person-name-tokens.tsv', import.meta.url));

export interface VariantTable {
  source: string;
  licence: string;
  /** [Arabic part, its Latin spellings] */
  clusters: Array<[string, string[]]>;
}

/**
 * Keeps a pair only when it was seen at least twice and its consonant skeletons agree within
 * one edit: that drops the alignment noise of the source (e.g. Mohamed ↔ Mehmet's Turkish form).
 */
export function plausiblePair(latin: string, arabic: string): boolean {
  const ls = skeletonsOf(latin, 'latin');
  const as = skeletonsOf(arabic, 'arabic');
  return ls.some((l) => as.some((a) => a === l || (Math.max(a.length, l.length) >= 2 && editDistance(a, l, 1) <= 1)));
}

export function deriveTable(tsv: string, exclude?: (latin: string, arabicSpaced: string) => boolean): VariantTable {
  const byArabic = new Map<string, Set<string>>();
  for (const line of tsv.split('\n')) {
    const [latinRaw, arabicSpaced, countRaw] = line.split('\t');
    if (!latinRaw || !arabicSpaced || Number(countRaw) < 2) continue;
    if (exclude?.(latinRaw, arabicSpaced)) continue;
    const latin = foldWord(latinRaw);
    const arabic = foldWord(arabicSpaced.replace(/ /g, ''));
    if (latin.length < 2 || arabic.length < 2 || !/^[a-z]+$/.test(latin) || !plausiblePair(latin, arabic)) continue;
    let set = byArabic.get(arabic);
    if (!set) byArabic.set(arabic, (set = new Set()));
    set.add(latin);
  }
  const clusters = [...byArabic.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([a, l]) => [a, [...l].sort()] as [string, string[]]);
  return { source: 'wikidata-en-ar-person-name-tokens.tsv (Merhav & Ash, COLING 2018)', licence: 'CC0 1.0', clusters };
}

export function knowledgeFromTable(t: VariantTable): NameKnowledge {
  const k = new NameKnowledge();
  for (const [arabic, latin] of t.clusters) k.addCluster(arabic, latin);
  return k;
}

let shipped: NameKnowledge | undefined;

/**
 * The shipped table by default; or derived afresh from the TSV, leaving out pairs (to hold
 * names apart for evaluation).
 */
export function loadNameKnowledge(opts: { tsvPath?: string; exclude?: (latin: string, arabicSpaced: string) => boolean } = {}): NameKnowledge {
  if (!opts.tsvPath && !opts.exclude) {
    shipped ??= knowledgeFromTable(JSON.parse(readFileSync(SHIPPED_TABLE, 'utf8')) as VariantTable);
    return shipped;
  }
  return knowledgeFromTable(deriveTable(readFileSync(opts.tsvPath ?? DEFAULT_TSV, 'utf8'), opts.exclude));
}
