/**
 * Test fixtures for the network: records, links, cases with their parties and gangs with their
 * members written straight into the tables (the cases module has its own tests), so that tests
 * control handling codes and review dates.
 *
 *   cell A: a1 a2 a3 (gang gA, case cA in Tanger)   cell B: b1 b2 b3 (gang gB, case cB in Oriental)
 *   x: the broker, member of both gangs, associate of a1, family of b1
 *   cases cA and cB both name the phone +212 600 000 001 (written two ways)
 *   p – h – q: h is RED and SEN's only, so the hub sees p and q with no path between them
 *   e: expired review date, linked to a1; cS: SEN's RED case naming phone +212 699 000 000
 */
import type { TlpLevel } from '../core/handling.ts';
import { uuidv7 } from '../core/ids.ts';
import type { Services } from '../app/module.ts';

const NAMES = { ar: 'مكتب', fr: 'Bureau', en: 'Bureau', es: 'Oficina' };
let n = 0;
const id = () => uuidv7(Date.UTC(2026, 1, 1) + ++n);

export interface NetworkFixture {
  hubId: string;
  senId: string;
  p: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2' | 'b3' | 'x' | 'p' | 'h' | 'q' | 'e', string>;
  cases: Record<'cA' | 'cB' | 'cS', string>;
  gangs: Record<'gA' | 'gB', string>;
}

export async function seedNetwork(s: Services): Promise<NetworkFixture> {
  const db = s.conn.db;
  const root = await s.seeder.consoleActor();
  const hubId = root.agencyId;
  const senId = (await s.admin.createAgency(root, { code: `SEN-N${++n}`, country: 'SEN', kind: 'ncb', names: NAMES })).id;
  const now = s.clock.now();
  const person = async (name: string, o: { owner?: string; tlp?: TlpLevel; reviewDate?: string; nationalities?: string[] } = {}) => {
    const rid = id();
    await db
      .insertInto('records')
      .values({
        id: rid,
        kind: 'person',
        displayName: name,
        searchText: name.toLowerCase(),
        data: JSON.stringify({ names: [{ value: name, type: 'primary', script: 'latin' }], nationalities: o.nationalities ?? ['MAR'] }),
        ownerAgencyId: o.owner ?? hubId,
        tlp: o.tlp ?? 'AMBER',
        restrictedTo: '[]',
        legalBasisCode: 'national_law',
        legalBasis: 'test',
        reviewDate: o.reviewDate ?? '2030-01-01',
        source: null,
        externalId: null,
        createdAt: now,
        createdBy: 'fixture',
        updatedAt: now,
        updatedBy: 'fixture',
        version: 1,
      })
      .execute();
    return rid;
  };
  const p = {
    a1: await person('Alpha One'),
    a2: await person('Alpha Two'),
    a3: await person('Alpha Three'),
    b1: await person('Bravo One'),
    b2: await person('Bravo Two'),
    b3: await person('Bravo Three'),
    x: await person('Xavier Broker', { nationalities: ['MAR', 'ESP'] }),
    p: await person('Papa'),
    h: await person('Hotel Hidden', { owner: senId, tlp: 'RED' }),
    q: await person('Quebec'),
    e: await person('Echo Expired', { reviewDate: '2020-01-01' }),
  };
  const link = (from: string, to: string, type = 'associate_of') =>
    db.insertInto('links').values({ id: id(), fromId: from, toId: to, type, note: null, ownerAgencyId: hubId, source: null, createdAt: now, createdBy: 'fixture' }).execute();
  for (const [u, v] of [
    ['a1', 'a2'],
    ['a2', 'a3'],
    ['a1', 'a3'],
    ['b1', 'b2'],
    ['b2', 'b3'],
    ['b1', 'b3'],
    ['a1', 'x'],
    ['p', 'h'],
    ['h', 'q'],
    ['e', 'a1'],
  ] as const)
    await link(p[u], p[v]);
  await link(p.x, p.b1, 'family_of');

  const aCase = async (region: string, o: { owner?: string; tlp?: TlpLevel } = {}) => {
    const cid = id();
    await db
      .insertInto('cases')
      .values({
        id: cid,
        reference: `NET-${n}`,
        category: 'drug_trafficking',
        title: 'fixture',
        summary: null,
        region,
        city: null,
        openedOn: '2025-06-01',
        closedOn: null,
        status: 'open',
        ownerAgencyId: o.owner ?? hubId,
        tlp: o.tlp ?? 'GREEN',
        restrictedTo: '[]',
        source: null,
        createdAt: now,
        createdBy: 'fixture',
        updatedAt: now,
        updatedBy: 'fixture',
        version: 1,
      })
      .execute();
    return cid;
  };
  const cases = { cA: await aCase('MA-01'), cB: await aCase('MA-02'), cS: await aCase('MA-02', { owner: senId, tlp: 'RED' }) };
  const party = (caseId: string, kind: string, target: { recordId?: string; value?: string }, role = 'suspect') =>
    db.insertInto('caseParties').values({ id: id(), caseId, kind, recordId: target.recordId ?? null, value: target.value ?? null, role, createdAt: now }).execute();
  await party(cases.cA, 'person', { recordId: p.a1 });
  await party(cases.cA, 'phone', { value: '+212 600-000-001' }, 'contact');
  await party(cases.cB, 'person', { recordId: p.b1 });
  await party(cases.cB, 'phone', { value: '00212600000001' }, 'contact');
  await party(cases.cS, 'person', { recordId: p.b2 });
  await party(cases.cS, 'phone', { value: '+212 699 000 000' }, 'contact');

  const gang = async (name: string, region: string, members: string[]) => {
    const gid = id();
    await db
      .insertInto('gangs')
      .values({ id: gid, name, groupRecordId: null, caseId: null, kind: 'criminal_gang', status: 'active', dismantledOn: null, region, ownerAgencyId: hubId, tlp: 'GREEN', restrictedTo: '[]', createdAt: now, createdBy: 'fixture', updatedAt: now, version: 1 })
      .execute();
    for (const m of members) await db.insertInto('gangMembers').values({ gangId: gid, personRecordId: m, role: m === p.x ? 'broker' : 'member', arrestedOn: null, arrestId: null }).execute();
    return gid;
  };
  const gangs = { gA: await gang('Gang A', 'MA-01', [p.a1, p.a2, p.a3, p.x]), gB: await gang('Gang B', 'MA-02', [p.b1, p.b2, p.b3, p.x]) };
  return { hubId, senId, p, cases, gangs };
}
