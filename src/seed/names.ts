/**
 * Name knowledge for the demo generator, derived from the Wikidata Latin↔Arabic name
 * token pairs (fixtures/wikidata-en-ar-person-name-tokens.tsv, CC0): for a curated list
 * of common Maghreb, Sahel and Middle-Eastern names, the Arabic spelling(s) and the Latin
 * spellings the corpus shows for the same Arabic token (Mohamed → Mohammed, Muhammad …).
 * The corpus is aligned automatically and noisy (e.g. `morocco → محمد`), hence the
 * plausibility filter on variants and the curated list rather than the raw file.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NamePart = 'given' | 'family';
export type Gender = 'male' | 'female';

export interface NameEntry {
  /** Display form of the primary spelling, e.g. `Mohamed`, `El Amrani`, `Abdellatif`. */
  latin: string;
  /** Arabic spelling, letters only, words separated by one space. */
  arabic: string;
  /** Other Arabic spellings the corpus shows for the same Latin name (عائشة / عايشة). */
  arabicVariants: string[];
  /** Other Latin spellings of the same Arabic name, most frequent first. */
  variants: string[];
  /** Corpus frequency of each variant (same order), for weighted picks. */
  variantWeights: number[];
  part: NamePart;
  gender?: Gender;
  /** Alpha-3 codes of the countries where the name is common. */
  countries: string[];
  /** Corpus frequency of the primary spelling (at least 1). */
  count: number;
}

export interface LatinName {
  latin: string;
  part: NamePart;
  gender?: Gender;
  countries: string[];
}

export interface Particle {
  /** Latin spellings, the usual one first. */
  latin: string[];
  arabic: string;
  role: 'patronymic' | 'article' | 'kunya' | 'theophoric' | 'honorific' | 'tribal';
  /** How the particle is used, for the reader of the seed. */
  note: string;
}

export interface NameKnowledge {
  /** The curated Arabic-origin names found in the corpus. */
  arabicOrigin: NameEntry[];
  /** European names (Latin script only). */
  european: LatinName[];
  particles: Particle[];
  /** Curated names the corpus does not hold (left out of `arabicOrigin`). */
  missing: string[];
}

// ---------------------------------------------------------------------------
// Curated lists. A plain string is one corpus token (the display form, with an optional
// `El `/`Al-` article); `abd()` and `din()` build the compound names the corpus only
// holds as separate tokens.

interface Compound {
  display: string;
  kind: 'abd' | 'din';
  /** The corpus token of the other element: `latif` in Abdellatif, `nour` in Noureddine. */
  key: string;
}
type Spec = string | Compound;
const abd = (display: string, key: string): Compound => ({ display, kind: 'abd', key });
const din = (display: string, key: string): Compound => ({ display, kind: 'din', key });

interface CuratedGroup {
  countries: string;
  male?: Spec[];
  female?: Spec[];
  family?: Spec[];
}

const MAGHREB = 'MAR DZA TUN';

