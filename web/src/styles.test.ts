import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Physical left/right in CSS or inline styles would not flip for Arabic. */
const PHYSICAL = [
  /margin-left|margin-right|padding-left|padding-right|border-left|border-right/i,
  /(?<![-\w])(left|right)\s*:/i,
  /text-align\s*:\s*(left|right)|float\s*:\s*(left|right)/i,
  // the same in React inline-style objects
  /\b(marginLeft|marginRight|paddingLeft|paddingRight|borderLeft\w*|borderRight\w*)\b/,
  /\b(textAlign|float)\s*:\s*['"](left|right)['"]/,
];

const root = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(css|tsx?)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

export function physicalProperties(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (PHYSICAL.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('right-to-left safe styles', () => {
  it('finds physical properties when there are some', () => {
    expect(physicalProperties('a { margin-left: 1px }\nb { inset-inline-start: 0 }\nc { right: 0 }')).toEqual([
      '1: a { margin-left: 1px }',
      '3: c { right: 0 }',
    ]);
    expect(physicalProperties("<div style={{ textAlign: 'left' }} />")).toHaveLength(1);
  });

  it('no stylesheet or component under web/src uses left or right', () => {
    const files = sources(root);
    expect(files.some((f) => f.endsWith('styles.css'))).toBe(true);
    const found = files.flatMap((f) => physicalProperties(readFileSync(f, 'utf8')).map((l) => `${path.relative(root, f)}:${l}`));
    expect(found).toEqual([]);
  });
});
