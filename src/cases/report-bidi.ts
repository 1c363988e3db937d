/**
 * Mixed-script text for the PDF: pdfkit draws a string with one font in one direction, so a
 * label mixing Arabic and Latin (an Arabic report naming a region typed in Latin letters, a
 * French report naming one typed in Arabic) is cut into runs, each with the font of its script
 * and placed in visual order. The order follows the Unicode bidirectional algorithm (UAX #9)
 * for one line without explicit embeddings: weak types W1–W7, neutrals N1–N2, implicit levels
 * I1–I2, reordering L2 and mirroring L4 of the brackets. Pure: no font is read here.
 */

export type Script = 'arabic' | 'latin';
export type Direction = 'ltr' | 'rtl';

/** One piece of a line, in visual order from the left, as it is handed to pdfkit. */
export interface VisualRun {
  /**
   * The text to draw. A right-to-left run in the Arabic font stays in logical order (the font
   * engine shapes it and lays it out right to left itself); any other right-to-left run is
   * already reversed and mirrored.
   */
  text: string;
  script: Script;
  rtl: boolean;
  /** Draw glyph by glyph: a run the font engine would otherwise lay out in the wrong direction. */
  perChar: boolean;
}

type T = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'WS' | 'ON';

const ARABIC_LETTER = /[\u0600-\u0605\u0608\u060B\u060D-\u061A\u061C-\u064A\u066D-\u066F\u0671-\u06D5\u06DD\u06E5\u06E6\u06EE\u06EF\u06FA-\u070D\u0710-\u074A\u0750-\u07A5\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFE]/u;
const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F\u07C0-\u07FF]/u;
const MARK = /\p{M}/u;
/** Characters the Latin font (Noto Sans) lacks and the Arabic one has: Arabic script and its punctuation. */
const ARABIC_FONT = /[\p{Script=Arabic}\u060C\u061B\u061F\u0640]/u;
const CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };

function bidiType(c: string): T {
  const u = c.codePointAt(0)!;
  if (u === 0x200e) return 'L';
  if (u === 0x200f) return 'R';
  if (u === 0x061c) return 'AL';
  if ((u >= 0x30 && u <= 0x39) || (u >= 0x06f0 && u <= 0x06f9) || u === 0xb2 || u === 0xb3 || u === 0xb9) return 'EN';
  if ((u >= 0x0660 && u <= 0x0669) || u === 0x066b || u === 0x066c) return 'AN';
  if (u === 0x2b || u === 0x2d || u === 0x2212) return 'ES';
  if (u === 0x23 || u === 0x24 || u === 0x25 || (u >= 0xa2 && u <= 0xa5) || u === 0xb0 || u === 0xb1 || u === 0x2030 || u === 0x066a || (u >= 0x20a0 && u <= 0x20cf)) return 'ET';
  if (u === 0x2c || u === 0x2e || u === 0x2f || u === 0x3a || u === 0xa0 || u === 0x060c || u === 0x202f) return 'CS';
  if (u === 0x20 || u === 0x09 || u === 0x2000 || (u >= 0x2001 && u <= 0x200a) || u === 0x3000) return 'WS';
  if (HEBREW.test(c)) return 'R';
  if (ARABIC_LETTER.test(c)) return MARK.test(c) ? 'NSM' : 'AL';
  if (MARK.test(c)) return 'NSM';
  if (/[\p{L}\p{N}]/u.test(c)) return 'L';
  return 'ON';
}

const strong = (t: T): 'L' | 'R' | null => (t === 'L' ? 'L' : t === 'R' || t === 'AL' ? 'R' : null);

/** The direction of the first strong character (HTML `dir="auto"`), or `fallback` when there is none. */
export function firstStrong(text: string, fallback: Direction): Direction {
  for (const c of text) {
    const s = strong(bidiType(c));
    if (s) return s === 'L' ? 'ltr' : 'rtl';
  }
  return fallback;
}

export const scriptOf = (c: string): Script => (ARABIC_FONT.test(c) ? 'arabic' : 'latin');

