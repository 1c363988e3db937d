import type { Actor } from '../auth/roles.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { normalizeRegion } from '../core/regions.ts';
import { authorize, recordVisible, sees, viewerOf } from './access.ts';
import { assertNotFuture, isForeignNational, regionFilter, yearRange } from './case.ts';
import { type DisplayQuantity, displayQuantity, type Measure, toBaseQuantity } from './catalogue.ts';
import type { ArrestRow, ComplaintRow, MigrationEventRow, SeizureRow, WarrantRow } from './cases.repo.ts';
import type {
  CreateComplaintInput,
  CreateMigrationEventInput,
  CreateWarrantInput,
  RecordArrestInput,
  RecordSeizureInput,
} from './cases.schema.ts';
import type { CasesDeps, CasesService } from './cases.service.ts';

/** A warrant with the name of the person sought, when the caller may see that person's record. */
export interface WarrantView extends WarrantRow {
  personDisplayName: string | null;
}

export interface SeizureView extends SeizureRow {
  measure: Measure;
  display: DisplayQuantity;
}

interface PageQuery {
  limit?: number;
  cursor?: string;
}

/**
 * The facts recorded in a case (arrests, seizures) and the counted facts that may stand alone
 * (migration events, warrants, online complaints). Each is written once; the annual report adds them up.
 */
export class FactsService {
  #nodeCountry: string | undefined;
  constructor(
    private readonly d: CasesDeps,
    private readonly cases: CasesService,
  ) {}

  // ---- arrests

