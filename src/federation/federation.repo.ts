/** The federation module's SQL: keys, partners, agreements, the outbox, the inbox and received items. */
import { createPrivateKey } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Ed25519Jwk } from './keys.ts';
import type { Db } from '../db/connect.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { Agreement, Category, Direction, PartnerNode, RejectReason } from './federation.ts';
import type { FederationTables } from './federation.tables.ts';
import type { OwnKey, PublicKeyEntry } from './keys.ts';

type FDb = Kysely<FederationTables>;
const f = (db: Db): FDb => db.withTables<FederationTables>() as unknown as FDb;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export interface Partner extends PartnerNode {
  names: Record<string, string>;
  baseUrl: string;
  transport: 'https' | 'nats' | 'bundle';
  createdAt: string;
  updatedAt: string;
}

/** `sent`: handed to a store-and-forward transport, the receipt not back yet. */
export type OutboxStatus = 'queued' | 'in_flight' | 'sent' | 'delivered' | 'rejected' | 'dead' | 'withheld';

export interface OutboxRow {
  id: string;
  partnerId: string;
  type: string;
  category: Category;
  itemId: string;
  tlp: TlpLevel;
  body: Record<string, unknown>;
  hops: number;
  status: OutboxStatus;
  clause: string | null;
  reason: RejectReason | null;
  detail: string | null;
  attempts: number;
  nextAttemptAt: string;
  receipt: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

export interface InboxRow {
  sender: string;
  id: string;
  type: string | null;
  sha256: string | null;
  status: 'accepted' | 'rejected';
  reason: string | null;
  detail: string | null;
  receipt: { jws: string };
  receivedAt: string;
}

export interface ReceivedItem {
  /** Agency codes the owner restricted the item to (as received; not kept in federation_items). */
  restrictedTo?: string[];
  ownerNode: string;
  itemId: string;
  category: Category;
  version: number;
  tlp: TlpLevel;
  body: Record<string, unknown>;
  receivedFrom: string;
  receivedAt: string;
  withdrawnAt: string | null;
}

function toPartner(r: any): Partner {
  return { id: r.id, names: r.names, baseUrl: r.baseUrl, transport: r.transport, agencies: r.agencies, suspended: r.suspended, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)! };
}

function toAgreement(r: any): Agreement {
  return {
    id: r.id, partner: r.partnerId, direction: r.direction as Direction, categories: r.categories, maxTlp: r.maxTlp, mayForward: r.mayForward,
    validFrom: r.validFrom, validTo: r.validTo, legalBasis: r.legalBasis, clause: r.clause, suspended: r.suspended,
  };
}

const toOutbox = (r: any): OutboxRow => ({ ...r, nextAttemptAt: iso(r.nextAttemptAt)!, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)! });

export class FederationRepo {
  // ---- this node's keys
  async ownKeys(db: Db): Promise<OwnKey[]> {
    const rows = await f(db).selectFrom('federationKeys').selectAll().orderBy('createdAt').execute();
    return rows.map((r) => ({ kid: r.kid, jwk: r.jwk as Ed25519Jwk, privateKey: createPrivateKey(r.privatePem), createdAt: iso(r.createdAt)!, retiresAt: iso(r.retiresAt) }));
  }

  async saveOwnKeys(db: Db, keys: readonly OwnKey[]): Promise<void> {
    for (const k of keys) {
      await f(db)
        .insertInto('federationKeys')
        .values({ kid: k.kid, jwk: JSON.stringify(k.jwk), privatePem: k.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, createdAt: k.createdAt, retiresAt: k.retiresAt })
        .onConflict((oc) => oc.column('kid').doUpdateSet({ retiresAt: k.retiresAt }))
        .execute();
    }
  }

  // ---- partners and their pinned keys
  async partners(db: Db): Promise<Partner[]> {
    return (await f(db).selectFrom('federationPartners').selectAll().orderBy('id').execute()).map(toPartner);
  }

  async partner(db: Db, id: string): Promise<Partner | undefined> {
    const r = await f(db).selectFrom('federationPartners').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toPartner(r);
  }

