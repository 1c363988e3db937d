/**
 * The desk's messages for the browser suites, read from the same files the desk is built from
 * (the shell's and every module's locales) and merged by the desk's own rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../src/api/types.ts';
import { type LocaleFile, mergeLocaleFiles, type MessageTree } from '../src/i18n/bundles.ts';

const WEB_SRC = fileURLToPath(new URL('../src/', import.meta.url));

function localeFiles(): LocaleFile[] {
  const dirs = [path.join(WEB_SRC, 'i18n/locales')];
  for (const f of readdirSync(path.join(WEB_SRC, 'features'))) {
    const dir = path.join(WEB_SRC, 'features', f, 'locales');
    if (existsSync(dir)) dirs.push(dir);
  }
  return dirs.flatMap((dir) =>
    LOCALES.map((locale) => ({ source: path.join(dir, `${locale}.json`), locale, tree: JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8')) as MessageTree })),
  );
}

export const MESSAGES: Record<Locale, MessageTree> = mergeLocaleFiles(localeFiles(), LOCALES);

/** A message by its dotted key in one language, or undefined. */
export function messageOf(locale: Locale, key: string): string | undefined {
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], MESSAGES[locale]);
  return typeof v === 'string' ? v : undefined;
}
