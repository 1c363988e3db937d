/**
 * Records across the boundary: every change to one of this node's persons, documents, vehicles
 * or groups goes to the outbox in the change's transaction (the policy filter decides who gets
 * it); records received from a partner are held read-only with their provenance and enter
 * screening through the usual record events.
 */
import type { Services } from '../app/module.ts';
import type { Db } from '../db/connect.ts';
import { ForeignRecords, sharedRecordBody, type TravellingAgency } from '../records/foreign-records.ts';
import { RecordsRepo, type StoredRecord } from '../records/records.repo.ts';
import { RECORD_KINDS } from '../records/record.ts';
import type { ShareItem } from './federation.service.ts';

/** The agency as it travels (code, country, names), read in the caller's transaction. */
export async function travellingAgency(s: Services, trx: Db, agencyId: string): Promise<TravellingAgency> {
  const a = await s.authRepo.agencyById(trx, agencyId);
  return a ? { code: a.code, country: a.country, names: { ...a.names } } : { code: agencyId, country: 'XXX', names: { en: agencyId } };
}

export async function agencyCodes(s: Services, trx: Db, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const a = await s.authRepo.agencyById(trx, id);
    if (a) out.push(a.code);
  }
  return out;
}

export async function recordShareItem(s: Services, trx: Db, type: ShareItem['type'], rec: StoredRecord): Promise<ShareItem> {
  return {
    type,
    category: rec.kind,
    itemId: rec.id,
    tlp: rec.tlp,
    restrictedTo: await agencyCodes(s, trx, rec.restrictedTo),
    version: rec.version,
    data: { ...sharedRecordBody(rec, await travellingAgency(s, trx, rec.ownerAgencyId)) },
  };
}

export function wireRecords(s: Services): void {
  s.records.shareThrough(async (trx, change) => {
    await s.federation.share(trx, await recordShareItem(s, trx, change.type === 'upsert' ? 'item.upsert' : 'item.withdraw', change.record));
  });
  const foreign = new ForeignRecords(new RecordsRepo(), s.authRepo, s.ids);
  for (const kind of RECORD_KINDS) {
    s.federation.onReceive(kind, async (trx, item, withdrawn) => {
      const r = await foreign.apply(trx, { ownerNode: item.ownerNode, itemId: item.itemId, version: item.version, tlp: item.tlp, restrictedTo: item.restrictedTo ?? [], body: item.body }, withdrawn, s.clock.now());
      if ('refused' in r) return { reason: r.refused.includes('held here from') ? 'owner_conflict' : 'schema_invalid', detail: r.refused };
      if (r.applied === 'unchanged') return;
      const subject = r.applied === 'created' ? 'records.created' : r.applied === 'updated' ? 'records.updated' : 'records.deleted';
      return { after: () => s.bus.publish(subject, { id: r.id, kind: r.kind }) };
    });
  }
}
