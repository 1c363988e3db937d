/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions),
 * giving up as soon as it exceeds `max`: name parts are short and we only care about 0–2.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (ROW_A.length <= lb) growRows(lb + 1);
  let prev2 = ROW_A;
  let prev = ROW_B;
  let cur = ROW_C;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

// three reusable rows: name parts are compared thousands of times a second
let ROW_A = new Int32Array(64);
let ROW_B = new Int32Array(64);
let ROW_C = new Int32Array(64);
function growRows(n: number) {
  ROW_A = new Int32Array(n * 2);
  ROW_B = new Int32Array(n * 2);
  ROW_C = new Int32Array(n * 2);
}

export const LATIN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
export const ARABIC_ALPHABET = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى';
export const SKELETON_ALPHABET = 'BTJHKSXFLMNR';

/** Every string one edit away (delete, transpose, replace, insert) over an alphabet. */
export function edits1(word: string, alphabet: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const l = word.slice(0, i);
    const r = word.slice(i);
    if (r) out.add(l + r.slice(1));
    if (r.length > 1) out.add(l + r[1] + r[0] + r.slice(2));
    for (const c of alphabet) {
      if (r) out.add(l + c + r.slice(1));
      out.add(l + c + r);
    }
  }
  out.delete(word);
  return out;
}

/**
 * Calls `visit(prefix + w)` for every string w one edit away from `word`, in the order edits1
 * lists them, without building the set: a string reachable by two edits comes twice, and the
 * word itself may come (callers skip both). Stops when `visit` returns true.
 */
export function forEachEdit1(word: string, alphabet: string, prefix: string, visit: (key: string) => boolean | void): void {
  for (let i = 0; i <= word.length; i++) {
    const l = prefix + word.slice(0, i);
    const r = word.slice(i);
    const r1 = r.slice(1);
    if (r && visit(l + r1)) return;
    if (r.length > 1 && visit(l + r[1] + r[0] + r.slice(2))) return;
    for (let c = 0; c < alphabet.length; c++) {
      const ch = alphabet[c];
      if (r && visit(l + ch + r1)) return;
      if (visit(l + ch + r)) return;
    }
  }
}

/** A name part with its doubled letters written once (Mohammmed, Hassan → mohamed, hasan). */
export function undoubled(fold: string): string {
  let out = UNDOUBLED.get(fold);
  if (out === undefined) {
    out = fold.replace(/(.)\1+/g, '$1');
    if (UNDOUBLED.size >= MEMO_SIZE) UNDOUBLED.clear();
    UNDOUBLED.set(fold, out);
  }
  return out;
}
// name parts recur: a lookup is cheaper than the regular expression
const UNDOUBLED = new Map<string, string>();
const MEMO_SIZE = 100_000;