  async insertPartner(db: Db, p: Partner): Promise<void> {
    await f(db)
      .insertInto('federationPartners')
      .values({ id: p.id, names: JSON.stringify(p.names), baseUrl: p.baseUrl, transport: p.transport, agencies: JSON.stringify(p.agencies), suspended: p.suspended, createdAt: p.createdAt, updatedAt: p.updatedAt })
      .execute();
  }

  async updatePartner(db: Db, id: string, patch: Partial<Pick<Partner, 'baseUrl' | 'suspended' | 'agencies' | 'names'>>, at: string): Promise<void> {
    const values: Record<string, unknown> = { updatedAt: at };
    if (patch.baseUrl !== undefined) values.baseUrl = patch.baseUrl;
    if (patch.suspended !== undefined) values.suspended = patch.suspended;
    if (patch.agencies !== undefined) values.agencies = JSON.stringify(patch.agencies);
    if (patch.names !== undefined) values.names = JSON.stringify(patch.names);
    await f(db).updateTable('federationPartners').set(values).where('id', '=', id).execute();
  }

  async partnerKeys(db: Db, partnerId: string): Promise<PublicKeyEntry[]> {
    const rows = await f(db).selectFrom('federationPartnerKeys').selectAll().where('partnerId', '=', partnerId).orderBy('pinnedAt').execute();
    return rows.map((r) => ({ kid: r.kid, jwk: r.jwk as Ed25519Jwk, retiresAt: iso(r.retiresAt) }));
  }

  async pinPartnerKey(db: Db, partnerId: string, k: PublicKeyEntry, at: string): Promise<void> {
    await f(db)
      .insertInto('federationPartnerKeys')
      .values({ partnerId, kid: k.kid, jwk: JSON.stringify(k.jwk), pinnedAt: at, retiresAt: k.retiresAt })
      .onConflict((oc) => oc.columns(['partnerId', 'kid']).doUpdateSet({ retiresAt: k.retiresAt }))
      .execute();
  }

  // ---- agreements
  async agreements(db: Db, partnerId?: string): Promise<Agreement[]> {
    let q = f(db).selectFrom('federationAgreements').selectAll().orderBy('partnerId').orderBy('direction').orderBy('createdAt');
    if (partnerId) q = q.where('partnerId', '=', partnerId);
    return (await q.execute()).map(toAgreement);
  }

  async agreement(db: Db, id: string): Promise<Agreement | undefined> {
    const r = await f(db).selectFrom('federationAgreements').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAgreement(r);
  }

