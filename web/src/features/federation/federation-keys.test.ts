import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../api/types.ts';
import { resources } from '../../i18n/index.ts';
import { CATEGORIES, REJECT_REASONS } from './federation-api.ts';
import { CATEGORY_KEYS, REASON_KEYS } from './labels.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;
// permission names share the namespace's prefix; they are not message keys
const PERMISSIONS = new Set(['federation.read', 'federation.manage']);

const messageOf = (lang: (typeof LOCALES)[number], key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources[lang]);

function keysOf(tree: unknown, prefix = ''): string[] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key.replace(PLURAL, '')] : keysOf(v, key);
  });
}

// The shared locale test scans only the older namespaces; this one covers the federation pages.
describe('federation messages', () => {
  it('every federation.* key the pages use exists in all four languages', () => {
    const used = new Set<string>();
    for (const name of readdirSync(here).filter((n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))) {
      for (const m of readFileSync(path.join(here, name), 'utf8').matchAll(/'(federation\.[A-Za-z0-9_.]+)'/g)) if (!PERMISSIONS.has(m[1])) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(150);
    for (const [lang, tree] of Object.entries(resources)) {
      const keys = new Set(keysOf(tree));
      expect([...used].filter((k) => !keys.has(k)).map((k) => `${lang}: ${k}`)).toEqual([]);
    }
  });

  it('labels every refusal reason and every category of the server, in each language, none left in English', () => {
    for (const lang of LOCALES) {
      for (const r of REJECT_REASONS) expect(messageOf(lang, REASON_KEYS[r]), `${lang} ${r}`).toBeTruthy();
      for (const c of CATEGORIES) expect(messageOf(lang, CATEGORY_KEYS[c]), `${lang} ${c}`).toBeTruthy();
    }
    for (const lang of ['ar', 'fr', 'es'] as const) {
      const same = REJECT_REASONS.filter((r) => messageOf(lang, REASON_KEYS[r]) === messageOf('en', REASON_KEYS[r]));
      expect(same, lang).toEqual([]);
    }
  });
});
