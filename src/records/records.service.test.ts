import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { TLP_LEVELS, visibleToAgency } from '../core/handling.ts';
import { type PlanNode, RecordsRepo } from './records.repo.ts';
import type { CreateRecordInput } from './records.schema.ts';

const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };
const person = (name: string, extra: Record<string, unknown> = {}): CreateRecordInput => ({
  kind: 'person',
  data: { names: [{ value: name, type: 'primary' }], ...extra } as any,
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'Article 10 RPD',
});

for (const target of DB_TARGETS) {
  describeOn(target, `records service on ${target.name}`, () => {
    let s: TestNode;
    let a: Actor; // analyst at the hub
    let b: Actor; // officer at another agency
    let c: Actor; // officer at a third agency
    let dpo: Actor;
    const auditCount = async () => (await s.audit.verifyChain()).entries;

    before(async () => {
      s = await testServices(target);
      const root = await s.seeder.consoleActor();
      const sen = await s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES });
      const esp = await s.admin.createAgency(root, { code: 'ESP-NCB', country: 'ESP', kind: 'ncb', names: NAMES });
      a = { userId: 'analyst', agencyId: root.agencyId, roles: ['analyst'], scopes: SCOPES, via: 'session' };
      b = { userId: 'sen-officer', agencyId: sen.id, roles: ['ncb_officer'], scopes: SCOPES, via: 'session' };
      c = { userId: 'esp-officer', agencyId: esp.id, roles: ['ncb_officer'], scopes: SCOPES, via: 'session' };
      dpo = { userId: 'dpo', agencyId: root.agencyId, roles: ['dpo'], scopes: SCOPES, via: 'session' };
    });
    after(() => s.dispose());

    it('creates a person owned by the creator agency, reviewed in five years, with an audit entry in the same write', async () => {
      const n = await auditCount();
      const r = await s.records.create(a, person('Youssef El Amrani', { birthDates: ['1970-05'], nationalities: ['MAR'] }), 'case 7');
      assert.equal(r.ownerAgencyId, a.agencyId);
      assert.equal(r.reviewDate, '2031-03-01');
      assert.equal(r.version, 1);
      assert.equal(r.tlp, 'AMBER');
      assert.equal(r.createdBy, 'analyst');
      assert.equal((r.data as any).names[0].script, 'Latn');
      assert.equal(await auditCount(), n + 1);
      const log = await s.audit.list(dpo, { subjectId: r.id }, {}, 'check');
      assert.equal(log.items.at(-1)?.action, 'record.create');
      assert.equal(log.items.at(-1)?.purpose, 'case 7');
    });

    it('refuses impossible dates, unknown countries, unknown fields and a review date beyond five years', async () => {
      await assert.rejects(s.records.create(a, person('X', { birthDates: ['1970-13-45'] })), { code: 'invalid_date' });
      await assert.rejects(s.records.create(a, person('X', { nationalities: ['XXX'] })), { code: 'invalid_country' });
      await assert.rejects(s.records.create(a, person('X', { shoeSize: 44 })), { code: 'validation_failed' });
      await assert.rejects(s.records.create(a, { ...person('X'), reviewDate: '2032-01-01' }), { code: 'review_date_too_late' });
      await assert.rejects(s.records.create(a, { kind: 'vehicle', data: { plate: '1', plateCountry: 'MAR', status: 'stolen', vin: 'IIIIIIIIIIIIIIIII' } as any, legalBasisCode: 'x1', legalBasis: 'y' }), {
        code: 'invalid_vin',
      });
    });

    it('lets only the owner agency change or delete, with optimistic versions', async () => {
      const r = await s.records.create(a, person('Hocine Benali'));
      await assert.rejects(s.records.update(b, r.id, { version: 1, legalBasis: 'mine now' }), { code: 'record_not_owner', status: 403 });
      await assert.rejects(s.records.remove(b, r.id, 1), { code: 'record_not_owner' });
      const u = await s.records.update(a, r.id, { version: 1, data: { names: [{ value: 'Hocine Ben Ali', type: 'primary' }] } as any });
      assert.equal(u.version, 2);
      assert.equal(u.displayName, 'Hocine Ben Ali');
      await assert.rejects(s.records.update(a, r.id, { version: 1, legalBasis: 'stale' }), { code: 'version_conflict', status: 409 });
      await s.records.remove(a, r.id, 2);
      await assert.rejects(s.records.get(a, r.id), { code: 'record_not_found' });
    });

    it('lists exactly the records the policy lets each agency see, for every handling code', async () => {
      const made: Array<{ id: string; tlp: string; restrictedTo: string[] }> = [];
      for (const tlp of TLP_LEVELS) {
        for (const restrictedTo of [[], [b.agencyId], [c.agencyId]]) {
          const r = await s.records.create(a, { ...person(`Handling ${tlp} ${restrictedTo.length}`), kind: 'person', handling: { tlp, restrictedTo } });
          made.push({ id: r.id, tlp, restrictedTo });
        }
      }
      for (const viewer of [a, b, c]) {
        const seen = new Set((await s.records.list(viewer, { q: 'handling', limit: 200 })).items.map((r) => r.id));
        for (const m of made) {
          const expected = visibleToAgency({ tlp: m.tlp as any, restrictedTo: m.restrictedTo }, a.agencyId, viewer.agencyId);
          assert.equal(seen.has(m.id), expected, `${viewer.userId} ${m.tlp} ${m.restrictedTo.length}`);
          if (!expected) await assert.rejects(s.records.get(viewer, m.id), { code: 'record_not_found' });
        }
      }
    });

    it('finds Arabic names whatever the alef, ta marbuta or harakat', async () => {
      const r = await s.records.create(a, person('فاطمة أحمد'));
      const found = await s.records.list(b, { q: 'فاطمه احمد' });
      assert.ok(found.items.some((x) => x.id === r.id));
    });

    it('pages through a list with a cursor without repeats', async () => {
      for (let i = 0; i < 7; i++) await s.records.create(a, person(`Paging Person ${i}`));
      const p1 = await s.records.list(a, { q: 'paging', limit: 3 });
      const p2 = await s.records.list(a, { q: 'paging', limit: 3, cursor: p1.nextCursor! });
      const p3 = await s.records.list(a, { q: 'paging', limit: 3, cursor: p2.nextCursor! });
      const ids = [...p1.items, ...p2.items, ...p3.items].map((r) => r.id);
      assert.equal(new Set(ids).size, 7);
      assert.equal(p3.nextCursor, null);
      // a list reads the summary columns, not each record's document or its authors
      assert.deepEqual(Object.keys(p1.items[0]).sort(), ['displayName', 'id', 'kind', 'ownerAgencyCode', 'ownerAgencyId', 'reviewDate', 'source', 'tlp', 'updatedAt']);
      assert.equal(p1.items[0].ownerAgencyCode, 'MAR-NCB');
    });

    it('links a holder to a document and refuses links between the wrong kinds', async () => {
      const p = await s.records.create(a, person('Mamadou Diallo'));
      const d = await s.records.create(a, { kind: 'document', data: { number: 'A1234567', type: 'passport', issuingCountry: 'SEN', status: 'stolen' } as any, legalBasisCode: 'interpol_rpd', legalBasis: 'SLTD' });
      await s.records.createLink(a, { fromId: p.id, toId: d.id, type: 'holder_of' });
      await assert.rejects(s.records.createLink(a, { fromId: d.id, toId: p.id, type: 'holder_of' }), { code: 'invalid_link' });
      await assert.rejects(s.records.createLink(a, { fromId: p.id, toId: d.id, type: 'holder_of' }), { code: 'link_exists' });
      const links = await s.records.links(b, p.id);
      assert.equal(links.length, 1);
      assert.equal(links[0].otherDisplayName, 'A1234567');
    });

    it('hides records past their review date, shows them to the data-protection officer, and purges them on command', async () => {
      const r = await s.records.create(a, { ...person('Expiring Person'), reviewDate: '2026-06-01' });
      s.clock.set('2026-06-02T08:00:00Z');
      try {
        assert.equal((await s.records.list(a, { q: 'expiring' })).items.length, 0);
        await assert.rejects(s.records.get(a, r.id), { code: 'record_not_found' });
        await assert.rejects(s.records.list(a, { includeExpired: true }), { code: 'forbidden_role' });
        assert.equal((await s.records.list(dpo, { q: 'expiring', includeExpired: true })).items.length, 1);
        await assert.rejects(s.records.purgeExpired(a, 'cleanup'), { code: 'forbidden_role' });
        const { purged } = await s.records.purgeExpired(dpo, 'retention rule');
        assert.equal(purged, 1);
        await assert.rejects(s.records.get(dpo, r.id), { code: 'record_not_found' });
        const log = await s.audit.list(dpo, { subjectId: r.id }, {}, 'check');
        assert.equal(log.items[0].action, 'record.purge');
      } finally {
        s.clock.set('2026-03-01T09:00:00Z');
      }
    });

    it('lets the data-protection officer answer who saw or changed one person', async () => {
      const r = await s.records.create(a, person('Karim Tazi'));
      await s.records.get(b, r.id, 'border check');
      await s.records.list(c, { q: 'karim tazi' }, 'watchlist review');
      const log = await s.audit.list(dpo, { subjectId: r.id }, {}, 'subject access request');
      assert.deepEqual(
        log.items.map((e) => [e.action, e.actorUserId, e.purpose]),
        [
          ['record.search', 'esp-officer', 'watchlist review'],
          ['record.read', 'sen-officer', 'border check'],
          ['record.create', 'analyst', ''],
        ],
      );
    });

    it('reads the newest page by walking the primary key to the limit, not by sorting every record the viewer may see', async () => {
      const root = await s.seeder.consoleActor();
      const owners = ['MAR-NCB', 'SEN-NCB', 'ESP-NCB'];
      const items = Array.from({ length: 2000 }, (_, i) => ({
        externalId: `plan:${i}`,
        kind: 'person' as const,
        data: { names: [{ value: `Planner Subject ${i}`, type: 'primary' }] } as any,
        ownerAgencyCode: owners[i % 3],
        tlp: TLP_LEVELS[i % TLP_LEVELS.length],
        restrictedToCodes: i % 7 === 0 ? [owners[(i + 1) % 3]] : undefined,
        legalBasisCode: 'interpol_rpd',
        legalBasis: 'Article 10 RPD',
      }));
      await s.importer.run(root, 'plan-test', items);
      const repo = new RecordsRepo();
      for (const viewer of [b, c, dpo]) {
        const v = { agencyId: viewer.agencyId, seesAll: viewer.roles.includes('dpo'), includeExpired: false, today: s.today() };
        const nodes = nodesOf(await repo.listPlan(s.conn.db, v, {}, 51));
        assert.ok(!nodes.some((n) => n['Node Type'] === 'Sort'), `${viewer.userId}: sorted`);
        const read = Math.max(...nodes.filter((n) => n['Relation Name'] === 'records').map((n) => n['Actual Rows']));
        assert.ok(read <= 51, `${viewer.userId}: ${read} records read for a page of 51`);
      }
    });
  });
}
