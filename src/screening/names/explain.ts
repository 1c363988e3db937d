import { ALERT_THRESHOLD, type PersonMatch, type PersonQuery } from '../screening.ts';
import type { Candidates } from './candidates.ts';
import type { Person, PersonEntry } from './person-entry.ts';
import type { NamePostings } from './postings.ts';
import { type Alignment, align, birthDateEffect, commonNamePenalty, explainAlignment, genderEffect, nationalityEffect, type PairMemo, round } from './score.ts';
import { type NameToken, nameTokens } from './tokens.ts';

/** What explaining a shortlisted person reads of the index. */
export interface ExplainContext {
  store: NamePostings;
  /** the candidate table of the current search: which names the query met */
  cand: Candidates;
  /** persons on the list */
  livePersons: number;
}

/**
 * The highest score a name that is not the query's exact name can reach: 100 % (as the desk
 * rounds it) is the exact name's alone, so that it is never level with another spelling or
 * order of it, nor with another spelling that agrees on date of birth and nationality (issue 13).
 */
export const NOT_EXACT_MAX = 0.99;

/** The record name is the query's name: the same parts in the same order once folded (case, diacritics, Arabic letter variants, spacing). */
function isExactName(query: NameToken[], record: NameToken[]): boolean {
  return record.length === query.length && record.every((t, i) => t.fold === query[i].fold);
}

/**
 * A shortlisted person aligned in full: the best of its names the query met, the common-name
 * penalty, the date of birth, nationality and gender effects, and the score they make.
 * `beforeCap` is the score as it would be without NOT_EXACT_MAX, to order names held at it as before.
 *
 * The query's exact name scores 1 unless a fact contradicts it: the common-name penalty is for
 * names that only agree part by part (a list holding several Mohamed Ali X by chance does not
 * make "Mohamed Ali" one of them), not for the name on the record itself.
 */
export function explainPerson(ctx: ExplainContext, tokens: NameToken[], weights: number[], person: Person, q: PersonQuery, nationality: string | undefined, memo: PairMemo): { match: PersonMatch; beforeCap: number } {
  const { store } = ctx;
  const p = person.entry;
  let best: { n: PersonEntry['names'][number]; alignment: Alignment; rTokens: NameToken[]; exact: boolean } | undefined;
  let k = 0;
  for (const n of p.names) {
    const rTokens = nameTokens(n.value, true);
    if (rTokens.length === 0) continue;
    // a name that shares no key with the query (never met by this query) cannot be the best one
    if (ctx.cand.find(person.names[k++]) < 0) continue;
    const rWeights = rTokens.map((t) => store.weight(t));
    const a = align(store.knowledge, tokens, weights, rTokens, rWeights, memo);
    const exact = isExactName(tokens, rTokens);
    // (the other order of the parts aligns as well as the exact name: the exact one is the match)
    if (!best || a.nameScore > best.alignment.nameScore || (exact && !best.exact && a.nameScore === best.alignment.nameScore)) best = { n, alignment: a, rTokens, exact };
  }
  const b = { ...best!, a: explainAlignment(best!.alignment, tokens, weights, best!.rTokens) };
  // how many people of this name the list would hold by chance
  let expected = ctx.livePersons;
  // a part matched only by its sound is as common as every name that sounds like it
  b.a.tokens.forEach((t, i) => {
    if (t.matched === null) return;
    const df = t.how === 'phonetic' ? Math.max(store.dfOf(tokens[i]), store.skeletonDf(tokens[i])) : store.dfOf(tokens[i]);
    expected *= Math.min(1, (df + 1) / (store.liveEntries + 1));
  });
  const penalty = b.exact ? 0 : commonNamePenalty(expected);
  const birthDate = birthDateEffect(q.birthDate, p.birthDates);
  const nat = nationalityEffect(nationality, p.nationalities);
  const gender = genderEffect(q.gender, p.gender);
  const contradicted = birthDate.delta < 0 || nat.delta < 0 || gender.delta < 0;
  const raw = b.a.nameScore - penalty + birthDate.delta + nat.delta + gender.delta;
  const score = round(Math.max(0, Math.min(b.exact && !contradicted ? 1 : NOT_EXACT_MAX, raw)));
  const beforeCap = round(Math.max(0, Math.min(1, raw)));
  const match: PersonMatch = {
    id: p.id,
    score,
    alert: score >= ALERT_THRESHOLD,
    matchedName: b.n.value,
    explanation: {
      matchedName: { value: b.n.value, type: b.n.type ?? 'primary', script: b.n.script ?? (b.rTokens[0].script === 'arabic' ? 'Arab' : 'Latn') },
      nameScore: round(b.a.nameScore),
      commonNamePenalty: round(penalty),
      tokens: b.a.tokens,
      unmatchedRecordTokens: b.a.unmatchedRecordTokens,
      birthDate,
      nationality: nat,
      gender,
    },
  };
  return { match, beforeCap };
}
