import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import { ROLES } from '../auth/roles.ts';
import { SCALE_PERSONS } from './demo.ts';
import { DEMO_PASSWORD } from './users.ts';

for (const target of DB_TARGETS) {
  describeOn(target, `demo seeding on ${target.name}`, () => {
    let s: TestNode;
    before(async () => {
      s = await testServices(target);
    });
    after(() => s.dispose());

    it('seeds agencies, a user for every role and the tiny dataset, once', async () => {
      const report = await s.seeder.seedIfEmpty('tiny');
      assert.ok(report);
      assert.ok(report.agencies >= 19, `agencies ${report.agencies}`);
      const persons = await s.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'person').executeTakeFirstOrThrow();
      assert.equal(Number(persons.n), SCALE_PERSONS.tiny);
      const users = await s.conn.db.selectFrom('users').select('roles').execute();
      for (const role of ROLES) assert.ok(users.some((u) => (u.roles as string[]).includes(role)), role);
      assert.equal(await s.seeder.seedIfEmpty('tiny'), null);
    });

    it('lets a demo user log in with the documented password', async () => {
      const r = await s.auth.login('analyst', DEMO_PASSWORD, 'test');
      assert.equal(r.me.username, 'analyst');
      assert.ok(r.me.permissions.includes('record.create'));
    });

    it('seeds again without duplicating records', async () => {
      const before = await s.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const again = await s.seeder.seed('tiny');
      assert.equal(again.users, 0);
      const after = await s.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });
  });
}
