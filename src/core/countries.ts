import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { invalid } from './errors.ts';

for (const l of [ar, en, es, fr]) countries.registerLocale(l);

export const LANGS = ['ar', 'fr', 'en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type Names = Record<Lang, string>;

/** ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, used by INTERPOL and ICAO). */
export function isAlpha3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (code === 'XKX' || countries.isValid(code));
}

export function assertAlpha3(code: string, field = 'country'): string {
  if (!isAlpha3(code)) throw invalid('invalid_country', `${field} must be an ISO 3166-1 alpha-3 code`, { field, value: code });
  return code;
}

/** Resolves an alpha-2 code, an alpha-3 code or an English country name to alpha-3, or undefined. */
export function toAlpha3(input: string): string | undefined {
  const s = input.trim();
  if (!s) return undefined;
  const up = s.toUpperCase();
  if (up.length === 3 && isAlpha3(up)) return up;
  if (up.length === 2) return countries.alpha2ToAlpha3(up) ?? undefined;
  const a2 = countries.getAlpha2Code(s, 'en') ?? countries.getAlpha2Code(s.replace(/\s*\(.*\)$/, ''), 'en');
  return a2 ? countries.alpha2ToAlpha3(a2) : undefined;
}

export function countryNames(alpha3: string): Names {
  const out = {} as Names;
  for (const l of LANGS) out[l] = countries.getName(alpha3, l) ?? alpha3;
  return out;
}
