import type { FactorEffect, TokenAlignment, TokenHow } from '../screening.ts';
import type { NameKnowledge } from './knowledge.ts';
import { editDistance, undoubled } from './similarity.ts';
import { vowelMismatches } from './skeleton.ts';
import { adjacentJoins, mayJoinBySound, type NameToken, patronymToken } from './tokens.ts';

/**
 * How much each kind of agreement between two name parts is worth. Documented in
 * docs/screening.md; the benchmark (npm run bench:screening) is how they were tuned.
 */
export const TOKEN_SCORES = {
  exact: 1,
  variant: 0.93,
  joined: 0.9,
  /** the name after an Abd- particle, written without it (Ghafar / Abdul Ghafar) */
  particle: 0.85,
  typo1: 0.82,
  /** the same letters, one of them doubled or not (Hamouchi / Hammouchi, Mohammmed) */
  doubled: 0.9,
  typo2: 0.7,
  /** same skeleton in one script, spellings more than two edits apart */
  farPhonetic: 0.55,
  phonetic: [0, 0.55, 0.72, 0.8, 0.85],
  // across scripts the skeleton is the best evidence there is without a dictionary entry
  crossPhonetic: [0, 0.6, 0.82, 0.9, 0.9],
  shortVowelsAgree: 0.12,
  /** across scripts, the same sound of two parts the dictionary knows as different names */
  knownApart: 0.7,
  /**
   * A father's name with ben/bin/ibn/ould on one side only (Ahmed / ould Ahmed): this factor
   * times the agreement of the two names.
   */
  patronymOneSide: 0.95,
} as const;

/** Parts that all align at least this well (both sides) earn FULL_ALIGNMENT_GAIN of what is missing to 1. */
export const FULL_ALIGNMENT_MIN = 0.72;
export const FULL_ALIGNMENT_GAIN = 0.3;
/** A matched query part below this agreement costs WEAK_PART_COST, whatever its weight. */
export const WEAK_PART = 0.72;
export const WEAK_PART_COST = 0.05;

export const phoneticScore = (skeletonLength: number, crossScript = false) =>
  (crossScript ? TOKEN_SCORES.crossPhonetic : TOKEN_SCORES.phonetic)[Math.min(skeletonLength, 4)];

export interface Pair {
  score: number;
  how: TokenHow;
}
const NONE: Pair = { score: 0, how: 'missing' };

function sharesCluster(k: NameKnowledge, a: NameToken, b: NameToken): boolean {
  const ca = k.clustersOf(a.fold);
  if (ca.length === 0) return false;
  const cb = k.clustersOf(b.fold);
  return cb.length > 0 && ca.some((c) => cb.includes(c));
}

/** For telling near spellings from other names: Abdel, Abdul, Abdal are one particle. */
function canonicalLatin(fold: string): string {
  let out = CANONICAL.get(fold);
  if (out === undefined) {
    out = fold.replace(/^abd(?:e|u|a|ou|o)?l/, 'abdl');
    if (CANONICAL.size >= 100_000) CANONICAL.clear();
    CANONICAL.set(fold, out);
  }
  return out;
}
const CANONICAL = new Map<string, string>();

