/**
 * What the demo cases' parties are made of, beyond records: the case category a demo group's
 * activity belongs to, phone numbers in each country's numbering plan (ITU-T E.164), and the
 * addresses (stash houses, warehouses, safe flats) that cases share. Data and pure draws only:
 * src/cases/seed-demo.ts adds the parties.
 */
import type { Random } from '../random.ts';

/** A demo group's activity (its remarks, demo-groups.ts) → the catalogue's case category. */
export const CATEGORY_OF_ACTIVITY: Record<string, string> = {
  'cannabis resin trafficking': 'drug_trafficking',
  'cocaine trafficking': 'drug_trafficking',
  'psychotropic pills trafficking': 'drug_trafficking',
  'migrant smuggling': 'migrant_smuggling',
  'vehicle theft and resale': 'theft',
  'document forgery': 'fraud',
  'online fraud': 'cybercrime',
  'cigarette smuggling': 'other',
  'fuel smuggling': 'other',
};

/** Country calling code, the first digits of a mobile number and the length of the national number. */
const MOBILE: Record<string, [code: string, prefixes: string[], digits: number]> = {
  MAR: ['+212', ['6', '7'], 9],
  ESP: ['+34', ['6'], 9],
  FRA: ['+33', ['6', '7'], 9],
  BEL: ['+32', ['47', '48'], 9],
  NLD: ['+31', ['6'], 9],
  ITA: ['+39', ['3'], 10],
  SEN: ['+221', ['77', '78'], 9],
  MLI: ['+223', ['7'], 8],
  MRT: ['+222', ['4'], 8],
  NER: ['+227', ['9'], 8],
  CIV: ['+225', ['07', '05'], 10],
  TCD: ['+235', ['6'], 8],
  DZA: ['+213', ['5', '6'], 9],
  TUN: ['+216', ['2', '9'], 8],
  EGY: ['+20', ['10', '11'], 10],
};

/** A mobile number of `country` (a Moroccan one when the country is not listed), as an officer types it. */
export function phoneOf(r: Random, country: string): string {
  const [code, prefixes, digits] = MOBILE[country] ?? MOBILE.MAR;
  const prefix = r.pick(prefixes);
  return `${code} ${prefix}${r.digits(digits - prefix.length)}`;
}

/** Addresses cases share, by country. */
export const ADDRESSES: Record<string, string[]> = {
  MAR: [
    'Hay Al Matar, rue 14, n° 7, Nador',
    'Douar Beni Ansar, maison 3, Nador',
    'Zone franche, entrepôt 12, Tanger-Med',
    'Rue de Fès, n° 33, Tanger',
    'Quartier Hassani, rue 8, Oujda',
    'Boulevard Mohammed V, n° 120, Casablanca',
    'Hay Hassani, bloc 4, appartement 9, Casablanca',
    'Lotissement Al Wahda, lot 52, Dakhla',
    'Port de pêche, hangar 3, Laâyoune',
    'Avenue Hassan II, n° 18, Tétouan',
    'Quartier industriel Sidi Ghanem, Marrakech',
    'Hay Mohammadi, derb 11, Agadir',
  ],
  ESP: ['Calle Real 15, Algeciras', 'Polígono La Redonda, nave 8, El Ejido (Almería)', 'Avenida de Andalucía 40, Málaga'],
  FRA: ['42 rue de la République, Marseille', '7 avenue Jean-Jaurès, Lyon'],
  BEL: ['Kempenstraat 21, Antwerpen'],
  NLD: ['Waalhaven Zuidzijde 19, Rotterdam'],
  SEN: ['Quartier Guet Ndar, Saint-Louis'],
  MLI: ['Quartier Château, Gao'],
  MRT: ['Quartier Numérowatt, Nouadhibou'],
};
