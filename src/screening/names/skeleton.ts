/**
 * Consonant skeletons: one script-independent key for a name part, so that Arabic and Latin
 * spellings meet without a dictionary. Vowels, the semi-vowels w/y (و ي), alef, hamza and ayn
 * are dropped; consonants fall into classes that Maghreb (French) and Mashriq (English)
 * romanisations share: Mohamed, Muhammad, Mahamat and محمد all become MHMT.
 *
 *   B  b p ب پ        T  t d th dh ت ط د (ث ذ ظ ض also S)   J  j dj ج ژ (ج also K)
 *   H  h kh ح خ ه      K  k q c(hard) g gh ك ق غ گ ک           S  s z c(soft) ç س ص ز
 *   X  sh ch sch ش چ    F  f v ph ف ڤ    L M N R  ل م ن ر
 */
const LATIN_DIGRAPHS: Array<[string, string]> = [
  ['sch', 'X'],
  ['tch', 'X'],
  ['sh', 'X'],
  ['ch', 'X'],
  ['kh', 'H'],
  ['gh', 'K'],
  ['ph', 'F'],
  ['th', 'T'],
  ['dh', 'T'],
  ['dj', 'J'],
  ['ck', 'K'],
  ['qu', 'K'],
  ['gu', 'K'],
];

const DIGRAPH_STARTS = new Set(['s', 't', 'c', 'k', 'g', 'p', 'd', 'q']);

const LATIN_SINGLE: Record<string, string> = {
  b: 'B', p: 'B', d: 'T', t: 'T', f: 'F', v: 'F', h: 'H', j: 'J', k: 'K', q: 'K', l: 'L', m: 'M', n: 'N', r: 'R', s: 'S', z: 'S', x: 'KS',
};
const SOFTENING = new Set(['e', 'i', 'y']);

/** Skeleton of a folded Latin name part (lowercase, no diacritics). */
export function latinSkeleton(token: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < token.length; ) {
    const ch = token[i];
    // doubled letters are one sound: Mohammed, Hammouchi, Youssef
    if (ch === prev) {
      i++;
      continue;
    }
    prev = ch;
    const di = DIGRAPH_STARTS.has(ch) ? LATIN_DIGRAPHS.find(([g]) => token.startsWith(g, i)) : undefined;
    if (di) {
      out += di[1];
      prev = token[i + di[0].length - 1];
      i += di[0].length;
      continue;
    }
    if (ch === 'c') out += SOFTENING.has(token[i + 1]) ? 'S' : 'K';
    else if (ch === 'g') out += SOFTENING.has(token[i + 1]) ? 'J' : 'K';
    else out += LATIN_SINGLE[ch] ?? '';
    i++;
  }
  return out;
}

// Arabic letters with one class; the letters in ARABIC_AMBIGUOUS have two.
const ARABIC_SINGLE: Record<string, string> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'د': 'T', 'ح': 'H', 'خ': 'H', 'ه': 'H', 'ر': 'R', 'ز': 'S', 'س': 'S', 'ص': 'S',
  'ش': 'X', 'چ': 'X', 'ژ': 'J', 'ك': 'K', 'ق': 'K', 'غ': 'K', 'گ': 'K', 'ک': 'K', 'ف': 'F', 'ڤ': 'F', 'ل': 'L', 'م': 'M', 'ن': 'N',
};
/** Letters romanised two ways: ث th/s (Othman, Ousmane), ذ ظ dh/z, ض d/z (Persian Rezaei), ج j/g (Egyptian Gamal). */
const ARABIC_AMBIGUOUS: Record<string, [string, string]> = { 'ث': ['T', 'S'], 'ذ': ['T', 'S'], 'ظ': ['T', 'S'], 'ض': ['T', 'S'], 'ج': ['J', 'K'] };

const MAX_SKELETONS = 4;

/**
 * Skeletons of an Arabic-script name part (at most four, when ambiguous letters allow two
 * readings). Ta marbuta is a vowel here, unlike a final ha (Abdallah keeps its H).
 */
export function arabicSkeletons(token: string): string[] {
  let outs = [''];
  let prev = '';
  for (const ch of token) {
    if (ch === prev) continue;
    prev = ch;
    const amb = ARABIC_AMBIGUOUS[ch];
    if (amb) {
      outs = outs.length * 2 <= MAX_SKELETONS ? outs.flatMap((o) => [o + amb[0], o + amb[1]]) : outs.map((o) => o + amb[0]);
      continue;
    }
    const c = ARABIC_SINGLE[ch];
    if (c) outs = outs.map((o) => o + c);
  }
  return [...new Set(outs)];
}
