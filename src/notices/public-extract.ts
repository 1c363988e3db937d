/**
 * The public extract of a Red or Yellow notice (RPD art. 61: the owner bureau authorises what the
 * public may see). Only the fields the owner listed ever leave the server, and never those of a
 * notice restricted to named agencies.
 */
import { conflict, invalid } from '../core/errors.ts';
import type { Handling } from '../core/handling.ts';
import { NOTICE_SPECS, type NoticeContent, type NoticeType, type PublicField } from './notice.ts';

/**
 * Whether a notice is restricted to named agencies: TLP AMBER+STRICT or RED (TLP 2.0: the
 * recipients' organisation only, the named recipients only) or a list of agencies the owner
 * restricts it to. The desk asks the same question before the officer saves.
 */
export const restrictedToNamedAgencies = (h: Pick<Handling, 'tlp' | 'restrictedTo'>): boolean =>
  h.tlp === 'AMBER+STRICT' || h.tlp === 'RED' || h.restrictedTo.length > 0;

/**
 * A public extract may be authorised, or kept, only for a Red or Yellow notice that is not
 * restricted to named agencies. Checked against the notice as it will be after the request
 * (its handling as changed by the same request, its extract as kept or replaced), so that
 * neither authorising an extract nor restricting a notice that has one gets through.
 *
 * A restricted notice is refused outright (409 `public_extract_restricted`), not on an
 * acknowledgement: the extract is served to anyone without login, and a notice whose handling
 * says "these agencies only" while its extract is public would mislead every partner who relies
 * on the handling code (and the records the subject enters screening with carry the same code).
 * An owner who means the subject to be public lowers the handling first, a change of its own,
 * recorded as such.
 *
 * @example
 * checkPublicExtract({ type: 'red', tlp: 'AMBER', restrictedTo: [] }, { fields: ['names'] }); // passes
 * checkPublicExtract({ type: 'red', tlp: 'RED', restrictedTo: [] }, { fields: ['names'] }); // throws public_extract_restricted
 */
export function checkPublicExtract(n: { type: NoticeType } & Pick<Handling, 'tlp' | 'restrictedTo'>, extract: { fields: readonly PublicField[] } | null | undefined): void {
  if (!extract?.fields.length) return;
  if (!NOTICE_SPECS[n.type].publicExtract) throw invalid('public_extract_not_allowed', 'Only Red and Yellow notices may have a public extract', { type: n.type });
  if (restrictedToNamedAgencies(n)) {
    throw conflict('public_extract_restricted', 'A notice restricted to named agencies (AMBER+STRICT, RED or a list of agencies) cannot have a public extract: lower its handling first, or leave the extract out', {
      tlp: n.tlp,
      restrictedTo: n.restrictedTo.length,
    });
  }
}

export interface PublicNoticeView {
  id: string;
  type: 'red' | 'yellow';
  names?: string[];
  birthDate?: string;
  nationalities?: string[];
  gender?: string;
  placeOfBirth?: string;
  description?: string;
  charges?: string;
}

export interface PublicSummary {
  id: string;
  type: 'red' | 'yellow';
  name?: string;
  age?: number;
  nationalities?: string[];
  sex?: string;
}

interface Source {
  id: string;
  type: NoticeType;
  content: NoticeContent;
  publicExtract: { fields: PublicField[] } | null;
}

const chargesOf = (c: NoticeContent) => [c.offence.description, c.offence.lawArticle].filter((s) => s?.trim()).join(' — ') || undefined;

export function publicView(n: Source): PublicNoticeView {
  const f = new Set(n.publicExtract?.fields ?? []);
  const s = n.content.subject;
  const v: PublicNoticeView = { id: n.id, type: n.type as 'red' | 'yellow' };
  if (f.has('names') && s.names.length) v.names = s.names.map((x) => x.value);
  if (f.has('birthDate') && s.birthDate) v.birthDate = s.birthDate;
  if (f.has('nationalities') && s.nationalities?.length) v.nationalities = s.nationalities;
  if (f.has('gender') && s.gender) v.gender = s.gender;
  if (f.has('placeOfBirth') && s.placeOfBirth) v.placeOfBirth = s.placeOfBirth;
  if (f.has('description') && s.description) v.description = s.description;
  const charges = f.has('charges') ? chargesOf(n.content) : undefined;
  if (charges) v.charges = charges;
  return v;
}

/** Age in whole years on `today` (YYYY-MM-DD) from a partial date of birth; a year alone counts from 1 July. */
export function ageOn(birthDate: string, today: string): number {
  const [y, m = '07', d = '01'] = birthDate.split('-');
  const [ty, tm, td] = today.split('-');
  let age = Number(ty) - Number(y);
  if (`${tm}-${td}` < `${m}-${d}`) age--;
  return age;
}

export function publicSummary(n: Source, today: string): PublicSummary {
  const v = publicView(n);
  return {
    id: v.id,
    type: v.type,
    ...(v.names ? { name: v.names[0] } : {}),
    ...(v.birthDate ? { age: ageOn(v.birthDate, today) } : {}),
    ...(v.nationalities ? { nationalities: v.nationalities } : {}),
    ...(v.gender ? { sex: v.gender } : {}),
  };
}

/** Birth-year bounds for an age range on a given year: aged a..b means born (year-b-1)..(year-a). */
export function birthYears(year: number, ageMin?: number, ageMax?: number): { bornFrom?: number; bornTo?: number } {
  return {
    ...(ageMax !== undefined ? { bornFrom: year - ageMax - 1 } : {}),
    ...(ageMin !== undefined ? { bornTo: year - ageMin } : {}),
  };
}
