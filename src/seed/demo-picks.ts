/**
 * Persons of the demo records chosen for the modules' demo stories (the subject of a notice, a
 * traveller screened at the border), read from the same deterministic stream the seeder imported,
 * so that a story's subject carries the names, date of birth and passport of a record the desk
 * shows. Pure: the same scale and seed give the same picks.
 */
import type { TlpLevel } from '../core/handling.ts';
import type { DocumentData, PersonData } from '../records/record.ts';
import { type DemoScale, demoRecords } from './demo.ts';

export interface PersonWant {
  /** The story's name for the person. */
  key: string;
  /** The first nationality, ISO 3166-1 alpha-3. */
  nationality: string;
  gender?: 'male' | 'female';
  /** A full date of birth (a red or yellow notice needs one for its subject). */
  fullBirthDate?: boolean;
  /** Born in or after this year. */
  bornFrom?: number;
  /** With (true) or without (false) a name in Arabic script. */
  arabic?: boolean;
  /** With a name in Latin script (what a passport's machine-readable zone carries). */
  latin?: boolean;
  /** Holds a passport (screened by its number or its MRZ). */
  passport?: boolean;
}

export interface DemoPerson {
  externalId: string;
  data: PersonData;
  ownerAgencyCode: string;
  tlp: TlpLevel;
  passport?: DocumentData;
}

function accepts(w: PersonWant, p: PersonData, passport: DocumentData | undefined): boolean {
  const born = p.birthDates?.[0];
  if (p.nationalities?.[0] !== w.nationality) return false;
  if (w.gender && p.gender !== w.gender) return false;
  if (w.fullBirthDate && born?.length !== 10) return false;
  if (w.bornFrom !== undefined && !(born && Number(born.slice(0, 4)) >= w.bornFrom)) return false;
  if (w.arabic !== undefined && p.names.some((n) => n.script === 'Arab') !== w.arabic) return false;
  if (w.latin && !p.names.some((n) => n.script === 'Latn')) return false;
  if (w.passport && !passport) return false;
  return true;
}

/**
 * The first person of the stream each want accepts, a person going to one want only. Wants no
 * person meets (a scale too small) are missing from the answer.
 */
export function pickDemoPersons(scale: DemoScale, wants: readonly PersonWant[], seed?: number): Map<string, DemoPerson> {
  const out = new Map<string, DemoPerson>();
  const open = [...wants];
  // documents come just before their holder in the stream
  const documents = new Map<string, DocumentData>();
  for (const item of demoRecords(scale, seed)) {
    if (open.length === 0) break;
    if (item.kind === 'document') documents.set(item.externalId, item.data as DocumentData);
    if (item.kind !== 'person') continue;
    const data = item.data as PersonData;
    const held = (item.links ?? []).filter((l) => l.type === 'holder_of').map((l) => documents.get(l.toExternalId));
    const passport = held.find((d) => d?.type === 'passport');
    documents.clear();
    const i = open.findIndex((w) => accepts(w, data, passport));
    if (i < 0) continue;
    const [w] = open.splice(i, 1);
    out.set(w.key, { externalId: item.externalId, data, ownerAgencyCode: item.ownerAgencyCode!, tlp: item.tlp!, ...(passport ? { passport } : {}) });
  }
  return out;
}
