import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import { redNotice } from '../../test/notice-factories.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };

/** ICAO 9303 check digit (weights 7, 3, 1). */
function checkDigit(s: string): string {
  const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  return String([...s].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3], 0) % 10);
}

function td3(names: string, birth: string, doc = 'ZX9876543'): string {
  const line1 = `P<SEN${names}`.padEnd(44, '<');
  const expiry = '310101';
  const personal = '<'.repeat(14);
  const parts = [doc + checkDigit(doc), 'SEN', birth + checkDigit(birth), 'M', expiry + checkDigit(expiry), personal + checkDigit(personal)];
  return `${line1}\n${parts.join('')}${checkDigit(parts[0] + parts[2] + parts[4] + parts[5])}`;
}

for (const target of DB_TARGETS) {
  describeOn(target, `screening opens hits on live notices, on ${target.name}`, () => {
    let s: TestNode;
    let owner: Actor;
    let reviewer: Actor;
    let border: Actor;
    let noticeId: string;
    let subjectId: string;

    before(async () => {
      s = await testServices(target);
      const root = await s.seeder.consoleActor();
      const sen = await s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES });
      const esp = await s.admin.createAgency(root, { code: 'ESP-BORDER', country: 'ESP', kind: 'unit', names: NAMES });
      const actor = (userId: string, agencyId: string, roles: Actor['roles']): Actor => ({ userId, agencyId, roles, scopes: SCOPES, via: 'session' });
      owner = actor('sen-officer', sen.id, ['ncb_officer']);
      reviewer = actor('reviewer', root.agencyId, ['reviewer']);
      border = actor('border', esp.id, ['frontline']);
      await s.screening.start();
      const n = await s.notices.create(owner, redNotice('Karim Bennani'));
      await s.notices.act(owner, n.id, 'submit', { version: n.version });
      await s.notices.act(reviewer, n.id, 'start_review', { version: n.version + 1 });
      const published = await s.notices.act(reviewer, n.id, 'publish', { version: n.version + 2 });
      noticeId = published.id;
      subjectId = published.subjectRecordId!;
      const legal = { legalBasisCode: 'interpol_rpd', legalBasis: 'Red Notice subject' };
      const doc = await s.records.create(owner, { kind: 'document', data: { number: 'A1234567', type: 'passport', issuingCountry: 'SEN', status: 'valid' } as any, ...legal });
      await s.records.createLink(owner, { fromId: subjectId, toId: doc.id, type: 'holder_of' });
      const car = await s.records.create(owner, { kind: 'vehicle', data: { plate: 'DK-4821-B', plateCountry: 'SEN', status: 'wanted' } as any, ...legal });
      await s.records.createLink(owner, { fromId: subjectId, toId: car.id, type: 'owner_operator_of' });
    });
    after(() => s.dispose());

    const hitsOnNotice = async () => (await s.hits.list(owner, { noticeId })).items;

    it('a name screening of the subject opens one hit, tells the officer at once, and moves the notice to hit reported', async () => {
      const r = await s.screening.screenPerson(border, { name: 'كريم بناني', birthDate: '1985-03-14' }, 'border check');
      assert.equal(r.candidates[0].id, subjectId);
      assert.equal(r.hits.length, 1);
      assert.equal(r.hits[0].noticeId, noticeId);
      assert.equal(r.hits[0].isNew, true);
      assert.equal((await s.notices.get(owner, noticeId)).state, 'hit_reported');
      assert.equal((await hitsOnNotice()).length, 1);
    });

    it('the same officer screening again within minutes gets the open hit back, not a second one', async () => {
      const r = await s.screening.screenPerson(border, { name: 'Karim Bennani' }, 'second look');
      assert.equal(r.hits[0].isNew, false);
      assert.equal((await hitsOnNotice()).length, 1);
    });

    it('a document held by the subject hits through its holder', async () => {
      const other = { ...border, userId: 'border-2' };
      const r = await s.screening.screenDocument(other, { number: 'A 1234567' }, 'document check');
      assert.equal(r.candidates[0].holder?.id, subjectId);
      assert.equal(r.hits.length, 1);
      assert.equal((await hitsOnNotice()).filter((h) => h.screeningKind === 'document').length, 1);
    });

    it('a vehicle the subject operates hits through its owner or operator', async () => {
      const other = { ...border, userId: 'border-3' };
      const r = await s.screening.screenVehicle(other, { plate: 'DK 4821 B', country: 'SEN' }, 'road check');
      assert.equal(r.candidates[0].holder?.id, subjectId);
      assert.equal(r.hits.length, 1);
      assert.equal((await hitsOnNotice()).filter((h) => h.screeningKind === 'vehicle').length, 1);
    });

    it('a passport zone of the subject hits', async () => {
      const other = { ...border, userId: 'border-4' };
      const r = await s.screening.screenMrz(other, { mrz: td3('BENNANI<<KARIM', '850314') }, 'airport');
      assert.ok(r.hits.length >= 1);
      assert.ok((await hitsOnNotice()).some((h) => h.screeningKind === 'mrz'));
    });

    it('a manifest row of the subject hits, and names its row', async () => {
      const other = { ...border, userId: 'border-5' };
      const r = await s.screening.screenBatch(other, [{ id: 'p1', name: 'Jean Dupont' }, { id: 'p2', name: 'BENNANI Karim', birthDate: '1985' }], 10, 'manifest');
      assert.deepEqual(r.hits.map((h) => h.rowId), ['p2']);
      assert.ok((await hitsOnNotice()).some((h) => h.screeningKind === 'batch'));
    });

    it('a traveller who is no notice subject opens nothing', async () => {
      const r = await s.screening.screenPerson({ ...border, userId: 'border-6' }, { name: 'Jean Dupont' }, 'border check');
      assert.deepEqual(r.hits, []);
    });
  });
}