/** The embedding level of each character (UAX #9, one paragraph, no explicit embeddings). */
export function levels(chars: readonly string[], base: Direction): number[] {
  const e = base === 'rtl' ? 1 : 0;
  const sos: T = e ? 'R' : 'L';
  const t: T[] = chars.map(bidiType);
  // W1: a mark takes the type of the character before it
  for (let i = 0; i < t.length; i++) if (t[i] === 'NSM') t[i] = i === 0 ? sos : t[i - 1];
  // W2: a European digit after an Arabic letter is an Arabic number; W3: AL → R
  let last: T = sos;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'L' || t[i] === 'R' || t[i] === 'AL') last = t[i];
    else if (t[i] === 'EN' && last === 'AL') t[i] = 'AN';
  }
  for (let i = 0; i < t.length; i++) if (t[i] === 'AL') t[i] = 'R';
  // W4: one separator between two numbers of the same kind joins them
  for (let i = 1; i < t.length - 1; i++) {
    if (t[i] === 'ES' && t[i - 1] === 'EN' && t[i + 1] === 'EN') t[i] = 'EN';
    else if (t[i] === 'CS' && t[i - 1] === 'EN' && t[i + 1] === 'EN') t[i] = 'EN';
    else if (t[i] === 'CS' && t[i - 1] === 'AN' && t[i + 1] === 'AN') t[i] = 'AN';
  }
  // W5: terminators (%, currency signs) next to a European number belong to it
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== 'ET') continue;
    let j = i;
    while (j < t.length && t[j] === 'ET') j++;
    if ((i > 0 && t[i - 1] === 'EN') || (j < t.length && t[j] === 'EN')) for (let k = i; k < j; k++) t[k] = 'EN';
    i = j - 1;
  }
  // W6: other separators and terminators are neutral
  for (let i = 0; i < t.length; i++) if (t[i] === 'ES' || t[i] === 'ET' || t[i] === 'CS') t[i] = 'ON';
  // W7: a European number after a Latin letter is Latin
  last = sos;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'L' || t[i] === 'R') last = t[i];
    else if (t[i] === 'EN' && last === 'L') t[i] = 'L';
  }
  // N1, N2: neutrals between two strong sides of one direction take it, others the paragraph's
  const dirOf = (x: T): 'L' | 'R' | null => (x === 'L' ? 'L' : x === 'R' || x === 'EN' || x === 'AN' ? 'R' : null);
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== 'ON' && t[i] !== 'WS') continue;
    let j = i;
    while (j < t.length && (t[j] === 'ON' || t[j] === 'WS')) j++;
    const before = i === 0 ? sos : dirOf(t[i - 1]);
    const after = j === t.length ? sos : dirOf(t[j]);
    const d: T = before === after && before ? before : sos;
    for (let k = i; k < j; k++) t[k] = d;
    i = j - 1;
  }
  // I1, I2
  return t.map((x) => {
    if (e === 0) return x === 'R' ? 1 : x === 'AN' || x === 'EN' ? 2 : 0;
    return x === 'L' || x === 'EN' || x === 'AN' ? 2 : 1;
  });
}

/**
 * A line as runs in visual order, left to right. `base` is the paragraph direction; `auto`
 * takes the first strong character's, else `fallback` (the report's direction).
 */
export function visualRuns(text: string, base: Direction | 'auto', fallback: Direction = 'ltr'): VisualRun[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  const dir = base === 'auto' ? firstStrong(text, fallback) : base;
  const lv = levels(chars, dir);
  // the script of each character; spaces and marks join the run they sit in
  const sc: Array<Script | null> = chars.map((c) => (/\s/u.test(c) || MARK.test(c) || CONTROLS.test(c) ? null : scriptOf(c)));
  for (let i = 0; i < sc.length; i++) if (sc[i] === null && i > 0 && lv[i - 1] === lv[i]) sc[i] = sc[i - 1];
  for (let i = sc.length - 1; i >= 0; i--) if (sc[i] === null && i < sc.length - 1 && lv[i + 1] === lv[i]) sc[i] = sc[i + 1];
  // logical runs of one level and one script
  const runs: Array<{ chars: string[]; level: number; script: Script }> = [];
  for (let i = 0; i < chars.length; i++) {
    if (CONTROLS.test(chars[i])) continue; // bidi marks steer the order but are not drawn
    const script = sc[i] ?? 'latin';
    const prev = runs[runs.length - 1];
    if (prev && prev.level === lv[i] && prev.script === script) prev.chars.push(chars[i]);
    else runs.push({ chars: [chars[i]], level: lv[i], script });
  }
  // L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)));
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let j = i;
      while (j < runs.length && runs[j].level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => {
    const rtl = r.level % 2 === 1;
    const joins = r.script === 'arabic' && r.chars.some((c) => ARABIC_LETTER.test(c));
    if (!rtl) return { text: r.chars.join(''), script: r.script, rtl, perChar: r.script === 'arabic' };
    if (joins) return { text: r.chars.join(''), script: r.script, rtl, perChar: false };
    // neutrals and digits-free punctuation inside right-to-left text: reversed, brackets mirrored
    return { text: r.chars.map((c) => MIRROR[c] ?? c).reverse().join(''), script: r.script, rtl, perChar: true };
  });
}
