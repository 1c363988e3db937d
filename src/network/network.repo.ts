import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { TlpLevel } from '../core/handling.ts';
import { caseKey, gangKey, type LinkRow, type MemberRow, type NodeKind, type NodeRow, normaliseAddress, normalisePhone, type PartyRow, valueNode } from './graph.ts';

/** The part of the data an analysis looks at. */
export type Scope = { kind: 'all' } | { kind: 'region'; region: string } | { kind: 'cases'; ids: string[] } | { kind: 'gangs'; ids: string[] };

export interface EdgeRows {
  links: LinkRow[];
  parties: PartyRow[];
  members: MemberRow[];
}

/** `column = any($1)`: one text-array parameter, whatever the number of ids. */
const anyOf = (column: string, ids: string[]) => sql<boolean>`${sql.ref(column)} = any(${ids}::text[])`;
type RecordIds = SelectQueryBuilder<Database, any, { id: string }>;

/** SQL only: the rows the link graph is built from (links, case parties, gang members) and its nodes. */
export class NetworkRepo {
  /** Every edge row of the scope; `limit` bounds each of the three reads. */
  async edges(db: Db, scope: Scope, limit: number): Promise<EdgeRows> {
    let parties = db.selectFrom('caseParties').innerJoin('cases', 'cases.id', 'caseParties.caseId').select(['caseParties.caseId', 'caseParties.kind', 'caseParties.recordId', 'caseParties.value', 'caseParties.role']);
    let members = db.selectFrom('gangMembers').innerJoin('gangs', 'gangs.id', 'gangMembers.gangId').select(['gangMembers.gangId', 'gangMembers.personRecordId', 'gangMembers.role']);
    let links = db.selectFrom('links').select(['links.fromId', 'links.toId', 'links.type']);
    if (scope.kind !== 'all') {
      if (scope.kind === 'region') {
        parties = parties.where('cases.region', '=', scope.region);
        members = members.where('gangs.region', '=', scope.region);
      } else if (scope.kind === 'cases') {
        parties = parties.where('caseParties.caseId', 'in', scope.ids);
        members = members.where('gangs.caseId', 'in', scope.ids);
      } else {
        members = members.where('gangMembers.gangId', 'in', scope.ids);
        // the cases the members are party to, with all their parties: shared phones and addresses show
        const memberIds = db.selectFrom('gangMembers').select('personRecordId').where('gangId', 'in', scope.ids);
        parties = parties.where('caseParties.caseId', 'in', db.selectFrom('caseParties').select('caseId').where('recordId', 'in', memberIds));
      }
      // links one step out of the records the scope involves: their associates, vehicles, documents
      const involved: RecordIds = parties
        .clearSelect()
        .select('caseParties.recordId as id')
        .where('caseParties.recordId', 'is not', null)
        .union(members.clearSelect().select('gangMembers.personRecordId as id')) as unknown as RecordIds;
      links = links.where((eb) => eb.or([eb('links.fromId', 'in', involved), eb('links.toId', 'in', involved)]));
    }
    const [l, p, m] = await Promise.all([links.limit(limit).execute(), parties.limit(limit).execute(), members.limit(limit).execute()]);
    return { links: l, parties: p, members: m };
  }

