/** The notices module's public surface: other modules (hits, messages, the web API) use these. */
import type { ScreeningService } from '../screening/screening.service.ts';
import type { SubjectScreener } from './notices.service.ts';

export { NoticesRepo } from './notices.repo.ts';
export type { StoredNotice } from './notices.repo.ts';
export { NoticesService } from './notices.service.ts';
export type { LiveNoticeRef, NoticeView, ScreenedCandidate, SubjectScreener } from './notices.service.ts';
export { PublicNoticeImporter } from './import/notice-importer.ts';
export { parseInterpolPublic } from './import/interpol-public.ts';

/** Person screening as notices needs it: the duplicate check and the reviewer's screening. */
export function screenerOf(screening: ScreeningService): SubjectScreener {
  return {
    async screenSubject(actor, q, purpose) {
      // checking a request against the watchlist is not an encounter with the person: no hit
      const r = await screening.screenPerson(actor, { ...q, limit: 20 }, purpose, { opensHits: false });
      return r.candidates.map((c) => ({ recordId: c.id, displayName: c.displayName, matchedName: c.matchedName, score: c.score, alert: c.alert, ownerAgencyCode: c.ownerAgencyCode, birthDates: c.explanation.birthDate.record, nationalities: c.explanation.nationality.record }));
    },
  };
}
