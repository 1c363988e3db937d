import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import { redContent } from '../../test/notice-factories.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };
const ZERO = '00000000-0000-7000-8000-000000000000';

for (const target of DB_TARGETS) {
  describeOn(target, `notices HTTP routes on ${target.name}`, () => {
    let h: Harness;
    let officer: Session; // hub bureau officer: owner of the notices below
    let reviewer: Session;
    let frontline: Session;
    let camera: Session;
    let sen: Session; // another bureau
    let senId: string;
    let draftId: string;
    let liveId: string;

    const create = async (name: string, extra: Record<string, unknown> = {}) => {
      const r = await h.call(officer, { method: 'POST', url: '/api/v1/notices', payload: { type: 'red', urgency: 'normal', content: redContent(name), ...extra } });
      assert.equal(r.statusCode, 201, r.body);
      return r.json();
    };
    const act = (who: Session, id: string, action: string, payload: Record<string, unknown>) => h.call(who, { method: 'POST', url: `/api/v1/notices/${id}/actions/${action}`, payload });

    before(async () => {
      h = await httpHarness(target);
      const root = await h.s.seeder.consoleActor();
      senId = (await h.s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES })).id;
      officer = await h.as('ncb_officer');
      reviewer = await h.as('reviewer');
      frontline = await h.as('frontline');
      camera = await h.as('camera_operator');
      sen = await h.as('ncb_officer', senId);
      // a namesake of a request's subject, known only by its facts
      const namesake = await h.call(await h.as('analyst'), {
        method: 'POST',
        url: '/api/v1/records',
        payload: { kind: 'person', data: { names: [{ value: 'Samir Kettani', type: 'primary' }], birthDates: ['1961-04', '1958/1962'], nationalities: ['MAR', 'FRA'] }, legalBasisCode: 'interpol_rpd', legalBasis: 'RPD article 10' },
      });
      assert.equal(namesake.statusCode, 201, namesake.body);
      await h.s.screening.start();
      draftId = (await create('Hamza Alaoui')).id;
      const live = await create('Rachid Berrada', { publicExtract: { fields: ['names', 'nationalities'] } });
      assert.equal((await act(officer, live.id, 'submit', { version: 1 })).statusCode, 200);
      assert.equal((await act(reviewer, live.id, 'start_review', { version: 2 })).statusCode, 200);
      const pub = await act(reviewer, live.id, 'publish', { version: 3 });
      assert.equal(pub.json().state, 'published');
      liveId = live.id;
    });
    after(() => h.close());

    it('answers 401 without a session on every notices route', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/notices'],
        ['POST', '/api/v1/notices'],
        ['POST', '/api/v1/notices/check'],
        ['GET', '/api/v1/notices/review-queue'],
        ['GET', `/api/v1/notices/${liveId}`],
        ['PATCH', `/api/v1/notices/${liveId}`],
        ['POST', `/api/v1/notices/${liveId}/actions/cancel`],
        ['GET', `/api/v1/notices/${liveId}/timeline`],
        ['GET', `/api/v1/notices/${liveId}/screening`],
        ['GET', '/api/v1/diffusions'],
        ['POST', '/api/v1/diffusions'],
      ] as const) {
        const r = await h.call(null, { method, url, payload: method === 'GET' ? undefined : {} });
        assert.equal(r.statusCode, 401, `${method} ${url}`);
        assert.equal(r.json().code, 'unauthenticated');
      }
    });

    it('answers 403 to roles without the permission', async () => {
      assert.equal((await h.call(camera, { method: 'GET', url: '/api/v1/notices' })).statusCode, 403);
      const body = { type: 'red', urgency: 'normal', content: redContent('X') };
      assert.equal((await h.call(frontline, { method: 'POST', url: '/api/v1/notices', payload: body })).json().code, 'forbidden_role');
      assert.equal((await h.call(frontline, { method: 'POST', url: '/api/v1/notices/check', payload: { type: 'red', content: redContent('X') } })).statusCode, 403);
      assert.equal((await h.call(officer, { method: 'GET', url: '/api/v1/notices/review-queue' })).statusCode, 403);
      assert.equal((await h.call(reviewer, { method: 'PATCH', url: `/api/v1/notices/${liveId}`, payload: { version: 4, urgency: 'urgent' } })).statusCode, 403);
      const cancel = await act(sen, liveId, 'cancel', { version: 4, reason: 'not mine' });
      assert.equal(cancel.statusCode, 403);
      assert.equal(cancel.json().code, 'notice_not_owner');
      assert.equal((await h.call(sen, { method: 'GET', url: `/api/v1/notices/${liveId}/screening` })).json().code, 'forbidden_role');
      assert.equal((await h.call(frontline, { method: 'POST', url: '/api/v1/diffusions', payload: { urgency: 'normal', content: redContent('X'), recipients: [senId] } })).statusCode, 403);
    });

    it('answers 400 to invalid input', async () => {
      const bad = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
        const r = await h.call(officer, { method, url, payload: payload as never });
        assert.equal(r.statusCode, 400, `${method} ${url} ${r.body}`);
        return r.json();
      };
      await bad('GET', '/api/v1/notices?limit=500');
      await bad('GET', '/api/v1/notices?type=pink');
      await bad('POST', '/api/v1/notices', { type: 'pink', urgency: 'normal', content: redContent('X') });
      await bad('POST', '/api/v1/notices', { type: 'red', urgency: 'normal', content: { ...redContent('X'), shoeSize: 44 } });
      assert.equal((await bad('POST', '/api/v1/notices', { type: 'red', urgency: 'normal', content: redContent('X', { nationalities: ['XXX'] }) })).code, 'invalid_country');
      await bad('POST', '/api/v1/notices/check', { type: 'red' });
      await bad('GET', '/api/v1/notices/not-a-uuid');
      await bad('PATCH', `/api/v1/notices/${draftId}`, { urgency: 'urgent' });
      await bad('POST', `/api/v1/notices/${draftId}/actions/explode`, { version: 1 });
      assert.equal((await bad('POST', `/api/v1/notices/${liveId}/actions/cancel`, { version: 4 })).code, 'reason_required');
      await bad('POST', '/api/v1/diffusions', { type: 'red', urgency: 'normal', content: redContent('X') });
      const rq = await h.call(reviewer, { method: 'GET', url: '/api/v1/notices/review-queue?limit=0' });
      assert.equal(rq.statusCode, 400);
      assert.equal((await h.call(null, { method: 'GET', url: '/api/v1/public/notices?ageMin=-3' })).statusCode, 400);
    });

    it('serves the happy path of each route', async () => {
      const list = await h.call(officer, { method: 'GET', url: '/api/v1/notices?mine=true&limit=10' });
      assert.equal(list.statusCode, 200);
      assert.ok(list.json().items.some((n: { id: string }) => n.id === draftId));
      const check = await h.call(officer, { method: 'POST', url: '/api/v1/notices/check', payload: { type: 'red', content: redContent('Rachid Berrada') } });
      assert.equal(check.statusCode, 200);
      assert.ok(check.json().checks.some((c: { code: string }) => c.code === 'duplicate_notice'));
      const one = await h.call(officer, { method: 'GET', url: `/api/v1/notices/${draftId}` });
      assert.equal(one.statusCode, 200);
      assert.deepEqual(one.json().allowedActions, ['submit', 'withdraw']);
      assert.equal(one.json().content.subject.names[0].value, 'Hamza Alaoui');
      const patched = await h.call(officer, { method: 'PATCH', url: `/api/v1/notices/${draftId}`, payload: { version: 1, urgency: 'urgent' } });
      assert.equal(patched.json().urgency, 'urgent');
      const submitted = await act(officer, draftId, 'submit', { version: 2 });
      assert.equal(submitted.json().state, 'submitted');
      assert.equal((await act(officer, draftId, 'submit', { version: 3 })).statusCode, 409);
      const queue = await h.call(reviewer, { method: 'GET', url: '/api/v1/notices/review-queue?limit=5' });
      assert.equal(queue.statusCode, 200);
      assert.equal(queue.json().items[0].id, draftId);
      assert.equal(typeof queue.json().items[0].ageHours, 'number');
      const tl = await h.call(officer, { method: 'GET', url: `/api/v1/notices/${liveId}/timeline` });
      assert.deepEqual(tl.json().events.map((e: { action: string }) => e.action), ['create', 'submit', 'start_review', 'publish']);
      const scr = await h.call(reviewer, { method: 'GET', url: `/api/v1/notices/${draftId}/screening` });
      assert.equal(scr.statusCode, 200);
      assert.ok(Array.isArray(scr.json().candidates));
      // another bureau sees the live notice, not the draft
      assert.equal((await h.call(sen, { method: 'GET', url: `/api/v1/notices/${liveId}` })).statusCode, 200);
      assert.equal((await h.call(sen, { method: 'GET', url: `/api/v1/notices/${draftId}` })).statusCode, 404);
      assert.equal((await h.call(sen, { method: 'GET', url: `/api/v1/notices/${ZERO}` })).json().code, 'notice_not_found');
      // diffusions
      const d = await h.call(officer, { method: 'POST', url: '/api/v1/diffusions', payload: { urgency: 'urgent', content: { ...redContent('Omar Tazi'), requestedAction: 'Locate' }, recipients: [senId] } });
      assert.equal(d.statusCode, 201);
      assert.equal(d.json().type, 'diffusion');
      assert.deepEqual(d.json().restrictedTo, [{ id: senId, code: 'SEN-NCB' }]);
      assert.equal((await act(officer, d.json().id, 'submit', { version: 1 })).json().state, 'published');
      const senList = await h.call(sen, { method: 'GET', url: '/api/v1/diffusions' });
      assert.deepEqual(senList.json().items.map((n: { id: string }) => n.id), [d.json().id]);
      const cancel = await act(officer, liveId, 'cancel', { version: 4, reason: 'Arrested' });
      assert.equal(cancel.json().state, 'cancelled');
    });

    it('shows public extracts without login, with only the authorised fields', async () => {
      const live = await create('Nabil Chraibi', { publicExtract: { fields: ['names'] } });
      await act(officer, live.id, 'submit', { version: 1 });
      await act(reviewer, live.id, 'start_review', { version: 2 });
      await act(reviewer, live.id, 'publish', { version: 3 });
      const list = await h.call(null, { method: 'GET', url: '/api/v1/public/notices' });
      assert.equal(list.statusCode, 200);
      const item = list.json().items.find((i: { id: string }) => i.id === live.id);
      assert.deepEqual(item, { id: live.id, type: 'red', name: 'Nabil Chraibi' });
      const one = await h.call(null, { method: 'GET', url: `/api/v1/public/notices/${live.id}` });
      assert.deepEqual(one.json(), { id: live.id, type: 'red', names: ['Nabil Chraibi'] });
      // a filter on a field the owner did not authorise finds nothing rather than leaking it
      const byNat = await h.call(null, { method: 'GET', url: '/api/v1/public/notices?nationality=SEN' });
      assert.equal(byNat.json().items.some((i: { id: string }) => i.id === live.id), false);
      // no extract, or not live: not found
      assert.equal((await h.call(null, { method: 'GET', url: `/api/v1/public/notices/${draftId}` })).statusCode, 404);
      assert.equal((await h.call(null, { method: 'GET', url: `/api/v1/public/notices/${liveId}` })).statusCode, 404);
      const extract = await h.call(officer, { method: 'PATCH', url: `/api/v1/notices/${live.id}`, payload: { version: 4, publicExtract: null } });
      assert.equal(extract.statusCode, 200, extract.body);
      assert.equal((await h.call(null, { method: 'GET', url: `/api/v1/public/notices/${live.id}` })).statusCode, 404);
    });

    // Until the rule is called from the notices service (the lead applies that change), these
    // two run as TODO: see checkPublicExtract in public-extract.ts and SubjectScreening.review.

    it('refuses a public extract for a notice restricted to named agencies, with public_extract_restricted', async () => {
      const refused = async (r: Awaited<ReturnType<typeof h.call>>) => {
        assert.equal(r.statusCode, 409, r.body);
        assert.equal(r.json().code, 'public_extract_restricted');
      };
      const extract = { fields: ['names'] };
      const post = (handling: Record<string, unknown>) =>
        h.call(officer, { method: 'POST', url: '/api/v1/notices', payload: { type: 'red', urgency: 'normal', content: redContent('Idriss Fassi'), handling, publicExtract: extract } });
      await refused(await post({ tlp: 'RED' }));
      await refused(await post({ tlp: 'AMBER+STRICT', restrictedTo: [senId] }));
      await refused(await post({ tlp: 'AMBER', restrictedTo: [senId] }));
      // a draft restricted after the fact, or given an extract while restricted, is refused the same
      const open = await create('Idriss Fassi', { publicExtract: extract });
      await refused(await h.call(officer, { method: 'PATCH', url: `/api/v1/notices/${open.id}`, payload: { version: 1, handling: { tlp: 'RED' } } }));
      const red = await create('Idriss Fassi', { handling: { tlp: 'RED' } });
      await refused(await h.call(officer, { method: 'PATCH', url: `/api/v1/notices/${red.id}`, payload: { version: 1, publicExtract: extract } }));
      await refused(await act(officer, red.id, 'submit', { version: 1, publicExtract: extract }));
      // withdrawing an extract, or restricting once it is withdrawn, is always allowed
      const withdrawn = await h.call(officer, { method: 'PATCH', url: `/api/v1/notices/${open.id}`, payload: { version: 1, handling: { tlp: 'RED' }, publicExtract: null } });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.json().publicExtract, null);
      const fine = await post({ tlp: 'AMBER' });
      assert.equal(fine.statusCode, 201, fine.body);
    });

    it('names each screening candidate’s dates of birth, nationalities and owner, for the reviewer to tell namesakes apart', async () => {
      const n = await create('Samir Kettani');
      const res = await h.call(officer, { method: 'GET', url: `/api/v1/notices/${n.id}/screening` });
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json().candidates.find((x: { displayName: string }) => x.displayName === 'Samir Kettani');
      assert.deepEqual([c.birthDates, c.nationalities, c.ownerAgencyCode], [['1961-04', '1958/1962'], ['MAR', 'FRA'], 'MAR-NCB']);
    });
  });
}
