/**
 * ISO 3166-1 alpha-3 → alpha-2 for the countries the hub deals with, so that
 * Intl.DisplayNames (which wants alpha-2 regions) can name them in any language.
 * XKX is the user-assigned code INTERPOL and ICAO use for Kosovo (alpha-2 XK).
 */
const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  AFG: 'AF', AGO: 'AO', ALB: 'AL', AND: 'AD', ARE: 'AE', ARG: 'AR', ARM: 'AM', AUS: 'AU', AUT: 'AT', AZE: 'AZ',
  BDI: 'BI', BEL: 'BE', BEN: 'BJ', BFA: 'BF', BGD: 'BD', BGR: 'BG', BHR: 'BH', BIH: 'BA', BLR: 'BY', BRA: 'BR',
  BWA: 'BW', CAF: 'CF', CAN: 'CA', CHE: 'CH', CHL: 'CL', CHN: 'CN', CIV: 'CI', CMR: 'CM', COD: 'CD', COG: 'CG',
  COL: 'CO', COM: 'KM', CPV: 'CV', CUB: 'CU', CYP: 'CY', CZE: 'CZ', DEU: 'DE', DJI: 'DJ', DNK: 'DK', DZA: 'DZ',
  ECU: 'EC', EGY: 'EG', ERI: 'ER', ESP: 'ES', EST: 'EE', ETH: 'ET', FIN: 'FI', FRA: 'FR', GAB: 'GA', GBR: 'GB',
  GEO: 'GE', GHA: 'GH', GIN: 'GN', GMB: 'GM', GNB: 'GW', GNQ: 'GQ', GRC: 'GR', HRV: 'HR', HUN: 'HU', IDN: 'ID',
  IND: 'IN', IRL: 'IE', IRN: 'IR', IRQ: 'IQ', ISL: 'IS', ISR: 'IL', ITA: 'IT', JOR: 'JO', JPN: 'JP', KAZ: 'KZ',
  KEN: 'KE', KGZ: 'KG', KOR: 'KR', KWT: 'KW', LBN: 'LB', LBR: 'LR', LBY: 'LY', LKA: 'LK', LTU: 'LT', LUX: 'LU',
  LVA: 'LV', MAR: 'MA', MCO: 'MC', MDA: 'MD', MDG: 'MG', MEX: 'MX', MKD: 'MK', MLI: 'ML', MLT: 'MT', MNE: 'ME',
  MOZ: 'MZ', MRT: 'MR', MWI: 'MW', MYS: 'MY', NAM: 'NA', NER: 'NE', NGA: 'NG', NLD: 'NL', NOR: 'NO', NPL: 'NP',
  NZL: 'NZ', OMN: 'OM', PAK: 'PK', PER: 'PE', PHL: 'PH', POL: 'PL', PRK: 'KP', PRT: 'PT', PSE: 'PS', QAT: 'QA',
  ROU: 'RO', RUS: 'RU', RWA: 'RW', SAU: 'SA', SDN: 'SD', SEN: 'SN', SGP: 'SG', SLE: 'SL', SOM: 'SO', SRB: 'RS',
  SSD: 'SS', SVK: 'SK', SVN: 'SI', SWE: 'SE', SYR: 'SY', TCD: 'TD', TGO: 'TG', THA: 'TH', TJK: 'TJ', TKM: 'TM',
  TUN: 'TN', TUR: 'TR', TZA: 'TZ', UGA: 'UG', UKR: 'UA', URY: 'UY', USA: 'US', UZB: 'UZ', VEN: 'VE', VNM: 'VN',
  XKX: 'XK', YEM: 'YE', ZAF: 'ZA', ZMB: 'ZM', ZWE: 'ZW',
};

export function alpha3ToAlpha2(alpha3: string): string | undefined {
  return ALPHA3_TO_ALPHA2[alpha3.toUpperCase()];
}
