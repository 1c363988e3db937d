/**
 * Criminal groups: gangs with operation-style code names, networks between two places, and
 * organisations known by the family at their head, with names in French, English, Spanish and
 * Arabic and the countries they span. Pure and seeded.
 */
import type { GroupData, Name } from '../records/record.ts';
import type { NameKnowledge } from './names.ts';
import type { Random } from './random.ts';

interface Place {
  fr: string;
  en: string;
  ar: string;
  country: string;
}

const PLACES: Place[] = [
  { fr: 'Nador', en: 'Nador', ar: 'الناظور', country: 'MAR' },
  { fr: 'Tanger', en: 'Tangier', ar: 'طنجة', country: 'MAR' },
  { fr: 'Tétouan', en: 'Tetouan', ar: 'تطوان', country: 'MAR' },
  { fr: 'Casablanca', en: 'Casablanca', ar: 'الدار البيضاء', country: 'MAR' },
  { fr: 'Oujda', en: 'Oujda', ar: 'وجدة', country: 'MAR' },
  { fr: 'Agadir', en: 'Agadir', ar: 'أكادير', country: 'MAR' },
  { fr: 'Laâyoune', en: 'Laayoune', ar: 'العيون', country: 'MAR' },
  { fr: 'Dakhla', en: 'Dakhla', ar: 'الداخلة', country: 'MAR' },
  { fr: 'Fès', en: 'Fez', ar: 'فاس', country: 'MAR' },
  { fr: 'Marrakech', en: 'Marrakesh', ar: 'مراكش', country: 'MAR' },
  { fr: 'Algésiras', en: 'Algeciras', ar: 'الجزيرة الخضراء', country: 'ESP' },
  { fr: 'Almería', en: 'Almería', ar: 'ألمرية', country: 'ESP' },
  { fr: 'Marseille', en: 'Marseille', ar: 'مرسيليا', country: 'FRA' },
  { fr: 'Anvers', en: 'Antwerp', ar: 'أنتويرب', country: 'BEL' },
  { fr: 'Rotterdam', en: 'Rotterdam', ar: 'روتردام', country: 'NLD' },
  { fr: 'Gênes', en: 'Genoa', ar: 'جنوة', country: 'ITA' },
  { fr: 'Bamako', en: 'Bamako', ar: 'باماكو', country: 'MLI' },
  { fr: 'Gao', en: 'Gao', ar: 'غاو', country: 'MLI' },
  { fr: 'Agadez', en: 'Agadez', ar: 'أغاديس', country: 'NER' },
  { fr: 'Nouakchott', en: 'Nouakchott', ar: 'نواكشوط', country: 'MRT' },
  { fr: 'Nouadhibou', en: 'Nouadhibou', ar: 'نواذيبو', country: 'MRT' },
  { fr: 'Dakar', en: 'Dakar', ar: 'داكار', country: 'SEN' },
  { fr: 'Abidjan', en: 'Abidjan', ar: 'أبيدجان', country: 'CIV' },
  { fr: "N'Djamena", en: "N'Djamena", ar: 'انجامينا', country: 'TCD' },
  { fr: 'Oran', en: 'Oran', ar: 'وهران', country: 'DZA' },
  { fr: 'Tamanrasset', en: 'Tamanrasset', ar: 'تمنراست', country: 'DZA' },
  { fr: 'Sfax', en: 'Sfax', ar: 'صفاقس', country: 'TUN' },
  { fr: 'Alexandrie', en: 'Alexandria', ar: 'الإسكندرية', country: 'EGY' },
];

interface Activity {
  en: string;
  fr: string;
  ar: string;
}

const ACTIVITIES: Activity[] = [
  { en: 'cannabis resin trafficking', fr: 'trafic de résine de cannabis', ar: 'الاتجار الدولي في المخدرات' },
  { en: 'cocaine trafficking', fr: 'trafic de cocaïne', ar: 'تهريب الكوكايين' },
  { en: 'psychotropic pills trafficking', fr: 'trafic de psychotropes', ar: 'الاتجار في الأقراص المهلوسة' },
  { en: 'migrant smuggling', fr: 'trafic de migrants', ar: 'تهريب المهاجرين' },
  { en: 'vehicle theft and resale', fr: 'vol et recel de véhicules', ar: 'سرقة السيارات' },
  { en: 'document forgery', fr: 'faux documents', ar: 'تزوير الوثائق' },
  { en: 'online fraud', fr: 'escroquerie en ligne', ar: 'النصب الإلكتروني' },
  { en: 'cigarette smuggling', fr: 'contrebande de cigarettes', ar: 'تهريب السجائر' },
  { en: 'fuel smuggling', fr: 'contrebande de carburant', ar: 'تهريب الوقود' },
];

