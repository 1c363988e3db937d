/**
 * Morocco's twelve regions (the 2015 division) by their ISO 3166-2:MA codes (`MA-01` … `MA-12`,
 * since ISO's 2019 update), named in the node's four languages, and the reader that turns what
 * people type into a code. Shared by the server and the desk: no Node-only import.
 */
import { fold } from './text.ts';

export type RegionLang = 'ar' | 'fr' | 'en' | 'es';
export interface Region {
  code: string;
  names: Record<RegionLang, string>;
}

export const REGIONS: readonly Region[] = [
  { code: 'MA-01', names: { ar: 'طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima', es: 'Tánger-Tetuán-Alhucemas' } },
  { code: 'MA-02', names: { ar: 'الشرق', fr: "L'Oriental", en: 'Oriental', es: 'Oriental' } },
  { code: 'MA-03', names: { ar: 'فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes', es: 'Fez-Mequinez' } },
  { code: 'MA-04', names: { ar: 'الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra', es: 'Rabat-Salé-Kenitra' } },
  { code: 'MA-05', names: { ar: 'بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra', es: 'Beni Mellal-Jenifra' } },
  { code: 'MA-06', names: { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat', es: 'Casablanca-Settat' } },
  { code: 'MA-07', names: { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi', es: 'Marrakech-Safí' } },
  { code: 'MA-08', names: { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet', es: 'Draa-Tafilalet' } },
  { code: 'MA-09', names: { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa', es: 'Sus-Masa' } },
  { code: 'MA-10', names: { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun', es: 'Guelmim-Oued Noun' } },
  { code: 'MA-11', names: { ar: 'العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra', es: 'El Aaiún-Saguía el Hamra' } },
  { code: 'MA-12', names: { ar: 'الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab', es: 'Dajla-Río de Oro' } },
];
export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

/**
 * Other names a region goes by: the parts of its name and its seat (a region is often called by
 * its capital), spellings the folding does not bridge, and the pre-2015 regions that lie wholly
 * inside one of today's. Pre-2015 regions split between two of today's are left out on purpose
 * (Taza-Al Hoceïma-Taounate, Meknès-Tafilalet, Chaouia-Ouardigha, Doukkala-Abda,
 * Souss-Massa-Drâa, Guelmim-Es Semara), as are words that name several regions (Sahara, Drâa).
 * Case, accents, hyphens, apostrophes and Arabic letter forms are folded: variants need no entry.
 */
export const REGION_ALIASES: Record<string, readonly string[]> = {
  'MA-01': ['Tanger', 'Tangier', 'Tangiers', 'Tánger', 'طنجة', 'Tétouan', 'Tetuán', 'تطوان', 'Al Hoceïma', 'Alhucemas', 'الحسيمة', 'Tanger-Tétouan', 'Tangier-Tetouan', 'Tánger-Tetuán', 'طنجة تطوان'],
  'MA-02': ['Oujda', 'Uchda', 'وجدة', 'Région orientale', 'Eastern Region', 'الجهة الشرقية'],
  'MA-03': ['Fès', 'Fez', 'فاس', 'Meknès', 'Mequinez', 'مكناس', 'Fès-Boulemane', 'Fez-Boulemane', 'فاس بولمان'],
  'MA-04': [
    'Rabat', 'الرباط', 'Salé', 'سلا', 'Kénitra', 'القنيطرة',
    'Rabat-Salé-Zemmour-Zaër', 'Rabat-Salé-Zemmour-Zaer', 'الرباط سلا زمور زعير',
    'Gharb-Chrarda-Béni Hssen', 'Gharb-Chrarda-Beni Hsen', 'الغرب الشراردة بني حسن', 'Gharb',
  ],
  'MA-05': ['Béni Mellal', 'بني ملال', 'Khénifra', 'Jenifra', 'خنيفرة', 'Tadla-Azilal', 'تادلة أزيلال'],
  'MA-06': ['Casablanca', 'Casa', 'Dar el Beïda', 'Dar el-Beida', 'الدار البيضاء', 'كازا', 'Settat', 'سطات', 'Grand Casablanca', 'Greater Casablanca', 'Gran Casablanca', 'الدار البيضاء الكبرى'],
  'MA-07': ['Marrakech', 'Marrakesh', 'Marraquech', 'مراكش', 'Safi', 'آسفي', 'Marrakech-Tensift-Al Haouz', 'Marrakech-Tensift-El Haouz', 'Marrakesh-Tensift-El Haouz', 'مراكش تانسيفت الحوز'],
  'MA-08': ['Draa-Tafilalt', 'Errachidia', 'Er-Rachidia', 'الرشيدية', 'Tafilalet', 'Tafilalt', 'تافيلالت'],
  'MA-09': ['Agadir', 'أكادير', 'Souss', 'سوس', 'Sous-Massa'],
  'MA-10': ['Guelmim', 'Goulimine', 'كلميم', 'Oued Noun', 'Wad Noun', 'واد نون', 'وادي نون', 'كلميم وادي نون', 'Guelmim-Wad Noun'],
  'MA-11': [
    'Laâyoune', 'Layoune', 'El Aaiún', 'Aaiún', 'العيون', 'Sakia El Hamra', 'Saguia el Hamra', 'الساقية الحمراء',
    'Laâyoune-Boujdour-Sakia El Hamra', 'El Aaiún-Bojador-Saguía el Hamra', 'العيون بوجدور الساقية الحمراء',
  ],
  'MA-12': [
    'Dakhla', 'Dajla', 'الداخلة', 'Villa Cisneros', 'Oued Ed-Dahab', 'Oued Eddahab', 'Río de Oro', 'وادي الذهب', 'واد الذهب',
    'Oued Ed-Dahab-Lagouira', 'Oued Eddahab-Lagouira', 'وادي الذهب لكويرة', 'الداخلة واد الذهب',
  ],
};

/** What a region value means: one of the twelve, or text kept as typed and not understood. */
export type RegionReading = { kind: 'region'; code: string } | { kind: 'unknown'; text: string };

/**
 * Reads a region as people type it: the code in any case and spacing (`ma-06`, `MA 6`, `MA-٠٦`),
 * any of the four names or an alias from REGION_ALIASES, with or without accents, hyphens, case,
 * a leading "région de", "region of" or "جهة". Anything else is `unknown`, never an error.
 *
 * @example
 * readRegion('casablanca settat') // { kind: 'region', code: 'MA-06' }
 * readRegion('Fez')               // { kind: 'region', code: 'MA-03' }
 * readRegion('Tanger Med')        // { kind: 'unknown', text: 'Tanger Med' }
 */
export function readRegion(input: string): RegionReading {
  const text = input.trim();
  const k = keyOf(text);
  const code = codeOf(k) ?? table().get(k.replace(/ /g, ''));
  return code ? { kind: 'region', code } : { kind: 'unknown', text };
}

/**
 * The value stored for a region typed by a user or a list: its code when it is recognised,
 * otherwise the text itself (trimmed), kept and marked `recognised: false`.
 * @example normalizeRegion(' Tangier ') // { value: 'MA-01', recognised: true }
 */
export function normalizeRegion(input: string): { value: string; recognised: boolean } {
  const r = readRegion(input);
  return r.kind === 'region' ? { value: r.code, recognised: true } : { value: r.text, recognised: false };
}

export const isRegionCode = (value: string) => CODES.has(value);

/**
 * A stored region as a reader sees it: the region's name in `lang`, or, for a value that is not
 * a code, the text as it was typed.
 * @example regionName('MA-06', 'ar') // 'الدار البيضاء سطات'
 */
export function regionName(value: string, lang: RegionLang): string {
  return BY_CODE.get(value)?.names[lang] ?? value;
}

// ---- reading ---------------------------------------------------------------------------

const CODES = new Set(REGION_CODES);
const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** Folded; apostrophes part words (L'Oriental → l oriental); "région de …", "جهة …", "… region" dropped. */
function keyOf(s: string): string {
  return fold(s.replace(/['’‘`ʻʼ]/g, ' '))
    .replace(/^(?:la |the )?(?:region|jiha|jihat|جهه)(?: (?:of|de la|de l|du|de|del|d))? /, '')
    .replace(/ region$/, '');
}

/** `ma 6`, `ma06`, `ma 012` … as MA-06; only the twelve exist. */
function codeOf(key: string): string | undefined {
  const m = /^ma ?0*(\d{1,2})$/.exec(key);
  if (!m) return undefined;
  const code = `MA-${m[1].padStart(2, '0')}`;
  return CODES.has(code) ? code : undefined;
}

let names: Map<string, string> | undefined;

/** Names and aliases by their folded form without spaces (Al Hoceima = Alhoceima). */
function table(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const r of REGIONS) {
    for (const n of [...Object.values(r.names), ...(REGION_ALIASES[r.code] ?? [])]) names.set(keyOf(n).replace(/ /g, ''), r.code);
  }
  return names;
}
