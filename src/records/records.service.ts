import type { AuditService } from '../audit/audit.service.ts';
import type { AgencyDirectory } from '../auth/agency-directory.ts';
import { type Action, can, type Guarded } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { fold } from '../core/text.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import {
  assertLinkEnds,
  assertReviewDate,
  defaultReviewDate,
  displayNameOf,
  type LinkType,
  type RecordKind,
  searchTextOf,
} from './record.ts';
import { type LinkRow, type ListedRecord, type RecordsRepo, type StoredRecord, type Viewer } from './records.repo.ts';
import { checkRecordData } from './records.schema.ts';
import { originNodeOf } from './foreign-records.ts';
import type { CreateLinkInput, CreateRecordInput, UpdateRecordInput } from './records.schema.ts';

export interface ListQuery {
  kind?: RecordKind;
  q?: string;
  ownerAgencyId?: string;
  includeExpired?: boolean;
  onlyExpired?: boolean;
  limit?: number;
  cursor?: string;
}

const MAX_LINKS = 500;

/** Records with provenance: every use case authorises, validates, writes in one transaction and audits. */
/** A change to one of this node's records, as the federation's outbox sees it (in the change's transaction). */
export type RecordChange = { type: 'upsert' | 'withdraw'; record: StoredRecord };
export type RecordOutbox = (trx: Db, change: RecordChange) => Promise<void>;

export class RecordsService {
  #outbox: RecordOutbox | undefined;

  constructor(
    private readonly db: Db,
    private readonly repo: RecordsRepo,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** Every change to this node's own records also goes to `outbox`, in the same transaction (the federation wires it). */
  shareThrough(outbox: RecordOutbox): void {
    this.#outbox = outbox;
  }

  async create(actor: Actor, input: CreateRecordInput, purpose = ''): Promise<StoredRecord> {
    this.authorize(actor, 'record.create');
    const now = this.clock.now();
    const data = checkRecordData(input.kind, input.data);
    const restrictedTo = await this.checkRestriction(input.handling?.restrictedTo ?? []);
    const id = this.ids();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.insertMany(trx, [
        {
          id,
          kind: input.kind,
          displayName: displayNameOf(input.kind, data),
          searchText: searchTextOf(input.kind, data),
          data,
          ownerAgencyId: actor.agencyId,
          tlp: (input.handling?.tlp ?? 'AMBER') as TlpLevel,
          restrictedTo,
          legalBasisCode: input.legalBasisCode,
          legalBasis: input.legalBasis.trim(),
          reviewDate: input.reviewDate ? assertReviewDate(input.reviewDate, now) : defaultReviewDate(now),
          source: null,
          externalId: null,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
          version: 1,
        },
      ]);
      await this.audit.append(trx, actor, { action: 'record.create', targetType: input.kind, targetId: id, subjectIds: [id], purpose });
      if (this.#outbox) await this.#outbox(trx, { type: 'upsert', record: (await this.repo.byId(trx, id))! });
    });
    await this.bus.publish('records.created', { id, kind: input.kind });
    return (await this.repo.byId(this.db, id))!;
  }

  /** One record, if the actor may see it; the read is audited with its purpose. */
  async get(actor: Actor, id: string, purpose = ''): Promise<StoredRecord> {
    this.authorize(actor, 'record.read');
    const rec = await this.visibleRecord(actor, id, 'record.read');
    await this.audit.record(actor, { action: 'record.read', targetType: rec.kind, targetId: id, subjectIds: [id], purpose });
    return rec;
  }

  /** A page of visible records, newest first; the records shown are audited as seen. */
  async list(actor: Actor, query: ListQuery, purpose = ''): Promise<Page<ListedRecord>> {
    this.authorize(actor, 'record.read');
    const limit = pageLimit(query.limit);
    const isDpo = actor.roles.includes('dpo');
    if ((query.includeExpired || query.onlyExpired) && !isDpo) {
      throw forbidden('forbidden_role', 'Only the data-protection officer sees records past their review date');
    }
    const tokens = query.q ? fold(query.q).split(' ').filter(Boolean).slice(0, 8) : undefined;
    const rows = await this.repo.list(
      this.db,
      this.viewer(actor, query.includeExpired || query.onlyExpired),
      { kind: query.kind, tokens, ownerAgencyId: query.ownerAgencyId, beforeId: decodeCursor<string>(query.cursor, 'string'), onlyExpired: query.onlyExpired },
      limit + 1,
    );
    const page = toPage(rows, limit, (r) => r.id);
    await this.audit.record(actor, {
      action: 'record.search',
      targetType: query.kind ?? 'record',
      subjectIds: page.items.map((r) => r.id),
      purpose,
      details: { returned: page.items.length, withQuery: Boolean(tokens?.length), kind: query.kind ?? null },
    });
    return page;
  }