  async saveAgreement(db: Db, a: Agreement, at: string): Promise<void> {
    const values = {
      partnerId: a.partner, direction: a.direction, categories: JSON.stringify(a.categories), maxTlp: a.maxTlp, mayForward: a.mayForward,
      validFrom: a.validFrom, validTo: a.validTo, legalBasis: a.legalBasis, clause: a.clause, suspended: a.suspended, updatedAt: at,
    };
    await f(db)
      .insertInto('federationAgreements')
      .values({ id: a.id, ...values, createdAt: at })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  // ---- the outbox
  async enqueue(db: Db, rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await f(db)
      .insertInto('federationOutbox')
      .values(rows.map((r) => ({ ...r, body: JSON.stringify(r.body), receipt: r.receipt && JSON.stringify(r.receipt) })))
      .execute();
  }

  /** Due items for a partner, oldest first, claimed in one statement (marked in flight). */
  async claimDue(db: Db, partnerId: string, now: string, limit: number): Promise<OutboxRow[]> {
    const due = f(db)
      .selectFrom('federationOutbox')
      .select('id')
      .where('partnerId', '=', partnerId)
      .where('status', 'in', ['queued', 'sent'])
      .where('nextAttemptAt', '<=', new Date(now))
      .orderBy('createdAt')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    const rows = await f(db).updateTable('federationOutbox').set({ status: 'in_flight', updatedAt: now }).where('id', 'in', due).returningAll().execute();
    return rows.map(toOutbox).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** The partners an item was sent or queued to (a withdrawal follows it there). */
  async partnersHolding(db: Db, itemId: string): Promise<string[]> {
    const rows = await f(db)
      .selectFrom('federationOutbox')
      .select('partnerId')
      .distinct()
      .where('itemId', '=', itemId)
      .where('type', '=', 'item.upsert')
      .where('status', 'in', ['queued', 'in_flight', 'sent', 'delivered'])
      .execute();
    return rows.map((r) => r.partnerId);
  }

  /** Items a store-and-forward transport stored: they wait for their receipt until `retryAt`. */
  async markSent(db: Db, ids: readonly string[], retryAt: string, now: string): Promise<void> {
    if (ids.length === 0) return;
    // only rows still in flight: a receipt that came back first has settled the row already
    await f(db).updateTable('federationOutbox').set({ status: 'sent', nextAttemptAt: retryAt, updatedAt: now }).where('id', 'in', [...ids]).where('status', '=', 'in_flight').execute();
  }

  /** The outbox rows of one partner with these ids (envelope ids are outbox row ids). */
  async outboxRows(db: Db, partnerId: string, ids: readonly string[]): Promise<OutboxRow[]> {
    if (ids.length === 0) return [];
    const rows = await f(db).selectFrom('federationOutbox').selectAll().where('partnerId', '=', partnerId).where('id', 'in', [...ids]).forUpdate().execute();
    return rows.map(toOutbox);
  }

  /** Items left in flight by a process that stopped: queued again (the receiver deduplicates). */
  async requeueInFlight(db: Db, now: string): Promise<number> {
    const r = await f(db).updateTable('federationOutbox').set({ status: 'queued', nextAttemptAt: now, updatedAt: now }).where('status', '=', 'in_flight').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async settle(db: Db, id: string, patch: Partial<Pick<OutboxRow, 'status' | 'reason' | 'detail' | 'attempts' | 'nextAttemptAt' | 'receipt'>>, at: string): Promise<void> {
    const values: Record<string, unknown> = { updatedAt: at };
    for (const [k, v] of Object.entries(patch)) values[k] = k === 'receipt' && v ? JSON.stringify(v) : v;
    await f(db).updateTable('federationOutbox').set(values).where('id', '=', id).execute();
  }

  async outbox(db: Db, q: { partnerId?: string; status?: OutboxStatus; itemId?: string; limit: number }): Promise<OutboxRow[]> {
    let s = f(db).selectFrom('federationOutbox').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit);
    if (q.partnerId) s = s.where('partnerId', '=', q.partnerId);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.itemId) s = s.where('itemId', '=', q.itemId);
    return (await s.execute()).map(toOutbox);
  }

  async outboxRow(db: Db, id: string): Promise<OutboxRow | undefined> {
    const r = await f(db).selectFrom('federationOutbox').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toOutbox(r);
  }

  /** Per partner and status: how many, and the oldest still waiting (for the lag). */
  async queueStats(db: Db): Promise<Array<{ partnerId: string; status: OutboxStatus; n: number; oldest: string | null }>> {
    const rows = await f(db)
      .selectFrom('federationOutbox')
      .select(['partnerId', 'status', sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(created_at)`.as('oldest')])
      .groupBy(['partnerId', 'status'])
      .execute();
    return rows.map((r) => ({ partnerId: r.partnerId, status: r.status as OutboxStatus, n: Number(r.n), oldest: r.oldest ? iso(r.oldest) : null }));
  }

  /**
   * The ids of what an offline bundle for a partner carries, in envelope-id order: every item
   * queued, every item sent whose receipt wait has run out, and with `since` every item after
   * it still waiting for its receipt (to cut a lost bundle again).
   */
  async bundleIds(db: Db, partnerId: string, now: string, since?: string): Promise<string[]> {
    const rows = await f(db)
      .selectFrom('federationOutbox')
      .select('id')
      .where('partnerId', '=', partnerId)
      .where((eb) => {
        const overdue = eb.and([eb('status', '=', 'sent'), eb('nextAttemptAt', '<=', new Date(now))]);
        const waiting = since ? [eb.and([eb('status', '=', 'sent'), eb('id', '>', since)])] : [];
        return eb.or([eb('status', '=', 'queued'), overdue, ...waiting]);
      })
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** What sealing needs of outbox rows, in the order of `ids`. */
  async bundleRows(db: Db, ids: readonly string[]): Promise<Array<Pick<OutboxRow, 'id' | 'type' | 'hops' | 'body'>>> {
    if (ids.length === 0) return [];
    const rows = await f(db).selectFrom('federationOutbox').select(['id', 'type', 'hops', 'body']).where('id', 'in', [...ids]).execute();
    const byId = new Map(rows.map((r) => [r.id, r as Pick<OutboxRow, 'id' | 'type' | 'hops' | 'body'>]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Items written to a bundle: sent, waiting for their receipt until `retryAt` (a receipt that came meanwhile stands). */
  async markExported(db: Db, partnerId: string, ids: readonly string[], retryAt: string, now: string): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await f(db)
      .updateTable('federationOutbox')
      .set({ status: 'sent', nextAttemptAt: retryAt, updatedAt: now })
      .where('partnerId', '=', partnerId)
      .where('id', 'in', [...ids])
      .where('status', 'in', ['queued', 'sent'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // ---- the inbox and received items
  async inboxEntry(db: Db, sender: string, id: string): Promise<InboxRow | undefined> {
    const r = await f(db).selectFrom('federationInbox').selectAll().where('sender', '=', sender).where('id', '=', id).executeTakeFirst();
    return r && ({ ...r, receivedAt: iso(r.receivedAt)! } as InboxRow);
  }

  /** Records what was received; replaces only an earlier refusal of the same envelope (false: an accepted delivery was there). */
  async logInbox(db: Db, row: InboxRow): Promise<boolean> {
    const values = { ...row, receipt: JSON.stringify(row.receipt) };
    const r = await f(db)
      .insertInto('federationInbox')
      .values(values)
      .onConflict((oc) => oc.columns(['sender', 'id']).doUpdateSet({ status: row.status, reason: row.reason, detail: row.detail, receipt: values.receipt, receivedAt: row.receivedAt, type: row.type, sha256: row.sha256 }).where('federationInbox.status', '=', 'rejected'))
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async inbox(db: Db, q: { sender?: string; limit: number }): Promise<InboxRow[]> {
    let s = f(db).selectFrom('federationInbox').selectAll().orderBy('receivedAt', 'desc').limit(q.limit);
    if (q.sender) s = s.where('sender', '=', q.sender);
    return (await s.execute()).map((r) => ({ ...r, receivedAt: iso(r.receivedAt)! }) as InboxRow);
  }

  async receivedItem(db: Db, ownerNode: string, itemId: string): Promise<ReceivedItem | undefined> {
    const r = await f(db).selectFrom('federationItems').selectAll().where('ownerNode', '=', ownerNode).where('itemId', '=', itemId).executeTakeFirst();
    return r && ({ ...r, receivedAt: iso(r.receivedAt)!, withdrawnAt: iso(r.withdrawnAt) } as ReceivedItem);
  }

  async saveReceivedItem(db: Db, item: ReceivedItem): Promise<void> {
    const values = { category: item.category, version: item.version, tlp: item.tlp, body: JSON.stringify(item.body), receivedFrom: item.receivedFrom, receivedAt: item.receivedAt, withdrawnAt: item.withdrawnAt };
    await f(db)
      .insertInto('federationItems')
      .values({ ownerNode: item.ownerNode, itemId: item.itemId, ...values })
      .onConflict((oc) => oc.columns(['ownerNode', 'itemId']).doUpdateSet(values))
      .execute();
  }

  async receivedItems(db: Db, q: { ownerNode?: string; live?: boolean; limit: number }): Promise<ReceivedItem[]> {
    let s = f(db).selectFrom('federationItems').selectAll().orderBy('receivedAt', 'desc').limit(q.limit);
    if (q.ownerNode) s = s.where('ownerNode', '=', q.ownerNode);
    if (q.live) s = s.where('withdrawnAt', 'is', null);
    return (await s.execute()).map((r) => ({ ...r, receivedAt: iso(r.receivedAt)!, withdrawnAt: iso(r.withdrawnAt) }) as ReceivedItem);
  }
}

