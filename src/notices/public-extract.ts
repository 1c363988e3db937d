/**
 * The public extract of a Red or Yellow notice (RPD art. 61: the owner bureau authorises what the
 * public may see). Only the fields the owner listed ever leave the server.
 */
import type { NoticeContent, NoticeType, PublicField } from './notice.ts';

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