/** Operation-style code names, the way the press and units refer to gangs. */
const CODE_NAMES: Array<{ fr: string; en: string; es: string; ar: string }> = [
  { fr: 'Bande du Scorpion', en: 'Scorpion gang', es: 'Banda del Escorpión', ar: 'العقرب' },
  { fr: 'Bande du Faucon', en: 'Falcon gang', es: 'Banda del Halcón', ar: 'الصقر' },
  { fr: 'Bande du Cobra', en: 'Cobra gang', es: 'Banda de la Cobra', ar: 'الكوبرا' },
  { fr: 'Bande du Loup', en: 'Wolf gang', es: 'Banda del Lobo', ar: 'الذئب' },
  { fr: 'Bande du Requin', en: 'Shark gang', es: 'Banda del Tiburón', ar: 'القرش' },
  { fr: 'Bande de la Vipère', en: 'Viper gang', es: 'Banda de la Víbora', ar: 'الأفعى' },
  { fr: 'Bande des Fantômes', en: 'Ghosts gang', es: 'Banda de los Fantasmas', ar: 'الأشباح' },
  { fr: "Bande de l'Aigle", en: 'Eagle gang', es: 'Banda del Águila', ar: 'النسر' },
  { fr: 'Bande du Renard', en: 'Fox gang', es: 'Banda del Zorro', ar: 'الثعلب' },
  { fr: 'Bande de la Tempête', en: 'Storm gang', es: 'Banda de la Tormenta', ar: 'العاصفة' },
  { fr: 'Bande du Chacal', en: 'Jackal gang', es: 'Banda del Chacal', ar: 'ابن آوى' },
  { fr: "Bande de l'Éclair", en: 'Lightning gang', es: 'Banda del Relámpago', ar: 'البرق' },
];

const GROUP_TYPES: GroupData['groupType'][] = ['gang', 'network', 'organisation'];

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export function buildGroup(r: Random, k: NameKnowledge, index: number): { data: GroupData; countries: string[] } {
  const type = r.weighted(GROUP_TYPES, [45, 40, 15]);
  const a = r.pick(PLACES);
  const b = r.pick(PLACES.filter((p) => p.country !== a.country));
  const activity = r.pick(ACTIVITIES);
  const names: Name[] = [];
  const withArabic = r.chance(0.5);
  let countries: string[];
  if (type === 'network') {
    countries = distinct([a.country, b.country]);
    names.push({ value: `Réseau ${a.fr}–${b.fr}`, script: 'Latn', lang: 'fr', type: 'primary' });
    names.push({ value: `${a.en}–${b.en} ${activity.en} network`, script: 'Latn', lang: 'en', type: 'alias' });
    if (withArabic) names.push({ value: `شبكة ${activity.ar} بين ${a.ar} و${b.ar}`, script: 'Arab', lang: 'ar', type: 'original' });
  } else if (type === 'gang') {
    countries = [a.country];
    const code = r.pick(CODE_NAMES);
    names.push({ value: `${code.fr} (${a.fr})`, script: 'Latn', lang: 'fr', type: 'primary' });
    names.push({ value: `${a.en} ${code.en}`, script: 'Latn', lang: 'en', type: 'alias' });
    if (a.country === 'ESP' || r.chance(0.2)) names.push({ value: `${code.es} (${a.fr})`, script: 'Latn', lang: 'es', type: 'alias' });
    if (withArabic) names.push({ value: `عصابة ${code.ar} ب${a.ar}`, script: 'Arab', lang: 'ar', type: 'original' });
  } else {
    // organisations are known by the family at their head
    const families = k.arabicOrigin.filter((n) => n.part === 'family' && n.countries.includes(a.country));
    const family = families.length ? r.pick(families) : r.pick(k.arabicOrigin.filter((n) => n.part === 'family'));
    countries = distinct([a.country, b.country, r.pick(PLACES).country]);
    names.push({ value: `Organisation ${family.latin}`, script: 'Latn', lang: 'fr', type: 'primary' });
    names.push({ value: `${family.latin} clan`, script: 'Latn', lang: 'en', type: 'alias' });
    if (withArabic) names.push({ value: `منظمة ${family.arabic}`, script: 'Arab', lang: 'ar', type: 'original' });
  }
  const remarks = `Demo group ${index}: suspected ${activity.en} (${countries.join(', ')}).`;
  return { data: { names, groupType: type, countries, remarks }, countries };
}
