import type { Actor } from '../auth/roles.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import type { TlpLevel } from '../core/handling.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { normalizeRegion } from '../core/regions.ts';
import { authorize, guard, recordVisible, sees, viewerOf } from './access.ts';
import { assertNotFuture, regionFilter, yearRange } from './case.ts';
import type { StoredGang } from './cases.repo.ts';
import type { CreateGangInput, GangListQuery, UpdateGangInput } from './cases.schema.ts';
import type { CasesDeps, CasesService } from './cases.service.ts';

export interface MemberView {
  personRecordId: string;
  displayName: string;
  role: string;
  arrestedOn: string | null;
  arrestId: string | null;
}
export interface GangView extends StoredGang {
  members: MemberView[];
}

type MemberInput = { personRecordId: string; role: string };

/** Gangs and networks: members with roles, arrests of members, status active → dismantled. */
export class GangsService {
  constructor(
    private readonly d: CasesDeps,
    private readonly cases: CasesService,
  ) {}

  async create(actor: Actor, input: CreateGangInput, purpose = ''): Promise<GangView> {
    authorize(actor, 'case.write');
    const now = this.d.clock.now();
    if (input.caseId) await this.cases.visibleCase(actor, input.caseId, true);
    if (input.groupRecordId) await this.record(actor, input.groupRecordId, 'group', purpose);
    const members = await this.checkMembers(actor, input.members ?? [], purpose);
    const restrictedTo = await this.cases.checkRestriction(input.handling?.restrictedTo ?? []);
    const id = this.d.ids();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.insertGang(trx, {
        id,
        name: input.name.trim(),
        groupRecordId: input.groupRecordId ?? null,
        caseId: input.caseId ?? null,
        kind: input.kind,
        status: 'active',
        dismantledOn: null,
        region: normalizeRegion(input.region).value,
        ownerAgencyId: actor.agencyId,
        tlp: (input.handling?.tlp ?? 'AMBER') as TlpLevel,
        restrictedTo,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        version: 1,
      });
      await this.d.repo.upsertMembers(trx, members.map((m) => ({ gangId: id, ...m })));
      // members already arrested in the case the gang is made from count as arrested at once
      const arrested = input.caseId ? await this.d.repo.markMembersFromCaseArrests(trx, id, input.caseId) : [];
      await this.d.audit.appendMany(trx, [
        {
          actor,
          ev: { action: 'gang.create', targetType: 'gang', targetId: id, subjectIds: members.map((m) => m.personRecordId), purpose, details: { kind: input.kind, members: members.length } },
        },
        ...this.arrestEvents(actor, id, input.caseId ?? null, arrested, purpose),
      ]);
    });
    await this.d.bus.publish('gangs.created', { id });
    return this.view(actor, (await this.d.repo.gangById(this.d.db, id))!);
  }

  async get(actor: Actor, id: string, purpose = ''): Promise<GangView> {
    authorize(actor, 'case.read');
    const g = await this.visibleGang(actor, id, false);
    const view = await this.view(actor, g);
    await this.d.audit.record(actor, { action: 'gang.read', targetType: 'gang', targetId: id, subjectIds: view.members.map((m) => m.personRecordId), purpose });
    return view;
  }

  async list(actor: Actor, q: GangListQuery): Promise<Page<StoredGang>> {
    authorize(actor, 'case.read');
    const limit = pageLimit(q.limit);
    const r = q.year !== undefined ? yearRange(q.year) : undefined;
    const rows = await this.d.repo.listGangs(
      this.d.db,
      viewerOf(actor),
      { kind: q.kind, status: q.status, region: regionFilter(q.region), from: r?.from, to: r?.to, beforeId: decodeCursor<string>(q.cursor, 'string') },
      limit + 1,
    );
    return toPage(rows, limit, (g) => g.id);
  }

  async update(actor: Actor, id: string, input: UpdateGangInput, purpose = ''): Promise<GangView> {
    authorize(actor, 'case.write');
    const g = await this.visibleGang(actor, id, true);
    const restrictedTo = input.handling ? await this.cases.checkRestriction(input.handling.restrictedTo ?? []) : undefined;
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.d.repo.updateGang(trx, id, input.version, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.region !== undefined ? { region: normalizeRegion(input.region).value } : {}),
        ...(input.handling ? { tlp: input.handling.tlp as TlpLevel, restrictedTo } : {}),
        updatedAt: this.d.clock.now(),
      });
      if (!ok) throw conflict('version_conflict', 'The gang changed since you read it: reload and try again', { version: g.version });
      const fields = Object.keys(input).filter((k) => k !== 'version');
      await this.d.audit.append(trx, actor, { action: 'gang.update', targetType: 'gang', targetId: id, purpose, details: { fields } });
    });
    await this.d.bus.publish('gangs.updated', { id });
    return this.view(actor, (await this.d.repo.gangById(this.d.db, id))!);
  }

  /** Adds members (or changes the role of members already in). */
  async addMembers(actor: Actor, id: string, input: MemberInput[], purpose = ''): Promise<GangView> {
    authorize(actor, 'case.write');
    const g = await this.visibleGang(actor, id, true);
    const members = await this.checkMembers(actor, input, purpose);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.upsertMembers(trx, members.map((m) => ({ gangId: id, ...m })));
      const arrested = g.caseId ? await this.d.repo.markMembersFromCaseArrests(trx, id, g.caseId) : [];
      await this.d.repo.touchGang(trx, id, this.d.clock.now());
      await this.d.audit.appendMany(trx, [
        { actor, ev: { action: 'gang.member.add', targetType: 'gang', targetId: id, subjectIds: members.map((m) => m.personRecordId), purpose, details: { count: members.length } } },
        ...this.arrestEvents(actor, id, g.caseId, arrested, purpose),
      ]);
    });
    await this.d.bus.publish('gangs.updated', { id });
    return this.view(actor, (await this.d.repo.gangById(this.d.db, id))!);
  }

  async removeMember(actor: Actor, id: string, personRecordId: string, purpose = ''): Promise<void> {
    authorize(actor, 'case.write');
    await this.visibleGang(actor, id, true);
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.deleteMember(trx, id, personRecordId))) throw notFound('member_not_found', 'No such member of this gang');
      await this.d.repo.touchGang(trx, id, this.d.clock.now());
      await this.d.audit.append(trx, actor, { action: 'gang.member.remove', targetType: 'gang', targetId: id, subjectIds: [personRecordId], purpose });
    });
    await this.d.bus.publish('gangs.updated', { id });
  }

  /** Links a member to the arrest recorded for them in a case; the member counts as arrested on its date. */
  async markMemberArrested(actor: Actor, id: string, personRecordId: string, arrestId: string, purpose = ''): Promise<GangView> {
    authorize(actor, 'case.write');
    await this.visibleGang(actor, id, true);
    if (!(await this.d.repo.member(this.d.db, id, personRecordId))) throw notFound('member_not_found', 'No such member of this gang');
    const arrest = await this.d.repo.arrest(this.d.db, arrestId);
    const arrestCase = arrest ? await this.d.repo.caseById(this.d.db, arrest.caseId) : undefined;
    if (!arrest || !arrestCase || !sees(actor, arrestCase)) throw notFound('arrest_not_found', 'No such arrest');
    if (arrest.personRecordId !== personRecordId) throw invalid('arrest_of_another_person', 'This arrest is not of this member');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.markMemberArrested(trx, id, personRecordId, arrest.arrestedOn, arrest.id);
      await this.d.repo.touchGang(trx, id, this.d.clock.now());
      await this.d.audit.append(trx, actor, { action: 'gang.member.arrested', targetType: 'gang', targetId: id, subjectIds: [personRecordId], purpose, details: { arrestId } });
    });
    await this.d.bus.publish('gangs.updated', { id });
    return this.view(actor, (await this.d.repo.gangById(this.d.db, id))!);
  }

  async dismantle(actor: Actor, id: string, input: { version: number; dismantledOn: string }, purpose = ''): Promise<GangView> {
    authorize(actor, 'case.write');
    const g = await this.visibleGang(actor, id, true);
    if (g.status === 'dismantled') throw conflict('gang_already_dismantled', 'This gang is already dismantled', { dismantledOn: g.dismantledOn });
    const dismantledOn = assertNotFuture(input.dismantledOn, toIsoDate(this.d.clock.now()), 'dismantledOn');
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.d.repo.updateGang(trx, id, input.version, { status: 'dismantled', dismantledOn, updatedAt: this.d.clock.now() });
      if (!ok) throw conflict('version_conflict', 'The gang changed since you read it: reload and try again', { version: g.version });
      await this.d.audit.append(trx, actor, { action: 'gang.dismantle', targetType: 'gang', targetId: id, purpose, details: { dismantledOn } });
    });
    await this.d.bus.publish('gangs.dismantled', { id });
    return this.view(actor, (await this.d.repo.gangById(this.d.db, id))!);
  }

  // ---- helpers

  /** One `gang.member.arrested` audit event per member marked arrested from an arrest in the gang's case. */
  private arrestEvents(actor: Actor, gangId: string, caseId: string | null, arrested: Array<{ personRecordId: string; arrestId: string }>, purpose: string) {
    return arrested.map((m) => ({
      actor,
      ev: { action: 'gang.member.arrested', targetType: 'gang', targetId: gangId, subjectIds: [m.personRecordId], purpose, details: { arrestId: m.arrestId, caseId } },
    }));
  }

  private async visibleGang(actor: Actor, id: string, write: boolean): Promise<StoredGang> {
    return guard(actor, await this.d.repo.gangById(this.d.db, id), write, 'gang_not_found', 'gang_not_owner');
  }

  /** Members the actor may see; others are left out, not shown anonymously. */
  private async view(actor: Actor, g: StoredGang): Promise<GangView> {
    const today = toIsoDate(this.d.clock.now());
    const members = (await this.d.repo.members(this.d.db, g.id))
      .filter((m) => recordVisible(actor, m, today))
      .map((m) => ({ personRecordId: m.personRecordId, displayName: m.recordDisplayName ?? '', role: m.role, arrestedOn: m.arrestedOn, arrestId: m.arrestId }));
    return { ...g, members };
  }

  private async record(actor: Actor, id: string, kind: string, purpose: string) {
    const rec = await this.d.records.get(actor, id, purpose || 'gang');
    if (rec.kind !== kind) throw invalid('party_kind_mismatch', `The record is a ${rec.kind}, not a ${kind}`, { recordKind: rec.kind });
    return rec;
  }

  private async checkMembers(actor: Actor, members: MemberInput[], purpose: string): Promise<MemberInput[]> {
    const byId = new Map<string, string>();
    for (const m of members) byId.set(m.personRecordId, m.role.trim());
    for (const personRecordId of byId.keys()) await this.record(actor, personRecordId, 'person', purpose);
    return [...byId].map(([personRecordId, role]) => ({ personRecordId, role }));
  }
}
