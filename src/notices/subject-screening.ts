import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { toIsoDate } from '../core/partial-date.ts';
import type { Db } from '../db/connect.ts';
import { type CheckResult, checkNotice } from './checks.ts';
import { NOTICE_SPECS, type NoticeContent, type NoticeState, type NoticeType, type Urgency } from './notice.ts';
import type { NoticesRepo, StoredNotice } from './notices.repo.ts';
import { noticeVisible } from './visibility.ts';

/** A candidate from person screening, as the notices module needs it. */
export interface ScreenedCandidate {
  recordId: string;
  displayName: string;
  matchedName: string;
  score: number;
  alert: boolean;
  ownerAgencyCode: string;
  /** The record's dates of birth and nationalities, as recorded: they tell namesakes apart. */
  birthDates: string[];
  nationalities: string[];
}

/** Person screening seen from notices (the ScreeningService behind it, see index.ts). */
export interface SubjectScreener {
  screenSubject(actor: Actor, q: { name: string; birthDate?: string; nationality?: string; gender?: 'male' | 'female' }, purpose: string): Promise<ScreenedCandidate[]>;
}

export interface LiveNoticeRef {
  noticeId: string;
  reference: string;
  type: NoticeType;
  urgency: Urgency;
  ownerAgencyId: string;
  state: NoticeState;
}

const SCREEN_NAMES = 3;

/**
 * A request's subject against the watchlist and the live notices: the pre-submission checks with
 * their duplicate-notice warnings, and the reviewer's (or owner's) look at the subject. Who may
 * ask is the service's to check.
 */
export class SubjectScreening {
  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepo,
    private readonly clock: Clock,
    private readonly screener: SubjectScreener | null,
    private readonly isReviewer: (actor: Actor) => Promise<boolean>,
  ) {}

  async liveNoticesBySubject(recordIds: string[]): Promise<Map<string, LiveNoticeRef>> {
    const rows = await this.repo.liveBySubjects(this.db, [...new Set(recordIds)]);
    return new Map(rows.map((n) => [n.subjectRecordId!, { noticeId: n.id, reference: n.reference, type: n.type, urgency: n.urgency, ownerAgencyId: n.ownerAgencyId, state: n.state }]));
  }

  /** The checks of a request, with a warning for each live notice (the actor may see) whose subject the request's subject matches. */
  async checks(actor: Actor, type: NoticeType, content: NoticeContent, recipients: string[] | undefined, self: StoredNotice | null, purpose: string): Promise<CheckResult[]> {
    const out = checkNotice({ type, content, recipients, today: toIsoDate(this.clock.now()) });
    if (!NOTICE_SPECS[type].screened) return out;
    const found = (await this.#screen(actor, content, purpose)).filter((c) => c.alert);
    const live = await this.liveNoticesBySubject(found.map((c) => c.recordId));
    const seen = new Set<string>();
    const viewer = await this.isReviewer(actor);
    for (const c of found) {
      const l = live.get(c.recordId);
      if (!l || l.noticeId === self?.id || seen.has(l.noticeId)) continue;
      seen.add(l.noticeId);
      const other = await this.repo.byId(this.db, l.noticeId);
      if (!other || !noticeVisible(actor, other, viewer)) continue;
      out.push({ code: 'duplicate_notice', severity: 'warning', field: 'subject.names', params: { noticeId: l.noticeId, reference: l.reference, type: l.type, score: Math.round(c.score * 100) / 100 } });
    }
    return out;
  }

  /** The subject of notice `n` screened against records and live notices (its own subject record left out). */
  async review(actor: Actor, n: StoredNotice, purpose: string) {
    const found = (await this.#screen(actor, n.content, purpose)).filter((c) => c.recordId !== n.subjectRecordId);
    const live = await this.liveNoticesBySubject(found.map((c) => c.recordId));
    const candidates = found.map((c) => ({ id: c.recordId, displayName: c.displayName, matchedName: c.matchedName, score: c.score, alert: c.alert, ownerAgencyCode: c.ownerAgencyCode, birthDates: c.birthDates, nationalities: c.nationalities }));
    const notices = found.flatMap((c) => {
      const l = live.get(c.recordId);
      return l && l.noticeId !== n.id ? [{ noticeId: l.noticeId, reference: l.reference, type: l.type, state: l.state, score: c.score, ownerAgencyId: l.ownerAgencyId }] : [];
    });
    return { candidates, notices };
  }

  async #screen(actor: Actor, content: NoticeContent, purpose: string): Promise<ScreenedCandidate[]> {
    if (!this.screener || !can(actor, 'screening.run').allowed) return [];
    const s = content.subject;
    const best = new Map<string, ScreenedCandidate>();
    for (const name of s.names.filter((x) => x.value.trim()).slice(0, SCREEN_NAMES)) {
      const found = await this.screener.screenSubject(
        actor,
        { name: name.value, birthDate: s.birthDate, nationality: s.nationalities?.[0], gender: s.gender === 'unknown' ? undefined : s.gender },
        purpose,
      );
      for (const c of found) if ((best.get(c.recordId)?.score ?? -1) < c.score) best.set(c.recordId, c);
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}
