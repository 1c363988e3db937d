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

/**
 * A skeleton with the vowels seen around its consonants: `slots[i]` holds what stands before
 * consonant i (and the last slot what follows the last one). Arabic writes only long vowels
 * (A U I) and ayn (a); Latin writes every vowel. Two spellings with the same skeleton are the
 * same name only if the Arabic long vowels show up in the Latin (Mahmoud محمود, not Mohamed).
 */
export interface Segments {
  skeleton: string;
  slots: string[];
}

const LATIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);

/** Segments of a folded Latin name part (lowercase, no diacritics). */
export function latinSegments(token: string): Segments {
  let out = '';
  const slots = [''];
  let prev = '';
  const consonant = (c: string) => {
    out += c;
    for (let k = 0; k < c.length; k++) slots.push('');
  };
  for (let i = 0; i < token.length; ) {
    const ch = token[i];
    // doubled letters are one sound: Mohammed, Hammouchi, Youssef
    if (ch === prev && !LATIN_VOWELS.has(ch)) {
      i++;
      continue;
    }
    prev = ch;
    const di = DIGRAPH_STARTS.has(ch) ? LATIN_DIGRAPHS.find(([g]) => token.startsWith(g, i)) : undefined;
    if (di) {
      consonant(di[1]);
      prev = token[i + di[0].length - 1];
      i += di[0].length;
      continue;
    }
    if (LATIN_VOWELS.has(ch)) slots[slots.length - 1] += ch;
    else if (ch === 'c') consonant(SOFTENING.has(token[i + 1]) ? 'S' : 'K');
    else if (ch === 'g') consonant(SOFTENING.has(token[i + 1]) ? 'J' : 'K');
    else if (LATIN_SINGLE[ch]) consonant(LATIN_SINGLE[ch]);
    i++;
  }
  return { skeleton: out, slots };
}

export const latinSkeleton = (token: string) => latinSegments(token).skeleton;

/**
 * Skeletons of a Latin part: also without a final h after a vowel, which often only marks
 * the ta marbuta (Halaweh, Aisha for حلاوة, عائشة).
 */
export function latinSkeletons(token: string): Segments[] {
  const base = latinSegments(token);
  const n = token.length;
  if (n > 3 && token[n - 1] === 'h' && LATIN_VOWELS.has(token[n - 2]) && base.skeleton.endsWith('H')) {
    return [base, { skeleton: base.skeleton.slice(0, -1), slots: [...base.slots.slice(0, -2), base.slots[base.slots.length - 2]] }];
  }
  return [base];
}

// Arabic letters with one class; the letters in ARABIC_AMBIGUOUS have two.
const ARABIC_SINGLE: Record<string, string> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'د': 'T', 'ح': 'H', 'خ': 'H', 'ه': 'H', 'ر': 'R', 'ز': 'S', 'س': 'S', 'ص': 'S',
  'ش': 'X', 'چ': 'X', 'ژ': 'J', 'ك': 'K', 'ق': 'K', 'غ': 'K', 'گ': 'K', 'ک': 'K', 'ف': 'F', 'ڤ': 'F', 'ل': 'L', 'م': 'M', 'ن': 'N',
};
/** Letters romanised two ways: ث th/s (Othman, Ousmane), ذ ظ dh/z, ض d/z (Persian Rezaei), ج j/g (Egyptian Gamal). */
const ARABIC_AMBIGUOUS: Record<string, [string, string]> = { 'ث': ['T', 'S'], 'ذ': ['T', 'S'], 'ظ': ['T', 'S'], 'ض': ['T', 'S'], 'ج': ['J', 'K'] };

const MAX_SKELETONS = 4;

const ARABIC_LONG: Record<string, string> = { 'ا': 'A', 'آ': 'A', 'أ': 'A', 'إ': 'A', 'ى': 'A', 'ة': 'A', 'و': 'U', 'ي': 'I', 'ی': 'I', 'ع': 'a' };

/**
 * Segments of an Arabic-script name part (at most four, when ambiguous letters allow two
 * readings). Ta marbuta is a vowel; a final ha is read both ways, since it is often typed for
 * the ta marbuta (اميره) but is a consonant in Abdallah (عبدالله).
 */
export function arabicSegments(token: string): Segments[] {
  let outs: Segments[] = [{ skeleton: '', slots: [''] }];
  let prev = '';
  const chars = [...token];
  chars.forEach((ch, idx) => {
    if (ch === prev) return;
    prev = ch;
    const long = ARABIC_LONG[ch];
    if (long) {
      for (const o of outs) o.slots[o.slots.length - 1] += long;
      return;
    }
    const amb = ARABIC_AMBIGUOUS[ch];
    const finalHa = ch === 'ه' && idx === chars.length - 1 && idx > 1;
    const readings: string[] = amb ?? (finalHa ? ['H', ''] : ARABIC_SINGLE[ch] ? [ARABIC_SINGLE[ch]] : []);
    if (readings.length === 0) return;
    const next: Segments[] = [];
    for (const o of outs) {
      for (const r of outs.length * readings.length <= MAX_SKELETONS ? readings : readings.slice(0, 1)) {
        next.push(r ? { skeleton: o.skeleton + r, slots: [...o.slots, ''] } : { skeleton: o.skeleton, slots: [...o.slots.slice(0, -1), `${o.slots[o.slots.length - 1]}A`] });
      }
    }
    outs = next;
  });
  const seen = new Set<string>();
  return outs.filter((o) => (seen.has(o.skeleton) ? false : (seen.add(o.skeleton), true)));
}

const COMPATIBLE: Record<string, RegExp> = { A: /[ae]/, U: /[ouw]/, I: /[iey]/ };
const LATIN_LONG = /ou|oo|ee|aa|ii/;

/**
 * How many Arabic long vowels a Latin spelling with the same skeleton fails to show, plus the
 * long Latin vowels (ou, ee, aa …) where the Arabic has none.
 */
export function vowelMismatches(arabic: Segments, latin: Segments): number {
  if (arabic.skeleton !== latin.skeleton || arabic.slots.length !== latin.slots.length) return 0;
  let m = 0;
  for (let i = 0; i < arabic.slots.length; i++) {
    const a = arabic.slots[i];
    const l = latin.slots[i];
    const longs = a.replace(/[^AUI]/g, '');
    const last = i === arabic.slots.length - 1;
    for (const v of new Set(longs)) {
      // an initial alef only carries the hamza: its vowel may be a, i or u (Ahmed, Idriss, Oussama)
      if (i === 0 && v === 'A') continue;
      // a final ya is often alef maqsura once folded: Mustapha, Moussa, Yahya
      if (last && v === 'I' && /a/.test(l)) continue;
      if (!COMPATIBLE[v].test(l)) m++;
    }
    if (longs === '' && !a.includes('a') && LATIN_LONG.test(l)) m++;
    // a Latin vowel after the last consonant is written in Arabic too (Hamdi حمدي, Abou أبو,
    // Fatma فاطمة): Marutani is not مارتن, nor Brussino برزين (a final e is silent: Hocine حسين)
    else if (last && longs === '' && !a.includes('a') && /[aiouy]/.test(l)) m++;
  }
  return m;
}
