import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../../test/db-targets.ts';
import type { Actor } from '../../auth/roles.ts';
import type { ImportProblem } from './import-item.ts';
import { parseUnSc } from './un-sc.ts';

/** A UN-list individual as real lists write them: a former country, an impossible date, a NUL byte in a name. */
const ODD = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>
  <DATAID>9001</DATAID><FIRST_NAME>DRAGAN\u0000</FIRST_NAME><SECOND_NAME>PETROVIC</SECOND_NAME>
  <UN_LIST_TYPE>Test</UN_LIST_TYPE><REFERENCE_NUMBER>ZZi.001</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON>
  <GENDER>other</GENDER>
  <NATIONALITY><VALUE>former Yugoslavia</VALUE><VALUE>Serbia</VALUE></NATIONALITY>
  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1968-13-30</DATE></INDIVIDUAL_DATE_OF_BIRTH>
</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`;

const FILE = 'fixtures/un-sc-consolidated-2026-05-08.xml';
const ARABIC = /[\u0600-\u06FF]/;

for (const target of DB_TARGETS) {
  describeOn(target, `UN Security Council list import on ${target.name}`, () => {
    let s: TestNode;
    let actor: Actor;
    let first: Awaited<ReturnType<TestNode['importer']['run']>>;
    before(async () => {
      s = await testServices(target);
      actor = await s.seeder.consoleActor();
      first = await s.importer.run(actor, 'un-sc', parseUnSc(FILE));
    });
    after(() => s.dispose());

    it('stores 737 individuals and 272 entities', async () => {
      const rows = await s.conn.db.selectFrom('records').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('source', '=', 'un-sc').groupBy('kind').execute();
      const by = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
      assert.equal(by.person, 737);
      assert.equal(by.group, 272);
      assert.ok(by.document > 300, `documents: ${by.document}`);
      assert.equal(first.created, by.person + by.group + by.document);
      assert.ok(first.links >= by.document * 0.9);
    });

    it('keeps the Arabic original-script names of 330 persons intact through the database', async () => {
      const persons = await s.conn.db.selectFrom('records').select(['data']).where('source', '=', 'un-sc').where('kind', '=', 'person').execute();
      const original = persons.filter((p) => (p.data as any).names.some((n: any) => n.type === 'original' && ARABIC.test(n.value)));
      assert.equal(original.length, 330);
      // one more (LYi.004) has Arabic script only inside an alias
      assert.equal(persons.filter((p) => (p.data as any).names.some((n: any) => ARABIC.test(n.value))).length, 331);
      const dump = JSON.stringify(persons);
      assert.ok(!dump.includes('\uFFFD'), 'no replacement characters');
    });

    it('updates instead of duplicating when the same list is imported again', async () => {
      const before = await s.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const again = await s.importer.run(actor, 'un-sc', parseUnSc(FILE));
      assert.equal(again.created, 0);
      assert.equal(again.updated, 0);
      assert.equal(again.unchanged, first.created);
      const after = await s.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    it('updates a changed record in place with a new version', async () => {
      const row = await s.conn.db.selectFrom('records').selectAll().where('source', '=', 'un-sc').where('kind', '=', 'person').orderBy('externalId').limit(1).executeTakeFirstOrThrow();
      await sql`update records set data = jsonb_set(data, '{remarks}', '"edited"') where id = ${row.id}`.execute(s.conn.db);
      const again = await s.importer.run(actor, 'un-sc', parseUnSc(FILE));
      assert.equal(again.updated, 1);
      const now = await s.conn.db.selectFrom('records').select(['version', 'id']).where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.equal(now.version, row.version + 1);
    });

    it('leaves only whole batches when an import dies midway, and a re-run completes it without duplicates', async () => {
      const fresh = await testServices(target);
      try {
        const root = await fresh.seeder.consoleActor();
        async function* dying() {
          let n = 0;
          for await (const item of parseUnSc(FILE)) {
            if (++n > 1200) throw new Error('killed');
            yield item;
          }
        }
        await assert.rejects(fresh.importer.run(root, 'un-sc', dying(), { batchSize: 500 }), /killed/);
        const count = async () => Number((await fresh.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        assert.equal(await count(), 1000);
        const rerun = await fresh.importer.run(root, 'un-sc', parseUnSc(FILE));
        assert.equal(rerun.unchanged, 1000);
        assert.equal(await count(), first.created);
        assert.equal((await fresh.audit.verifyChain()).ok, true);
      } finally {
        await fresh.dispose();
      }
    });

    it('imports a UN-list entry with an odd country, an impossible date and a NUL byte in its name, with warnings', async () => {
      const problems: ImportProblem[] = [];
      const t = await s.importer.run(actor, 'un-sc-odd', parseUnSc(Readable.from([ODD]), { onProblem: (p) => problems.push(p) }), { onProblem: (p) => problems.push(p) });
      assert.equal(t.created, 1);
      assert.ok(problems.every((p) => p.warning), JSON.stringify(problems));
      assert.equal(problems.length, 4);
      const row = await s.conn.db.selectFrom('records').select(['data', 'displayName']).where('source', '=', 'un-sc-odd').executeTakeFirstOrThrow();
      const data = row.data as any;
      assert.equal(row.displayName, 'DRAGAN PETROVIC');
      assert.deepEqual(data.nationalities, ['SRB']);
      assert.equal(data.birthDates, undefined);
      assert.match(data.remarks, /nationality "former Yugoslavia"/);
      assert.match(data.remarks, /date of birth "1968-13-30"/);
    });

    it('removes control characters from any imported item before they reach the database, with a warning', async () => {
      const problems: ImportProblem[] = [];
      const item = {
        externalId: 'nul-1',
        kind: 'person' as const,
        data: { names: [{ value: 'Karim\u0000 Bennani\u001b', type: 'primary' as const }], remarks: 'line one\nline\u0007 two' },
        legalBasisCode: 'test',
        legalBasis: 'test',
      };
      const t = await s.importer.run(actor, 'nul-test', [item], { onProblem: (p) => problems.push(p) });
      assert.equal(t.created, 1);
      assert.deepEqual(problems, [{ position: 'nul-test:nul-1', message: '3 control characters removed from the text', warning: true }]);
      const row = await s.conn.db.selectFrom('records').select(['data', 'displayName']).where('source', '=', 'nul-test').executeTakeFirstOrThrow();
      assert.equal(row.displayName, 'Karim Bennani');
      assert.equal((row.data as any).remarks, 'line one\nline two');
    });

    it('audits each import batch with the persons it touched', async () => {
      const entries = await s.conn.db.selectFrom('auditLog').select(['action', 'subjectIds']).where('action', '=', 'record.import').execute();
      assert.ok(entries.length >= 3);
      assert.equal((await s.audit.verifyChain()).ok, true);
    });
  });
}
