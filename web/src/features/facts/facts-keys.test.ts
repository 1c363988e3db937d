import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keysOf(tree: unknown, prefix = ''): string[] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key.replace(PLURAL, '')] : keysOf(v, key);
  });
}

// The shared locale test scans only the older namespaces; this one covers the facts pages.
describe('facts messages', () => {
  it('every facts.* and nav.* key the facts pages use exists in all four languages', () => {
    const used = new Set<string>();
    for (const name of readdirSync(here).filter((n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))) {
      for (const m of readFileSync(path.join(here, name), 'utf8').matchAll(/'((?:facts|nav)\.[A-Za-z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const [lang, tree] of Object.entries(resources)) {
      const keys = new Set(keysOf(tree));
      expect([...used].filter((k) => !keys.has(k)).map((k) => `${lang}: ${k}`)).toEqual([]);
    }
  });
});
