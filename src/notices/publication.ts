/**
 * A published notice's subject enters screening as a person record of the owner bureau, with the
 * notice's handling and review date (PRODUCT.md: "a published notice's subject enters screening
 * at once"); cancellation or expiry removes it. Both happen in the caller's transaction; the
 * caller publishes `records.created` / `records.deleted` after commit.
 */
import { addYears } from '../core/clock.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { fold } from '../core/text.ts';
import type { Db } from '../db/connect.ts';
import type { PersonData } from '../records/record.ts';
import { deleteSystemRecords, insertSystemPersons, setSystemRecordReviewDate, type SystemPerson } from '../records/system-records.ts';
import { NOTICE_SPECS, NOTICE_VALIDITY_YEARS, type NoticeContent, type NoticeType } from './notice.ts';
import type { NoticeRow } from './notices.repo.ts';

export const SUBJECT_SOURCE = 'notice';

/** The subject as a person record, or null when the notice names nobody (black, purple, some orange). */
export function subjectPerson(c: NoticeContent): PersonData | null {
  const names = c.subject.names.filter((n) => n.value.trim());
  if (names.length === 0) return null;
  const s = c.subject;
  return {
    names,
    ...(s.birthDate ? { birthDates: [s.birthDate] } : {}),
    ...(s.placeOfBirth?.trim() ? { placesOfBirth: [s.placeOfBirth.trim()] } : {}),
    ...(s.nationalities?.length ? { nationalities: s.nationalities } : {}),
    ...(s.gender ? { gender: s.gender } : {}),
    ...(s.identifiers?.length ? { identifiers: s.identifiers } : {}),
  };
}

const TYPE_LETTER: Record<NoticeType, string> = {
  red: 'R', yellow: 'Y', blue: 'B', black: 'K', green: 'G', orange: 'O', purple: 'P', silver: 'S', un_special: 'U', diffusion: 'D',
};

/** `R-2026-000042`: a letter per type, the year, the node's sequence number. */
export const referenceOf = (type: NoticeType, at: Date, n: number) => `${TYPE_LETTER[type]}-${at.getUTCFullYear()}-${String(n).padStart(6, '0')}`;

export const reviewDateFrom = (d: Date) => toIsoDate(addYears(d, NOTICE_VALIDITY_YEARS));

export function subjectNameOf(c: NoticeContent): string {
  const names = c.subject.names.filter((n) => n.value.trim());
  return (names.find((n) => n.type === 'primary') ?? names[0])?.value ?? '';
}

export const searchTextOf = (reference: string, c: NoticeContent) =>
  [reference.toLowerCase(), ...c.subject.names.map((n) => fold(n.value))].filter(Boolean).join(' | ');

/** Legal basis carried onto the subject record: the notice itself, with its warrant when there is one. */
function legalBasisOf(n: Pick<NoticeRow, 'reference' | 'type' | 'content'>): string {
  const w = n.content.warrant;
  const warrant = w.reference ? `; warrant ${w.reference}${w.date ? ` of ${w.date}` : ''}${w.authority ? `, ${w.authority}` : ''}` : '';
  return `${n.type} notice ${n.reference}${warrant}`.slice(0, 500);
}

type Publishable = Pick<NoticeRow, 'id' | 'reference' | 'type' | 'content' | 'ownerAgencyId' | 'tlp' | 'restrictedTo'>;

/** The subject record of a notice about to go live, or null when the type is not screened or names nobody. */
export function subjectRecord(n: Publishable, reviewDate: string, at: Date, userId: string, recordId: string): SystemPerson | null {
  if (!NOTICE_SPECS[n.type].screened) return null;
  const data = subjectPerson(n.content);
  if (!data) return null;
  return {
    id: recordId,
    data,
    ownerAgencyId: n.ownerAgencyId,
    tlp: n.tlp,
    restrictedTo: n.restrictedTo,
    legalBasisCode: 'interpol_rpd_notice',
    legalBasis: legalBasisOf(n),
    reviewDate,
    source: SUBJECT_SOURCE,
    externalId: n.id,
    at,
    userId,
  };
}

/** Creates the subject record in `trx` when there is one; returns its id or null. */
export async function enterScreening(trx: Db, n: Publishable, reviewDate: string, at: Date, userId: string, recordId: string): Promise<string | null> {
  const rec = subjectRecord(n, reviewDate, at, userId, recordId);
  if (!rec) return null;
  await insertSystemPersons(trx, [rec]);
  return rec.id;
}

export async function leaveScreening(trx: Db, subjectRecordId: string | null): Promise<boolean> {
  if (!subjectRecordId) return false;
  return (await deleteSystemRecords(trx, [subjectRecordId])) > 0;
}

export async function extendScreening(trx: Db, subjectRecordId: string | null, reviewDate: string, at: Date, userId: string): Promise<void> {
  if (subjectRecordId) await setSystemRecordReviewDate(trx, subjectRecordId, reviewDate, at, userId);
}
