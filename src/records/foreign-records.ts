/**
 * Records another node owns, held here as it sent them: the owner's version wins, nobody here
 * edits them, and they enter this node's screening with their provenance (owner node and
 * agency, `source = node:<id>`). Written only by the federation inbox, in its transaction, after
 * the envelope's signature, the agreement and the handling code were checked there.
 */
import type { AuthRepo } from '../auth/auth.repo.ts';
import type { TlpLevel } from '../core/handling.ts';
import { TLP_LEVELS } from '../core/handling.ts';
import type { Db } from '../db/connect.ts';
import { displayNameOf, RECORD_KINDS, type RecordData, type RecordKind, searchTextOf } from './record.ts';
import type { RecordsRepo, StoredRecord } from './records.repo.ts';
import { checkRecordData } from './records.schema.ts';

/** Where a record came from: `node:SEN` for one held from node SEN. */
export const FOREIGN_SOURCE_PREFIX = 'node:';
export const originNodeOf = (source: string | null | undefined): string | null =>
  source?.startsWith(FOREIGN_SOURCE_PREFIX) ? source.slice(FOREIGN_SOURCE_PREFIX.length) : null;

/** An owner agency as it travels: code, country and names, so the receiver can label it. */
export interface TravellingAgency {
  code: string;
  country: string;
  names: Record<string, string>;
}

/** The body of a shared record (the envelope's `item.data`). */
export interface SharedRecordBody {
  kind: RecordKind;
  data: RecordData;
  ownerAgency: TravellingAgency;
  legalBasisCode: string;
  legalBasis: string;
  reviewDate: string;
}

export function sharedRecordBody(rec: StoredRecord, ownerAgency: TravellingAgency): SharedRecordBody {
  return { kind: rec.kind, data: rec.data, ownerAgency, legalBasisCode: rec.legalBasisCode, legalBasis: rec.legalBasis, reviewDate: rec.reviewDate };
}

const namesOf = (a: TravellingAgency) => {
  const pick = (l: string) => (typeof a.names[l] === 'string' && a.names[l] ? a.names[l] : a.names.en || a.code).slice(0, 200);
  return { ar: pick('ar'), fr: pick('fr'), en: pick('en'), es: pick('es') };
};

/** The kind of agency row a node keeps for an agency of another node (never counted as its own). */
export const FOREIGN_AGENCY_KIND = 'foreign';

export type ForeignOutcome = { applied: 'created' | 'updated' | 'removed' | 'unchanged'; id: string; kind: RecordKind } | { refused: string };

export class ForeignRecords {
  constructor(
    private readonly repo: RecordsRepo,
    private readonly authRepo: AuthRepo,
    private readonly ids: () => string,
  ) {}

  /** The local id of an agency of another node, its row made on first sight. */
  async agencyId(trx: Db, a: TravellingAgency, at: Date): Promise<string> {
    const have = await this.authRepo.agencyByCode(trx, a.code);
    if (have) return have.id;
    const id = this.ids();
    await this.authRepo.insertAgency(trx, { id, code: a.code, country: a.country, kind: FOREIGN_AGENCY_KIND, names: namesOf(a), isHub: false, createdAt: at });
    return id;
  }

  /**
   * Applies the owner's version of a record (or its withdrawal). `restrictedTo` holds agency
   * codes; those this node knows become ids, the others are kept out (they are not here).
   */
  async apply(trx: Db, item: { ownerNode: string; itemId: string; version: number; tlp: TlpLevel; restrictedTo: readonly string[]; body: Record<string, unknown> }, withdrawn: boolean, at: Date): Promise<ForeignOutcome> {
    const body = item.body as Partial<SharedRecordBody>;
    const before = await this.repo.byId(trx, item.itemId);
    if (before && originNodeOf(before.source) !== item.ownerNode) return { refused: `record ${item.itemId} is held here from ${originNodeOf(before.source) ?? 'this node'}, not from ${item.ownerNode}` };
    if (withdrawn) {
      if (!before) return { applied: 'unchanged', id: item.itemId, kind: (body.kind ?? 'person') as RecordKind };
      await this.repo.deleteAny(trx, item.itemId);
      return { applied: 'removed', id: item.itemId, kind: before.kind };
    }
    if (!body.kind || !RECORD_KINDS.includes(body.kind)) return { refused: `data.kind is one of ${RECORD_KINDS.join(', ')}` };
    if (!TLP_LEVELS.includes(item.tlp)) return { refused: 'tlp is a TLP level' };
    const owner = body.ownerAgency;
    if (!owner || typeof owner.code !== 'string' || typeof owner.country !== 'string' || typeof owner.names !== 'object') return { refused: 'data.ownerAgency has code, country and names' };
    if (typeof body.reviewDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.reviewDate)) return { refused: 'data.reviewDate is an ISO date' };
    let data: RecordData;
    try {
      data = checkRecordData(body.kind, body.data as RecordData);
    } catch (e) {
      return { refused: `data: ${(e as Error).message}` };
    }
    const ownerAgencyId = await this.agencyId(trx, owner as TravellingAgency, at);
    const restrictedTo: string[] = [];
    for (const code of item.restrictedTo) {
      const a = await this.authRepo.agencyByCode(trx, code);
      if (a) restrictedTo.push(a.id);
    }
    const row = {
      kind: body.kind,
      displayName: displayNameOf(body.kind, data),
      searchText: searchTextOf(body.kind, data),
      data,
      ownerAgencyId,
      tlp: item.tlp,
      restrictedTo,
      legalBasisCode: String(body.legalBasisCode ?? 'other').slice(0, 64),
      legalBasis: String(body.legalBasis ?? '').slice(0, 2000),
      // expiry follows the owner's review date
      reviewDate: body.reviewDate,
      source: `${FOREIGN_SOURCE_PREFIX}${item.ownerNode}`,
      externalId: item.itemId,
      updatedAt: at,
      updatedBy: 'federation',
    };
    if (before) {
      if (before.kind !== body.kind) return { refused: `record ${item.itemId} is a ${before.kind}, not a ${body.kind}` };
      await this.repo.overwrite(trx, item.itemId, { ...row, version: item.version });
      return { applied: 'updated', id: item.itemId, kind: body.kind };
    }
    await this.repo.insertMany(trx, [{ id: item.itemId, ...row, createdAt: at, createdBy: 'federation', version: item.version }]);
    return { applied: 'created', id: item.itemId, kind: body.kind };
  }
}
