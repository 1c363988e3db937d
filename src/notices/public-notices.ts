import type { Clock } from '../core/clock.ts';
import { notFound } from '../core/errors.ts';
import { decodeCursor, pageLimit, toPage } from '../core/paging.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { fold } from '../core/text.ts';
import type { Db } from '../db/connect.ts';
import { LIVE_STATES } from './lifecycle.ts';
import type { NoticesRepo } from './notices.repo.ts';
import { birthYears, publicSummary, publicView } from './public-extract.ts';

/** Query of the public list of extracts (no login). */
export interface PublicListQuery {
  type?: 'red' | 'yellow';
  nationality?: string;
  sex?: 'male' | 'female';
  ageMin?: number;
  ageMax?: number;
  name?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The public extracts of live Red and Yellow notices, read without login: only what the owner
 * authorised (public-extract.ts), never a notice that is not live.
 */
export class PublicNotices {
  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepo,
    private readonly clock: Clock,
  ) {}

  async list(q: PublicListQuery) {
    const limit = pageLimit(q.limit);
    const today = toIsoDate(this.clock.now());
    const tokens = q.name ? fold(q.name).split(' ').filter(Boolean).slice(0, 6) : undefined;
    const rows = await this.repo.publicList(
      this.db,
      { type: q.type, nationality: q.nationality, sex: q.sex, ...birthYears(Number(today.slice(0, 4)), q.ageMin, q.ageMax), tokens, beforeId: decodeCursor<string>(q.cursor, 'string') },
      limit + 1,
    );
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((n) => publicSummary(n, today)), nextCursor: page.nextCursor };
  }

  async get(id: string) {
    const n = await this.repo.byId(this.db, id);
    if (!n || (n.type !== 'red' && n.type !== 'yellow') || !LIVE_STATES.has(n.state) || !n.publicExtract?.fields.length) throw notFound('notice_not_found', 'No such notice');
    return publicView(n);
  }
}
