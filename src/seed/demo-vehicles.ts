/**
 * Vehicles: makes and models by market (Morocco, Europe, the Sahel, the United States), colours,
 * statuses, plates in each country's format (Moroccan plates carry an Arabic series letter:
 * 12345-أ-6) and VINs with a valid check digit. Pure and seeded.
 */
import type { VehicleData } from '../records/record.ts';
import { LETTERS, serial } from './demo-documents.ts';
import { type Random, WeightedTable } from './random.ts';

interface Make {
  make: string;
  wmi: string[];
  models: string[];
}

const MAKES: Record<string, Make> = {
  dacia: { make: 'Dacia', wmi: ['UU1'], models: ['Logan', 'Sandero', 'Duster', 'Dokker'] },
  renault: { make: 'Renault', wmi: ['VF1'], models: ['Clio', 'Mégane', 'Kangoo', 'Master'] },
  peugeot: { make: 'Peugeot', wmi: ['VF3'], models: ['208', '301', '308', 'Partner', 'Boxer'] },
  citroen: { make: 'Citroën', wmi: ['VF7'], models: ['C3', 'C-Elysée', 'Berlingo', 'Jumper'] },
  vw: { make: 'Volkswagen', wmi: ['WVW'], models: ['Golf', 'Passat', 'Touareg', 'Polo'] },
  mercedes: { make: 'Mercedes-Benz', wmi: ['WDB', 'WDD'], models: ['C-Class', 'E-Class', 'Sprinter', 'Vito'] },
  bmw: { make: 'BMW', wmi: ['WBA'], models: ['3 Series', '5 Series', 'X5'] },
  audi: { make: 'Audi', wmi: ['WAU'], models: ['A4', 'A6', 'Q7'] },
  toyota: { make: 'Toyota', wmi: ['JTD', 'JTE', 'JTM'], models: ['Land Cruiser', 'Hilux', 'Corolla', 'Yaris', 'RAV4'] },
  hyundai: { make: 'Hyundai', wmi: ['KMH'], models: ['Accent', 'i10', 'Tucson'] },
  kia: { make: 'Kia', wmi: ['KNA'], models: ['Picanto', 'Sportage', 'Rio'] },
  fiat: { make: 'Fiat', wmi: ['ZFA'], models: ['Uno', 'Punto', 'Doblò', 'Panda'] },
  seat: { make: 'SEAT', wmi: ['VSS'], models: ['Ibiza', 'León'] },
  ford: { make: 'Ford', wmi: ['WF0'], models: ['Transit', 'Focus', 'Fiesta'] },
  landrover: { make: 'Land Rover', wmi: ['SAL'], models: ['Range Rover', 'Defender', 'Discovery'] },
  nissan: { make: 'Nissan', wmi: ['SJN', 'JN1'], models: ['Qashqai', 'Navara', 'Patrol'] },
  fordus: { make: 'Ford', wmi: ['1FT'], models: ['F-150', 'Explorer'] },
  chevrolet: { make: 'Chevrolet', wmi: ['1GC'], models: ['Silverado', 'Tahoe'] },
  toyotaus: { make: 'Toyota', wmi: ['4T1'], models: ['Camry', 'Corolla'] },
  honda: { make: 'Honda', wmi: ['1HG'], models: ['Accord', 'Civic'] },
  jeep: { make: 'Jeep', wmi: ['1C4'], models: ['Grand Cherokee', 'Wrangler'] },
};

const makeTable = (weights: Record<string, number>) => new WeightedTable(Object.keys(weights).map((k) => MAKES[k]), Object.values(weights));
export const MAKES_BY_MARKET = {
  MAR: makeTable({ dacia: 20, renault: 12, peugeot: 12, citroen: 6, vw: 8, mercedes: 10, toyota: 6, hyundai: 8, kia: 5, fiat: 5, ford: 3, bmw: 2, audi: 2, landrover: 1, nissan: 2, seat: 2 }),
  EU: makeTable({ renault: 10, peugeot: 10, citroen: 6, vw: 12, mercedes: 8, bmw: 7, audi: 7, seat: 6, fiat: 6, ford: 6, toyota: 5, dacia: 5, landrover: 3, hyundai: 4, kia: 4, nissan: 3 }),
  SAHEL: makeTable({ toyota: 30, peugeot: 10, hyundai: 8, nissan: 8, mercedes: 8, renault: 6, kia: 5, ford: 5, landrover: 3 }),
  US: makeTable({ fordus: 10, chevrolet: 8, toyotaus: 8, honda: 7, jeep: 5 }),
};

