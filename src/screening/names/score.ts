import type { FactorEffect, TokenAlignment, TokenHow } from '../screening.ts';
import type { NameKnowledge } from './knowledge.ts';
import { editDistance, undoubled } from './similarity.ts';
import { vowelMismatches } from './skeleton.ts';
import { joinTokens, type NameToken } from './tokens.ts';

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
const canonicalLatin = (fold: string) => fold.replace(/^abd(?:e|u|a|ou|o)?l/, 'abdl');

/** The best agreement between one query part and one record part. */
export function tokenSimilarity(k: NameKnowledge, q: NameToken, r: NameToken): Pair {
  if (q.fold === r.fold) return { score: TOKEN_SCORES.exact, how: 'exact' };
  let best = NONE;
  // Ghafar for Abdul Ghafar: the name without its Abd- particle
  if ((r.stem !== undefined && r.stem === q.fold) || (q.stem !== undefined && q.stem === r.fold)) best = { score: TOKEN_SCORES.particle, how: 'particle' };
  if (sharesCluster(k, q, r)) best = { score: TOKEN_SCORES.variant, how: 'variant' };
  if (q.script === r.script && q.script !== 'other') {
    const longest = Math.max(q.fold.length, r.fold.length);
    const d = editDistance(q.fold, r.fold, 2);
    // two different names that both exist (Hanan, Hasan) are not one name mistyped
    const bothNames = d > 0 && k.clustersOf(q.fold).length > 0 && k.clustersOf(r.fold).length > 0;
    const typo1 = bothNames ? TOKEN_SCORES.typo2 : TOKEN_SCORES.typo1;
    if (undoubled(q.fold) === undoubled(r.fold)) {
      if (TOKEN_SCORES.doubled > best.score) best = { score: TOKEN_SCORES.doubled, how: 'typo' };
    } else if (d === 1 && longest >= 4 && typo1 > best.score) best = { score: typo1, how: 'typo' };
    else if (d === 2 && longest >= 7 && !bothNames && TOKEN_SCORES.typo2 > best.score) best = { score: TOKEN_SCORES.typo2, how: 'typo' };
  }
  const cross = q.script !== r.script;
  const close = !cross && editDistance(canonicalLatin(q.fold), canonicalLatin(r.fold), 2) <= 2;
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
        } else if (!close) {
          // same consonants, different vowels (Mohamed / Mahmoud, Ahmed / Hammad): most often
          // another name, not evidence for this one
          s = Math.min(s, TOKEN_SCORES.farPhonetic);
        }
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
 * them is a fragment of two letters or fewer ("ما يشو" / Maychou). Two whole names that happen to
 * sound like a third (Fathi Helle / الفتحلي) are not one name.
 */
function joinHolds(p: Pair, a: NameToken, b: NameToken): boolean {
  return p.how !== 'phonetic' || Math.min(a.fold.length, b.fold.length) <= 2;
}

interface Candidate {
  qi: number[];
  ri: number[];
  pair: Pair;
}

/**
 * Aligns query parts with record parts, greedily by best agreement, allowing two adjacent
 * parts on one side to meet one part on the other (Mohamed Ali / Mohamedali).
 */
export function alignName(
  k: NameKnowledge,
  query: NameToken[],
  qWeights: number[],
  record: NameToken[],
  rWeights: number[],
): { nameScore: number; tokens: TokenAlignment[]; unmatchedRecordTokens: string[] } {
  const cands: Candidate[] = [];
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < record.length; j++) {
      const p = tokenSimilarity(k, query[i], record[j]);
      if (p.score > 0) cands.push({ qi: [i], ri: [j], pair: p });
    }
  }
  for (let j = 0; j + 1 < record.length; j++) {
    const joined = joinTokens(record[j], record[j + 1]);
    for (let i = 0; i < query.length; i++) {
      const p = tokenSimilarity(k, query[i], joined);
      if (p.score >= TOKEN_SCORES.phonetic[3] && joinHolds(p, record[j], record[j + 1])) cands.push({ qi: [i], ri: [j, j + 1], pair: { score: Math.min(p.score, TOKEN_SCORES.joined), how: 'joined' } });
    }
  }
  for (let i = 0; i + 1 < query.length; i++) {
    const joined = joinTokens(query[i], query[i + 1]);
    for (let j = 0; j < record.length; j++) {
      const p = tokenSimilarity(k, joined, record[j]);
      if (p.score >= TOKEN_SCORES.phonetic[3] && joinHolds(p, query[i], query[i + 1])) cands.push({ qi: [i, i + 1], ri: [j], pair: { score: Math.min(p.score, TOKEN_SCORES.joined), how: 'joined' } });
    }
  }
  // best first; among equals, the one that covers more weight
  cands.sort((a, b) => b.pair.score - a.pair.score || b.qi.length + b.ri.length - (a.qi.length + a.ri.length));
  const qUsed = new Array<Pair | null>(query.length).fill(null);
  const qMatch = new Array<string | null>(query.length).fill(null);
  const rUsed = new Array<number>(record.length).fill(0);
  for (const c of cands) {
    if (c.qi.some((i) => qUsed[i]) || c.ri.some((j) => rUsed[j])) continue;
    const matched = c.ri.map((j) => record[j].raw).join(' ');
    for (const i of c.qi) {
      qUsed[i] = c.pair;
      qMatch[i] = matched;
    }
    for (const j of c.ri) rUsed[j] = c.pair.score;
  }
  const qTotal = qWeights.reduce((a, b) => a + b, 0) || 1;
  const rTotal = rWeights.reduce((a, b) => a + b, 0) || 1;
  let qs = 0;
  const tokens: TokenAlignment[] = query.map((t, i) => {
    const p = qUsed[i] ?? NONE;
    qs += qWeights[i] * p.score;
    return { query: t.raw, matched: qMatch[i], how: p.how, score: round(p.score), weight: round(qWeights[i] / qTotal) };
  });
  let rs = 0;
  for (let j = 0; j < record.length; j++) rs += rWeights[j] * rUsed[j];
  // the query side decides; record parts the query did not mention cost a little
  let nameScore = (qs / qTotal) * (0.85 + 0.15 * (rs / rTotal));
  // a part that only weakly agrees (another vowel pattern, another real name one letter away)
  // most often belongs to another person: it costs the same whatever its weight, so that a rare
  // exact surname does not carry a wrong given name over the line
  for (const p of qUsed) if (p && p.score < WEAK_PART) nameScore -= WEAK_PART_COST;
  // every part on both sides aligned well (a whole name rendered in the other script, part by
  // part): the agreement of the whole is stronger evidence than the parts one by one
  if (query.length >= 2 && qUsed.every((p) => p && p.score >= FULL_ALIGNMENT_MIN) && rUsed.every((s) => s >= FULL_ALIGNMENT_MIN)) {
    nameScore += (1 - nameScore) * FULL_ALIGNMENT_GAIN;
  }
  return { nameScore: Math.max(0, nameScore), tokens, unmatchedRecordTokens: record.filter((_, j) => !rUsed[j]).map((t) => t.raw) };
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
