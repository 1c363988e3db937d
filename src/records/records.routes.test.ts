import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness } from '../../test/http-harness.ts';

const person = (name: string, data: Record<string, unknown> = {}) => ({
  kind: 'person',
  data: { names: [{ value: name, type: 'primary' }], ...data },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'RPD article 10',
});

for (const target of DB_TARGETS) {
  describeOn(target, `GET /records?kind=person, the pickers' search, on ${target.name}`, () => {
    let h: Harness;
    before(async () => {
      h = await httpHarness(target);
      const analyst = await h.as('analyst');
      for (const [name, data] of [
        ['Youssef Amrani', { birthDates: ['1979-03'], nationalities: ['MAR'] }],
        ['Youssef Amrani', { birthDates: ['1990-11-02', '1988/1991'], nationalities: ['ESP', 'MAR'] }],
        ['Youssef Amrani', {}],
      ] as const) {
        const res = await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload: person(name, data) });
        assert.equal(res.statusCode, 201, res.body);
      }
      const vehicle = await h.call(analyst, {
        method: 'POST',
        url: '/api/v1/records',
        payload: { kind: 'vehicle', data: { plate: '12345-أ-6', plateCountry: 'MAR', status: 'stolen' }, legalBasisCode: 'interpol_rpd', legalBasis: 'SMV' },
      });
      assert.equal(vehicle.statusCode, 201, vehicle.body);
    });
    after(() => h.close());

    it('refuses the search without a session, to a role that reads no records, and with an unknown kind', async () => {
      assert.equal((await h.call(null, { method: 'GET', url: '/api/v1/records?kind=person&q=amrani' })).statusCode, 401);
      assert.equal((await h.call(await h.as('camera_operator'), { method: 'GET', url: '/api/v1/records?kind=person&q=amrani' })).statusCode, 403);
      assert.equal((await h.call(await h.as('analyst'), { method: 'GET', url: '/api/v1/records?kind=spaceship' })).statusCode, 400);
    });

    it('names each person’s dates of birth and nationalities as recorded, so namesakes are told apart', async () => {
      const res = await h.call(await h.as('analyst'), { method: 'GET', url: '/api/v1/records?kind=person&q=youssef%20amrani' });
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items;
      assert.deepEqual(
        items.map((r: any) => [r.displayName, r.birthDates, r.nationalities, r.ownerAgencyCode]),
        [
          ['Youssef Amrani', [], [], 'MAR-NCB'],
          ['Youssef Amrani', ['1990-11-02', '1988/1991'], ['ESP', 'MAR'], 'MAR-NCB'],
          ['Youssef Amrani', ['1979-03'], ['MAR'], 'MAR-NCB'],
        ],
      );
    });

    it('keeps a list of every kind to its summary columns', async () => {
      const res = await h.call(await h.as('analyst'), { method: 'GET', url: '/api/v1/records' });
      assert.equal(res.statusCode, 200, res.body);
      for (const r of res.json().items) assert.deepEqual([r.birthDates, r.nationalities], [undefined, undefined], r.kind);
    });
  });
}