  async update(actor: Actor, id: string, input: UpdateRecordInput, purpose = ''): Promise<StoredRecord> {
    this.authorize(actor, 'record.update');
    const rec = await this.visibleRecord(actor, id, 'record.update');
    const now = this.clock.now();
    const data = input.data ? checkRecordData(rec.kind, input.data) : undefined;
    const restrictedTo = input.handling ? await this.checkRestriction(input.handling.restrictedTo ?? []) : undefined;
    const changed = Object.keys(input).filter((k) => k !== 'version' && (input as any)[k] !== undefined);
    await this.db.transaction().execute(async (trx) => {
      const ok = await this.repo.update(trx, id, input.version, {
        ...(data ? { data, displayName: displayNameOf(rec.kind, data), searchText: searchTextOf(rec.kind, data) } : {}),
        ...(input.handling ? { tlp: input.handling.tlp as TlpLevel, restrictedTo } : {}),
        ...(input.legalBasisCode ? { legalBasisCode: input.legalBasisCode } : {}),
        ...(input.legalBasis ? { legalBasis: input.legalBasis.trim() } : {}),
        ...(input.reviewDate ? { reviewDate: assertReviewDate(input.reviewDate, now) } : {}),
        updatedAt: now,
        updatedBy: actor.userId,
      });
      if (!ok) throw conflict('version_conflict', 'The record changed since you read it: reload and try again', { version: rec.version });
      await this.audit.append(trx, actor, { action: 'record.update', targetType: rec.kind, targetId: id, subjectIds: [id], purpose, details: { fields: changed } });
      if (this.#outbox) await this.#outbox(trx, { type: 'upsert', record: (await this.repo.byId(trx, id))! });
    });
    await this.bus.publish('records.updated', { id, kind: rec.kind });
    return (await this.repo.byId(this.db, id))!;
  }

  async remove(actor: Actor, id: string, version: number, purpose = ''): Promise<void> {
    this.authorize(actor, 'record.delete');
    const rec = await this.visibleRecord(actor, id, 'record.delete');
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.delete(trx, id, version))) {
        throw conflict('version_conflict', 'The record changed since you read it: reload and try again', { version: rec.version });
      }
      await this.audit.append(trx, actor, { action: 'record.delete', targetType: rec.kind, targetId: id, subjectIds: [id], purpose });
      if (this.#outbox) await this.#outbox(trx, { type: 'withdraw', record: rec });
    });
    await this.bus.publish('records.deleted', { id, kind: rec.kind });
  }

  /**
   * Deletes every record whose review date has passed. Only the data-protection officer,
   * only by this explicit command; each purged id goes into the audit log.
   */
  async purgeExpired(actor: Actor, purpose: string): Promise<{ purged: number }> {
    this.authorize(actor, 'record.purge');
    const today = toIsoDate(this.clock.now());
    let purged = 0;
    for (;;) {
      const batch = await this.repo.expiredIds(this.db, today, 500);
      if (batch.length === 0) break;
      await this.db.transaction().execute(async (trx) => {
        purged += await this.repo.deleteIds(trx, batch.map((b) => b.id));
        await this.audit.append(trx, actor, {
          action: 'record.purge',
          targetType: 'record',
          subjectIds: batch.map((b) => b.id),
          purpose,
          details: { count: batch.length, reviewDateBefore: today },
        });
      });
      for (const b of batch) await this.bus.publish('records.deleted', { id: b.id, kind: b.kind });
    }
    return { purged };
  }

  async stats(actor: Actor) {
    this.authorize(actor, 'record.read');
    const records = await this.repo.countByKind(this.db, this.viewer(actor, false));
    return { records, links: await this.repo.countLinks(this.db) };
  }

  async createLink(actor: Actor, input: CreateLinkInput, purpose = ''): Promise<LinkRow> {
    this.authorize(actor, 'record.create');
    if (input.fromId === input.toId) throw invalid('invalid_link', 'A record cannot be linked to itself');
    const from = await this.visibleRecord(actor, input.fromId, 'record.read');
    const to = await this.visibleRecord(actor, input.toId, 'record.read');
    assertLinkEnds(input.type as LinkType, from.kind, to.kind);
    const link: LinkRow = {
      id: this.ids(),
      fromId: from.id,
      toId: to.id,
      type: input.type as LinkType,
      note: input.note?.trim() || null,
      ownerAgencyId: actor.agencyId,
      source: null,
      createdAt: this.clock.now(),
      createdBy: actor.userId,
    };
    await this.db.transaction().execute(async (trx) => {
      if ((await this.repo.insertLinks(trx, [link])) === 0) throw conflict('link_exists', 'These records are already linked this way');
      await this.audit.append(trx, actor, { action: 'link.create', targetType: 'link', targetId: link.id, subjectIds: [from.id, to.id], purpose, details: { type: link.type } });
    });
    await this.bus.publish('links.created', { id: link.id, fromId: from.id, toId: to.id, type: link.type });
    return link;
  }

  async removeLink(actor: Actor, id: string, purpose = ''): Promise<void> {
    this.authorize(actor, 'record.delete');
    const link = await this.repo.linkById(this.db, id);
    if (!link) throw notFound('link_not_found', 'No such link');
    if (link.ownerAgencyId !== actor.agencyId) throw forbidden('record_not_owner', 'Only the agency that made a link may remove it');
    await this.db.transaction().execute(async (trx) => {
      await this.repo.deleteLink(trx, id);
      await this.audit.append(trx, actor, { action: 'link.delete', targetType: 'link', targetId: id, subjectIds: [link.fromId, link.toId], purpose });
    });
    await this.bus.publish('links.deleted', { id, fromId: link.fromId, toId: link.toId, type: link.type });
  }

  async links(actor: Actor, recordId: string, purpose = '') {
    this.authorize(actor, 'record.read');
    await this.visibleRecord(actor, recordId, 'record.read');
    const items = await this.repo.linksOf(this.db, recordId, this.viewer(actor, false), MAX_LINKS);
    await this.audit.record(actor, {
      action: 'record.links',
      targetType: 'record',
      targetId: recordId,
      subjectIds: [recordId, ...items.map((l) => l.otherId)],
      purpose,
      details: { returned: items.length },
    });
    return items;
  }

  // ---- helpers

  private viewer(actor: Actor, includeExpired = false): Viewer {
    return { agencyId: actor.agencyId, seesAll: actor.roles.includes('dpo'), includeExpired, today: toIsoDate(this.clock.now()) };
  }

  /** Loads a record and applies the policy; a record the actor may not see is reported as not found. */
  private async visibleRecord(actor: Actor, id: string, action: Action): Promise<StoredRecord> {
    const rec = await this.repo.byId(this.db, id);
    const isDpo = actor.roles.includes('dpo');
    if (!rec || (rec.reviewDate < toIsoDate(this.clock.now()) && !isDpo)) throw notFound('record_not_found', 'No such record');
    const origin = originNodeOf(rec.source);
    if (origin && action !== 'record.read' && can(actor, 'record.read', rec).allowed) {
      throw conflict('foreign_record_read_only', `This record belongs to node ${origin}: only its owner changes it; comment or ask the owner through a message`, { originNode: origin });
    }
    const guarded: Guarded = { ownerAgencyId: rec.ownerAgencyId, tlp: rec.tlp, restrictedTo: rec.restrictedTo };
    const read = can(actor, 'record.read', guarded);
    if (!read.allowed) throw notFound('record_not_found', 'No such record');
    const d = can(actor, action, guarded);
    if (!d.allowed) throw forbidden(d.code, d.code === 'record_not_owner' ? 'Only the owner agency may change or delete this record' : 'You may not do this');
    return rec;
  }

  private authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }

  private async checkRestriction(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    for (const id of unique) {
      if (!(await this.agencies.exists(id))) throw invalid('unknown_agency', 'restrictedTo names an agency that does not exist', { agencyId: id });
    }
    return unique;
  }
}
