/**
 * Labels and number formats of the annual report in the node's four languages. Regions are
 * Morocco's twelve regions by their ISO 3166-2:MA codes (the 2015 division, codes since 2019).
 */
import { type Figure, type Measure, type ReportLang, roundChange } from './report.ts';

type L = Record<ReportLang, string>;

export const REGIONS: ReadonlyArray<{ code: string; labels: L }> = [
  { code: 'MA-01', labels: { ar: 'طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima', es: 'Tánger-Tetuán-Alhucemas' } },
  { code: 'MA-02', labels: { ar: 'الشرق', fr: "L'Oriental", en: 'Oriental', es: 'Oriental' } },
  { code: 'MA-03', labels: { ar: 'فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes', es: 'Fez-Mequinez' } },
  { code: 'MA-04', labels: { ar: 'الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra', es: 'Rabat-Salé-Kenitra' } },
  { code: 'MA-05', labels: { ar: 'بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra', es: 'Beni Mellal-Jenifra' } },
  { code: 'MA-06', labels: { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat', es: 'Casablanca-Settat' } },
  { code: 'MA-07', labels: { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi', es: 'Marrakech-Safí' } },
  { code: 'MA-08', labels: { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet', es: 'Draa-Tafilalet' } },
  { code: 'MA-09', labels: { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa', es: 'Sus-Masa' } },
  { code: 'MA-10', labels: { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun', es: 'Guelmim-Oued Noun' } },
  { code: 'MA-11', labels: { ar: 'العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra', es: 'El Aaiún-Saguía el Hamra' } },
  { code: 'MA-12', labels: { ar: 'الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab', es: 'Dajla-Río de Oro' } },
];
export const REGION_CODES = REGIONS.map((r) => r.code);

const FIGURES: Record<string, L> = {
  'cases.total': { ar: 'مجموع القضايا', fr: 'Affaires traitées', en: 'Cases', es: 'Casos' },
  'cases.cleared': { ar: 'القضايا المحلولة', fr: 'Affaires élucidées', en: 'Cases cleared', es: 'Casos esclarecidos' },
  'cases.clearanceRate': { ar: 'نسبة الزجر', fr: "Taux d'élucidation", en: 'Clearance rate', es: 'Tasa de esclarecimiento' },
  'arrests.total': { ar: 'الموقوفون', fr: 'Personnes interpellées', en: 'Arrests', es: 'Detenciones' },
  'arrests.violentCrime': { ar: 'الموقوفون في جرائم العنف', fr: 'Interpellations (criminalité violente)', en: 'Arrests in violent-crime cases', es: 'Detenciones (delitos violentos)' },
  'gangs.dismantled': { ar: 'العصابات المفككة', fr: 'Bandes criminelles démantelées', en: 'Criminal gangs dismantled', es: 'Bandas criminales desarticuladas' },
  'gangs.membersArrested': { ar: 'أفراد العصابات الموقوفون', fr: 'Membres de bandes interpellés', en: 'Gang members arrested', es: 'Miembros de bandas detenidos' },
  'cybercrime.cases': { ar: 'قضايا الجريمة الإلكترونية', fr: 'Affaires de cybercriminalité', en: 'Cybercrime cases', es: 'Casos de ciberdelincuencia' },
  'warrants.international': { ar: 'مذكرات البحث الدولية', fr: "Mandats d'arrêt internationaux", en: 'International arrest warrants', es: 'Órdenes de detención internacionales' },
  'warrants.national': { ar: 'مذكرات البحث الوطنية', fr: "Avis de recherche nationaux", en: 'National warrants', es: 'Órdenes de búsqueda nacionales' },
  'complaints.online': { ar: 'الشكايات الإلكترونية', fr: 'Signalements en ligne', en: 'Online complaints', es: 'Denuncias en línea' },
  'migration.networksDismantled': {
    ar: 'شبكات تهريب المهاجرين والاتجار بالبشر المفككة',
    fr: 'Réseaux de trafic de migrants et de traite des êtres humains démantelés',
    en: 'Migrant-smuggling and human-trafficking networks dismantled',
    es: 'Redes de tráfico de migrantes y trata de personas desarticuladas',
  },
  'migration.departuresPrevented': { ar: 'محاولات الهجرة غير النظامية المحبطة', fr: 'Départs irréguliers empêchés', en: 'Irregular departures prevented', es: 'Salidas irregulares impedidas' },
};

export const TEXT: Record<string, L> = {
  title: { ar: 'التقرير السنوي', fr: 'Rapport annuel', en: 'Annual report', es: 'Informe anual' },
  figure: { ar: 'المؤشر', fr: 'Indicateur', en: 'Figure', es: 'Indicador' },
  change: { ar: 'التغير', fr: 'Évolution', en: 'Change', es: 'Variación' },
  byMonth: { ar: 'القضايا حسب الشهر', fr: 'Affaires par mois', en: 'Cases by month', es: 'Casos por mes' },
  byRegion: { ar: 'القضايا حسب الجهة', fr: 'Affaires par région', en: 'Cases by region', es: 'Casos por región' },
  seizures: { ar: 'المحجوزات', fr: 'Saisies', en: 'Seizures', es: 'Incautaciones' },
  noData: {
    ar: 'لا توجد أي واقعة مسجلة في العقدة لسنة {year}: ليس في التقرير أي رقم.',
    fr: 'Aucun fait n’est enregistré sur le nœud pour {year} : le rapport ne contient aucun chiffre.',
    en: 'No fact is recorded on this node for {year}: the report has no figures.',
    es: 'No hay ningún hecho registrado en el nodo para {year}: el informe no contiene cifras.',
  },
  yearsWithData: {
    ar: 'السنوات التي تتوفر على معطيات: {years}',
    fr: 'Années avec des données : {years}',
    en: 'Years with data: {years}',
    es: 'Años con datos: {years}',
  },
  noYears: {
    ar: 'لم تسجل أي واقعة بعد في هذه العقدة.',
    fr: 'Aucun fait n’est encore enregistré sur ce nœud.',
    en: 'No fact is recorded on this node yet.',
    es: 'Todavía no hay ningún hecho registrado en este nodo.',
  },
  scope: {
    ar: 'أرقام مجمعة من الوقائع المسجلة في العقدة (عدد فقط، بدون سجلات).',
    fr: 'Chiffres agrégés à partir des faits enregistrés sur le nœud (des comptes, jamais des fiches).',
    en: 'Figures aggregated from the facts recorded on this node (counts, never records).',
    es: 'Cifras agregadas a partir de los hechos registrados en el nodo (recuentos, nunca registros).',
  },
};

/** A text of the report in `lang`, `{name}` replaced by `values.name`. */
export const textOf = (key: string, lang: ReportLang, values: Record<string, string | number> = {}) =>
  TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** The label of a headline figure; seizures take their substance's catalogue label. */
export function figureLabel(key: string, lang: ReportLang, substances: Record<string, Record<string, string>> = {}): string {
  if (key.startsWith('seizures.')) {
    const code = key.slice('seizures.'.length);
    const name = substances[code]?.[lang] ?? code;
    // Arabic: no Latin punctuation inside a right-to-left run (the PDF lays runs out whole)
    return lang === 'ar' ? `حجز ${name}` : `${textOf('seizures', lang)}: ${name}`;
  }
  return FIGURES[key]?.[lang] ?? key;
}

export const regionLabel = (code: string, lang: ReportLang) => REGIONS.find((r) => r.code === code)?.labels[lang] ?? code;

export function monthLabel(month: number, lang: ReportLang): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
}

const UNITS: Record<string, L> = {
  t: { ar: 'طن', fr: 't', en: 't', es: 't' },
  kg: { ar: 'كلغ', fr: 'kg', en: 'kg', es: 'kg' },
  g: { ar: 'غ', fr: 'g', en: 'g', es: 'g' },
  MAD: { ar: 'درهم', fr: 'MAD', en: 'MAD', es: 'MAD' },
};

/**
 * A quantity in its base unit, shown the way the report prints it: grams as tonnes (three
 * decimals at most), kilograms or grams; items as a count; centimes as dirhams.
 * @example formatQuantity(123_970_000, 'mass', 'fr') // "123,97 t"
 */
export function formatQuantity(base: number, measure: Measure, lang: ReportLang): string {
  const nf = (v: number, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
  if (measure === 'mass') {
    if (base >= 1_000_000) return `${nf(base / 1_000_000, 3)} ${UNITS.t[lang]}`;
    if (base >= 1_000) return `${nf(base / 1_000, 3)} ${UNITS.kg[lang]}`;
    return `${nf(base)} ${UNITS.g[lang]}`;
  }
  if (measure === 'money') return `${nf(base / 100, 2)} ${UNITS.MAD[lang]}`;
  return nf(base);
}

export function formatFigure(f: Pick<Figure, 'unit'>, value: number, lang: ReportLang): string {
  switch (f.unit) {
    case 'ratio':
      return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'grams':
      return formatQuantity(value, 'mass', lang);
    case 'minor':
      return formatQuantity(value, 'money', lang);
    default:
      return new Intl.NumberFormat(lang).format(value);
  }
}

/**
 * A year-on-year change as the desk, the PDF and the CLI all print it: rounded by `roundChange`
 * (0.1 %), a signed percentage with at most one decimal (a rate's change is in percentage
 * points, see `yoyRate`); null when the year before gives no base.
 */
export function changeText(change: number | null, lang: string): string | null {
  const r = roundChange(change);
  if (r === null) return null;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(r);
}

/** `changeText`, or an en dash when the previous year is 0. */
export function formatChange(change: number | null, lang: ReportLang): string {
  return changeText(change, lang) ?? '–';
}
