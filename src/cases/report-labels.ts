/**
 * Labels and number formats of the annual report in the node's four languages. Regions come from
 * the one catalogue (src/core/regions.ts): Morocco's twelve regions by their ISO 3166-2:MA codes.
 */
import { REGION_CODES, regionName } from '../core/regions.ts';
import { type Figure, type Measure, type ReportLang, roundChange } from './report.ts';

type L = Record<ReportLang, string>;

export { REGION_CODES };

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

/** A region of the report by its name in `lang`; a region typed as free text and not recognised shows as typed. */
export const regionLabel = (region: string, lang: ReportLang) => regionName(region, lang);

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
