import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { isLocale, LOCALES, type Locale } from '../api/types.ts';
import { type LocaleFile, localeFileOf, mergeLocaleFiles, type MessageTree } from './bundles.ts';

// The shell's messages and every module's namespaces, found by folder (a new module's
// `locales/` needs no line here); Vite and Vitest inline them at build time.
const found = import.meta.glob<MessageTree>(['./locales/*.json', '../features/*/locales/*.json'], { eager: true, import: 'default' });
const files: LocaleFile[] = Object.entries(found).flatMap(([source, tree]) => {
  const where = localeFileOf(source);
  return where && isLocale(where.locale) ? [{ source, locale: where.locale, tree }] : [];
});

/** Every message of the desk, per language: the shell's and the modules' namespaces merged. */
export const resources: Record<Locale, MessageTree> = mergeLocaleFiles(files, LOCALES);

const STORAGE_KEY = 'ribat.locale';
export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);

export const dirOf = (locale: Locale): 'rtl' | 'ltr' => (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr');

/** The language before anyone logs in: last used on this browser, else the browser's, else English. */
function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage disabled (private mode, sandbox): fall back to the browser language
    return 'en';
  }
  const nav = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(nav) ? nav : 'en';
}

/** Keeps `<html lang dir>` in step with the language so the whole layout flips for Arabic. */
function applyToDocument(lng: string): void {
  const locale: Locale = isLocale(lng) ? lng : 'en';
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.documentElement.dir = dirOf(locale);
  }
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // storage disabled: the server still remembers the locale per user
    return;
  }
}

export const i18n = i18next.createInstance();
i18n.on('languageChanged', applyToDocument);
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, { translation: v }])),
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});
applyToDocument(i18n.language);

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

export async function setLanguage(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
}

/** The current language as a Locale, re-rendering the caller when it changes. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : 'en';
}