/** The best agreement between one query part and one record part. */
export function tokenSimilarity(k: NameKnowledge, q: NameToken, r: NameToken): Pair {
  if (q.fold === r.fold) return { score: TOKEN_SCORES.exact, how: 'exact' };
  let best = NONE;
  // ben/bin/ibn/ould Ahmed is Ahmed, the father's name: its particle is often left out, and one
  // particle is written for another (ben / bin / ibn)
  const qf = patronymToken(q);
  const rf = patronymToken(r);
  if (qf || rf) {
    const inner = tokenSimilarity(k, qf ?? q, rf ?? r);
    if (inner.score > 0) {
      // (ben Ahmed / ould Ahmed: two spellings of one relation, scored as variants)
      const score = qf && rf ? Math.min(inner.score, TOKEN_SCORES.variant) : inner.score * TOKEN_SCORES.patronymOneSide;
      best = { score, how: inner.how === 'exact' ? (qf && rf ? 'variant' : 'particle') : inner.how };
    }
  }
  // Ghafar for Abdul Ghafar: the name without its Abd- particle
  if (((r.stem !== undefined && r.stem === q.fold) || (q.stem !== undefined && q.stem === r.fold)) && TOKEN_SCORES.particle > best.score) best = { score: TOKEN_SCORES.particle, how: 'particle' };
  if (sharesCluster(k, q, r) && TOKEN_SCORES.variant > best.score) best = { score: TOKEN_SCORES.variant, how: 'variant' };
  // both parts are names the dictionary knows
  const bothKnown = k.clustersOf(q.fold).length > 0 && k.clustersOf(r.fold).length > 0;
  const sameScript = q.script === r.script && q.script !== 'other';
  const d = sameScript ? editDistance(q.fold, r.fold, 2) : Infinity;
  if (sameScript) {
    const longest = Math.max(q.fold.length, r.fold.length);
    // two different names that both exist (Hanan, Hasan) are not one name mistyped
    const bothNames = d > 0 && bothKnown;
    const typo1 = bothNames ? TOKEN_SCORES.typo2 : TOKEN_SCORES.typo1;
    if (undoubled(q.fold) === undoubled(r.fold)) {
      if (TOKEN_SCORES.doubled > best.score) best = { score: TOKEN_SCORES.doubled, how: 'typo' };
    } else if (d === 1 && longest >= 4 && typo1 > best.score) best = { score: typo1, how: 'typo' };
    else if (d === 2 && longest >= 7 && !bothNames && TOKEN_SCORES.typo2 > best.score) best = { score: TOKEN_SCORES.typo2, how: 'typo' };
  }
  const cross = q.script !== r.script;
  // (in Arabic script the long vowels are written: two spellings of one name differ by one letter at most)
  const close = !cross && (q.script === 'arabic' ? d <= 1 : editDistance(canonicalLatin(q.fold), canonicalLatin(r.fold), 2) <= 2);
  // two parts the dictionary knows, each with its own spellings and none in common, are most
  // often two names that sound alike (حماد / Ahmed, سحر / Zahra, أسماء / Osama; Tim / Thom)
  const knownApart = best.how !== 'variant' && bothKnown;
  for (const qs of q.segments) {
    for (const rs of r.segments) {
      if (qs.skeleton === rs.skeleton) {
        let s: number = phoneticScore(qs.skeleton.length, cross);
        if (cross) {
          const [arabic, latin] = q.script === 'arabic' ? [qs, rs] : [rs, qs];
          const m = vowelMismatches(arabic, latin);
          s = Math.max(0.5, s - 0.12 * m);
          // a short skeleton whose long vowels all show up in the other script is better evidence
          // than its consonants alone (عيد / Eid, علاء / Alaa, عوض / Awad)
          if (m === 0 && qs.skeleton.length === 1 && /[AUIa]/.test(arabic.slots.join(''))) s += TOKEN_SCORES.shortVowelsAgree;
          if (knownApart) s = Math.min(s, TOKEN_SCORES.knownApart);
        } else if (!close) {
          // same consonants, different vowels (Mohamed / Mahmoud, Ahmed / Hammad): most often
          // another name, not evidence for this one
          s = Math.min(s, TOKEN_SCORES.farPhonetic);
        } else if (knownApart) s = Math.min(s, TOKEN_SCORES.knownApart);
        if (s > best.score) best = { score: s, how: 'phonetic' };
        continue;
      }
      const [qsk, rsk] = [qs.skeleton, rs.skeleton];
      if (qsk.length >= 4 && rsk.length >= 4 && editDistance(qsk, rsk, 1) === 1) {
        const s = phoneticScore(Math.min(qsk.length, rsk.length), cross) - 0.2;
        if (s > best.score) best = { score: s, how: 'phonetic' };
      }
    }
  }
  return best;
}

/**
 * Two parts read as one: by spelling (Mohamed Ali / Mohamedali), or by sound only when one of
 * them is a fragment of two letters or fewer ("ما يشو" / Maychou) or a compound element (عتيق
 * الله / Atiqullah). Two whole names that happen to sound like a third (Fathi Helle / الفتحلي) are
 * not one name.
 */
