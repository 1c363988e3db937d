/**
 * The desk's messages come from two places: the shell's own (`web/src/i18n/locales/<lang>.json`:
 * app, nav, session, language, login, handling, ui, errors) and each module's namespaces
 * (`web/src/features/<module>/locales/<lang>.json`, top-level keys such as `cases`, `gangs`).
 * A module owns its namespaces: two files claiming one top-level key is a programming error.
 */
import type { Locale } from '../api/types.ts';

export type MessageTree = { [key: string]: string | MessageTree };

/** One locale file, named by where it came from (for the error when two claim one key). */
export interface LocaleFile {
  source: string;
  locale: Locale;
  tree: MessageTree;
}

/** Where a locale file sits: `…/features/cases/locales/ar.json` → `{ module: 'cases', locale: 'ar' }`. */
export function localeFileOf(path: string): { module: string; locale: string } | null {
  const m = /(?:^|\/)(?:features\/([^/]+)\/)?(?:i18n\/)?locales\/([a-z]{2})\.json$/.exec(path);
  return m ? { module: m[1] ?? 'app', locale: m[2] } : null;
}

/** Merges the files into one tree per locale; throws when two files claim one top-level key. */
export function mergeLocaleFiles(files: readonly LocaleFile[], locales: readonly Locale[]): Record<Locale, MessageTree> {
  const out = Object.fromEntries(locales.map((l) => [l, {}])) as Record<Locale, MessageTree>;
  const owner = new Map<string, string>();
  for (const f of files) {
    const target = out[f.locale];
    if (!target) throw new Error(`${f.source}: ${f.locale} is not a desk language`);
    for (const [key, value] of Object.entries(f.tree)) {
      const claim = `${f.locale}:${key}`;
      const before = owner.get(claim);
      if (before) throw new Error(`the message namespace "${key}" is claimed by ${before} and ${f.source}`);
      owner.set(claim, f.source);
      target[key] = value;
    }
  }
  return out;
}
