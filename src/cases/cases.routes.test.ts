import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';

const LABELS = { ar: 'الاتجار بالبشر', fr: 'Traite des êtres humains', en: 'Human trafficking', es: 'Trata de personas' };
const NAMES = { ar: 'مكتب', fr: 'Bureau', en: 'Bureau', es: 'Oficina' };

for (const target of DB_TARGETS) {
  describeOn(target, `cases HTTP API on ${target.name}`, () => {
    let h: Harness;
    let analyst: Session;
    let senAnalyst: Session;
    let frontline: Session;
    let admin: Session;
    let personId: string;
    let person2Id: string;
    const ids: Record<string, string> = {};

    before(async () => {
      h = await httpHarness(target);
      const root = await h.s.seeder.consoleActor();
      const sen = (await h.s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES })).id;
      analyst = await h.as('analyst');
      senAnalyst = await h.as('analyst', sen);
      frontline = await h.as('frontline');
      admin = await h.as('admin');
      const mk = async (name: string, nat: string) =>
        (await h.s.records.create(root, { kind: 'person', data: { names: [{ value: name, type: 'primary' }], nationalities: [nat] } as any, legalBasisCode: 'national_law', legalBasis: 'Code pénal' })).id;
      personId = await mk('Rachid Tazi', 'MAR');
      person2Id = await mk('Amadou Ba', 'SEN');
    });
    after(() => h.close());

    const call = (who: Session | null, method: string, url: string, payload?: unknown) =>
      h.call(who, { method: method as 'GET', url: `/api/v1${url}`, ...(payload !== undefined ? { payload: payload as object } : {}) });

    it('walks a case through every route on the happy path', async () => {
      let r = await call(analyst, 'POST', '/cases', { category: 'drug_trafficking', title: 'Opération Détroit', region: 'Tanger-Tétouan-Al Hoceïma', openedOn: '2026-01-05' });
      assert.equal(r.statusCode, 201, r.body);
      const c = r.json();
      ids.case = c.id;
      assert.equal(c.status, 'open');
      assert.equal(c.createdBy, undefined, 'undeclared fields never leave the server');
      assert.equal((await call(analyst, 'GET', `/cases?year=2026&category=drug_trafficking&status=open&limit=10`)).json().items[0].id, c.id);
      assert.equal((await call(analyst, 'GET', `/cases/${c.id}`)).json().reference, c.reference);
      r = await call(analyst, 'PATCH', `/cases/${c.id}`, { version: 1, summary: 'Go-fast' });
      assert.equal(r.statusCode, 200, r.body);
      r = await call(analyst, 'POST', `/cases/${c.id}/parties`, { kind: 'person', recordId: personId, role: 'suspect' });
      assert.equal(r.statusCode, 201, r.body);
      ids.party = r.json().id;
      assert.equal(r.json().displayName, 'Rachid Tazi');
      assert.equal((await call(analyst, 'GET', `/cases/${c.id}/parties`)).json().items.length, 1);
      r = await call(analyst, 'POST', `/cases/${c.id}/arrests`, { personRecordId: person2Id, arrestedOn: '2026-02-01', region: 'Tanger-Tétouan-Al Hoceïma', internationalWarrant: true });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().foreignNational, true);
      ids.arrest = r.json().id;
      assert.equal((await call(analyst, 'GET', `/cases/${c.id}/arrests`)).json().items.length, 1);
      r = await call(analyst, 'POST', `/cases/${c.id}/seizures`, { substance: 'cannabis_resin', quantity: { value: '2.75', unit: 't' }, seizedOn: '2026-02-01', region: 'Tanger-Tétouan-Al Hoceïma' });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().quantity, 2_750_000);
      assert.deepEqual(r.json().display, { value: '2.75', unit: 't' });
      ids.seizure = r.json().id;
      assert.equal((await call(analyst, 'GET', `/cases/${c.id}/seizures`)).json().items[0].quantity, 2_750_000);

      r = await call(analyst, 'POST', '/gangs', { name: 'Bande du Détroit', kind: 'criminal_gang', region: 'Tanger-Tétouan-Al Hoceïma', caseId: c.id, members: [{ personRecordId: personId, role: 'leader' }] });
      assert.equal(r.statusCode, 201, r.body);
      ids.gang = r.json().id;
      assert.equal((await call(analyst, 'GET', '/gangs?status=active')).json().items[0].id, ids.gang);
      r = await call(analyst, 'POST', `/gangs/${ids.gang}/members`, { members: [{ personRecordId: person2Id, role: 'courier' }] });
      assert.equal(r.json().memberCount, 2);
      r = await call(analyst, 'POST', `/gangs/${ids.gang}/members/${person2Id}/arrest`, { arrestId: ids.arrest });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().arrestedCount, 1);
      r = await call(analyst, 'PATCH', `/gangs/${ids.gang}`, { version: r.json().version, name: 'Bande du Détroit (Nord)' });
      assert.equal(r.statusCode, 200, r.body);
      r = await call(analyst, 'POST', `/gangs/${ids.gang}/dismantle`, { version: r.json().version, dismantledOn: '2026-02-15' });
      assert.equal(r.json().status, 'dismantled');
      assert.equal((await call(analyst, 'GET', `/gangs/${ids.gang}`)).json().dismantledOn, '2026-02-15');
      assert.equal((await call(analyst, 'DELETE', `/gangs/${ids.gang}/members/${personId}`)).statusCode, 204);

      assert.equal((await call(analyst, 'POST', '/migration-events', { kind: 'departure_prevented', occurredOn: '2026-02-02', region: 'Oriental', persons: 31 })).statusCode, 201);
      assert.equal((await call(analyst, 'GET', '/migration-events?year=2026')).json().items[0].persons, 31);
      r = await call(analyst, 'POST', '/warrants', { scope: 'international', issuedOn: '2026-01-20', issuingAuthority: 'Parquet général de Rabat', personRecordId: person2Id });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal((await call(analyst, 'POST', `/warrants/${r.json().id}/execute`, { executedOn: '2026-02-01' })).json().executedOn, '2026-02-01');
      const listed = (await call(analyst, 'GET', '/warrants?scope=international&executed=true')).json().items;
      assert.equal(listed.length, 1);
      assert.equal(listed[0].personDisplayName, 'Amadou Ba', 'the warrants list names the person sought');
      assert.equal((await call(analyst, 'POST', '/complaints', { channel: 'e_blagh', category: 'cybercrime', receivedOn: '2026-02-03', region: 'Rabat-Salé-Kénitra' })).statusCode, 201);
      assert.equal((await call(analyst, 'GET', '/complaints?channel=e_blagh')).json().items.length, 1);

      assert.equal((await call(analyst, 'DELETE', `/cases/${c.id}/seizures/${ids.seizure}`)).statusCode, 204);
      assert.equal((await call(analyst, 'DELETE', `/cases/${c.id}/parties/${ids.party}`)).statusCode, 204);
      const cur = (await call(analyst, 'GET', `/cases/${c.id}`)).json();
      r = await call(analyst, 'POST', `/cases/${c.id}/close`, { version: cur.version, status: 'solved', closedOn: '2026-02-20' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'solved');
      assert.equal((await call(analyst, 'DELETE', `/cases/${c.id}/arrests/${ids.arrest}`)).statusCode, 204);
    });

    it('stores a region named in any of the four languages as its code, and keeps one it does not recognise as typed (201, never 400)', async () => {
      let r = await call(analyst, 'POST', '/cases', { category: 'theft', title: 'Vol à Casa', region: 'Casablanca', openedOn: '2026-01-05' });
      assert.equal(r.statusCode, 201, r.body);
      const named = r.json();
      assert.equal(named.region, 'MA-06');
      r = await call(analyst, 'POST', '/cases', { category: 'theft', title: 'Vol au port', region: 'Port de Tanger Med', openedOn: '2026-01-05' });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().region, 'Port de Tanger Med');
      r = await call(analyst, 'PATCH', `/cases/${r.json().id}`, { version: 1, region: 'طنجة تطوان الحسيمة' });
      assert.equal(r.json().region, 'MA-01');
      r = await call(analyst, 'POST', `/cases/${named.id}/arrests`, { arrestedOn: '2026-02-01', region: 'ma 6' });
      assert.equal(r.json().region, 'MA-06');
      r = await call(analyst, 'POST', '/gangs', { name: 'Bande de Fès', kind: 'criminal_gang', region: 'Fès-Meknès' });
      assert.equal(r.json().region, 'MA-03');
      r = await call(analyst, 'POST', '/complaints', { channel: 'web', category: 'fraud', receivedOn: '2026-02-03', region: 'Rabat' });
      assert.equal(r.json().region, 'MA-04');
      const found = (await call(analyst, 'GET', `/cases?region=${encodeURIComponent('casablanca settat')}&limit=200`)).json().items;
      assert.ok(found.some((x: { id: string }) => x.id === named.id));
    });

    it('catalogue: lists labels, and only an administrator adds, in all four languages', async () => {
      const cats = (await call(analyst, 'GET', '/catalogue/categories')).json().items;
      assert.equal(cats.find((c: any) => c.code === 'cybercrime').labels.ar, 'الجرائم الإلكترونية');
      assert.equal((await call(analyst, 'GET', '/catalogue/substances')).json().items.find((x: any) => x.code === 'cocaine').measure, 'mass');
      assert.equal((await call(analyst, 'POST', '/catalogue/categories', { code: 'human_trafficking', labels: LABELS })).json().code, 'forbidden_role');
      const missing = await call(admin, 'POST', '/catalogue/categories', { code: 'human_trafficking', labels: { ar: LABELS.ar, fr: LABELS.fr, en: LABELS.en } });
      assert.equal(missing.statusCode, 400);
      const blank = await call(admin, 'POST', '/catalogue/categories', { code: 'human_trafficking', labels: { ...LABELS, fr: '' } });
      assert.equal(blank.json().code, 'labels_incomplete');
      assert.equal((await call(admin, 'POST', '/catalogue/categories', { code: 'human_trafficking', labels: LABELS })).statusCode, 201);
      assert.equal((await call(admin, 'POST', '/catalogue/categories', { code: 'human_trafficking', labels: LABELS })).statusCode, 409);
      const sub = await call(admin, 'POST', '/catalogue/substances', { code: 'ecstasy', measure: 'count', labels: { ar: 'إكستاسي', fr: 'Ecstasy', en: 'Ecstasy', es: 'Éxtasis' } });
      assert.equal(sub.statusCode, 201, sub.body);
      assert.equal((await call(admin, 'GET', '/catalogue/substances')).json().items.some((x: any) => x.code === 'ecstasy'), true);
    });

    it('answers a wrong unit with 400 unit_mismatch and another agency’s edit with 403 case_not_owner', async () => {
      const c = (await call(analyst, 'POST', '/cases', { category: 'drug_trafficking', title: 'T', region: 'Oriental', openedOn: '2026-01-05' })).json();
      const bad = await call(analyst, 'POST', `/cases/${c.id}/seizures`, { substance: 'cocaine', quantity: { value: '5', unit: 'items' }, seizedOn: '2026-02-01', region: 'Oriental' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'unit_mismatch');
      const notExact = await call(analyst, 'POST', `/cases/${c.id}/seizures`, { substance: 'cocaine', quantity: { value: '0.0005', unit: 'g' }, seizedOn: '2026-02-01', region: 'Oriental' });
      assert.equal(notExact.json().code, 'quantity_not_exact');
      const other = await call(senAnalyst, 'PATCH', `/cases/${c.id}`, { version: 1, title: 'x' });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().code, 'case_not_owner');
      const red = (await call(analyst, 'POST', '/cases', { category: 'terrorism', title: 'R', region: 'Oriental', openedOn: '2026-01-05', handling: { tlp: 'RED' } })).json();
      const hidden = await call(senAnalyst, 'GET', `/cases/${red.id}`);
      assert.equal(hidden.statusCode, 404);
      assert.equal(hidden.json().code, 'case_not_found');
    });

    it('every route: 401 without a session, 403 for a role without case rights, 400 on malformed input', async () => {
      const c = (await call(analyst, 'POST', '/cases', { category: 'theft', title: 'T', region: 'Souss', openedOn: '2026-01-05' })).json();
      const g = (await call(analyst, 'POST', '/gangs', { name: 'G', kind: 'criminal_gang', region: 'Souss' })).json();
      const w = (await call(analyst, 'POST', '/warrants', { scope: 'national', issuedOn: '2026-01-05', issuingAuthority: 'Parquet' })).json();
      const u = '00000000-0000-7000-8000-000000000000';
      // [method, url, valid body, malformed body or url]
      const routes: Array<[string, string, unknown, { url?: string; body?: unknown }]> = [
        ['GET', '/cases', undefined, { url: '/cases?limit=0' }],
        ['POST', '/cases', { category: 'theft', title: 'T', region: 'Souss', openedOn: '2026-01-05' }, { body: { category: 'theft', title: 'T', region: 'Souss', openedOn: '5 jan' } }],
        ['GET', `/cases/${c.id}`, undefined, { url: '/cases/not-a-uuid' }],
        ['PATCH', `/cases/${c.id}`, { version: 1, title: 'x' }, { body: { version: 1, owner: 'me' } }],
        ['POST', `/cases/${c.id}/close`, { version: 1, status: 'solved' }, { body: { version: 1, status: 'open' } }],
        ['GET', `/cases/${c.id}/parties`, undefined, { url: '/cases/x/parties' }],
        ['POST', `/cases/${c.id}/parties`, { kind: 'phone', value: '+212600000000', role: 'r' }, { body: { kind: 'ship', value: 'x', role: 'r' } }],
        ['DELETE', `/cases/${c.id}/parties/${u}`, undefined, { url: `/cases/${c.id}/parties/x` }],
        ['GET', `/cases/${c.id}/arrests`, undefined, { url: `/cases/${c.id}/arrests?cursor=${'x'.repeat(400)}` }],
        ['POST', `/cases/${c.id}/arrests`, { arrestedOn: '2026-01-06', region: 'Souss' }, { body: { arrestedOn: '2026-01-06', region: 'Souss', nationality: 'maroc' } }],
        ['DELETE', `/cases/${c.id}/arrests/${u}`, undefined, { url: `/cases/${c.id}/arrests/1` }],
        ['GET', `/cases/${c.id}/seizures`, undefined, { url: `/cases/${c.id}/seizures?limit=1000` }],
        ['POST', `/cases/${c.id}/seizures`, { substance: 'heroin', quantity: { value: '1', unit: 'kg' }, seizedOn: '2026-01-06', region: 'Souss' }, { body: { substance: 'heroin', quantity: { value: '1' }, seizedOn: '2026-01-06', region: 'Souss' } }],
        ['DELETE', `/cases/${c.id}/seizures/${u}`, undefined, { url: `/cases/${c.id}/seizures/1` }],
        ['GET', '/gangs', undefined, { url: '/gangs?status=sleeping' }],
        ['POST', '/gangs', { name: 'G2', kind: 'criminal_gang', region: 'Souss' }, { body: { name: 'G2', kind: 'club', region: 'Souss' } }],
        ['GET', `/gangs/${g.id}`, undefined, { url: '/gangs/1' }],
        ['PATCH', `/gangs/${g.id}`, { version: 1, name: 'G1' }, { body: { name: 'no version' } }],
        ['POST', `/gangs/${g.id}/members`, { members: [{ personRecordId: personId, role: 'm' }] }, { body: { members: [] } }],
        ['DELETE', `/gangs/${g.id}/members/${u}`, undefined, { url: `/gangs/${g.id}/members/1` }],
        ['POST', `/gangs/${g.id}/members/${personId}/arrest`, { arrestId: u }, { body: { arrestId: 'x' } }],
        ['POST', `/gangs/${g.id}/dismantle`, { version: 1, dismantledOn: '2026-02-01' }, { body: { version: 1 } }],
        ['GET', '/migration-events', undefined, { url: '/migration-events?year=20' }],
        ['POST', '/migration-events', { kind: 'departure_prevented', occurredOn: '2026-01-06', region: 'Souss', persons: 3 }, { body: { kind: 'departure_prevented', occurredOn: '2026-01-06', region: 'Souss', persons: 0 } }],
        ['GET', '/warrants', undefined, { url: '/warrants?scope=planet' }],
        ['POST', '/warrants', { scope: 'national', issuedOn: '2026-01-06', issuingAuthority: 'P' }, { body: { scope: 'national', issuedOn: '2026-01-06' } }],
        ['POST', `/warrants/${w.id}/execute`, { executedOn: '2026-01-07' }, { body: { executedOn: 'tomorrow' } }],
        ['GET', '/complaints', undefined, { url: '/complaints?channel=fax' }],
        ['POST', '/complaints', { channel: 'web', category: 'fraud', receivedOn: '2026-01-06', region: 'Souss' }, { body: { channel: 'fax', category: 'fraud', receivedOn: '2026-01-06', region: 'Souss' } }],
        ['GET', '/catalogue/categories', undefined, {}],
        ['POST', '/catalogue/categories', { code: 'arson', labels: LABELS }, { body: { code: 'Arson!', labels: LABELS } }],
        ['GET', '/catalogue/substances', undefined, {}],
        ['POST', '/catalogue/substances', { code: 'khat', measure: 'mass', labels: LABELS }, { body: { code: 'khat', measure: 'volume', labels: LABELS } }],
      ];
      for (const [method, url, body, bad] of routes) {
        const name = `${method} ${url}`;
        assert.equal((await call(null, method, url, body)).statusCode, 401, name);
        const isCatalogueWrite = method === 'POST' && url.startsWith('/catalogue');
        const isCatalogueRead = method === 'GET' && url.startsWith('/catalogue');
        if (!isCatalogueRead) {
          const f = await call(isCatalogueWrite ? analyst : frontline, method, url, body);
          assert.equal(f.statusCode, 403, `${name}: ${f.body}`);
        } else {
          assert.equal((await call(frontline, method, url)).statusCode, 403, name);
        }
        if (bad.url || bad.body) {
          const who = isCatalogueWrite ? admin : analyst;
          const r = await call(who, method, bad.url ?? url, bad.body ?? body);
          assert.equal(r.statusCode, 400, `${name} malformed: ${r.body}`);
        }
      }
    });
  });
}
