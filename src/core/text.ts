/**
 * Text folding for search: case, Latin diacritics, Arabic letter variants (alef forms,
 * ta marbuta, alef maqsura, Persian/Urdu ya and kaf), harakat and tatweel, Eastern
 * Arabic digits, punctuation. The screening engine builds finer keys on top of this.
 */
const ARABIC_MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه', 'ک': 'ك', 'ڪ': 'ك', 'گ': 'ك', 'ھ': 'ه', 'ہ': 'ه', 'ۀ': 'ه',
};
const EASTERN_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export function fold(input: string): string {
  let s = input.normalize('NFKD').toLowerCase();
  // combining marks (Latin accents) and Arabic harakat, superscript alef, tatweel
  s = s.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '');
  s = s.replace(/[\u0600-\u06ff]/g, (c) => ARABIC_MAP[c] ?? c);
  s = s.replace(/[٠-٩]/g, (c) => String(EASTERN_DIGITS.indexOf(c))).replace(/[۰-۹]/g, (c) => String(PERSIAN_DIGITS.indexOf(c)));
  s = s.replace(/[’'‘`ʻʼʿʾ]/g, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return s;
}

/** ISO 15924 code of the dominant script of a name. */
export function detectScript(s: string): 'Arab' | 'Cyrl' | 'Latn' | 'Zyyy' {
  let arab = 0;
  let cyrl = 0;
  let latn = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) arab++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrl++;
    else if (/\p{Script=Latin}/u.test(ch)) latn++;
  }
  const max = Math.max(arab, cyrl, latn);
  if (max === 0) return 'Zyyy';
  return max === arab ? 'Arab' : max === cyrl ? 'Cyrl' : 'Latn';
}

export const hasReplacementChar = (s: string) => s.includes('\uFFFD');
