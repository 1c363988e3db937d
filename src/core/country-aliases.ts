/**
 * Country names as lists write them that i18n-iso-countries does not hold (UN formal names,
 * adjectival forms, common short forms in English, French, Spanish and Arabic), and the
 * formerly used codes of ISO 3166-3 with what each country is today where that is defined.
 * Read through countries.ts, which folds case, accents, punctuation and Arabic letter forms:
 * spelling variants of one name need no entry of their own.
 */

/** Today's countries by alpha-3. Names of the form "Republic of X" need no entry (stripped). */
export const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  AFG: ['Islamic Emirate of Afghanistan'],
  ARE: ['Emirates', 'الإمارات', 'دولة الإمارات العربية المتحدة'],
  ARG: ['Argentine Republic'],
  BHR: ['مملكة البحرين'],
  BHS: ['The Bahamas', 'Commonwealth of The Bahamas'],
  BIH: ['Bosnia', 'Bosnia-Herzegovina', 'Bosnie-Herzégovine'],
  BOL: ['Plurinational State of Bolivia', 'Bolivia (Plurinational State of)', 'Estado Plurinacional de Bolivia'],
  BRN: ['Brunei', 'Brunéi', 'Negara Brunei Darussalam', 'بروناي دار السلام'],
  CHE: ['Swiss Confederation', 'Confédération suisse'],
  CIV: ['Ivory Coast', "Côte d'Ivoire", 'Cote dIvoire', 'ساحل العاج', 'كوت ديفوار'],
  COD: ['Democratic Republic of Congo', 'DR Congo', 'D.R. Congo', 'DRC', 'Congo-Kinshasa', 'Congo, Democratic Republic of the', 'RDC', 'République démocratique du Congo', 'República Democrática del Congo', 'الكونغو الديمقراطية'],
  COG: ['Congo', 'Republic of Congo', 'Congo-Brazzaville', 'Congo, Republic of the', 'République du Congo', 'República del Congo', 'الكونغو'],
  CPV: ['Cabo Verde', 'Cape Verde', 'Republic of Cabo Verde'],
  CZE: ['Czechia', 'Czech Republic', 'Tchéquie', 'Chequia'],
  DEU: ['West Germany', 'Federal Republic of Germany', 'FRG', 'BRD', 'République fédérale d’Allemagne', 'RFA', 'Alemania Occidental'],
  DZA: ["People's Democratic Republic of Algeria", 'République algérienne démocratique et populaire', 'الجمهورية الجزائرية الديمقراطية الشعبية', 'الجمهورية الجزائرية'],
  EGY: ['Arab Republic of Egypt', 'جمهورية مصر العربية'],
  ESP: ['Kingdom of Spain'],
  FRA: ['French Republic', 'République française'],
  FSM: ['Micronesia', 'Federated States of Micronesia', 'Micronesia (Federated States of)'],
  GAB: ['Gabonese Republic'],
  GBR: [
    'United Kingdom of Great Britain and Northern Ireland',
    'UK',
    'U.K.',
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    'Grande-Bretagne',
    'Reino Unido de Gran Bretaña e Irlanda del Norte',
    'Gran Bretaña',
    'المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية',
    'بريطانيا',
  ],
  GMB: ['Gambia', 'The Gambia'],
  GRC: ['Hellenic Republic', 'République hellénique', 'República Helénica'],
  GUY: ['Co-operative Republic of Guyana', 'Cooperative Republic of Guyana'],
  HKG: ['Hong Kong SAR', 'China, Hong Kong Special Administrative Region', 'Hong Kong Special Administrative Region of China'],
  IRN: ['Iran', 'Iran (Islamic Republic of)', 'Persia'],
  ITA: ['Italian Republic'],
  JOR: ['Hashemite Kingdom of Jordan', 'Royaume hachémite de Jordanie', 'Reino Hachemita de Jordania', 'المملكة الأردنية الهاشمية'],
  KGZ: ['Kyrgyz Republic', 'Kirghizia', 'Kirghizstan'],
  KNA: ['St Kitts and Nevis', 'Saint Christopher and Nevis'],
  KOR: ['South Korea', 'Korea, South', 'Korea (the Republic of)', 'Corée du Sud', 'Corea del Sur', 'كوريا الجنوبية'],
  KWT: ['State of Kuwait', 'دولة الكويت'],
  LAO: ['Laos', "Lao People's Democratic Republic", 'Lao PDR', 'République démocratique populaire lao', 'República Democrática Popular Lao', 'جمهورية لاو الديمقراطية الشعبية'],
  LBN: ['Lebanese Republic', 'République libanaise', 'الجمهورية اللبنانية'],
  LBY: ['State of Libya', 'Libyan Arab Jamahiriya', "Great Socialist People's Libyan Arab Jamahiriya", 'Jamahiriya arabe libyenne', 'دولة ليبيا'],
  MAR: ['Kingdom of Morocco', 'Royaume du Maroc', 'Reino de Marruecos', 'المملكة المغربية'],
  MDA: ['Moldova', 'Republic of Moldova', 'Moldavia'],
  MEX: ['United Mexican States', 'Estados Unidos Mexicanos'],
  MKD: ['Macedonia', 'North Macedonia', 'The former Yugoslav Republic of Macedonia', 'Former Yugoslav Republic of Macedonia', 'FYROM', "l'ex-République yougoslave de Macédoine", 'Macédoine', 'ex República Yugoslava de Macedonia'],
  MMR: ['Burma', 'Republic of the Union of Myanmar', 'Birmanie', 'Birmania', 'ميانمار'],
  MRT: ['Islamic Republic of Mauritania', 'الجمهورية الإسلامية الموريتانية'],
  NLD: ['Holland', 'Kingdom of the Netherlands', 'Netherlands (Kingdom of the)', 'Hollande', 'Holanda'],
  OMN: ['Sultanate of Oman', 'سلطنة عمان', 'سلطنة عُمان'],
  PRK: ["Democratic People's Republic of Korea", 'North Korea', 'DPRK', 'Korea, North', "Korea (the Democratic People's Republic of)", 'République populaire démocratique de Corée', 'Corée du Nord', 'Corea del Norte', 'جمهورية كوريا الشعبية الديمقراطية', 'كوريا الشمالية'],
  PRT: ['Portuguese Republic'],
  PSE: ['Palestine', 'State of Palestine', 'Occupied Palestinian Territory', 'Palestinian Territories', 'Palestinian Territory', 'État de Palestine', 'Estado de Palestina', 'دولة فلسطين'],
  QAT: ['State of Qatar', 'دولة قطر'],
  ROU: ['ROM', 'Roumanie', 'Rumania', 'Rumanía'],
  RUS: ['Russia', 'Fédération de Russie', 'Federación de Rusia', 'روسيا الاتحادية', 'الاتحاد الروسي'],
  SAU: ['KSA', 'Kingdom of Saudi Arabia', 'Royaume d’Arabie saoudite', 'Reino de Arabia Saudita', 'المملكة العربية السعودية'],
  SDN: ['Republic of the Sudan', 'The Sudan', 'جمهورية السودان'],
  SLV: ['El Salvador'],
  SOM: ['Federal Republic of Somalia', 'جمهورية الصومال الفيدرالية'],
  SVK: ['Slovak Republic', 'République slovaque', 'República Eslovaca'],
  SWZ: ['Swaziland', 'Kingdom of Eswatini', 'Eswatini', 'Swaziland (Kingdom of)', 'إسواتيني'],
  SYR: ['Syria', 'Syrian Arab Republic', 'République arabe syrienne', 'República Árabe Siria', 'Siria', 'الجمهورية العربية السورية', 'سورية'],
  TGO: ['Togolese Republic', 'République togolaise'],
  TLS: ['East Timor', 'Timor Leste', 'Timor-Leste', 'Democratic Republic of Timor-Leste', 'Timor oriental', 'Timor Oriental', 'تيمور الشرقية', 'تيمور - ليشتي'],
  TUN: ['Tunisian Republic', 'République tunisienne', 'República Tunecina', 'الجمهورية التونسية'],
  TUR: ['Turkey', 'Türkiye', 'Republic of Türkiye', 'Turquie', 'Turquía', 'تركيا'],
  TWN: ['Taiwan', 'Republic of China', 'Chinese Taipei', 'Taiwan, Province of China'],
  TZA: ['Tanzania', 'United Republic of Tanzania'],
  URY: ['Oriental Republic of Uruguay', 'República Oriental del Uruguay'],
  USA: ['United States', 'U.S.', 'U.S.A.', 'America', 'États-Unis', 'Estados Unidos de América', 'EE.UU.', 'الولايات المتحدة الأمريكية'],
  VAT: ['Holy See', 'Vatican', 'Vatican City', 'Vatican City State', 'Saint-Siège', 'Santa Sede', 'الكرسي الرسولي'],
  VEN: ['Venezuela', 'Bolivarian Republic of Venezuela', 'Venezuela (Bolivarian Republic of)', 'República Bolivariana de Venezuela'],
  VGB: ['British Virgin Islands', 'Virgin Islands, British', 'BVI'],
  VIR: ['United States Virgin Islands', 'US Virgin Islands', 'Virgin Islands, U.S.'],
  VNM: ['Viet Nam', 'Socialist Republic of Viet Nam', 'Socialist Republic of Vietnam', 'Viêt Nam'],
  XKX: ['Kosovo', 'Republic of Kosovo', 'Kosova', 'كوسوفو'],
  YEM: ['Republic of Yemen', 'الجمهورية اليمنية'],
};

