import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness } from '../../test/http-harness.ts';

const URL = '/api/v1/screening/batch';
const person = (name: string, data: Record<string, unknown> = {}) => ({
  kind: 'person',
  data: { names: [{ value: name, type: 'primary' }], ...data },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'RPD article 10',
});

for (const target of DB_TARGETS) {
  describeOn(target, `POST /screening/batch, rows as real lists write them, on ${target.name}`, () => {
    let h: Harness;
    before(async () => {
      h = await httpHarness(target);
      const analyst = await h.as('analyst');
      for (const [name, data] of [
        ['Dragan Jovanovic', { birthDates: ['1968-03-12'], nationalities: ['SRB'], gender: 'male' }],
        ['Sergei Volkov', { nationalities: ['RUS'] }],
        ['Kim Chol Jin', { nationalities: ['PRK'] }],
      ] as const) {
        const res = await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload: person(name, data) });
        assert.equal(res.statusCode, 201, res.body);
      }
      await h.s.screening.start();
    });
    after(() => h.close());

    it('refuses an unauthenticated batch', async () => {
      assert.equal((await h.call(null, { method: 'POST', url: URL, payload: { rows: [{ id: 'a', name: 'Dragan Jovanovic', gender: 'other' }] } })).statusCode, 401);
    });

    it('refuses a role without screening', async () => {
      assert.equal((await h.call(await h.as('cyber_analyst'), { method: 'POST', url: URL, payload: { rows: [{ id: 'a', name: 'Dragan Jovanovic' }] } })).statusCode, 403);
    });

    it('still refuses a row without an id (the request is malformed, not the list)', async () => {
      const res = await h.call(await h.as('ncb_officer'), { method: 'POST', url: URL, payload: { rows: [{ name: 'Dragan Jovanovic', gender: 'other' }] } });
      assert.equal(res.statusCode, 400);
    });

    it('accepts gender other, former countries, UN names and impossible dates, screens on the name and marks what it did not understand', async () => {
      const res = await h.call(await h.as('ncb_officer'), {
        method: 'POST',
        url: URL,
        payload: {
          rows: [
            { id: 'r1', name: 'Dragan Jovanovic', gender: 'other', nationality: 'YU', birthDate: '1968-13-30' },
            { id: 'r2', name: 'Sergei Volkov', nationality: 'former Soviet Union' },
            { id: 'r3', name: 'Kim Chol Jin', nationality: "Democratic People's Republic of Korea", birthDate: '1984-2-01' },
            { id: 'r4', name: '', nationality: 'Syria' },
          ],
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.results.map((r: any) => [r.rowId, r.candidates[0]?.displayName]), [
        ['r1', 'Dragan Jovanovic'],
        ['r2', 'Sergei Volkov'],
        ['r3', 'Kim Chol Jin'],
      ]);
      assert.ok(body.results.every((r: any) => r.candidates[0].alert));
      assert.deepEqual(body.results[0].notUnderstood, [
        { field: 'birthDate', value: '1968-13-30', reason: 'not a real date written YYYY, YYYY-MM or YYYY-MM-DD' },
        { field: 'nationality', value: 'YU', reason: 'a former country (Yugoslavia) that is no single country today' },
        { field: 'gender', value: 'other', reason: 'the screening compares male and female only' },
      ]);
      assert.equal(body.results[0].candidates[0].explanation.nationality.effect, 'unknown');
      assert.equal(body.results[1].candidates[0].explanation.nationality.effect, 'unknown');
      assert.equal(body.results[2].notUnderstood, undefined);
      assert.equal(body.results[2].candidates[0].explanation.nationality.effect, 'agrees');
      assert.deepEqual([body.skipped, body.warnings], [1, 4]);
      assert.deepEqual(body.problems.filter((p: any) => !p.warning), [{ rowId: 'r4', code: 'validation_failed', message: 'A name is required' }]);
    });

    // (a C0 control such as NUL is refused for the whole request by the HTTP text guard; a C1 one,
    // what a wrong decoding leaves, gets through to the batch, which removes it)
    it('reads a CSV manifest the same way, gender other and a C1 control character in a name included', async () => {
      const res = await h.call(await h.as('ncb_officer'), {
        method: 'POST',
        url: URL,
        payload: 'id,name,birthDate,nationality,gender\np1,Dragan Jovanovic,1968-13-30,YU,other\np2,Sergei\u009d Volkov,,SU,\np3,"Kim Chol Jin",1984-2-01,"Korea (the Democratic People\'s Republic of)",M\n',
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.results.map((r: any) => [r.rowId, r.candidates[0]?.displayName, r.notUnderstood?.map((n: any) => n.field) ?? []]), [
        ['p1', 'Dragan Jovanovic', ['birthDate', 'nationality', 'gender']],
        ['p2', 'Sergei Volkov', ['nationality']],
        ['p3', 'Kim Chol Jin', []],
      ]);
      assert.deepEqual([body.skipped, body.warnings], [0, 5]);
      assert.ok(body.problems.some((p: any) => p.rowId === 'p2' && p.code === 'control_characters_removed'));
    });
  });
}

for (const target of DB_TARGETS) {
  describeOn(target, `POST /screening/persons, namesakes told apart, on ${target.name}`, () => {
    let h: Harness;
    before(async () => {
      h = await httpHarness(target);
      const analyst = await h.as('analyst');
      for (const data of [{ birthDates: ['1975'], nationalities: ['MAR', 'ESP'] }, { birthDates: ['1982-06-30', '1968/1972'], nationalities: ['DZA'] }, {}]) {
        const res = await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload: person('Karim Benali', data) });
        assert.equal(res.statusCode, 201, res.body);
      }
      await h.s.screening.start();
    });
    after(() => h.close());

    it('gives every candidate its recorded dates of birth, nationalities and owner, though the query names none', async () => {
      const res = await h.call(await h.as('frontline'), { method: 'POST', url: '/api/v1/screening/persons', payload: { name: 'Karim Benali' } });
      assert.equal(res.statusCode, 200, res.body);
      const facts = res.json().candidates.map((c: any) => [c.explanation.birthDate.record, c.explanation.nationality.record, c.ownerAgencyCode]);
      assert.equal(facts.length, 3);
      assert.deepEqual(
        facts.map((f: unknown[]) => JSON.stringify(f)).sort(),
        [
          [['1975'], ['MAR', 'ESP'], 'MAR-NCB'],
          [['1982-06-30', '1968/1972'], ['DZA'], 'MAR-NCB'],
          [[], [], 'MAR-NCB'],
        ]
          .map((f) => JSON.stringify(f))
          .sort(),
      );
    });
  });
}