function joinHolds(p: Pair, a: NameToken, b: NameToken): boolean {
  return p.how !== 'phonetic' || mayJoinBySound(a, b);
}

/**
 * Agreements of query parts with record parts already computed for one query: the names of a
 * shortlist share parts (every Mohamed of it is compared with the query once). Slot i holds query
 * part i, slot query.length + i the join of query parts i and i + 1.
 */
export type PairMemo = Array<Map<string, Pair>>;

const pairKey = (r: NameToken) => (r.stem === undefined ? (r.article ? `${r.fold}\u0001` : r.fold) : `${r.fold}\u0002${r.article ? 1 : 0}${r.stem}`);

function similarity(k: NameKnowledge, q: NameToken, r: NameToken, memo: PairMemo | undefined, slot: number): Pair {
  if (!memo) return tokenSimilarity(k, q, r);
  let m = memo[slot];
  if (!m) memo[slot] = m = new Map();
  const key = pairKey(r);
  let p = m.get(key);
  if (p === undefined) m.set(key, (p = tokenSimilarity(k, q, r)));
  return p;
}

/** How query parts met record parts, before it is put in words. */
export interface Alignment {
  nameScore: number;
  /** per query part: the agreement it was matched with, or null */
  qUsed: Array<Pair | null>;
  /** per query part: the first and last record part it met (-1 when unmatched) */
  qFrom: Int32Array;
  qTo: Int32Array;
  /** per record part: the agreement it was matched with, 0 when unmatched */
  rUsed: Float64Array;
}

/**
 * Aligns query parts with record parts, greedily by best agreement, allowing two adjacent
 * parts on one side to meet one part on the other (Mohamed Ali / Mohamedali).
 */
export function align(k: NameKnowledge, query: NameToken[], qWeights: number[], record: NameToken[], rWeights: number[], memo?: PairMemo): Alignment {
  // candidates in flat arrays: query parts qa..qb (qb = qa or qa + 1) meet record parts ra..rb
  const pairs: Pair[] = [];
  const qa: number[] = [];
  const qb: number[] = [];
  const ra: number[] = [];
  const rb: number[] = [];
  const nq = query.length;
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < record.length; j++) {
      const p = similarity(k, query[i], record[j], memo, i);
      if (p.score > 0) {
        pairs.push(p);
        qa.push(i);
        qb.push(i);
        ra.push(j);
        rb.push(j);
      }
    }
  }
  if (record.length > 1) {
    const rJoined = adjacentJoins(record);
    for (let j = 0; j + 1 < record.length; j++) {
      const joined = rJoined[j];
      for (let i = 0; i < nq; i++) {
        const p = similarity(k, query[i], joined, memo, i);
        if (p.score >= TOKEN_SCORES.phonetic[3] && joinHolds(p, record[j], record[j + 1])) {
          pairs.push({ score: Math.min(p.score, TOKEN_SCORES.joined), how: 'joined' });
          qa.push(i);
          qb.push(i);
          ra.push(j);
          rb.push(j + 1);
        }
      }
    }
  }
  if (nq > 1) {
    const qJoined = adjacentJoins(query);
    for (let i = 0; i + 1 < nq; i++) {
      const joined = qJoined[i];
      for (let j = 0; j < record.length; j++) {
        const p = similarity(k, joined, record[j], memo, nq + i);
        if (p.score >= TOKEN_SCORES.phonetic[3] && joinHolds(p, query[i], query[i + 1])) {
          pairs.push({ score: Math.min(p.score, TOKEN_SCORES.joined), how: 'joined' });
          qa.push(i);
          qb.push(i + 1);
          ra.push(j);
          rb.push(j);
        }
      }
    }
  }
  // best first; among equals, the one that covers more parts; then in the order found
  const order = pairs.map((_, c) => c);
  order.sort((a, b) => pairs[b].score - pairs[a].score || qb[b] - qa[b] + rb[b] - ra[b] - (qb[a] - qa[a] + rb[a] - ra[a]) || a - b);
  const qUsed = new Array<Pair | null>(nq).fill(null);
  const qFrom = new Int32Array(nq).fill(-1);
  const qTo = new Int32Array(nq).fill(-1);
  const rUsed = new Float64Array(record.length);
  for (const c of order) {
    if (qUsed[qa[c]] || qUsed[qb[c]] || rUsed[ra[c]] || rUsed[rb[c]]) continue;
    const p = pairs[c];
    for (let i = qa[c]; i <= qb[c]; i++) {
      qUsed[i] = p;
      qFrom[i] = ra[c];
      qTo[i] = rb[c];
    }
    for (let j = ra[c]; j <= rb[c]; j++) rUsed[j] = p.score;
  }
  let qTotal = 0;
  let qs = 0;
  for (let i = 0; i < nq; i++) {
    qTotal += qWeights[i];
    qs += qWeights[i] * (qUsed[i]?.score ?? 0);
  }
  qTotal ||= 1;
  let rTotal = 0;
  let rs = 0;
  for (let j = 0; j < record.length; j++) {
    rTotal += rWeights[j];
    rs += rWeights[j] * rUsed[j];
  }
  rTotal ||= 1;
  // the query side decides; record parts the query did not mention cost a little
  let nameScore = (qs / qTotal) * (0.85 + 0.15 * (rs / rTotal));
  // a part that only weakly agrees (another vowel pattern, another real name one letter away)
  // most often belongs to another person: it costs the same whatever its weight, so that a rare
  // exact surname does not carry a wrong given name over the line
  for (const p of qUsed) if (p && p.score < WEAK_PART) nameScore -= WEAK_PART_COST;
  // every part on both sides aligned well (a whole name rendered in the other script, part by
  // part): the agreement of the whole is stronger evidence than the parts one by one
  if (nq >= 2 && qUsed.every((p) => p && p.score >= FULL_ALIGNMENT_MIN) && rUsed.every((s) => s >= FULL_ALIGNMENT_MIN)) {
    nameScore += (1 - nameScore) * FULL_ALIGNMENT_GAIN;
  }
  return { nameScore: Math.max(0, nameScore), qUsed, qFrom, qTo, rUsed };
}