  async recordArrest(actor: Actor, caseId: string, input: RecordArrestInput, purpose = ''): Promise<ArrestRow> {
    authorize(actor, 'case.write');
    const c = await this.cases.visibleCase(actor, caseId, true);
    const now = this.d.clock.now();
    const arrestedOn = assertNotFuture(input.arrestedOn, toIsoDate(now), 'arrestedOn');
    let nationality = input.nationality ?? null;
    if (input.personRecordId) {
      const rec = await this.d.records.get(actor, input.personRecordId, purpose || 'arrest');
      if (rec.kind !== 'person') throw invalid('party_kind_mismatch', `The record is a ${rec.kind}, not a person`, { recordKind: rec.kind });
      const nats = (rec.data as { nationalities?: string[] }).nationalities;
      nationality ??= nats?.[0] ?? null;
    }
    const agencyId = await this.agency(actor, input.agencyId);
    let gangs: string[] = [];
    const row: ArrestRow = {
      id: this.d.ids(),
      caseId,
      personRecordId: input.personRecordId ?? null,
      arrestedOn,
      region: normalizeRegion(input.region).value,
      city: input.city?.trim() || null,
      place: input.place?.trim() || null,
      agencyId,
      nationality,
      foreignNational: isForeignNational(nationality, await this.nodeCountry()),
      internationalWarrant: input.internationalWarrant ?? false,
      createdAt: now,
      createdBy: actor.userId,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertArrest(trx, row);
      // the arrested person is a party of the case: the link graph reads parties
      if (row.personRecordId && !(await this.d.repo.partyExists(trx, caseId, 'person', row.personRecordId, null, 'arrested'))) {
        await this.d.repo.insertParty(trx, { id: this.d.ids(), caseId, kind: 'person', recordId: row.personRecordId, value: null, role: 'arrested', createdAt: now });
      }
      // the arrest reaches the gangs made from this case: the person, a member, is arrested there too
      gangs = row.personRecordId ? await this.d.repo.markArrestInCaseGangs(trx, caseId, row.personRecordId, arrestedOn, row.id) : [];
      for (const gangId of gangs) await this.d.repo.touchGang(trx, gangId, now);
      await this.cases.touch(trx, actor, c);
      await this.d.audit.appendMany(trx, [
        {
          actor,
          ev: {
            action: 'arrest.record',
            targetType: 'arrest',
            targetId: row.id,
            subjectIds: row.personRecordId ? [row.personRecordId] : [],
            purpose,
            details: { caseId, foreignNational: row.foreignNational, internationalWarrant: row.internationalWarrant, gangs: gangs.length },
          },
        },
        ...gangs.map((gangId) => ({
          actor,
          ev: { action: 'gang.member.arrested', targetType: 'gang', targetId: gangId, subjectIds: [row.personRecordId!], purpose, details: { arrestId: row.id, caseId } },
        })),
      ]);
    });
    await this.d.bus.publish('arrests.recorded', { id: row.id, caseId });
    for (const gangId of gangs) await this.d.bus.publish('gangs.updated', { id: gangId });
    return row;
  }

  async arrests(actor: Actor, caseId: string, q: PageQuery): Promise<Page<ArrestRow>> {
    authorize(actor, 'case.read');
    await this.cases.visibleCase(actor, caseId, false);
    const limit = pageLimit(q.limit);
    const page = toPage(await this.d.repo.arrestsOf(this.d.db, caseId, decodeCursor<string>(q.cursor, 'string'), limit + 1), limit, (r) => r.id);
    // an arrested person the caller may not see stays an arrest, without the person
    const guards = await this.d.repo.recordGuards(this.d.db, page.items.flatMap((a) => (a.personRecordId ? [a.personRecordId] : [])));
    const today = toIsoDate(this.d.clock.now());
    const items = page.items.map((a) => {
      const g = a.personRecordId ? guards.get(a.personRecordId) : undefined;
      return g && recordVisible(actor, g, today) ? a : { ...a, personRecordId: null };
    });
    return { items, nextCursor: page.nextCursor };
  }

  async removeArrest(actor: Actor, caseId: string, arrestId: string, purpose = ''): Promise<void> {
    authorize(actor, 'case.write');
    const c = await this.cases.visibleCase(actor, caseId, true);
    let unmarked: Array<{ gangId: string; personRecordId: string }> = [];
    await this.d.db.transaction().execute(async (trx) => {
      // a gang member this arrest marked arrested is at large again
      const arrest = await this.d.repo.arrest(trx, arrestId);
      if (arrest?.caseId === caseId) unmarked = await this.d.repo.clearArrestFromGangs(trx, arrestId);
      if (!(await this.d.repo.deleteArrest(trx, caseId, arrestId))) throw notFound('arrest_not_found', 'No such arrest in this case');
      for (const gangId of new Set(unmarked.map((m) => m.gangId))) await this.d.repo.touchGang(trx, gangId, this.d.clock.now());
      await this.cases.touch(trx, actor, c);
      await this.d.audit.appendMany(trx, [
        { actor, ev: { action: 'arrest.delete', targetType: 'arrest', targetId: arrestId, purpose, details: { caseId } } },
        ...unmarked.map((m) => ({
          actor,
          ev: { action: 'gang.member.arrest_removed', targetType: 'gang', targetId: m.gangId, subjectIds: [m.personRecordId], purpose, details: { arrestId, caseId } },
        })),
      ]);
    });
    await this.d.bus.publish('cases.updated', { id: caseId });
    for (const gangId of new Set(unmarked.map((m) => m.gangId))) await this.d.bus.publish('gangs.updated', { id: gangId });
  }

  // ---- seizures

  async recordSeizure(actor: Actor, caseId: string, input: RecordSeizureInput, purpose = ''): Promise<SeizureView> {
    authorize(actor, 'case.write');
    const c = await this.cases.visibleCase(actor, caseId, true);
    const now = this.d.clock.now();
    const substance = await this.d.repo.substance(this.d.db, input.substance);
    if (!substance) throw invalid('unknown_substance', 'No such substance or object in the catalogue', { substance: input.substance });
    const measure = substance.measure as Measure;
    const { quantity, currency } = toBaseQuantity(measure, input.quantity);
    const row: SeizureRow = {
      id: this.d.ids(),
      caseId,
      substance: substance.code,
      quantity,
      currency,
      seizedOn: assertNotFuture(input.seizedOn, toIsoDate(now), 'seizedOn'),
      region: normalizeRegion(input.region).value,
      city: input.city?.trim() || null,
      place: input.place?.trim() || null,
      agencyId: await this.agency(actor, input.agencyId),
      createdAt: now,
      createdBy: actor.userId,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertSeizure(trx, row);
      await this.cases.touch(trx, actor, c);
      await this.d.audit.append(trx, actor, { action: 'seizure.record', targetType: 'seizure', targetId: row.id, purpose, details: { caseId, substance: row.substance, quantity } });
    });
    await this.d.bus.publish('seizures.recorded', { id: row.id, caseId });
    return { ...row, measure, display: displayQuantity(measure, quantity, currency) };
  }

  async seizures(actor: Actor, caseId: string, q: PageQuery): Promise<Page<SeizureView>> {
    authorize(actor, 'case.read');
    await this.cases.visibleCase(actor, caseId, false);
    const limit = pageLimit(q.limit);
    const page = toPage(await this.d.repo.seizuresOf(this.d.db, caseId, decodeCursor<string>(q.cursor, 'string'), limit + 1), limit, (r) => r.id);
    const measures = new Map((await this.d.repo.substances(this.d.db)).map((s) => [s.code, s.measure as Measure]));
    const items = page.items.map((s) => {
      const measure = measures.get(s.substance) ?? 'count';
      return { ...s, quantity: Number(s.quantity), measure, display: displayQuantity(measure, s.quantity, s.currency) };
    });
    return { items, nextCursor: page.nextCursor };
  }

  async removeSeizure(actor: Actor, caseId: string, seizureId: string, purpose = ''): Promise<void> {
    authorize(actor, 'case.write');
    const c = await this.cases.visibleCase(actor, caseId, true);
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.deleteSeizure(trx, caseId, seizureId))) throw notFound('seizure_not_found', 'No such seizure in this case');
      await this.cases.touch(trx, actor, c);
      await this.d.audit.append(trx, actor, { action: 'seizure.delete', targetType: 'seizure', targetId: seizureId, purpose, details: { caseId } });
    });
    await this.d.bus.publish('cases.updated', { id: caseId });
  }

  // ---- migration events, warrants, complaints: optionally in a case (then the case's owner records them)

  async recordMigrationEvent(actor: Actor, input: CreateMigrationEventInput, purpose = ''): Promise<MigrationEventRow> {
    authorize(actor, 'case.write');
    const now = this.d.clock.now();
    if (input.caseId) await this.cases.visibleCase(actor, input.caseId, true);
    const row: MigrationEventRow = {
      id: this.d.ids(),
      kind: input.kind,
      occurredOn: assertNotFuture(input.occurredOn, toIsoDate(now), 'occurredOn'),
      region: normalizeRegion(input.region).value,
      persons: input.persons,
      caseId: input.caseId ?? null,
      agencyId: actor.agencyId,
      createdAt: now,
      createdBy: actor.userId,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertMigrationEvent(trx, row);
      await this.d.audit.append(trx, actor, { action: 'migration_event.record', targetType: 'migration_event', targetId: row.id, purpose, details: { kind: row.kind, persons: row.persons } });
    });
    await this.d.bus.publish('migration_events.recorded', { id: row.id });
    return row;
  }

  async migrationEvents(actor: Actor, q: PageQuery & { kind?: string; region?: string; year?: number }): Promise<Page<MigrationEventRow>> {
    authorize(actor, 'case.read');
    const limit = pageLimit(q.limit);
    const r = q.year !== undefined ? yearRange(q.year) : undefined;
    const rows = await this.d.repo.listMigrationEvents(this.d.db, viewerOf(actor), { kind: q.kind, region: regionFilter(q.region), from: r?.from, to: r?.to, beforeId: decodeCursor<string>(q.cursor, 'string') }, limit + 1);
    return toPage(rows, limit, (x) => x.id);
  }

  async recordWarrant(actor: Actor, input: CreateWarrantInput, purpose = ''): Promise<WarrantView> {
    authorize(actor, 'case.write');
    const now = this.d.clock.now();
    const today = toIsoDate(now);
    if (input.caseId) await this.cases.visibleCase(actor, input.caseId, true);
    let personDisplayName: string | null = null;
    if (input.personRecordId) {
      const rec = await this.d.records.get(actor, input.personRecordId, purpose || 'warrant');
      if (rec.kind !== 'person') throw invalid('party_kind_mismatch', `The record is a ${rec.kind}, not a person`, { recordKind: rec.kind });
      personDisplayName = rec.displayName;
    }
    const issuedOn = assertNotFuture(input.issuedOn, today, 'issuedOn');
    if (input.executedOn) this.assertExecution(issuedOn, input.executedOn, today);
    const row: WarrantRow = {
      id: this.d.ids(),
      caseId: input.caseId ?? null,
      personRecordId: input.personRecordId ?? null,
      scope: input.scope,
      issuedOn,
      executedOn: input.executedOn ?? null,
      issuingAuthority: input.issuingAuthority.trim(),
      agencyId: actor.agencyId,
      createdAt: now,
      createdBy: actor.userId,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertWarrant(trx, row);
      await this.d.audit.append(trx, actor, {
        action: 'warrant.record',
        targetType: 'warrant',
        targetId: row.id,
        subjectIds: row.personRecordId ? [row.personRecordId] : [],
        purpose,
        details: { scope: row.scope, executed: row.executedOn !== null },
      });
    });
    await this.d.bus.publish('warrants.recorded', { id: row.id });
    return { ...row, personDisplayName };
  }

  /** Marks a warrant executed; only the agency that recorded it does. */
  async executeWarrant(actor: Actor, id: string, executedOn: string, purpose = ''): Promise<WarrantView> {
    authorize(actor, 'case.write');
    const w = await this.d.repo.warrant(this.d.db, id);
    if (!w) throw notFound('warrant_not_found', 'No such warrant');
    const c = w.caseId ? await this.d.repo.caseById(this.d.db, w.caseId) : undefined;
    if (c && !sees(actor, c)) throw notFound('warrant_not_found', 'No such warrant');
    if (w.agencyId !== actor.agencyId) throw forbidden('warrant_not_owner', 'Only the agency that recorded the warrant marks it executed');
    this.assertExecution(w.issuedOn, executedOn, toIsoDate(this.d.clock.now()));
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.executeWarrant(trx, id, executedOn))) throw conflict('warrant_already_executed', 'The warrant is already marked executed');
      await this.d.audit.append(trx, actor, { action: 'warrant.execute', targetType: 'warrant', targetId: id, purpose, details: { executedOn } });
    });
    await this.d.bus.publish('warrants.executed', { id });
    return (await this.withPersons(actor, [(await this.d.repo.warrant(this.d.db, id))!]))[0];
  }

  async warrants(actor: Actor, q: PageQuery & { scope?: string; executed?: boolean; year?: number }): Promise<Page<WarrantView>> {
    authorize(actor, 'case.read');
    const limit = pageLimit(q.limit);
    const r = q.year !== undefined ? yearRange(q.year) : undefined;
    const rows = await this.d.repo.listWarrants(this.d.db, viewerOf(actor), { scope: q.scope, executed: q.executed, from: r?.from, to: r?.to, beforeId: decodeCursor<string>(q.cursor, 'string') }, limit + 1);
    const page = toPage(rows, limit, (x) => x.id);
    return { items: await this.withPersons(actor, page.items), nextCursor: page.nextCursor };
  }

  /**
   * The person sought by name when the caller may see the record (the records module's rule);
   * a person the caller may not see is left out: no id, no name.
   */
  private async withPersons(actor: Actor, warrants: WarrantRow[]): Promise<WarrantView[]> {
    const guards = await this.d.repo.recordGuards(this.d.db, warrants.flatMap((w) => (w.personRecordId ? [w.personRecordId] : [])));
    const today = toIsoDate(this.d.clock.now());
    return warrants.map((w) => {
      const g = w.personRecordId ? guards.get(w.personRecordId) : undefined;
      return g && recordVisible(actor, g, today) ? { ...w, personDisplayName: g.recordDisplayName } : { ...w, personRecordId: null, personDisplayName: null };
    });
  }

  async recordComplaint(actor: Actor, input: CreateComplaintInput, purpose = ''): Promise<ComplaintRow> {
    authorize(actor, 'case.write');
    const now = this.d.clock.now();
    if (input.caseId) await this.cases.visibleCase(actor, input.caseId, true);
    if (!(await this.d.repo.categoryExists(this.d.db, input.category))) throw invalid('unknown_category', 'No such case category in the catalogue', { category: input.category });
    const row: ComplaintRow = {
      id: this.d.ids(),
      channel: input.channel,
      category: input.category,
      receivedOn: assertNotFuture(input.receivedOn, toIsoDate(now), 'receivedOn'),
      region: normalizeRegion(input.region).value,
      status: input.status ?? 'received',
      caseId: input.caseId ?? null,
      agencyId: actor.agencyId,
      createdAt: now,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertComplaint(trx, row);
      await this.d.audit.append(trx, actor, { action: 'complaint.record', targetType: 'complaint', targetId: row.id, purpose, details: { channel: row.channel, category: row.category } });
    });
    await this.d.bus.publish('complaints.recorded', { id: row.id });
    return row;
  }

  async complaints(actor: Actor, q: PageQuery & { channel?: string; category?: string; region?: string; year?: number }): Promise<Page<ComplaintRow>> {
    authorize(actor, 'case.read');
    const limit = pageLimit(q.limit);
    const r = q.year !== undefined ? yearRange(q.year) : undefined;
    const rows = await this.d.repo.listComplaints(
      this.d.db,
      viewerOf(actor),
      { channel: q.channel, category: q.category, region: regionFilter(q.region), from: r?.from, to: r?.to, beforeId: decodeCursor<string>(q.cursor, 'string') },
      limit + 1,
    );
    return toPage(rows, limit, (x) => x.id);
  }

  // ---- helpers

  private assertExecution(issuedOn: string, executedOn: string, today: string) {
    assertNotFuture(executedOn, today, 'executedOn');
    if (executedOn < issuedOn) throw invalid('executed_before_issued', 'A warrant cannot be executed before it was issued', { issuedOn, executedOn });
  }

  /** The agency that made the arrest or seizure: the caller's by default, or another agency of the node. */
  private async agency(actor: Actor, agencyId: string | undefined): Promise<string> {
    if (!agencyId || agencyId === actor.agencyId) return actor.agencyId;
    if (!(await this.d.repo.agencyExists(this.d.db, agencyId))) throw invalid('unknown_agency', 'No such agency', { agencyId });
    return agencyId;
  }

  /** The node's country (the hub agency's), against which an arrested person is a foreign national. */
  private async nodeCountry(): Promise<string> {
    this.#nodeCountry ??= await this.d.repo.nodeCountry(this.d.db);
    if (!this.#nodeCountry) throw invalid('no_hub_agency', 'The node has no hub agency to take its country from');
    return this.#nodeCountry;
  }
}