/**
 * A country that no longer exists, from ISO 3166-3 (formerly used codes). `today` when one
 * country of today is what it became; otherwise `successors`, and a value naming it says
 * nothing about a person's nationality today. A former alpha-2 code that ISO has given to
 * another country since (AI, BQ, GE, SK …) is left out: it means the new country.
 */
export interface FormerCountry {
  alpha2?: string;
  alpha3?: string;
  name: string;
  names: readonly string[];
  today?: string;
  successors?: readonly string[];
}

export const FORMER_COUNTRIES: readonly FormerCountry[] = [
  {
    alpha2: 'SU',
    alpha3: 'SUN',
    name: 'USSR',
    names: ['Soviet Union', 'USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics', 'Union soviétique', 'URSS', 'Union des républiques socialistes soviétiques', 'Unión Soviética', 'Unión de Repúblicas Socialistas Soviéticas', 'الاتحاد السوفيتي', 'الاتحاد السوفييتي'],
    successors: ['ARM', 'AZE', 'BLR', 'EST', 'GEO', 'KAZ', 'KGZ', 'LVA', 'LTU', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'],
  },
  {
    alpha2: 'YU',
    alpha3: 'YUG',
    name: 'Yugoslavia',
    names: ['Yugoslavia', 'Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia', 'SFRY', 'FRY', 'Yougoslavie', 'يوغوسلافيا', 'يوغسلافيا'],
    successors: ['BIH', 'HRV', 'MKD', 'MNE', 'SRB', 'SVN', 'XKX'],
  },
  // CS stood for Czechoslovakia until 1993, then for Serbia and Montenegro (2003–2006)
  { alpha2: 'CS', name: 'Czechoslovakia or Serbia and Montenegro', names: [], successors: ['CZE', 'SVK', 'SRB', 'MNE'] },
  { alpha3: 'CSK', name: 'Czechoslovakia', names: ['Czechoslovakia', 'Czechoslovak Socialist Republic', 'Czech and Slovak Federative Republic', 'Tchécoslovaquie', 'Checoslovaquia', 'تشيكوسلوفاكيا'], successors: ['CZE', 'SVK'] },
  { alpha3: 'SCG', name: 'Serbia and Montenegro', names: ['Serbia and Montenegro', 'State Union of Serbia and Montenegro', 'Serbie-et-Monténégro', 'Serbia y Montenegro', 'صربيا والجبل الأسود'], successors: ['SRB', 'MNE', 'XKX'] },
  { alpha2: 'AN', alpha3: 'ANT', name: 'Netherlands Antilles', names: ['Netherlands Antilles', 'Antilles néerlandaises', 'Antillas Neerlandesas', 'جزر الأنتيل الهولندية'], successors: ['BES', 'CUW', 'SXM'] },
  { alpha2: 'NT', alpha3: 'NTZ', name: 'Neutral Zone', names: ['Neutral Zone'], successors: ['IRQ', 'SAU'] },
  { alpha2: 'PC', alpha3: 'PCI', name: 'Trust Territory of the Pacific Islands', names: ['Trust Territory of the Pacific Islands', 'Pacific Islands, Trust Territory of the'], successors: ['FSM', 'MHL', 'MNP', 'PLW'] },
  { alpha3: 'GEL', name: 'Gilbert and Ellice Islands', names: ['Gilbert and Ellice Islands'], successors: ['KIR', 'TUV'] },
  { alpha2: 'FQ', name: 'French Southern and Antarctic Territories', names: ['French Southern and Antarctic Territories'], successors: ['ATA', 'ATF'] },
  {
    alpha2: 'DD',
    alpha3: 'DDR',
    name: 'German Democratic Republic',
    names: ['German Democratic Republic', 'East Germany', 'GDR', 'République démocratique allemande', 'RDA', "Allemagne de l'Est", 'República Democrática Alemana', 'Alemania Oriental', 'Alemania del Este', 'ألمانيا الشرقية', 'جمهورية ألمانيا الديمقراطية'],
    today: 'DEU',
  },
  { alpha2: 'ZR', alpha3: 'ZAR', name: 'Zaire', names: ['Zaire', 'Republic of Zaire', 'Zaïre', 'زائير'], today: 'COD' },
  { alpha2: 'TP', alpha3: 'TMP', name: 'East Timor', names: [], today: 'TLS' },
  { alpha2: 'BU', alpha3: 'BUR', name: 'Burma', names: [], today: 'MMR' },
  { alpha2: 'DY', alpha3: 'DHY', name: 'Dahomey', names: ['Dahomey'], today: 'BEN' },
  { alpha2: 'HV', alpha3: 'HVO', name: 'Upper Volta', names: ['Upper Volta', 'Haute-Volta', 'Alto Volta'], today: 'BFA' },
  { alpha2: 'RH', alpha3: 'RHO', name: 'Southern Rhodesia', names: ['Southern Rhodesia', 'Rhodesia', 'Rhodésie', 'Rhodésie du Sud', 'Rodesia'], today: 'ZWE' },
  { alpha2: 'VD', alpha3: 'VDR', name: 'North Vietnam', names: ['North Vietnam', 'North Viet Nam', 'Democratic Republic of Vietnam', 'Viet-Nam, Democratic Republic of'], today: 'VNM' },
  { alpha2: 'YD', alpha3: 'YMD', name: 'South Yemen', names: ['South Yemen', "People's Democratic Republic of Yemen", 'Yemen, Democratic', 'اليمن الجنوبي', 'اليمن الديمقراطية'], today: 'YEM' },
  { alpha2: 'NH', alpha3: 'NHB', name: 'New Hebrides', names: ['New Hebrides', 'Nouvelles-Hébrides'], today: 'VUT' },
  { alpha2: 'FX', alpha3: 'FXX', name: 'France, Metropolitan', names: ['France, Metropolitan', 'Metropolitan France', 'France métropolitaine'], today: 'FRA' },
  { alpha2: 'PZ', alpha3: 'PCZ', name: 'Panama Canal Zone', names: ['Panama Canal Zone', 'Canal Zone'], today: 'PAN' },
  { alpha2: 'CT', alpha3: 'CTE', name: 'Canton and Enderbury Islands', names: ['Canton and Enderbury Islands'], today: 'KIR' },
  { alpha2: 'JT', alpha3: 'JTN', name: 'Johnston Island', names: ['Johnston Island'], today: 'UMI' },
  { alpha2: 'MI', alpha3: 'MID', name: 'Midway Islands', names: ['Midway Islands'], today: 'UMI' },
  { alpha2: 'WK', alpha3: 'WAK', name: 'Wake Island', names: ['Wake Island'], today: 'UMI' },
  { alpha2: 'PU', alpha3: 'PUS', name: 'United States Miscellaneous Pacific Islands', names: ['United States Miscellaneous Pacific Islands'], today: 'UMI' },
  { alpha2: 'NQ', alpha3: 'ATN', name: 'Dronning Maud Land', names: ['Dronning Maud Land', 'Queen Maud Land'], today: 'ATA' },
  { alpha3: 'ATB', name: 'British Antarctic Territory', names: ['British Antarctic Territory'], today: 'ATA' },
  { alpha3: 'AFI', name: 'French Afars and Issas', names: ['French Afars and Issas', 'French Territory of the Afars and the Issas', 'Territoire français des Afars et des Issas'], today: 'DJI' },
  { alpha3: 'SKM', name: 'Sikkim', names: ['Sikkim'], today: 'IND' },
  { alpha2: 'BY', alpha3: 'BYS', name: 'Byelorussian SSR', names: ['Byelorussian SSR', 'Byelorussian Soviet Socialist Republic', 'Byelorussia', 'Belorussia'], today: 'BLR' },
];