/** An alignment (from align()) told part by part. */
export function explainAlignment(
  a: Alignment,
  query: NameToken[],
  qWeights: number[],
  record: NameToken[],
): { nameScore: number; tokens: TokenAlignment[]; unmatchedRecordTokens: string[] } {
  const qTotal = qWeights.reduce((x, y) => x + y, 0) || 1;
  const tokens: TokenAlignment[] = query.map((t, i) => {
    const p = a.qUsed[i] ?? NONE;
    const matched = a.qFrom[i] < 0 ? null : record.slice(a.qFrom[i], a.qTo[i] + 1).map((r) => r.raw).join(' ');
    return { query: t.raw, matched, how: p.how, score: round(p.score), weight: round(qWeights[i] / qTotal) };
  });
  return { nameScore: a.nameScore, tokens, unmatchedRecordTokens: record.filter((_, j) => !a.rUsed[j]).map((t) => t.raw) };
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** Score changes from date of birth, nationality and gender (documented in docs/screening.md). */
export const FACTORS = {
  birthFull: 0.08,
  birthSamePartial: 0.05,
  birthPartial: 0.04,
  birthNear: -0.04,
  birthConflict: -0.15,
  nationalityAgrees: 0.03,
  nationalityConflicts: -0.04,
  genderConflicts: -0.08,
};

function dateParts(d: string): { from: string; to: string } {
  const [a, b] = d.split('/');
  return { from: a, to: b ?? a };
}

/** Compares a partial query date with the record's partial dates and ranges at their common precision. */
export function birthDateEffect(query: string | undefined, record: readonly string[] | undefined): FactorEffect {
  const rec = [...(record ?? [])];
  if (!query || rec.length === 0) return { query: query ?? null, record: rec, effect: 'unknown', delta: 0 };
  let best: FactorEffect = { query, record: rec, effect: 'conflicts', delta: FACTORS.birthConflict };
  for (const d of rec) {
    const { from, to } = dateParts(d);
    const p = Math.min(query.length, from.length);
    const q = query.slice(0, p);
    if (q >= from.slice(0, p) && q <= to.slice(0, p)) {
      // the same value at the same precision agrees (1966 / 1966 as well as full dates); a
      // partial date inside a fuller one or a range only partly agrees
      const same = query.length === from.length && from === to && query === from;
      const e: FactorEffect = same
        ? { query, record: rec, effect: 'agrees', delta: query.length === 10 ? FACTORS.birthFull : FACTORS.birthSamePartial }
        : { query, record: rec, effect: 'partly_agrees', delta: FACTORS.birthPartial };
      if (e.delta > best.delta) best = e;
    } else {
      const years = Math.min(Math.abs(Number(query.slice(0, 4)) - Number(from.slice(0, 4))), Math.abs(Number(query.slice(0, 4)) - Number(to.slice(0, 4))));
      if (years <= 1 && FACTORS.birthNear > best.delta) best = { query, record: rec, effect: 'partly_agrees', delta: FACTORS.birthNear };
    }
  }
  return best;
}

/**
 * The sum of the three deltas above (birthDateEffect, nationalityEffect, genderEffect) without
 * building their explanations: the candidate step ranks thousands of persons by it.
 */
export function factsDelta(birth: string | undefined, nationality: string | undefined, gender: string | undefined, p: { birthDates?: readonly string[]; nationalities?: readonly string[]; gender?: string }): number {
  let d = 0;
  const rec = p.birthDates;
  if (birth && rec && rec.length > 0) {
    let best: number = FACTORS.birthConflict;
    for (const r of rec) {
      const slash = r.indexOf('/');
      const from = slash < 0 ? r : r.slice(0, slash);
      const end = slash < 0 ? -1 : r.indexOf('/', slash + 1);
      const to = slash < 0 ? r : r.slice(slash + 1, end < 0 ? undefined : end);
      const n = Math.min(birth.length, from.length);
      const q = birth.slice(0, n);
      if (q >= from.slice(0, n) && q <= to.slice(0, n)) {
        const same = birth.length === from.length && from === to && birth === from;
        const e = same ? (birth.length === 10 ? FACTORS.birthFull : FACTORS.birthSamePartial) : FACTORS.birthPartial;
        if (e > best) best = e;
      } else {
        const y = Number(birth.slice(0, 4));
        const years = Math.min(Math.abs(y - Number(from.slice(0, 4))), Math.abs(y - Number(to.slice(0, 4))));
        if (years <= 1 && FACTORS.birthNear > best) best = FACTORS.birthNear;
      }
    }
    d += best;
  }
  if (nationality && p.nationalities && p.nationalities.length > 0) d += p.nationalities.includes(nationality) ? FACTORS.nationalityAgrees : FACTORS.nationalityConflicts;
  if (gender && p.gender && p.gender !== 'unknown' && p.gender !== gender) d += FACTORS.genderConflicts;
  return d;
}

export function nationalityEffect(query: string | undefined, record: readonly string[] | undefined): FactorEffect {
  const rec = [...(record ?? [])];
  if (!query || rec.length === 0) return { query: query ?? null, record: rec, effect: 'unknown', delta: 0 };
  return rec.includes(query)
    ? { query, record: rec, effect: 'agrees', delta: FACTORS.nationalityAgrees }
    : { query, record: rec, effect: 'conflicts', delta: FACTORS.nationalityConflicts };
}

export function genderEffect(query: string | undefined, record: string | undefined): FactorEffect {
  const rec = record && record !== 'unknown' ? [record] : [];
  if (!query || rec.length === 0) return { query: query ?? null, record: rec, effect: 'unknown', delta: 0 };
  return rec[0] === query ? { query, record: rec, effect: 'agrees', delta: 0 } : { query, record: rec, effect: 'conflicts', delta: FACTORS.genderConflicts };
}

/**
 * Common names must not flood alerts: when the matched parts are so frequent that the list
 * would hold several people of that name by chance (expected count E = N·Πp), the name alone
 * counts for less, up to 0.25; a date of birth that agrees lifts such a match back over the line.
 */
export function commonNamePenalty(expectedByChance: number): number {
  if (expectedByChance <= 1) return 0;
  return Math.min(0.25, 0.07 * Math.log10(expectedByChance));
}
