/**
 * Control characters in text read from files: a NUL makes PostgreSQL refuse the whole
 * statement (text and jsonb cannot hold U+0000), and the others (C0, DEL, C1) are no part of
 * a name, a date or a remark, only debris of a broken export or a wrong encoding.
 */

// tab, line feed and carriage return are whitespace, kept where lines are (remarks)
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const ANY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const hasControlChars = (s: string) => ANY_CONTROL.test(s);

/**
 * The text without its control characters, and how many there were.
 *
 * @example
 * withoutControlChars('Ali\u0000 Hassan') // { text: 'Ali Hassan', removed: 1 }
 */
export function withoutControlChars(s: string): { text: string; removed: number } {
  if (!ANY_CONTROL.test(s)) return { text: s, removed: 0 };
  let removed = 0;
  const text = s.replace(CONTROLS, () => {
    removed++;
    return '';
  });
  return { text, removed };
}

/** `U+0000`, as a warning names a character. */
export const codePointOf = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The control characters of a text, named (`U+0000, U+001B`), for a warning. */
export function controlCharsIn(s: string): string {
  return [...new Set(s.match(CONTROLS) ?? [])].map(codePointOf).join(', ');
}

/**
 * A copy of a value (an import item's data) with the control characters removed from every
 * string in it, and how many were removed; the value itself when there were none.
 */
export function deepWithoutControlChars<T>(value: T): { value: T; removed: number } {
  let removed = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = withoutControlChars(v);
      removed += r.removed;
      return r.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value) as T;
  return removed ? { value: out, removed } : { value, removed: 0 };
}