const CURATED: CuratedGroup[] = [
  {
    countries: MAGHREB,
    male: [
      'Mohamed', 'Ahmed', 'Youssef', 'Amine', 'Said', 'Rachid', 'Karim', 'Hassan', 'Omar', 'Ali', 'Ibrahim', 'Brahim',
      'Driss', 'Hicham', 'Mourad', 'Soufiane', 'Yassine', 'Redouane', 'Mehdi', 'Nabil', 'Adil', 'Jamal', 'Khalid',
      'Mustapha', 'Hamza', 'Bilal', 'Anouar', 'Mounir', 'Samir', 'Walid', 'Tarik', 'Ismail', 'Zakaria', 'Ayoub',
      'Younes', 'Hamid', 'Aziz', 'Hakim', 'Najib', 'Habib',
      abd('Abdellatif', 'latif'), abd('Abdelkader', 'kader'), abd('Abdelaziz', 'aziz'), abd('Abderrahmane', 'rahman'),
      abd('Abdelkarim', 'karim'), abd('Abdelhamid', 'hamid'), abd('Abdelmajid', 'majid'), abd('Abdeljalil', 'jalil'),
      abd('Abdessalam', 'salam'), abd('Abdelghani', 'ghani'), abd('Abdelhak', 'haq'), abd('Abdelwahab', 'wahab'),
      abd('Abderrazak', 'razak'), abd('Abdallah', 'allah'),
      din('Noureddine', 'nour'), din('Salaheddine', 'salah'), din('Nasreddine', 'nasr'),
    ],
    female: [
      'Fatima', 'Khadija', 'Aicha', 'Amina', 'Nadia', 'Samira', 'Leila', 'Meryem', 'Zineb', 'Hafsa', 'Salma', 'Latifa',
      'Malika', 'Naima', 'Rachida', 'Souad', 'Karima', 'Kenza', 'Siham', 'Wafa', 'Sanaa', 'Houda', 'Bouchra', 'Jamila',
      'Iman', 'Asma', 'Loubna',
    ],
  },
  { countries: 'DZA', male: ['Hocine', 'Djamel', 'Kamel', 'Nacer', 'Sofiane', 'Yacine', 'Fares', 'Smail'], female: ['Fatma'] },
  { countries: 'TUN', male: ['Kamel', 'Hamdi', 'Sassi'], female: ['Fatma'] },
  {
    countries: 'MAR',
    family: [
      'El Amrani', 'Benali', 'Alaoui', 'Bennani', 'Idrissi', 'El Fassi', 'Berrada', 'Benjelloun', 'Filali', 'Tahiri',
      'Hajji', 'Bakkali', 'Benkirane', 'Zerouali', 'Mansouri', 'Belhaj', 'Benslimane', 'Bouzid', 'Hakimi', 'Regragui',
      'Ziani', 'Amrabat', 'Chaoui', 'Laaroussi', 'Bensalem', 'Benaissa', 'Kaddour', 'Bouazza',
    ],
  },
  {
    countries: 'DZA',
    family: [
      'Belkacem', 'Boudiaf', 'Brahimi', 'Slimani', 'Hamdani', 'Bouzid', 'Saidi', 'Mansouri', 'Haddad', 'Cherif', 'Belaid',
      'Ferhat', 'Zitouni', 'Touati', 'Khelifi', 'Bouchareb', 'Hamadi',
    ],
  },
  {
    countries: 'TUN',
    family: ['Trabelsi', 'Jaziri', 'Mejri', 'Saidi', 'Hamdi', 'Mansour', 'Gharbi', 'Ayari', 'Jebali', 'Hammami', 'Dridi', 'Riahi', 'Chebbi', 'Sassi', 'Mabrouk'],
  },
  {
    countries: 'MRT',
    male: ['Mohamed', 'Ahmed', 'Sidi', 'Cheikh', 'Mokhtar', 'Salem', 'Mohamedou', 'Yahya', 'Brahim', 'Lamine', 'Ely', 'Hamoud', 'Vall', 'Abdallah'],
    female: ['Fatimata', 'Aicha', 'Mariam', 'Khadija', 'Fatma'],
  },
  {
    countries: 'TCD',
    male: ['Mahamat', 'Idriss', 'Moussa', 'Adam', 'Ali', 'Hassan', 'Saleh', 'Oumar', 'Ibrahim', 'Issa', 'Youssouf', 'Hissène', 'Abakar'],
    female: ['Khadija', 'Amina', 'Mariam', 'Aicha', 'Fatime'],
  },
  {
    countries: 'SEN MLI CIV NER',
    male: [
      'Mamadou', 'Ousmane', 'Cheikh', 'Boubacar', 'Moussa', 'Ibrahima', 'Amadou', 'Alioune', 'Babacar', 'Modou', 'Pape',
      'Aliou', 'Malick', 'Lamine', 'Demba', 'Samba', 'Sekou', 'Bakary', 'Lassana', 'Adama', 'Seydou', 'Souleymane',
      'Idrissa', 'Drissa', 'Issa', 'Yacouba', 'Siaka', 'Zoumana', 'Modibo', 'Hamidou', 'Oumarou', 'Mahamadou', 'Oumar',
    ],
    female: ['Aminata', 'Fatou', 'Fatoumata', 'Mariama', 'Astou', 'Oumou', 'Rokia', 'Nafissatou', 'Adama'],
  },
  { countries: 'SEN', family: ['Diop', 'Ndiaye', 'Sow', 'Ba', 'Fall', 'Faye', 'Sarr', 'Diouf', 'Gueye', 'Mbaye', 'Niang', 'Sy', 'Sall', 'Thiam', 'Diagne', 'Diallo', 'Kane', 'Ndao', 'Gaye', 'Kébé', 'Cissé'] },
  { countries: 'MLI', family: ['Traoré', 'Keïta', 'Coulibaly', 'Diarra', 'Sidibé', 'Sissoko', 'Maïga', 'Touré', 'Cissé', 'Konaté', 'Dembélé', 'Diallo', 'Dicko', 'Sanogo', 'Sangaré', 'Camara', 'Kouyaté', 'Kanté', 'Berthe'] },
  { countries: 'CIV', family: ['Ouattara', 'Koné', 'Bamba', 'Bakayoko', 'Fofana', 'Doumbia', 'Camara', 'Soro', 'Sanogo', 'Kaba', 'Touré', 'Coulibaly', 'Traoré', 'Diabaté', 'Kourouma'] },
  { countries: 'NER', family: ['Maïga', 'Moussa', 'Abdou', 'Seydou', 'Mahamadou', 'Hamidou', 'Oumarou', 'Diallo', 'Touré', 'Issa', 'Sani', 'Amadou'] },
  {
    countries: 'EGY SYR IRQ',
    male: [
      'Mohammed', 'Ahmed', 'Mahmoud', 'Mustafa', 'Khaled', 'Omar', 'Ali', 'Hassan', 'Hussein', 'Ibrahim', 'Tarek', 'Hisham',
      'Adel', 'Walid', 'Samir', 'Osman', 'Yasin', 'Anwar', 'Munir', 'Yousef', 'Salah', 'Saleh', 'Jaber', 'Abbas', 'Fares',
      'Majid', 'Hamdi', 'Sayed', 'Qasim', 'Hamad', 'Daoud', 'Rashid', 'Ghazi', 'Karam',
      abd('Abdelrahman', 'rahman'), abd('Abdelaziz', 'aziz'), abd('Abdullah', 'allah'),
    ],
    female: ['Fatma', 'Maryam', 'Layla', 'Huda', 'Suad', 'Sanaa', 'Iman', 'Asma', 'Zainab', 'Aisha', 'Lubna', 'Nadia', 'Hanan', 'Salma', 'Jamila', 'Samira'],
    family: [
      'Haddad', 'Khalil', 'Nasser', 'Mansour', 'Darwish', 'Najjar', 'Sabbagh', 'Khoury', 'Awad', 'Ghanem', 'Al-Masri',
      'Shami', 'Halabi', 'Hashemi', 'Al-Tamimi', 'Al-Khatib', 'Hijazi', 'Abbas', 'Jaber', 'Salem', 'Al-Baghdadi',
      'Mahmoud', 'Hamdan', 'Shaheen', 'Nassar', 'Matar', 'Hashim', 'Qasim', 'Al-Kurdi', 'Al-Rifai', 'Habib', 'Obeid',
    ],
  },
];

