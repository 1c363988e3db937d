import type { Db } from '../db/connect.ts';
import type { IndexedRecord } from './engine.ts';

const COLUMNS = ['id', 'kind', 'displayName', 'data', 'ownerAgencyId', 'tlp', 'restrictedTo', 'reviewDate'] as const;

/** Reads what the screening indexes hold: records still within their review date, and holder links. */
/** Links that make screening name a document's or a vehicle's holder. */
export const HOLDER_LINKS = ['holder_of', 'owner_operator_of'];

export class ScreeningRepo {
  async page(db: Db, afterId: string | null, today: string, size: number): Promise<IndexedRecord[]> {
    let q = db.selectFrom('records').select(COLUMNS).where('reviewDate', '>=', today);
    if (afterId) q = q.where('id', '>', afterId);
    return (await q.orderBy('id').limit(size).execute()) as unknown as IndexedRecord[];
  }

  async byId(db: Db, id: string): Promise<IndexedRecord | undefined> {
    return (await db.selectFrom('records').select(COLUMNS).where('id', '=', id).executeTakeFirst()) as unknown as IndexedRecord | undefined;
  }

  async holderLinks(db: Db, afterId: string | null, size: number): Promise<Array<{ id: string; fromId: string; toId: string }>> {
    let q = db.selectFrom('links').select(['id', 'fromId', 'toId']).where('type', 'in', HOLDER_LINKS);
    if (afterId) q = q.where('id', '>', afterId);
    return q.orderBy('id').limit(size).execute();
  }

  async countIndexable(db: Db, today: string): Promise<number> {
    const r = await db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('reviewDate', '>=', today).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
