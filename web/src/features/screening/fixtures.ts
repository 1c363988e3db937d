/** Screening answers as the API gives them, for the component tests. */
import type { PersonCandidate, PersonExplanation, TokenHow } from '../../api/types.ts';

export function explanation(over: Partial<PersonExplanation> = {}): PersonExplanation {
  return {
    matchedName: { value: 'Mohamed Ben Ali El Hammouchi', type: 'alias', script: 'Latn' },
    nameScore: 0.91,
    tokens: [
      { query: 'محمد', matched: 'Mohamed', how: 'variant', score: 0.95, weight: 0.4 },
      { query: 'بن', matched: 'Ben', how: 'particle', score: 1, weight: 0.05 },
      { query: 'علي', matched: 'Ali', how: 'exact', score: 1, weight: 0.3 },
      { query: 'Hamouchi', matched: 'Hammouchi', how: 'phonetic', score: 0.9, weight: 0.2 },
    ],
    unmatchedRecordTokens: ['El'],
    birthDate: { query: '1980', record: ['1980-04-12'], effect: 'partly_agrees', delta: 0.03 },
    nationality: { query: 'MAR', record: ['MAR', 'ESP'], effect: 'agrees', delta: 0.02 },
    gender: { query: 'female', record: ['male'], effect: 'conflicts', delta: -0.1 },
    ...over,
  };
}

/** One token of each kind, so a test sees every `how`. */
export const EVERY_HOW: Record<TokenHow, { query: string; matched: string | null }> = {
  exact: { query: 'Ali', matched: 'Ali' },
  variant: { query: 'Youcef', matched: 'Youssef' },
  phonetic: { query: 'Hocine', matched: 'Hussein' },
  typo: { query: 'Mohamde', matched: 'Mohamed' },
  joined: { query: 'Abdellatif', matched: 'Abd al-Latif' },
  particle: { query: 'ould', matched: 'ould' },
  missing: { query: 'Zaki', matched: null },
};

export function candidate(over: Partial<PersonCandidate> = {}): PersonCandidate {
  return {
    id: '0190f5e2-7c1a-7b3e-9d4f-a1b2c3d4e5f6',
    score: 0.93,
    alert: true,
    matchedName: 'Mohamed Ben Ali El Hammouchi',
    displayName: 'محمد بن علي الحموشي',
    ownerAgencyCode: 'MAR-NCB',
    tlp: 'AMBER',
    explanation: explanation(),
    ...over,
  };
}