  /** The edge rows touching these node keys (one step of an ego network), at most `limit` of each source. */
  async incident(db: Db, keys: string[], limit: number): Promise<EdgeRows> {
    const records = keys.filter((k) => !k.includes(':'));
    const cases = keys.filter((k) => k.startsWith('case:')).map((k) => k.slice(5));
    const gangs = keys.filter((k) => k.startsWith('gang:')).map((k) => k.slice(5));
    const values = keys.filter((k) => k.startsWith('phone:') || k.startsWith('address:'));
    const out: EdgeRows = { links: [], parties: [], members: [] };
    const partyColumns = ['caseId', 'kind', 'recordId', 'value', 'role'] as const;
    if (records.length) {
      out.links = await db.selectFrom('links').select(['fromId', 'toId', 'type']).where((eb) => eb.or([eb('fromId', 'in', records), eb('toId', 'in', records)])).limit(limit).execute();
      out.parties.push(...(await db.selectFrom('caseParties').select(partyColumns).where('recordId', 'in', records).limit(limit).execute()));
      out.members.push(...(await db.selectFrom('gangMembers').select(['gangId', 'personRecordId', 'role']).where('personRecordId', 'in', records).limit(limit).execute()));
    }
    if (cases.length) out.parties.push(...(await db.selectFrom('caseParties').select(partyColumns).where('caseId', 'in', cases).limit(limit).execute()));
    if (gangs.length) out.members.push(...(await db.selectFrom('gangMembers').select(['gangId', 'personRecordId', 'role']).where('gangId', 'in', gangs).limit(limit).execute()));
    for (const key of values) out.parties.push(...(await this.#partiesOfValue(db, key, limit)));
    return out;
  }

  /**
   * Case parties whose phone or address normalises to this key. SQL narrows on the digits (or the
   * letters and digits) of the value; the exact normalisation is graph.ts's, applied after.
   */
  async #partiesOfValue(db: Db, key: string, limit: number): Promise<PartyRow[]> {
    const node = valueNode(key);
    if (!node) return [];
    const norm = node.label;
    const rows =
      node.kind === 'phone'
        ? await db
            .selectFrom('caseParties')
            .select(['caseId', 'kind', 'recordId', 'value', 'role'])
            .where('kind', '=', 'phone')
            .where(sql<string>`regexp_replace(value, '[^0-9]', '', 'g')`, 'in', [norm.replace(/\D/g, ''), `00${norm.replace(/\D/g, '')}`])
            .limit(limit)
            .execute()
        : await db
            .selectFrom('caseParties')
            .select(['caseId', 'kind', 'recordId', 'value', 'role'])
            .where('kind', '=', 'address')
            .where(sql<string>`lower(regexp_replace(value, '[[:space:][:punct:]]+', '', 'g'))`, '=', norm.replace(/\s+/g, ''))
            .limit(limit)
            .execute();
    return rows.filter((r) => r.value !== null && (node.kind === 'phone' ? normalisePhone(r.value) : normaliseAddress(r.value)) === norm);
  }

  /** The nodes for these keys with their handling; phone and address keys are built from the key alone. */
  async nodes(db: Db, keys: Iterable<string>): Promise<NodeRow[]> {
    const records: string[] = [];
    const cases: string[] = [];
    const gangs: string[] = [];
    const out: NodeRow[] = [];
    for (const k of new Set(keys)) {
      if (k.startsWith('case:')) cases.push(k.slice(5));
      else if (k.startsWith('gang:')) gangs.push(k.slice(5));
      else if (k.includes(':')) {
        const v = valueNode(k);
        if (v) out.push(v);
      } else records.push(k);
    }
    // one array parameter per kind: a list of thousands of `in (…)` parameters costs more to
    // parse and plan than to run (PGlite and PostgreSQL alike)
    if (records.length) {
      const rows = await db
        .selectFrom('records')
        .select(['id', 'kind', 'displayName', 'ownerAgencyId', 'tlp', 'restrictedTo', 'reviewDate', sql<string[] | null>`data->'nationalities'`.as('nationalities')])
        .where(anyOf('id', records))
        .execute();
      for (const r of rows) {
        out.push({
          key: r.id,
          kind: r.kind as NodeKind,
          label: r.displayName,
          ...(r.kind === 'person' ? { countries: r.nationalities ?? [] } : {}),
          guard: { ownerAgencyId: r.ownerAgencyId, tlp: r.tlp as TlpLevel, restrictedTo: r.restrictedTo, reviewDate: r.reviewDate },
        });
      }
    }
    if (cases.length) {
      const rows = await db.selectFrom('cases').select(['id', 'reference', 'region', 'status', 'ownerAgencyId', 'tlp', 'restrictedTo']).where(anyOf('id', cases)).execute();
      for (const c of rows) {
        out.push({ key: caseKey(c.id), kind: 'case', label: c.reference, region: c.region, status: c.status, guard: { ownerAgencyId: c.ownerAgencyId, tlp: c.tlp as TlpLevel, restrictedTo: c.restrictedTo, reviewDate: null } });
      }
    }
    if (gangs.length) {
      const rows = await db.selectFrom('gangs').select(['id', 'name', 'region', 'status', 'ownerAgencyId', 'tlp', 'restrictedTo']).where(anyOf('id', gangs)).execute();
      for (const g of rows) {
        out.push({ key: gangKey(g.id), kind: 'gang', label: g.name, region: g.region, status: g.status, guard: { ownerAgencyId: g.ownerAgencyId, tlp: g.tlp as TlpLevel, restrictedTo: g.restrictedTo, reviewDate: null } });
      }
    }
    return out;
  }
}
