import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { normalizeRegion } from '../core/regions.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import { authorize, guard, recordVisible, viewerOf } from './access.ts';
import { assertNotFuture, type CaseStatus, regionFilter, type PartyKind, caseReference, checkClosing, isRecordPartyKind, normalizeAddress, normalizePhone, yearRange } from './case.ts';
import type { CasesRepo, PartyRow, StoredCase } from './cases.repo.ts';
import type { AddPartyInput, CaseListQuery, CloseCaseInput, CreateCaseInput, UpdateCaseInput } from './cases.schema.ts';

/** The records module's public surface as cases need it: a record the actor may see, or `record_not_found`. */
export interface RecordLookup {
  get(actor: Actor, id: string, purpose?: string): Promise<{ id: string; kind: string; displayName: string; data: unknown }>;
}

export interface PartyView {
  id: string;
  kind: PartyKind;
  recordId: string | null;
  displayName: string | null;
  value: string | null;
  role: string;
  createdAt: Date;
}

/** The dependencies every cases use case shares. */
export interface CasesDeps {
  db: Db;
  repo: CasesRepo;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
  records: RecordLookup;
}

/** Cases and their parties: authorise → validate → one transaction → audit → event (ids only) after commit. */
export class CasesService {
  constructor(private readonly d: CasesDeps) {}

  async create(actor: Actor, input: CreateCaseInput, purpose = ''): Promise<StoredCase> {
    authorize(actor, 'case.write');
    const { db, repo, clock } = this.d;
    const now = clock.now();
    await this.assertCategory(input.category);
    const openedOn = assertNotFuture(input.openedOn, toIsoDate(now), 'openedOn');
    const restrictedTo = await this.checkRestriction(input.handling?.restrictedTo ?? []);
    const id = this.d.ids();
    await db.transaction().execute(async (trx) => {
      const n = await repo.nextCaseNumber(trx);
      await repo.insertCase(trx, {
        id,
        reference: caseReference(openedOn, n),
        category: input.category,
        title: input.title.trim(),
        summary: input.summary?.trim() || null,
        region: normalizeRegion(input.region).value,
        city: input.city?.trim() || null,
        openedOn,
        closedOn: null,
        status: 'open',
        ownerAgencyId: actor.agencyId,
        tlp: (input.handling?.tlp ?? 'AMBER') as TlpLevel,
        restrictedTo,
        source: null,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
        version: 1,
      });
      await this.d.audit.append(trx, actor, { action: 'case.create', targetType: 'case', targetId: id, purpose, details: { category: input.category } });
    });
    await this.d.bus.publish('cases.created', { id });
    return (await repo.caseById(db, id))!;
  }

  async get(actor: Actor, id: string, purpose = ''): Promise<StoredCase> {
    authorize(actor, 'case.read');
    const c = await this.visibleCase(actor, id, false);
    await this.d.audit.record(actor, { action: 'case.read', targetType: 'case', targetId: id, purpose });
    return c;
  }

  async list(actor: Actor, q: CaseListQuery, purpose = ''): Promise<Page<StoredCase>> {
    authorize(actor, 'case.read');
    const limit = pageLimit(q.limit);
    const range = q.year !== undefined ? yearRange(q.year) : undefined;
    const rows = await this.d.repo.listCases(
      this.d.db,
      viewerOf(actor),
      {
        category: q.category,
        status: q.status,
        region: regionFilter(q.region),
        from: range?.from,
        to: range?.to,
        ownerAgencyId: q.mine ? actor.agencyId : undefined,
        beforeId: decodeCursor<string>(q.cursor, 'string'),
      },
      limit + 1,
    );
    const page = toPage(rows, limit, (r) => r.id);
    await this.d.audit.record(actor, { action: 'case.search', targetType: 'case', purpose, details: { returned: page.items.length, year: q.year ?? null } });
    return page;
  }

