import type { Names } from '../core/countries.ts';

export interface AgencySeed {
  /** Uppercase `XXX-NAME`, XXX being the alpha-3 country. */
  code: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  kind: 'ncb' | 'unit' | 'partner';
  names: Names;
  /** The agency running this node (the Rabat hub). */
  isHub: boolean;
}

/** A national central bureau, named after the city it sits in. */
function ncb(country: string, city: Names): AgencySeed {
  return {
    code: `${country}-NCB`,
    country,
    kind: 'ncb',
    isHub: false,
    names: {
      ar: `المكتب المركزي الوطني ${city.ar}`,
      fr: `Bureau central national ${city.fr}`,
      en: `National Central Bureau ${city.en}`,
      es: `Oficina Central Nacional ${city.es}`,
    },
  };
}

const unit = (code: string, names: Names): AgencySeed => ({ code, country: 'MAR', kind: 'unit', isHub: false, names });

export const DEMO_AGENCIES: AgencySeed[] = [
  { ...ncb('MAR', { ar: 'الرباط', fr: 'Rabat', en: 'Rabat', es: 'Rabat' }), isHub: true },
  unit('MAR-BNPJ', {
    ar: 'الفرقة الوطنية للشرطة القضائية',
    fr: 'Brigade nationale de la police judiciaire',
    en: 'National Judicial Police Brigade',
    es: 'Brigada Nacional de la Policía Judicial',
  }),
  unit('MAR-DGST', {
    ar: 'المديرية العامة لمراقبة التراب الوطني',
    fr: 'Direction générale de la surveillance du territoire',
    en: 'General Directorate for Territorial Surveillance',
    es: 'Dirección General de Vigilancia del Territorio',
  }),
  unit('MAR-CYBER', {
    ar: 'مصلحة مكافحة الجريمة المعلوماتية',
    fr: 'Service de lutte contre la cybercriminalité',
    en: 'Cybercrime Unit',
    es: 'Servicio de Lucha contra la Ciberdelincuencia',
  }),
  unit('MAR-BORDER', {
    ar: 'شرطة الحدود بميناء طنجة المتوسط',
    fr: 'Police des frontières du port Tanger-Med',
    en: 'Border Police, Tanger-Med port',
    es: 'Policía de Fronteras del puerto Tánger-Med',
  }),
  ncb('SEN', { ar: 'داكار', fr: 'Dakar', en: 'Dakar', es: 'Dakar' }),
  ncb('CIV', { ar: 'أبيدجان', fr: 'Abidjan', en: 'Abidjan', es: 'Abiyán' }),
  ncb('MLI', { ar: 'باماكو', fr: 'Bamako', en: 'Bamako', es: 'Bamako' }),
  ncb('TCD', { ar: 'انجامينا', fr: "N'Djamena", en: "N'Djamena", es: "Yamena" }),
  ncb('MRT', { ar: 'نواكشوط', fr: 'Nouakchott', en: 'Nouakchott', es: 'Nuakchot' }),
  ncb('NER', { ar: 'نيامي', fr: 'Niamey', en: 'Niamey', es: 'Niamey' }),
  ncb('DZA', { ar: 'الجزائر', fr: 'Alger', en: 'Algiers', es: 'Argel' }),
  ncb('TUN', { ar: 'تونس', fr: 'Tunis', en: 'Tunis', es: 'Túnez' }),
  ncb('EGY', { ar: 'القاهرة', fr: 'Le Caire', en: 'Cairo', es: 'El Cairo' }),
  ncb('ESP', { ar: 'مدريد', fr: 'Madrid', en: 'Madrid', es: 'Madrid' }),
  ncb('FRA', { ar: 'نانتير', fr: 'Nanterre', en: 'Nanterre', es: 'Nanterre' }),
  ncb('BEL', { ar: 'بروكسل', fr: 'Bruxelles', en: 'Brussels', es: 'Bruselas' }),
  ncb('NLD', { ar: 'زوترمير', fr: 'Zoetermeer', en: 'Zoetermeer', es: 'Zoetermeer' }),
  ncb('ITA', { ar: 'روما', fr: 'Rome', en: 'Rome', es: 'Roma' }),
  ncb('USA', { ar: 'واشنطن', fr: 'Washington', en: 'Washington', es: 'Washington' }),
  {
    code: 'NLD-EUROPOL',
    country: 'NLD',
    kind: 'partner',
    isHub: false,
    names: {
      ar: 'وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون (يوروبول)',
      fr: "Agence de l'Union européenne pour la coopération des services répressifs (Europol)",
      en: 'European Union Agency for Law Enforcement Cooperation (Europol)',
      es: 'Agencia de la Unión Europea para la Cooperación Policial (Europol)',
    },
  },
  {
    code: 'DZA-AFRIPOL',
    country: 'DZA',
    kind: 'partner',
    isHub: false,
    names: {
      ar: 'آلية الاتحاد الأفريقي للتعاون الشرطي (أفريبول)',
      fr: "Mécanisme de l'Union africaine pour la coopération policière (AFRIPOL)",
      en: 'African Union Mechanism for Police Cooperation (AFRIPOL)',
      es: 'Mecanismo de la Unión Africana para la Cooperación Policial (AFRIPOL)',
    },
  },
];

export const HUB_AGENCY_CODE = 'MAR-NCB';

/** The NCB of a country, when it is one of the demo agencies. */
export function ncbCodeOf(country: string): string | undefined {
  return DEMO_AGENCIES.find((a) => a.kind === 'ncb' && a.country === country)?.code;
}
