import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import { main } from '../cli/main.ts';

const TINY = {
  profile: 'route-test',
  seed: 3,
  years: {
    2024: { cases: 120, cleared: 110, cybercrimeCases: 6, arrests: 40, violentArrests: 9, gangsDismantled: 2, gangMembersArrested: 3, seizures: { cannabis_resin: 123_970, psychotropic_pills: 55 }, internationalWarrants: 2, nationalWarrants: 3, complaints: 4, smugglingNetworks: 1, departuresPrevented: 30 },
  },
};

for (const target of DB_TARGETS) {
  describeOn(target, `report HTTP API on ${target.name}`, () => {
    let h: Harness;
    let commander: Session;
    let frontline: Session;
    before(async () => {
      h = await httpHarness(target);
      await h.s.profileSeeder.seed(await h.s.seeder.consoleActor(), TINY);
      commander = await h.as('commander');
      frontline = await h.as('frontline');
    });
    after(() => h.close());
    const get = (who: Session | null, url: string) => h.call(who, { method: 'GET', url });

    it('GET /reports/annual/:year: 401, 403, 400, 200 JSON', async () => {
      assert.equal((await get(null, '/api/v1/reports/annual/2024')).statusCode, 401);
      const forbidden = await get(frontline, '/api/v1/reports/annual/2024');
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().code, 'forbidden_role');
      for (const bad of ['twenty', '24x', '1200', '2024?format=xls', '2024?lang=de', '2024?extra=1']) {
        const res = await get(commander, `/api/v1/reports/annual/${bad}`);
        assert.equal(res.statusCode, 400, bad);
        assert.equal(res.json().code, 'validation_failed');
      }
      const ok = await get(commander, '/api/v1/reports/annual/2024');
      assert.equal(ok.statusCode, 200, ok.body);
      const r = ok.json();
      assert.equal(r.cases.total.value, 120);
      assert.equal(r.seizures.find((s: any) => s.substance === 'cannabis_resin').quantity, 123_970);
      assert.equal(r.cases.total.previous, 0);
      assert.equal(r.cases.total.change, null);
    });

    it('GET /reports/annual: the years that have data, for the desk to open on the latest', async () => {
      assert.equal((await get(null, '/api/v1/reports/annual')).statusCode, 401);
      assert.equal((await get(frontline, '/api/v1/reports/annual')).statusCode, 403);
      const ok = await get(commander, '/api/v1/reports/annual');
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { years: [2024], latest: 2024 });
      assert.equal((await get(commander, '/api/v1/reports/annual/2024')).json().hasData, true);
      assert.equal((await get(commander, '/api/v1/reports/annual/2023')).json().hasData, false);
    });

    it('gives CSV and PDF with their media types', async () => {
      const csv = await get(commander, '/api/v1/reports/annual/2024?format=csv&lang=fr');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(csv.body, /figure,cases.total,Affaires traitées,count,120,0,/);
      const pdf = await get(commander, '/api/v1/reports/annual/2024?format=pdf&lang=ar');
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });
  });
}

describe('ribat report', () => {
  it('refuses a malformed year or format with exit code 2', async () => {
    const sink = { write: () => true } as never;
    const io = { stdout: sink, stderr: sink, env: { DATABASE_URL: 'pglite:memory:' } };
    assert.equal(await main(['report', '--year', '24'], io), 2);
    assert.equal(await main(['report', '--year', '2024', '--format', 'xls'], io), 2);
    assert.equal(await main(['report', '--year', '2024', '--format', 'pdf'], io), 2);
  });

  it('says that a year has no data instead of printing zeros, and opens on the latest year by default', async () => {
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const stdout = { write: (s: string) => ((out += s), true) } as never;
      const stderr = { write: (s: string) => ((err += s), true) } as never;
      const code = await main(args, { stdout, stderr, env: { DATABASE_URL: 'pglite:memory:' } });
      return { code, out, err };
    };
    const year = await run(['report', '--year', '2024']);
    assert.equal(year.code, 0);
    assert.match(year.out, /No fact is recorded on this node for 2024: the report has no figures\. No fact is recorded on this node yet\./);
    assert.doesNotMatch(year.out, /Cases\s+0/);
    const fr = await run(['report', '--lang', 'fr']);
    assert.equal(fr.code, 0);
    assert.match(fr.out, new RegExp(`Aucun fait n’est enregistré sur le nœud pour ${new Date().getUTCFullYear()}`));
    const csv = await run(['report', '--year', '2024', '--format', 'csv']);
    assert.match(csv.err, /No fact is recorded on this node for 2024/);
    assert.match(csv.out, /^section,key,label/);
  });

  it('prints the figures of a year as JSON', async () => {
    let out = '';
    const stdout = { write: (s: string) => ((out += s), true) } as never;
    const stderr = { write: () => true } as never;
    assert.equal(await main(['report', '--year', '2024', '--json'], { stdout, stderr, env: { DATABASE_URL: 'pglite:memory:' } }), 0);
    assert.equal(JSON.parse(out).cases.total.value, 0);
  });
});