  /** Edits by the owner agency; status and closing date are checked together. */
  async update(actor: Actor, id: string, input: UpdateCaseInput, purpose = ''): Promise<StoredCase> {
    authorize(actor, 'case.write');
    const c = await this.visibleCase(actor, id, true);
    const today = toIsoDate(this.d.clock.now());
    if (input.category !== undefined && input.category !== c.category) await this.assertCategory(input.category);
    const openedOn = input.openedOn !== undefined ? assertNotFuture(input.openedOn, today, 'openedOn') : c.openedOn;
    const status = (input.status ?? c.status) as CaseStatus;
    let closedOn = input.closedOn !== undefined ? input.closedOn : status === 'open' ? null : c.closedOn;
    if (status !== 'open' && !closedOn) closedOn = today;
    if (closedOn) assertNotFuture(closedOn, today, 'closedOn');
    checkClosing(status, openedOn, closedOn);
    const restrictedTo = input.handling ? await this.checkRestriction(input.handling.restrictedTo ?? []) : undefined;
    const fields = Object.keys(input).filter((k) => k !== 'version' && (input as Record<string, unknown>)[k] !== undefined);
    await this.write(actor, c, input.version, purpose, status !== c.status ? 'case.status' : 'case.update', { fields, status }, {
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.summary !== undefined ? { summary: input.summary?.trim() || null } : {}),
      ...(input.region !== undefined ? { region: normalizeRegion(input.region).value } : {}),
      ...(input.city !== undefined ? { city: input.city?.trim() || null } : {}),
      ...(input.handling ? { tlp: input.handling.tlp as TlpLevel, restrictedTo } : {}),
      openedOn,
      status,
      closedOn,
    });
    return (await this.d.repo.caseById(this.d.db, id))!;
  }

  /** Solved (cleared) or closed, on a date (today by default). */
  async close(actor: Actor, id: string, input: CloseCaseInput, purpose = ''): Promise<StoredCase> {
    return this.update(actor, id, { version: input.version, status: input.status, closedOn: input.closedOn ?? toIsoDate(this.d.clock.now()) }, purpose);
  }

  // ---- parties

  async parties(actor: Actor, caseId: string, purpose = ''): Promise<PartyView[]> {
    authorize(actor, 'case.read');
    await this.visibleCase(actor, caseId, false);
    const today = toIsoDate(this.d.clock.now());
    const rows = (await this.d.repo.parties(this.d.db, caseId)).filter((p) => p.recordId === null || recordVisible(actor, p, today));
    await this.d.audit.record(actor, {
      action: 'case.parties',
      targetType: 'case',
      targetId: caseId,
      subjectIds: rows.flatMap((p) => (p.recordId ? [p.recordId] : [])),
      purpose,
      details: { returned: rows.length },
    });
    return rows.map(partyView);
  }

  async addParty(actor: Actor, caseId: string, input: AddPartyInput, purpose = ''): Promise<PartyView> {
    authorize(actor, 'case.write');
    const c = await this.visibleCase(actor, caseId, true);
    let recordId: string | null = null;
    let value: string | null = null;
    let displayName: string | null = null;
    if (isRecordPartyKind(input.kind)) {
      if (!input.recordId || input.value !== undefined) throw invalid('invalid_party', `A ${input.kind} is given by recordId, without value`);
      const rec = await this.d.records.get(actor, input.recordId, purpose || 'case party');
      if (rec.kind !== input.kind) throw invalid('party_kind_mismatch', `The record is a ${rec.kind}, not a ${input.kind}`, { recordKind: rec.kind });
      recordId = rec.id;
      displayName = rec.displayName;
    } else {
      if (!input.value || input.recordId !== undefined) throw invalid('invalid_party', `A ${input.kind} is given by value, without recordId`);
      value = input.kind === 'phone' ? normalizePhone(input.value) : normalizeAddress(input.value);
      if (!value) throw invalid('invalid_party', 'The value is blank');
    }
    const role = input.role.trim();
    if (await this.d.repo.partyExists(this.d.db, caseId, input.kind, recordId, value, role)) throw conflict('party_exists', 'This party is already in the case with this role');
    const row = { id: this.d.ids(), caseId, kind: input.kind, recordId, value, role, createdAt: this.d.clock.now() };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertParty(trx, row);
      await this.touch(trx, actor, c);
      await this.d.audit.append(trx, actor, {
        action: 'case.party.add',
        targetType: 'case',
        targetId: caseId,
        subjectIds: recordId ? [recordId] : [],
        purpose,
        details: { partyId: row.id, kind: input.kind },
      });
    });
    await this.d.bus.publish('cases.updated', { id: caseId });
    return { ...row, displayName };
  }

  async removeParty(actor: Actor, caseId: string, partyId: string, purpose = ''): Promise<void> {
    authorize(actor, 'case.write');
    const c = await this.visibleCase(actor, caseId, true);
    await this.d.db.transaction().execute(async (trx) => {
      const gone = await this.d.repo.deleteParty(trx, caseId, partyId);
      if (!gone) throw notFound('party_not_found', 'No such party in this case');
      await this.touch(trx, actor, c);
      await this.d.audit.append(trx, actor, {
        action: 'case.party.remove',
        targetType: 'case',
        targetId: caseId,
        subjectIds: gone.recordId ? [gone.recordId] : [],
        purpose,
        details: { partyId, kind: gone.kind },
      });
    });
    await this.d.bus.publish('cases.updated', { id: caseId });
  }

  // ---- shared with the facts services

  /** Loads a case and applies visibility (404 case_not_found) and, for a change, ownership (403 case_not_owner). */
  async visibleCase(actor: Actor, id: string, write: boolean): Promise<StoredCase> {
    return guard(actor, await this.d.repo.caseById(this.d.db, id), write, 'case_not_found', 'case_not_owner');
  }

  /** A fact added to or removed from a case bumps its version, so concurrent editors notice. */
  async touch(trx: Db, actor: Actor, c: StoredCase): Promise<void> {
    await this.d.repo.touchCase(trx, c.id, this.d.clock.now(), actor.userId);
  }

  private async write(actor: Actor, c: StoredCase, version: number, purpose: string, action: string, details: Record<string, unknown>, set: Parameters<CasesRepo['updateCase']>[3]) {
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.d.repo.updateCase(trx, c.id, version, { ...set, updatedAt: this.d.clock.now(), updatedBy: actor.userId });
      if (!ok) throw conflict('version_conflict', 'The case changed since you read it: reload and try again', { version: c.version });
      await this.d.audit.append(trx, actor, { action, targetType: 'case', targetId: c.id, purpose, details });
    });
    await this.d.bus.publish('cases.updated', { id: c.id });
  }

  private async assertCategory(code: string) {
    if (!(await this.d.repo.categoryExists(this.d.db, code))) throw invalid('unknown_category', 'No such case category in the catalogue', { category: code });
  }

  async checkRestriction(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    for (const id of unique) {
      if (!(await this.d.repo.agencyExists(this.d.db, id))) throw invalid('unknown_agency', 'restrictedTo names an agency that does not exist', { agencyId: id });
    }
    return unique;
  }
}

const partyView = (p: PartyRow): PartyView => ({
  id: p.id,
  kind: p.kind,
  recordId: p.recordId,
  displayName: p.recordId ? p.recordDisplayName : null,
  value: p.value,
  role: p.role,
  createdAt: p.createdAt,
});