export const COLOURS = ['white', 'black', 'grey', 'silver', 'blue', 'red', 'beige', 'green', 'brown'];
export const COLOUR_WEIGHTS = [30, 18, 16, 12, 8, 7, 4, 3, 2];

const VIN_VALUE: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
/** Model-year codes 2005–2024 (ISO 3779 skips I, O, Q, U, Z and 0). */
const MODEL_YEARS = [...'56789ABCDEFGHJKLMNPR'];

/** A 17-character VIN with a valid check digit (position 9, North American rule). */
export function makeVin(r: Random, wmi: string, counter: number): string {
  const body = wmi + r.chars(VIN_CHARS, 5) + '0' + r.pick(MODEL_YEARS) + r.chars(VIN_CHARS, 1) + serial(counter, 6);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = body[i];
    sum += (ch >= '0' && ch <= '9' ? Number(ch) : VIN_VALUE[ch]) * VIN_WEIGHTS[i];
  }
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return body.slice(0, 8) + check + body.slice(9);
}

export const MOROCCAN_PLATE_LETTERS = ['أ', 'ب', 'د', 'ه', 'و', 'ط'];
const SENEGAL_REGIONS = ['DK', 'TH', 'SL', 'ZG', 'KL', 'LG', 'DB', 'FK', 'KD', 'MT', 'TC', 'KF'];
const ES_LETTERS = 'BCDFGHJKLMNPRSTVWXYZ';
const FR_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';
const NL_LETTERS = 'BDFGHJKLNPRSTVXZ';

type PlateFormat = (r: Random, n: number) => string;

export const PLATES: Record<string, { format: PlateFormat; market: keyof typeof MAKES_BY_MARKET }> = {
  // registration number, series letter, prefecture code: 12345-أ-6
  MAR: { format: (r, n) => `${(Number(serial(n, 5)) % 99999) + 1}-${r.pick(MOROCCAN_PLATE_LETTERS)}-${r.int(1, 89)}`, market: 'MAR' },
  ESP: { format: (r, n) => `${serial(n, 4)} ${r.chars(ES_LETTERS, 3)}`, market: 'EU' },
  FRA: { format: (r, n) => `${r.chars(FR_LETTERS, 2)}-${serial(n, 3)}-${r.chars(FR_LETTERS, 2)}`, market: 'EU' },
  SEN: { format: (r, n) => `${r.pick(SENEGAL_REGIONS)}-${serial(n, 4)}-${r.chars(LETTERS, r.chance(0.6) ? 1 : 2)}`, market: 'SAHEL' },
  BEL: { format: (r, n) => `${r.int(1, 2)}-${r.chars(FR_LETTERS, 3)}-${serial(n, 3)}`, market: 'EU' },
  NLD: { format: (r, n) => `${r.chars(NL_LETTERS, 1)}-${serial(n, 3)}-${r.chars(NL_LETTERS, 2)}`, market: 'EU' },
  ITA: { format: (r, n) => `${r.chars(FR_LETTERS, 2)} ${serial(n, 3)} ${r.chars(FR_LETTERS, 2)}`, market: 'EU' },
  USA: { format: (r, n) => `${r.int(1, 9)}${r.chars(FR_LETTERS, 3)}${serial(n, 3)}`, market: 'US' },
};

export const VEHICLE_STATUSES: VehicleData['status'][] = ['stolen', 'wanted', 'seized', 'ok'];
export const VEHICLE_STATUS_WEIGHTS = [55, 30, 10, 5];
