import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor, Role } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { TLP_LEVELS, type TlpLevel, visibleToAgency } from '../core/handling.ts';
import { up as mapRegionsToCodes } from './migrations/0011_region_codes.ts';

const NAMES = { ar: 'مكتب', fr: 'Bureau', en: 'Bureau', es: 'Oficina' };
const actor = (userId: string, agencyId: string, roles: Role[] = ['analyst']): Actor => ({ userId, agencyId, roles, scopes: SCOPES, via: 'session' });
const newCase = (extra: Record<string, unknown> = {}) => ({ category: 'drug_trafficking', title: 'Opération Atlas', region: 'Tanger-Tétouan-Al Hoceïma', city: 'Tanger', openedOn: '2026-01-10', ...extra });

for (const target of DB_TARGETS) {
  describeOn(target, `cases service on ${target.name}`, () => {
    let s: TestNode;
    let hub: Actor; // analyst at the hub (MAR)
    let sen: Actor; // analyst at Senegal's bureau
    let esp: Actor;
    let dpo: Actor;
    let admin: Actor;
    let commander: Actor;
    let frontline: Actor;
    const events: Array<{ subject: string; data: unknown }> = [];
    const person = async (who: Actor, name: string, nationalities: string[] = [], tlp: TlpLevel = 'AMBER') =>
      (await s.records.create(who, { kind: 'person', data: { names: [{ value: name, type: 'primary' }], nationalities } as any, legalBasisCode: 'national_law', legalBasis: 'Code pénal', handling: { tlp } })).id;
    const flush = () => new Promise((r) => setImmediate(r));

    before(async () => {
      s = await testServices(target);
      const root = await s.seeder.consoleActor();
      const agency = async (code: string, country: string) => (await s.admin.createAgency(root, { code, country, kind: 'ncb', names: NAMES })).id;
      hub = actor('hub-analyst', root.agencyId);
      sen = actor('sen-analyst', await agency('SEN-NCB', 'SEN'));
      esp = actor('esp-analyst', await agency('ESP-NCB', 'ESP'));
      dpo = actor('hub-dpo', root.agencyId, ['dpo']);
      admin = actor('hub-admin', root.agencyId, ['admin']);
      commander = actor('hub-commander', root.agencyId, ['commander']);
      frontline = actor('hub-frontline', root.agencyId, ['frontline']);
      for (const pattern of ['cases.>', 'arrests.>', 'seizures.>', 'gangs.>']) {
        s.bus.subscribe(pattern, (e) => {
          events.push(e as { subject: string; data: unknown });
        });
      }
    });
    after(() => s.dispose());

    it('ships the built-in catalogue labelled in four languages', async () => {
      const cats = await s.cases.catalogue.categories(hub);
      assert.deepEqual(cats.map((c) => c.code).sort(), ['cybercrime', 'drug_trafficking', 'fraud', 'migrant_smuggling', 'other', 'terrorism', 'theft', 'violent_crime']);
      for (const c of cats) assert.deepEqual(Object.keys(c.labels).sort(), ['ar', 'en', 'es', 'fr']);
      const subs = new Map((await s.cases.catalogue.substances(hub)).map((x) => [x.code, x.measure]));
      assert.equal(subs.get('cannabis_resin'), 'mass');
      assert.equal(subs.get('psychotropic_pills'), 'count');
      assert.equal(subs.get('cash'), 'money');
      assert.equal(subs.size, 8);
    });

    it('opens, edits, solves and reopens a case, auditing each step and publishing ids only', async () => {
      const c = await s.cases.cases.create(hub, newCase(), 'enquête 12');
      assert.match(c.reference, /^C-2026-\d{6}$/);
      assert.equal(c.status, 'open');
      assert.equal(c.ownerAgencyCode, 'MAR-NCB');
      assert.equal(c.tlp, 'AMBER');
      await flush();
      assert.deepEqual(events.find((e) => e.subject === 'cases.created')?.data, { id: c.id });
      const edited = await s.cases.cases.update(hub, c.id, { version: 1, title: 'Opération Atlas II', city: null });
      assert.equal(edited.title, 'Opération Atlas II');
      assert.equal(edited.city, null);
      assert.equal(edited.version, 2);
      await assert.rejects(s.cases.cases.update(hub, c.id, { version: 1, title: 'stale' }), { code: 'version_conflict', status: 409 });
      const solved = await s.cases.cases.close(hub, c.id, { version: 2, status: 'solved', closedOn: '2026-02-01' });
      assert.equal(solved.status, 'solved');
      assert.equal(solved.closedOn, '2026-02-01');
      await assert.rejects(s.cases.cases.update(hub, c.id, { version: 3, closedOn: '2025-12-31' }), { code: 'closed_before_opened' });
      const reopened = await s.cases.cases.update(hub, c.id, { version: 3, status: 'open' });
      assert.equal(reopened.closedOn, null);
      const actions = (await s.conn.db.selectFrom('auditLog').select('action').where('targetId', '=', c.id).orderBy('seq').execute()).map((e) => e.action);
      assert.deepEqual(actions, ['case.create', 'case.update', 'case.status', 'case.status']);
      await flush();
      assert.ok(events.filter((e) => e.subject.startsWith('cases.')).every((e) => JSON.stringify(e.data) === JSON.stringify({ id: c.id }) || !JSON.stringify(e.data).includes('Atlas')));
    });

    it('refuses an unknown category, a future opening date and an unknown restricted agency', async () => {
      await assert.rejects(s.cases.cases.create(hub, newCase({ category: 'piracy' })), { code: 'unknown_category', status: 400 });
      await assert.rejects(s.cases.cases.create(hub, newCase({ openedOn: '2027-01-01' })), { code: 'date_in_future' });
      await assert.rejects(s.cases.cases.create(hub, newCase({ openedOn: '2026-02-30' })), { code: 'invalid_date' });
      await assert.rejects(s.cases.cases.create(hub, newCase({ handling: { tlp: 'RED', restrictedTo: [hub.userId] } })), { code: 'unknown_agency' });
    });

    it('lets only the owner agency edit a case (case_not_owner) and refuses roles without case.write', async () => {
      const c = await s.cases.cases.create(hub, newCase());
      await assert.rejects(s.cases.cases.update(sen, c.id, { version: 1, title: 'x' }), { code: 'case_not_owner', status: 403 });
      await assert.rejects(s.cases.facts.recordSeizure(sen, c.id, { substance: 'cocaine', quantity: { value: '1', unit: 'kg' }, seizedOn: '2026-01-11', region: 'Dakar' }), { code: 'case_not_owner' });
      await assert.rejects(s.cases.cases.create(commander, newCase()), { code: 'forbidden_role', status: 403 });
      await assert.rejects(s.cases.cases.list(frontline, {}), { code: 'forbidden_role' });
      // a commander reads
      assert.equal((await s.cases.cases.get(commander, c.id)).id, c.id);
    });

    it('hides a case by its handling code: 404 case_not_found, absent from lists; the DPO sees it', async () => {
      const red = await s.cases.cases.create(hub, newCase({ title: 'Rouge', handling: { tlp: 'RED', restrictedTo: [sen.agencyId] } }));
      await assert.rejects(s.cases.cases.get(esp, red.id), { code: 'case_not_found', status: 404 });
      await assert.rejects(s.cases.facts.arrests(esp, red.id, {}), { code: 'case_not_found' });
      await assert.rejects(s.cases.cases.parties(esp, red.id), { code: 'case_not_found' });
      await assert.rejects(s.cases.cases.update(esp, red.id, { version: 1, title: 'x' }), { code: 'case_not_found' });
      assert.equal((await s.cases.cases.get(sen, red.id)).id, red.id);
      assert.equal((await s.cases.cases.get(dpo, red.id)).id, red.id);
      const seen = async (a: Actor) => (await s.cases.cases.list(a, { limit: 200 })).items.some((c) => c.id === red.id);
      assert.equal(await seen(esp), false);
      assert.equal(await seen(sen), true);
      assert.equal(await seen(dpo), true);
    });

    it('lists exactly the cases visibleToAgency allows, for every handling code (SQL and policy agree)', async () => {
      const made: Array<{ id: string; tlp: TlpLevel; restrictedTo: string[] }> = [];
      for (const tlp of TLP_LEVELS) {
        for (const restrictedTo of [[], [sen.agencyId]]) {
          const c = await s.cases.cases.create(hub, newCase({ category: 'theft', region: 'Souss', handling: { tlp, restrictedTo } }));
          made.push({ id: c.id, tlp, restrictedTo });
        }
      }
      for (const who of [hub, sen, esp]) {
        const listed = new Set((await s.cases.cases.list(who, { category: 'theft', region: 'Souss', limit: 200 })).items.map((c) => c.id));
        for (const m of made) assert.equal(listed.has(m.id), visibleToAgency(m, hub.agencyId, who.agencyId), `${m.tlp} ${m.restrictedTo.length} for ${who.userId}`);
      }
    });

    it('pages and filters cases by category, status, region and year', async () => {
      for (let i = 0; i < 5; i++) await s.cases.cases.create(hub, newCase({ category: 'cybercrime', region: 'Fès-Meknès', openedOn: i < 3 ? '2025-06-01' : '2026-01-02' }));
      const p1 = await s.cases.cases.list(hub, { category: 'cybercrime', year: 2025, limit: 2 });
      assert.equal(p1.items.length, 2);
      assert.ok(p1.nextCursor);
      const p2 = await s.cases.cases.list(hub, { category: 'cybercrime', year: 2025, limit: 2, cursor: p1.nextCursor! });
      assert.equal(p2.items.length, 1);
      assert.equal(p2.nextCursor, null);
      assert.equal((await s.cases.cases.list(hub, { category: 'cybercrime', region: 'Fès-Meknès', status: 'open' })).items.length, 5);
      assert.equal((await s.cases.cases.list(hub, { category: 'cybercrime', status: 'closed' })).items.length, 0);
      await assert.rejects(s.cases.cases.list(hub, { cursor: 'nonsense' }), { code: 'invalid_cursor' });
    });

    it('adds and removes parties: records the caller may see, phones and addresses; hides records others may not see', async () => {
      const c = await s.cases.cases.create(hub, newCase());
      const p = await person(hub, 'Karim Benali', ['MAR']);
      const secret = await person(hub, 'Informateur', ['MAR'], 'RED');
      const senRecord = await person(sen, 'Moussa Diop', ['SEN'], 'RED');
      const party = await s.cases.cases.addParty(hub, c.id, { kind: 'person', recordId: p, role: 'suspect' });
      assert.equal(party.displayName, 'Karim Benali');
      await s.cases.cases.addParty(hub, c.id, { kind: 'person', recordId: secret, role: 'informant' });
      const phone = await s.cases.cases.addParty(hub, c.id, { kind: 'phone', value: '+212 661-23-45-67', role: 'used_by_suspect' });
      assert.equal(phone.value, '+212661234567');
      await s.cases.cases.addParty(hub, c.id, { kind: 'address', value: '  12 rue   de Fès, Tanger ', role: 'stash' });
      await assert.rejects(s.cases.cases.addParty(hub, c.id, { kind: 'person', recordId: p, role: 'suspect' }), { code: 'party_exists', status: 409 });
      await assert.rejects(s.cases.cases.addParty(hub, c.id, { kind: 'vehicle', recordId: p, role: 'car' }), { code: 'party_kind_mismatch' });
      await assert.rejects(s.cases.cases.addParty(hub, c.id, { kind: 'person', recordId: senRecord, role: 'suspect' }), { code: 'record_not_found', status: 404 });
      await assert.rejects(s.cases.cases.addParty(hub, c.id, { kind: 'phone', recordId: p, role: 'x' }), { code: 'invalid_party' });
      assert.equal((await s.cases.cases.parties(hub, c.id)).length, 4);
      // Senegal sees the AMBER case but not the RED informant: it is left out, not shown anonymously
      const senView = await s.cases.cases.parties(sen, c.id);
      assert.deepEqual(senView.map((x) => x.role).sort(), ['stash', 'suspect', 'used_by_suspect']);
      await s.cases.cases.removeParty(hub, c.id, phone.id);
      await assert.rejects(s.cases.cases.removeParty(hub, c.id, phone.id), { code: 'party_not_found', status: 404 });
      assert.equal((await s.cases.cases.get(hub, c.id)).version, 6, 'each party change bumps the version');
    });

    it('records arrests: nationality from the record, foreign nationals against the node country, the person becomes a party', async () => {
      const c = await s.cases.cases.create(hub, newCase({ category: 'violent_crime' }));
      const moroccan = await person(hub, 'Hamid Alaoui', ['MAR']);
      const senegalese = await person(hub, 'Ibrahima Fall', ['SEN']);
      const a1 = await s.cases.facts.recordArrest(hub, c.id, { personRecordId: moroccan, arrestedOn: '2026-02-01', region: 'Casablanca-Settat' });
      assert.equal(a1.nationality, 'MAR');
      assert.equal(a1.foreignNational, false);
      const a2 = await s.cases.facts.recordArrest(hub, c.id, { personRecordId: senegalese, arrestedOn: '2026-02-01', region: 'Casablanca-Settat', internationalWarrant: true });
      assert.equal(a2.foreignNational, true);
      assert.equal(a2.internationalWarrant, true);
      const a3 = await s.cases.facts.recordArrest(hub, c.id, { arrestedOn: '2026-02-02', region: 'Casablanca-Settat', nationality: 'ESP', agencyId: esp.agencyId });
      assert.equal(a3.foreignNational, true);
      assert.equal(a3.agencyId, esp.agencyId);
      await assert.rejects(s.cases.facts.recordArrest(hub, c.id, { arrestedOn: '2026-03-02', region: 'X' }), { code: 'date_in_future' });
      const parties = await s.cases.cases.parties(hub, c.id);
      assert.deepEqual(parties.filter((p) => p.role === 'arrested').map((p) => p.recordId).sort(), [moroccan, senegalese].sort());
      const page = await s.cases.facts.arrests(hub, c.id, { limit: 2 });
      assert.equal(page.items.length, 2);
      assert.equal((await s.cases.facts.arrests(hub, c.id, { limit: 2, cursor: page.nextCursor! })).items.length, 1);
      await flush();
      assert.deepEqual(events.find((e) => e.subject === 'arrests.recorded' && (e.data as any).id === a1.id)?.data, { id: a1.id, caseId: c.id });
      await s.cases.facts.removeArrest(hub, c.id, a3.id);
      await assert.rejects(s.cases.facts.removeArrest(hub, c.id, a3.id), { code: 'arrest_not_found' });
    });

    it('records seizures in exact base units and refuses a wrong unit with unit_mismatch', async () => {
      const c = await s.cases.cases.create(hub, newCase());
      const z = await s.cases.facts.recordSeizure(hub, c.id, { substance: 'cannabis_resin', quantity: { value: '12.345', unit: 't' }, seizedOn: '2026-01-15', region: 'Oriental' });
      assert.equal(z.quantity, 12_345_000);
      assert.deepEqual(z.display, { value: '12.345', unit: 't' });
      const pills = await s.cases.facts.recordSeizure(hub, c.id, { substance: 'psychotropic_pills', quantity: { value: 25000, unit: 'items' }, seizedOn: '2026-01-15', region: 'Oriental' });
      assert.equal(pills.quantity, 25_000);
      const cash = await s.cases.facts.recordSeizure(hub, c.id, { substance: 'cash', quantity: { value: '10500.75', unit: 'MAD' }, seizedOn: '2026-01-15', region: 'Oriental' });
      assert.equal(cash.quantity, 1_050_075);
      assert.equal(cash.currency, 'MAD');
      await assert.rejects(s.cases.facts.recordSeizure(hub, c.id, { substance: 'cocaine', quantity: { value: '3', unit: 'items' }, seizedOn: '2026-01-15', region: 'Oriental' }), { code: 'unit_mismatch', status: 400 });
      await assert.rejects(s.cases.facts.recordSeizure(hub, c.id, { substance: 'firearms', quantity: { value: '2', unit: 'kg' }, seizedOn: '2026-01-15', region: 'Oriental' }), { code: 'unit_mismatch' });
      await assert.rejects(s.cases.facts.recordSeizure(hub, c.id, { substance: 'cocaine', quantity: { value: '0.0005', unit: 'g' }, seizedOn: '2026-01-15', region: 'Oriental' }), { code: 'quantity_not_exact' });
      await assert.rejects(s.cases.facts.recordSeizure(hub, c.id, { substance: 'uranium', quantity: { value: '1', unit: 'g' }, seizedOn: '2026-01-15', region: 'Oriental' }), { code: 'unknown_substance' });
      const stored = await s.conn.db.selectFrom('seizures').select(['quantity']).where('id', '=', z.id).executeTakeFirstOrThrow();
      assert.equal(stored.quantity, 12_345_000);
      const listed = (await s.cases.facts.seizures(hub, c.id, {})).items;
      assert.equal(listed.length, 3);
      assert.deepEqual(listed.find((x) => x.id === z.id)!.display, { value: '12.345', unit: 't' });
      await flush();
      assert.deepEqual(events.find((e) => e.subject === 'seizures.recorded' && (e.data as any).id === z.id)?.data, { id: z.id, caseId: c.id });
      await s.cases.facts.removeSeizure(hub, c.id, cash.id);
      assert.equal((await s.cases.facts.seizures(hub, c.id, {})).items.length, 2);
    });

    it('records a gang with members, marks a member arrested and dismantles it', async () => {
      const c = await s.cases.cases.create(hub, newCase());
      const boss = await person(hub, 'Le Chef', ['MAR']);
      const runner = await person(hub, 'Le Passeur', ['MAR']);
      const other = await person(hub, 'Autre', ['MAR']);
      const g = await s.cases.gangs.create(hub, { name: 'Réseau du Nord', kind: 'smuggling_network', region: 'Oriental', caseId: c.id, members: [{ personRecordId: boss, role: 'leader' }, { personRecordId: runner, role: 'courier' }] });
      assert.equal(g.status, 'active');
      assert.equal(g.memberCount, 2);
      assert.deepEqual(g.members.map((m) => m.role).sort(), ['courier', 'leader']);
      const withOther = await s.cases.gangs.addMembers(hub, g.id, [{ personRecordId: other, role: 'lookout' }]);
      assert.equal(withOther.memberCount, 3);
      await s.cases.gangs.removeMember(hub, g.id, other);
      await assert.rejects(s.cases.gangs.removeMember(hub, g.id, other), { code: 'member_not_found' });
      const arrest = await s.cases.facts.recordArrest(hub, c.id, { personRecordId: boss, arrestedOn: '2026-02-10', region: 'Oriental' });
      await assert.rejects(s.cases.gangs.markMemberArrested(hub, g.id, runner, arrest.id), { code: 'arrest_of_another_person' });
      const marked = await s.cases.gangs.markMemberArrested(hub, g.id, boss, arrest.id);
      assert.equal(marked.arrestedCount, 1);
      assert.equal(marked.members.find((m) => m.personRecordId === boss)!.arrestedOn, '2026-02-10');
      await assert.rejects(s.cases.gangs.dismantle(sen, g.id, { version: marked.version, dismantledOn: '2026-02-20' }), { code: 'gang_not_owner', status: 403 });
      const done = await s.cases.gangs.dismantle(hub, g.id, { version: marked.version, dismantledOn: '2026-02-20' });
      assert.equal(done.status, 'dismantled');
      assert.equal(done.dismantledOn, '2026-02-20');
      await assert.rejects(s.cases.gangs.dismantle(hub, g.id, { version: done.version, dismantledOn: '2026-02-21' }), { code: 'gang_already_dismantled', status: 409 });
      const listed = await s.cases.gangs.list(hub, { status: 'dismantled', year: 2026 });
      assert.ok(listed.items.some((x) => x.id === g.id));
      await flush();
      assert.deepEqual(events.find((e) => e.subject === 'gangs.dismantled')?.data, { id: g.id });
    });

    it('marks a person arrested in a case as arrested in every gang made from that case, in the same transaction, audited', async () => {
      const c = await s.cases.cases.create(hub, newCase({ title: 'Réseau de Nador' }));
      const other = await s.cases.cases.create(hub, newCase({ title: 'Autre affaire' }));
      const [chef, passeur, guetteur] = [await person(hub, 'Chef Nador', ['MAR']), await person(hub, 'Passeur Nador', ['MAR']), await person(hub, 'Guetteur Nador', ['MAR'])];
      const members = [chef, passeur, guetteur].map((personRecordId) => ({ personRecordId, role: 'member' }));
      const fromCase = await s.cases.gangs.create(hub, { name: 'Bande de Nador', kind: 'criminal_gang', region: 'Oriental', caseId: c.id, members });
      const network = await s.cases.gangs.create(hub, { name: 'Réseau de Nador', kind: 'smuggling_network', region: 'Oriental', caseId: c.id, members: members.slice(0, 1) });
      const unrelated = await s.cases.gangs.create(hub, { name: 'Bande voisine', kind: 'criminal_gang', region: 'Oriental', caseId: other.id, members: members.slice(0, 1) });
      assert.equal(fromCase.arrestedCount, 0);
      const arrest = await s.cases.facts.recordArrest(hub, c.id, { personRecordId: chef, arrestedOn: '2026-02-12', region: 'Oriental' });
      const g = await s.cases.gangs.get(hub, fromCase.id);
      assert.equal(g.arrestedCount, 1, 'Members arrested 1 of 3');
      assert.deepEqual(g.members.find((m) => m.personRecordId === chef), { personRecordId: chef, displayName: 'Chef Nador', role: 'member', arrestedOn: '2026-02-12', arrestId: arrest.id });
      assert.equal(g.members.find((m) => m.personRecordId === passeur)!.arrestedOn, null);
      assert.equal(g.version, fromCase.version + 1, 'the gang changed: its version moves');
      assert.equal((await s.cases.gangs.get(hub, network.id)).members[0].arrestId, arrest.id);
      assert.equal((await s.cases.gangs.get(hub, unrelated.id)).arrestedCount, 0, 'a gang of another case is left alone');
      const audit = await s.conn.db.selectFrom('auditLog').select(['action', 'targetId', 'details']).where('action', '=', 'gang.member.arrested').where('targetId', 'in', [fromCase.id, network.id, unrelated.id]).execute();
      assert.deepEqual(audit.map((e) => e.targetId).sort(), [fromCase.id, network.id].sort());
      assert.ok(audit.every((e) => (e.details as any).arrestId === arrest.id));
      // a second arrest of the same person keeps the first
      await s.cases.facts.recordArrest(hub, c.id, { personRecordId: chef, arrestedOn: '2026-02-20', region: 'Oriental' });
      assert.equal((await s.cases.gangs.get(hub, fromCase.id)).members.find((m) => m.personRecordId === chef)!.arrestId, arrest.id);
      // a gang made from the case after the arrest, and a member added later, count as arrested at once
      const later = await s.cases.gangs.create(hub, { name: 'Cellule de Nador', kind: 'criminal_gang', region: 'Oriental', caseId: c.id, members: members.slice(0, 1) });
      assert.equal(later.arrestedCount, 1);
      const a2 = await s.cases.facts.recordArrest(hub, c.id, { personRecordId: guetteur, arrestedOn: '2026-02-21', region: 'Oriental' });
      const grown = await s.cases.gangs.addMembers(hub, later.id, [{ personRecordId: guetteur, role: 'lookout' }]);
      assert.equal(grown.members.find((m) => m.personRecordId === guetteur)!.arrestId, a2.id);
      // an arrest removed as a mistake puts the member back at large
      await s.cases.facts.removeArrest(hub, c.id, a2.id);
      assert.equal((await s.cases.gangs.get(hub, fromCase.id)).members.find((m) => m.personRecordId === guetteur)!.arrestedOn, null);
      assert.equal((await s.cases.gangs.get(hub, later.id)).members.find((m) => m.personRecordId === guetteur)!.arrestedOn, null);
      // an unidentified person's arrest reaches no gang
      await s.cases.facts.recordArrest(hub, c.id, { arrestedOn: '2026-02-22', region: 'Oriental' });
      assert.equal((await s.cases.gangs.get(hub, fromCase.id)).arrestedCount, 1);
    });

    it('names the person sought in the warrants list when the caller may see the record', async () => {
      const wanted = await person(hub, 'Yassine El Idrissi', ['MAR']);
      const secret = await person(hub, 'Source protégée', ['MAR'], 'RED');
      const w = await s.cases.facts.recordWarrant(hub, { scope: 'national', issuedOn: '2026-01-06', issuingAuthority: 'Parquet de Fès', personRecordId: wanted });
      assert.equal(w.personDisplayName, 'Yassine El Idrissi');
      const hidden = await s.cases.facts.recordWarrant(hub, { scope: 'national', issuedOn: '2026-01-06', issuingAuthority: 'Parquet de Fès', personRecordId: secret });
      const mine = (await s.cases.facts.warrants(hub, { scope: 'national', limit: 200 })).items;
      assert.equal(mine.find((x) => x.id === w.id)!.personDisplayName, 'Yassine El Idrissi');
      assert.equal(mine.find((x) => x.id === hidden.id)!.personDisplayName, 'Source protégée');
      // Senegal sees the warrant, the AMBER person by name, not the RED one (no id, no name)
      const theirs = (await s.cases.facts.warrants(sen, { scope: 'national', limit: 200 })).items;
      assert.equal(theirs.find((x) => x.id === w.id)!.personDisplayName, 'Yassine El Idrissi');
      assert.deepEqual(
        (({ personRecordId, personDisplayName }) => ({ personRecordId, personDisplayName }))(theirs.find((x) => x.id === hidden.id)!),
        { personRecordId: null, personDisplayName: null },
      );
      assert.equal((await s.cases.facts.executeWarrant(hub, w.id, '2026-02-01')).personDisplayName, 'Yassine El Idrissi');
    });

    it('hides a restricted gang (gang_not_found) and members the viewer may not see', async () => {
      const secret = await person(hub, 'Membre secret', ['MAR'], 'RED');
      const open = await person(hub, 'Membre connu', ['MAR']);
      const g = await s.cases.gangs.create(hub, { name: 'G', kind: 'criminal_gang', region: 'Souss', members: [{ personRecordId: secret, role: 'x' }, { personRecordId: open, role: 'y' }] });
      assert.deepEqual((await s.cases.gangs.get(sen, g.id)).members.map((m) => m.personRecordId), [open]);
      assert.equal((await s.cases.gangs.get(dpo, g.id)).members.length, 2);
      const red = await s.cases.gangs.create(hub, { name: 'R', kind: 'terrorist_cell', region: 'Souss', handling: { tlp: 'RED' } });
      await assert.rejects(s.cases.gangs.get(sen, red.id), { code: 'gang_not_found', status: 404 });
      assert.ok(!(await s.cases.gangs.list(sen, { limit: 200 })).items.some((x) => x.id === red.id));
    });

    it('records migration events, warrants and complaints, each following its case’s handling', async () => {
      const red = await s.cases.cases.create(hub, newCase({ category: 'migrant_smuggling', handling: { tlp: 'RED' } }));
      const ev = await s.cases.facts.recordMigrationEvent(hub, { kind: 'departure_prevented', occurredOn: '2026-02-01', region: 'Oriental', persons: 47, caseId: red.id });
      await s.cases.facts.recordMigrationEvent(hub, { kind: 'departure_prevented', occurredOn: '2026-02-02', region: 'Oriental', persons: 12 });
      await assert.rejects(s.cases.facts.recordMigrationEvent(sen, { kind: 'departure_prevented', occurredOn: '2026-02-02', region: 'Oriental', persons: 3, caseId: red.id }), { code: 'case_not_found' });
      assert.equal((await s.cases.facts.migrationEvents(hub, { year: 2026 })).items.reduce((n, e) => n + e.persons, 0), 59);
      assert.ok(!(await s.cases.facts.migrationEvents(sen, {})).items.some((e) => e.id === ev.id));

      const wanted = await person(hub, 'Recherché', ['ESP']);
      const w = await s.cases.facts.recordWarrant(hub, { scope: 'international', issuedOn: '2026-01-05', issuingAuthority: 'Parquet de Rabat', personRecordId: wanted });
      assert.equal(w.executedOn, null);
      await assert.rejects(s.cases.facts.executeWarrant(hub, w.id, '2026-01-01'), { code: 'executed_before_issued' });
      await assert.rejects(s.cases.facts.executeWarrant(sen, w.id, '2026-02-01'), { code: 'warrant_not_owner', status: 403 });
      assert.equal((await s.cases.facts.executeWarrant(hub, w.id, '2026-02-01')).executedOn, '2026-02-01');
      await assert.rejects(s.cases.facts.executeWarrant(hub, w.id, '2026-02-02'), { code: 'warrant_already_executed', status: 409 });
      assert.equal((await s.cases.facts.warrants(hub, { scope: 'international', executed: true, year: 2026 })).items.length, 1);

      const cp = await s.cases.facts.recordComplaint(hub, { channel: 'e_blagh', category: 'cybercrime', receivedOn: '2026-02-03', region: 'Rabat-Salé-Kénitra' });
      assert.equal(cp.status, 'received');
      await assert.rejects(s.cases.facts.recordComplaint(hub, { channel: 'web', category: 'nope', receivedOn: '2026-02-03', region: 'R' }), { code: 'unknown_category' });
      assert.equal((await s.cases.facts.complaints(hub, { channel: 'e_blagh', year: 2026 })).items.length, 1);
    });

    it('lets an administrator extend the catalogue in four languages, and nobody else', async () => {
      const labels = { ar: 'الاتجار بالبشر', fr: 'Traite des êtres humains', en: 'Human trafficking', es: 'Trata de personas' };
      const cat = await s.cases.catalogue.addCategory(admin, { code: 'human_trafficking', labels });
      assert.deepEqual(cat.labels, labels);
      assert.equal(cat.builtin, false);
      await assert.rejects(s.cases.catalogue.addCategory(admin, { code: 'human_trafficking', labels }), { code: 'category_exists', status: 409 });
      await assert.rejects(s.cases.catalogue.addCategory(admin, { code: 'arson', labels: { ...labels, es: ' ' } }), { code: 'labels_incomplete' });
      await assert.rejects(s.cases.catalogue.addCategory(hub, { code: 'arson', labels }), { code: 'forbidden_role', status: 403 });
      const sub = await s.cases.catalogue.addSubstance(admin, { code: 'khat', measure: 'mass', labels: { ar: 'القات', fr: 'Khat', en: 'Khat', es: 'Cat' } });
      assert.equal(sub.measure, 'mass');
      // the new entries are usable at once
      const c = await s.cases.cases.create(hub, newCase({ category: 'human_trafficking' }));
      const z = await s.cases.facts.recordSeizure(hub, c.id, { substance: 'khat', quantity: { value: '3.5', unit: 'kg' }, seizedOn: '2026-02-01', region: 'Oriental' });
      assert.equal(z.quantity, 3_500);
      assert.ok((await s.cases.catalogue.categories(admin)).some((x) => x.code === 'human_trafficking'));
    });

    it('stores a region typed as a name or a code as its ISO 3166-2:MA code on every fact, and keeps text it does not recognise as typed', async () => {
      const c = await s.cases.cases.create(hub, newCase({ title: 'Régions', region: 'casablanca settat' }));
      assert.equal(c.region, 'MA-06');
      const port = await s.cases.cases.create(hub, newCase({ title: 'Port', region: '  Tanger Med ' }));
      assert.equal(port.region, 'Tanger Med', 'kept as typed, never refused');
      assert.equal((await s.cases.cases.update(hub, port.id, { version: port.version, region: 'ma 1' })).region, 'MA-01');
      assert.equal((await s.cases.facts.recordArrest(hub, c.id, { arrestedOn: '2026-02-01', region: 'الدار البيضاء سطات' })).region, 'MA-06');
      assert.equal((await s.cases.facts.recordSeizure(hub, c.id, { substance: 'cocaine', quantity: { value: '1', unit: 'kg' }, seizedOn: '2026-02-01', region: 'Fez' })).region, 'MA-03');
      const gang = await s.cases.gangs.create(hub, { name: 'Bande de Dakhla', kind: 'criminal_gang', region: 'Dakhla' });
      assert.equal(gang.region, 'MA-12');
      assert.equal((await s.cases.gangs.update(hub, gang.id, { version: gang.version, region: 'Quartier Lagouira' })).region, 'Quartier Lagouira');
      assert.equal((await s.cases.facts.recordMigrationEvent(hub, { kind: 'migrants_rescued', occurredOn: '2026-02-01', region: 'Laâyoune', persons: 5 })).region, 'MA-11');
      assert.equal((await s.cases.facts.recordComplaint(hub, { channel: 'web', category: 'fraud', receivedOn: '2026-02-01', region: 'Au large' })).region, 'Au large');
      // a filter takes a code or a name, and finds text kept as typed by that text
      const cases = async (region: string) => (await s.cases.cases.list(hub, { region, limit: 200 })).items.map((x) => x.id);
      for (const q of ['MA-06', 'Casablanca', 'الدار البيضاء سطات']) assert.ok((await cases(q)).includes(c.id), q);
      assert.ok((await cases('Tanger')).includes(port.id));
      assert.ok((await s.cases.gangs.list(hub, { region: 'Quartier Lagouira' })).items.some((g) => g.id === gang.id));
      assert.equal((await s.cases.facts.migrationEvents(hub, { region: 'El Aaiún' })).items.length, 1);
      assert.equal((await s.cases.facts.complaints(hub, { region: 'Au large' })).items.length, 1);
    });

    it('migration 0011 turns regions stored as free text into codes where it recognises them and leaves other text untouched', async () => {
      const db = s.conn.db;
      const legacy = await s.cases.cases.create(hub, newCase({ title: 'Avant le catalogue' }));
      const unknown = await s.cases.cases.create(hub, newCase({ title: 'Texte libre' }));
      const arrest = await s.cases.facts.recordArrest(hub, legacy.id, { arrestedOn: '2026-02-01', region: 'MA-01' });
      const seizure = await s.cases.facts.recordSeizure(hub, legacy.id, { substance: 'heroin', quantity: { value: '2', unit: 'kg' }, seizedOn: '2026-02-01', region: 'MA-01' });
      const gang = await s.cases.gangs.create(hub, { name: 'Bande ancienne', kind: 'criminal_gang', region: 'MA-01' });
      const ev = await s.cases.facts.recordMigrationEvent(hub, { kind: 'departure_prevented', occurredOn: '2026-02-01', region: 'MA-01', persons: 9 });
      const cp = await s.cases.facts.recordComplaint(hub, { channel: 'phone', category: 'fraud', receivedOn: '2026-02-01', region: 'MA-01' });
      // the values as the free-text fields stored them before the catalogue
      await db.updateTable('cases').set({ region: 'Tanger' }).where('id', '=', legacy.id).execute();
      await db.updateTable('cases').set({ region: ' Zone franche de Tanger Med ' }).where('id', '=', unknown.id).execute();
      await db.updateTable('arrests').set({ region: 'fès' }).where('id', '=', arrest.id).execute();
      await db.updateTable('seizures').set({ region: 'Région de l’Oriental' }).where('id', '=', seizure.id).execute();
      await db.updateTable('gangs').set({ region: 'الشرق' }).where('id', '=', gang.id).execute();
      await db.updateTable('migrationEvents').set({ region: 'Meknès-Tafilalet' }).where('id', '=', ev.id).execute();
      await db.updateTable('complaints').set({ region: 'casa' }).where('id', '=', cp.id).execute();

      await mapRegionsToCodes(db);
      await mapRegionsToCodes(db); // twice: nothing changes the second time
      const region = async (table: 'cases' | 'arrests' | 'seizures' | 'gangs' | 'migrationEvents' | 'complaints', id: string) =>
        (await db.selectFrom(table).select('region').where('id', '=', id).executeTakeFirstOrThrow()).region;
      assert.equal(await region('cases', legacy.id), 'MA-01');
      assert.equal(await region('cases', unknown.id), ' Zone franche de Tanger Med ', 'unknown text untouched, spaces and all');
      assert.equal(await region('arrests', arrest.id), 'MA-03');
      assert.equal(await region('seizures', seizure.id), 'MA-02');
      assert.equal(await region('gangs', gang.id), 'MA-02');
      assert.equal(await region('migrationEvents', ev.id), 'Meknès-Tafilalet', 'a former region split between two of today’s is not guessed');
      assert.equal(await region('complaints', cp.id), 'MA-06');
      // codes already stored stay as they are
      assert.equal((await db.selectFrom('cases').select('region').where('id', '=', (await s.cases.cases.create(hub, newCase())).id).executeTakeFirstOrThrow()).region, 'MA-01');
    });
  });
}