/** Tokens whose corpus alignment is wrong (checked by hand), never used. */
const BAD_ALIGNMENTS = new Set(['hawa', 'adoum', 'lahlou', 'tandja', 'ouazzani', 'shaykh', 'yasmina', 'abdoulaye', 'husayn']);

/**
 * Names the corpus aligns to the same Arabic token that are not transliterations a
 * Maghreb or Sahel record would carry: European, Turkish, Persian and Indonesian names
 * (Moses for Moussa, Mehmet for Mohamed, Kane → Keane, Sow → Sue).
 */
const NOT_TRANSLITERATIONS = new Set([
  'moses', 'mosè', 'solomon', 'ishmael', 'iosif', 'meunier', 'connie', 'conny', 'cooney', 'ken', 'cain', 'caine', 'keane',
  'kean', 'keene', 'su', 'sue', 'so', 'soo', 'gay', 'gai', 'dejan', 'dianne', 'burt', 'kamada', 'canty', 'capa', 'seydoux',
  'cid', 'cyd', 'syd', 'kita', 'aden', 'fay', 'fei', 'sei', 'si', 'sal', 'val', 'elly', 'sido', 'amado', 'haasan', 'fatimih',
  'mehmet', 'mehmed', 'ahmet', 'ömer', 'hüseyin', 'süleyman', 'zeynep', 'leyla', 'murat', 'mahmut', 'kerem', 'kerim',
  'emin', 'emine', 'emina', 'enver', 'muhtar', 'ayça', 'hisyam', 'manzur', 'esmaeel', 'abid',
]);

