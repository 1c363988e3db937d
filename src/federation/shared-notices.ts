/**
 * Notices, diffusions and hits across the boundary.
 * - A move of one of this node's notices that leaves it live (published, hit reported, renewed,
 *   located) goes to the outbox in the move's transaction; a cancellation or expiry follows as a
 *   withdrawal. The policy filter decides who gets it (category `notice.<type>` or `diffusion`).
 * - A notice received from its owner node is held read-only; a live one's subject enters
 *   screening here, so a screening here opens a hit on it.
 * - Such a hit (and the outcome this side records) goes back to the notice's owner node, where
 *   the owner bureau gets its follow-up task with the usual deadline and the notice moves.
 */
import type { Services } from '../app/module.ts';
import type { Db } from '../db/connect.ts';
import { HitsRepo } from '../notices/hits.repo.ts';
import { sharedHitBody } from '../notices/hits.service.ts';
import { ForeignNotices, sharedNoticeBody } from '../notices/foreign-notices.ts';
import { NOTICE_TYPES } from '../notices/notice.ts';
import { NoticesRepo } from '../notices/notices.repo.ts';
import { ForeignRecords } from '../records/foreign-records.ts';
import { RecordsRepo } from '../records/records.repo.ts';
import { noticeCategory } from './federation.ts';
import { agencyCodes, travellingAgency } from './shared-records.ts';

type Events = Array<[string, Record<string, unknown>]>;

const publishAll = (s: Services, events: Events) => async () => {
  for (const [subject, data] of events) await s.bus.publish(subject, data);
};

export function wireNotices(s: Services): void {
  const noticesRepo = new NoticesRepo();
  const hitsRepo = new HitsRepo();
  const foreignRecords = new ForeignRecords(new RecordsRepo(), s.authRepo, s.ids);
  const foreign = new ForeignNotices(noticesRepo, foreignRecords, s.authRepo, s.ids);

  s.notices.shareThrough(async (trx, { type, notice: n }) => {
    await s.federation.share(trx, {
      type: type === 'upsert' ? 'item.upsert' : 'item.withdraw',
      category: noticeCategory(n.type),
      itemId: n.id,
      tlp: n.tlp,
      // a diffusion's recipients, or the agencies a notice is restricted to
      restrictedTo: await agencyCodes(s, trx, n.restrictedTo),
      version: n.version,
      data: { ...sharedNoticeBody(n, await travellingAgency(s, trx, n.ownerAgencyId)) },
    });
  });

  for (const type of NOTICE_TYPES) {
    const category = noticeCategory(type);
    s.federation.onReceive(category, async (trx, item, withdrawn) => {
      const declared = (item.body as { type?: unknown }).type;
      if (!withdrawn && declared !== type) return { reason: 'schema_invalid', detail: `an item of category ${category} carries a ${type} notice, not ${String(declared)}` };
      const r = await foreign.apply(trx, { ...item, restrictedTo: item.restrictedTo ?? [] }, withdrawn, s.clock.now());
      if ('refused' in r) return { reason: r.refused.includes('held here from') ? 'owner_conflict' : 'schema_invalid', detail: r.refused };
      return { after: publishAll(s, r.after) };
    });
  }

  // a hit here on a notice another node owns goes to that node, to its owner bureau only
  s.hits.shareThrough(async (trx: Db, hitId: string) => {
    const hit = await hitsRepo.byId(trx, hitId);
    const notice = hit ? await noticesRepo.lockById(trx, hit.noticeId) : undefined;
    if (!hit || !notice) return;
    await s.federation.share(trx, {
      type: 'item.upsert',
      category: 'hit',
      itemId: hit.id,
      tlp: notice.tlp,
      restrictedTo: [hit.ownerAgencyCode],
      version: hit.version,
      data: { ...sharedHitBody(hit, await travellingAgency(s, trx, hit.screenedByAgencyId)) },
    });
  });

  s.federation.onReceive('hit', async (trx, item, withdrawn) => {
    if (withdrawn) return;
    const r = await s.hits.applyForeign(trx, item, (t, a) => foreignRecords.agencyId(t, a, s.clock.now()));
    if ('refused' in r) return { reason: r.refused.startsWith('no notice') || r.refused.includes('another notice') ? 'owner_conflict' : 'schema_invalid', detail: r.refused };
    return { after: publishAll(s, r.events) };
  });
}
