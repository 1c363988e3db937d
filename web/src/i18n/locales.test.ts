import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../api/types.ts';
import { resources } from './index.ts';

type Tree = { [k: string]: string | Tree };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * Compares a locale with the reference. Plural keys are compared by their base, and each
 * language must have every plural category its CLDR rules use (Arabic: all six).
 */
export function localeProblems(reference: Tree, other: Tree, lang: string): string[] {
  const ref = flatten(reference);
  const oth = flatten(other);
  const base = (k: string) => k.replace(PLURAL_SUFFIX, '');
  const refBases = new Set([...ref.keys()].map(base));
  const othBases = new Set([...oth.keys()].map(base));
  const problems: string[] = [];
  for (const k of refBases) if (!othBases.has(k)) problems.push(`${lang}: missing ${k}`);
  for (const k of othBases) if (!refBases.has(k)) problems.push(`${lang}: extra ${k}`);
  for (const [k, v] of oth) if (v.trim() === '') problems.push(`${lang}: empty ${k}`);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const pluralBases = new Set([...oth.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(base));
  for (const b of pluralBases) {
    for (const c of categories) if (!oth.has(`${b}_${c}`)) problems.push(`${lang}: missing plural ${b}_${c}`);
  }
  return problems;
}

const en = resources.en as unknown as Tree;

describe('locale files', () => {
  for (const lang of LOCALES) {
    it(`${lang} has exactly the keys of en, none empty, with all its plural forms`, () => {
      expect(localeProblems(en, resources[lang] as unknown as Tree, lang)).toEqual([]);
      expect(localeProblems(resources[lang] as unknown as Tree, en, 'en')).toEqual([]);
    });
  }

  it('fails on a missing key, an empty value and a missing Arabic plural form', () => {
    const ref: Tree = { a: { b: 'x', c: 'y', n_one: '1', n_other: 'n' } };
    const bad: Tree = { a: { b: '', n_one: '1', n_other: 'n' } };
    expect(localeProblems(ref, bad, 'ar').sort()).toEqual([
      'ar: empty a.b',
      'ar: missing a.c',
      'ar: missing plural a.n_few',
      'ar: missing plural a.n_many',
      'ar: missing plural a.n_two',
      'ar: missing plural a.n_zero',
    ]);
  });

  it('every key the components use exists in en', () => {
    const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
    const keys = flatten(en);
    const bases = new Set([...keys.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/'((?:app|nav|session|language|login|home|records|screening|handling|audit|admin|ui|errors|notices|messages|public|notifications|cases|gangs|network|report|facts|federation)\.[A-Za-z0-9_.]+)'/g)) {
            // permission names share the audit. and screening. prefixes; they are not message keys
            if (/^(audit\.(read|verify)|screening\.run|network\.read|report\.read|federation\.(read|manage))$/.test(m[1])) continue;
            if (!bases.has(m[1])) missing.push(`${path.relative(root, p)}: ${m[1]}`);
          }
        }
      }
    };
    walk(root);
    expect(missing).toEqual([]);
  });
});