const EUROPEAN: Array<{ countries: string; male?: string[]; female?: string[]; family?: string[] }> = [
  { countries: 'FRA BEL', male: ['Jean', 'Pierre', 'Nicolas', 'Julien', 'Thomas', 'Antoine', 'Luc', 'Marc'], female: ['Marie', 'Sophie', 'Camille', 'Julie', 'Nathalie'] },
  { countries: 'FRA', family: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier'] },
  { countries: 'BEL', family: ['Peeters', 'Janssens', 'Maes', 'Claes', 'Lambert', 'Dubois', 'Wouters', 'Müller'] },
  { countries: 'ESP', male: ['José', 'Antonio', 'Manuel', 'Javier', 'David', 'Carlos', 'Francisco'], female: ['María', 'Carmen', 'Laura', 'Lucía', 'Ana'], family: ['García', 'López', 'Martínez', 'Sánchez', 'Fernández', 'Rodríguez', 'Pérez', 'Gómez', 'Ruiz', 'Moreno'] },
  { countries: 'NLD BEL', male: ['Jan', 'Pieter', 'Daan', 'Sander', 'Bram'], female: ['Anna', 'Sanne', 'Lotte', 'Els'] },
  { countries: 'NLD', family: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer'] },
  { countries: 'ITA', male: ['Giuseppe', 'Marco', 'Luca', 'Francesco', 'Alessandro'], female: ['Giulia', 'Francesca', 'Chiara'], family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'] },
  { countries: 'USA', male: ['James', 'Michael', 'Robert', 'John', 'David'], female: ['Mary', 'Jennifer', 'Jessica'], family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis'] },
];

export const ARABIC_PARTICLES: Particle[] = [
  { latin: ['ben', 'bin', 'ben-'], arabic: 'بن', role: 'patronymic', note: '"son of" between a given name and the father\'s name' },
  { latin: ['ibn', 'ibnou', 'ibnu'], arabic: 'ابن', role: 'patronymic', note: 'the full form of ben, in genealogies and at the start of a name' },
  { latin: ['bent', 'bint'], arabic: 'بنت', role: 'patronymic', note: '"daughter of"' },
  { latin: ['mint', 'ment'], arabic: 'منت', role: 'patronymic', note: 'Mauritanian "daughter of"' },
  { latin: ['ould', 'ould-', 'wuld', 'weld'], arabic: 'ولد', role: 'patronymic', note: 'Mauritanian "son of": Mohamed Ould Ahmed' },
  { latin: ['ag', 'agg'], arabic: 'أغ', role: 'patronymic', note: 'Tuareg "son of"' },
  { latin: ['wad', 'wad-'], arabic: 'ود', role: 'patronymic', note: 'Sudanese and Chadian "son of"' },
  { latin: ['bel'], arabic: 'بل', role: 'patronymic', note: 'ben + el contracted: Belhaj, Belkacem' },
  { latin: ['el', 'el-', 'al', 'al-', 'ul'], arabic: 'ال', role: 'article', note: 'the article, often dropped or glued in Latin: El Amrani, Al-Amrani, Amrani, Lamrani' },
  { latin: ['abu', 'abou', 'abo'], arabic: 'أبو', role: 'kunya', note: '"father of": Abu Bakr; also a nickname' },
  { latin: ['bou'], arabic: 'بو', role: 'kunya', note: 'Maghrebi abu, glued to family names: Bouzid, Bouazza' },
  { latin: ['umm', 'oum', 'um'], arabic: 'أم', role: 'kunya', note: '"mother of"' },
  { latin: ['abd', 'abdel', 'abdul', 'abd al-', 'abd el-', 'abdal'], arabic: 'عبد', role: 'theophoric', note: '"servant of" + a divine name: Abdellatif = Abd al-Latif = عبد اللطيف' },
  { latin: ['abder', 'abdes', 'abden', 'abdet'], arabic: 'عبد ال', role: 'theophoric', note: 'abd al- before a sun letter: Abderrahmane, Abdessalam' },
  { latin: ['allah', 'ullah', 'illah'], arabic: 'الله', role: 'theophoric', note: 'end of Abdallah, Abdullah, Abdellah' },
  { latin: ['eddine', 'ed-din', 'uddin', 'el din', 'eddin'], arabic: 'الدين', role: 'theophoric', note: '"of the faith": Noureddine = Nour ed-Din = نور الدين' },
  { latin: ['sidi', 'si'], arabic: 'سيدي', role: 'honorific', note: '"my lord"; also a given name (Sidi Mohamed)' },
  { latin: ['moulay', 'mulay', 'mawlay'], arabic: 'مولاي', role: 'honorific', note: 'for descendants of the Prophet in Morocco' },
  { latin: ['lalla', 'lala'], arabic: 'لالة', role: 'honorific', note: 'feminine honorific in Morocco' },
  { latin: ['cheikh', 'sheikh', 'shaykh', 'chikh'], arabic: 'الشيخ', role: 'honorific', note: 'also a given name in West Africa (Cheikh Diop)' },
  { latin: ['el hadj', 'elhadj', 'al-hajj', 'hadj', 'hajj', 'el hadji'], arabic: 'الحاج', role: 'honorific', note: 'pilgrim; part of many West African names (El Hadji Diouf)' },
  { latin: ['sayyid', 'sayed', 'sid'], arabic: 'السيد', role: 'honorific', note: '"mister", or a descendant of the Prophet' },
  { latin: ['cherif', 'sharif', 'chérif'], arabic: 'الشريف', role: 'honorific', note: 'noble descent; also a family name' },
  { latin: ['ait', 'aït', 'ayt'], arabic: 'آيت', role: 'tribal', note: 'Amazigh "people of": Ait Ali, Aït Ahmed' },
  { latin: ['oulad', 'ouled', 'awlad'], arabic: 'أولاد', role: 'tribal', note: '"sons of", tribe and place names' },
  { latin: ['beni', 'bani', 'banu'], arabic: 'بني', role: 'tribal', note: '"sons of", tribe names: Beni Mellal' },
  { latin: ['ahl', 'ehel'], arabic: 'أهل', role: 'tribal', note: 'Mauritanian "family of": Ahl Cheikh' },
  { latin: ['mohand', 'mhand'], arabic: 'محند', role: 'honorific', note: 'Kabyle and Riffian form of Mohamed, often a first element' },
  { latin: ['hadj', 'hadji'], arabic: 'حاج', role: 'honorific', note: 'short form of el hadj, glued in family names: Hadji, Belhadj' },
  { latin: ['lal', 'la'], arabic: 'لا', role: 'article', note: 'Maghrebi article assimilated into family names: Lamrani (= El Amrani), Laaroussi' },
];

// ---------------------------------------------------------------------------
// Corpus index

interface Pair {
  latin: string;
  arabic: string;
  count: number;
}

interface Corpus {
  byLatin: Map<string, Pair>;
  byArabic: Map<string, Pair[]>;
  /** Diacritic-folded Latin → pairs (`aicha`, `aïcha`). */
  byFolded: Map<string, Pair[]>;
}

const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

function indexCorpus(text: string): Corpus {
  const byLatin = new Map<string, Pair>();
  const byArabic = new Map<string, Pair[]>();
  const byFolded = new Map<string, Pair[]>();
  for (const line of text.split('\n')) {
    const [latin, letters, count] = line.split('\t');
    if (!latin || !letters || !count) continue;
    const pair = { latin, arabic: letters.replace(/ /g, ''), count: Number(count) };
    byLatin.set(latin, pair);
    push(byArabic, pair.arabic, pair);
    push(byFolded, stripMarks(latin), pair);
  }
  for (const list of byArabic.values()) list.sort((a, b) => b.count - a.count || (a.latin < b.latin ? -1 : 1));
  return { byLatin, byArabic, byFolded };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A rough consonant skeleton for comparing transliterations: digraphs to one letter,
 * soft c to s, vowels dropped after the first letter (first letter kept as a class).
 */
function skeleton(s: string): string {
  let t = stripMarks(s).toLowerCase().replace(/[^a-z]/g, '');
  t = t
    .replace(/dj/g, 'j')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/sh|ch/g, 's')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'u');
  const first = /[aeiouy]/.test(t[0] ?? '') ? 'V' : (t[0] ?? '');
  const rest = t.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  return first + rest;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Whether `variant` plausibly spells the same name as `key` rather than being alignment noise. */
export function isPlausibleVariant(key: string, variant: string): boolean {
  if (!/^[a-zàâäçéèêëîïôöûüñ][a-z'àâäçéèêëîïôöûüñ-]*$/.test(variant)) return false;
  if (Math.abs(variant.length - key.length) > 3) return false;
  const a = skeleton(key);
  const b = skeleton(variant);
  if (a[0] !== b[0]) return false;
  return levenshtein(a, b) <= (a.length <= 4 ? 1 : 2);
}

const MIN_VARIANT_COUNT = 2;

/** Hamza seats, ta marbuta and alef maqsura folded, to compare two Arabic spellings. */
const foldArabic = (s: string) => s.replace(/[أإآ]/g, 'ا').replace(/[ئؤ]/g, 'ي').replace(/ة/g, 'ه').replace(/ى/g, 'ي');

const capitalise = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/** Latin spellings sharing the key's Arabic token, noise filtered out, most frequent first. */
function variantsOf(corpus: Corpus, key: string, arabic: string): Pair[] {
  const seen = new Set([stripMarks(key)]);
  const out: Pair[] = [];
  for (const p of corpus.byArabic.get(arabic) ?? []) {
    const folded = stripMarks(p.latin);
    if (p.count < MIN_VARIANT_COUNT || seen.has(folded) || BAD_ALIGNMENTS.has(p.latin) || NOT_TRANSLITERATIONS.has(p.latin)) continue;
    if (!isPlausibleVariant(key, p.latin)) continue;
    seen.add(folded);
    out.push(p);
  }
  return out;
}

function lookup(corpus: Corpus, token: string): Pair | undefined {
  if (BAD_ALIGNMENTS.has(token)) return undefined;
  return corpus.byLatin.get(token) ?? corpus.byLatin.get(stripMarks(token));
}

const ARTICLE = /^(El |Al-)/;
const withArticle = (arabic: string) => (arabic.startsWith('ال') ? arabic : `ال${arabic}`);

function simpleEntry(corpus: Corpus, display: string): Omit<NameEntry, 'part' | 'gender' | 'countries'> | undefined {
  const article = ARTICLE.exec(display)?.[0];
  const token = display.slice(article?.length ?? 0).toLowerCase();
  const pair = lookup(corpus, token);
  if (!pair) return undefined;
  const arabic = article ? withArticle(pair.arabic) : pair.arabic;
  const variants = variantsOf(corpus, token, pair.arabic);
  const arabicVariants = [
    ...new Set(
      (corpus.byFolded.get(stripMarks(token)) ?? [])
        .filter((p) => p.count >= MIN_VARIANT_COUNT && p.arabic !== pair.arabic && levenshtein(foldArabic(p.arabic), foldArabic(pair.arabic)) <= 1)
        .map((p) => (article ? withArticle(p.arabic) : p.arabic)),
    ),
  ];
  return {
    latin: display,
    arabic,
    arabicVariants,
    variants: variants.map((v) => (article ? `${article}${capitalise(v.latin)}` : capitalise(v.latin))),
    variantWeights: variants.map((v) => v.count),
    count: pair.count,
  };
}

/** Abdellatif → عبد اللطيف with Abd al-Latif, Abdul Latif …; Noureddine → نور الدين with Nour Eddine … */
function compoundEntry(corpus: Corpus, c: Compound): Omit<NameEntry, 'part' | 'gender' | 'countries'> | undefined {
  const pair = lookup(corpus, c.key);
  if (!pair) return undefined;
  const second = [c.key, ...variantsOf(corpus, c.key, pair.arabic).map((v) => v.latin)].map(capitalise);
  let arabic: string;
  let forms: string[];
  if (c.kind === 'abd') {
    const abdArabic = lookup(corpus, 'abd')?.arabic ?? 'عبد';
    arabic = `${abdArabic} ${withArticle(pair.arabic)}`;
    const x = second[0];
    forms = c.key === 'allah' ? ['Abdallah', 'Abdullah', 'Abdellah', 'Abd Allah'] : [`Abd al-${x}`, `Abdul ${second[second.length > 1 ? 1 : 0]}`, `Abdel ${x}`, `Abd el-${x}`, `Abdel${x.toLowerCase()}`];
  } else {
    const dinArabic = lookup(corpus, 'eddine')?.arabic ?? 'الدين';
    arabic = `${pair.arabic} ${dinArabic}`;
    const x = second[0];
    forms = [`${x} Eddine`, `${x}-Eddine`, `${x} ed-Din`, `${x}uddin`, `${second[second.length > 1 ? 1 : 0]} al-Din`];
  }
  const variants = [...new Set(forms)].filter((f) => f !== c.display);
  return { latin: c.display, arabic, arabicVariants: [], variants, variantWeights: variants.map(() => 1), count: pair.count };
}

// ---------------------------------------------------------------------------

export const DEFAULT_NAME_FILE = 'fixtures/wikidata-en-ar-person-name-tokens.tsv';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cache = new Map<string, NameKnowledge>();

/** Reads the corpus once per path and derives the name knowledge (cached). */
export function loadNamePairs(path = DEFAULT_NAME_FILE): NameKnowledge {
  const full = isAbsolute(path) ? path : resolve(REPO_ROOT, path);
  const cached = cache.get(full);
  if (cached) return cached;
  const knowledge = buildKnowledge(indexCorpus(readFileSync(full, 'utf8')));
  cache.set(full, knowledge);
  return knowledge;
}

function buildKnowledge(corpus: Corpus): NameKnowledge {
  const entries = new Map<string, NameEntry>();
  const missing = new Set<string>();
  for (const group of CURATED) {
    const countries = group.countries.split(' ');
    const lists: Array<[Spec[] | undefined, NamePart, Gender | undefined]> = [
      [group.male, 'given', 'male'],
      [group.female, 'given', 'female'],
      [group.family, 'family', undefined],
    ];
    for (const [specs, part, gender] of lists) {
      for (const spec of specs ?? []) {
        const display = typeof spec === 'string' ? spec : spec.display;
        const id = `${part}:${gender ?? ''}:${display}`;
        const existing = entries.get(id);
        if (existing) {
          for (const c of countries) if (!existing.countries.includes(c)) existing.countries.push(c);
          continue;
        }
        const base = typeof spec === 'string' ? simpleEntry(corpus, spec) : compoundEntry(corpus, spec);
        if (!base) {
          missing.add(display);
          continue;
        }
        entries.set(id, { ...base, part, gender, countries: [...countries] });
      }
    }
  }
  const european: LatinName[] = [];
  for (const group of EUROPEAN) {
    const countries = group.countries.split(' ');
    for (const latin of group.male ?? []) european.push({ latin, part: 'given', gender: 'male', countries });
    for (const latin of group.female ?? []) european.push({ latin, part: 'given', gender: 'female', countries });
    for (const latin of group.family ?? []) european.push({ latin, part: 'family', countries });
  }
  return { arabicOrigin: [...entries.values()], european, particles: ARABIC_PARTICLES, missing: [...missing] };
}
