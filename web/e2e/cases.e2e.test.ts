/**
 * End-to-end: cases, gangs, the network view and the annual report in the browser, on the real
 * node (PGlite in memory, tiny demo seed) and Debian's chromium:
 *   an analyst opens a case with a person from the records and a phone, records a seizure of
 *   1.5 t of cannabis resin (the case page shows 1.5 t) → records a gang around the case with the
 *   gang form (its errors first), adds a member with a role on the gang page, removes another
 *   after confirming, edits the gang and dismantles it → opens the case's network → edits the
 *   case and closes it as solved → a commander, who may not edit, sees no edit controls and
 *   finds the seizure counted in this year's report.
 * Arabic screenshots of every page go to test-results/screenshots/cases-*-ar.png.
 *   node --import tsx --test web/e2e/cases.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, arabicPage, type Desk, loginAr, shotAr, SKIP, startDesk, tr } from './harness.ts';

const YEAR = new Date().getFullYear();
let desk: Desk;
before(async () => {
  if (!SKIP) desk = await startDesk();
});
after(async () => {
  await desk?.close();
});

const newPage = () => arabicPage(desk.browser);
const shot = (page: Page, name: string) => shotAr(page, 'cases', name);
const login = (page: Page, username: string) => loginAr(page, desk.url, username);

/** A JSON call from inside the page (see harness.ts), with this suite's purpose. */
const api = <T>(page: Page, method: string, url: string, body?: unknown) => apiCall<T>(page, method, url, body, 'e2e cases');

const navLink = (page: Page, href: string) => page.locator(`nav.sidenav a[href="#${href}"]`);

type ReportJson = { seizures: Array<{ substance: string; quantity: number }> };
const resinIn = (r: ReportJson) => r.seizures.find((s) => s.substance === 'cannabis_resin')?.quantity ?? 0;

let caseId = '';
let personId = '';
let personName = '';
let otherId = '';
let otherName = '';
let resinBefore = 0;

describe('cases desk', { skip: SKIP }, () => {
  it('analyst: opens a case with a person from the records and a phone, then records 1.5 t of cannabis resin', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    for (const [href, key] of [['/cases', 'cases.nav.cases'], ['/gangs', 'gangs.nav.gangs'], ['/network', 'network.nav.network'], ['/report', 'report.nav.report']]) {
      assert.equal((await navLink(page, href).textContent())?.trim(), tr(key));
    }
    const before = await api<ReportJson>(page, 'GET', `/api/v1/reports/annual/${YEAR}`);
    assert.equal(before.status, 200, 'the report route answers');
    resinBefore = resinIn(before.body);
    const persons = await api<{ items: Array<{ id: string; displayName: string }> }>(page, 'GET', '/api/v1/records?kind=person&limit=20');
    const named = persons.body.items.filter((p) => /^[\p{L} '-]+$/u.test(p.displayName));
    const person = named[0] ?? persons.body.items[0];
    assert.ok(person, 'the tiny seed has persons');
    personId = person.id;
    personName = person.displayName;
    const other = named.find((p) => p.id !== person.id && p.displayName.split(' ')[0] !== personName.split(' ')[0]);
    assert.ok(other, 'the tiny seed has a second person with another first name');
    otherId = other.id;
    otherName = other.displayName;

    await navLink(page, '/cases').click();
    await page.waitForSelector('[data-testid="case-filters"]');
    await shot(page, 'list');
    await page.click('[data-testid="new-case"]');
    await page.waitForSelector('[data-testid="case-form"] select[name="category"] option[value="drug_trafficking"]', { state: 'attached' });
    await page.selectOption('select[name="category"]', 'drug_trafficking');
    await page.fill('input[name="title"]', 'Go-fast Tanger Med — résine de cannabis');
    // the region is chosen from the twelve, named in Arabic and in Arabic order; the code is sent
    const regionNames = await page.locator('[data-testid="case-form"] select[name="region"] option').evaluateAll((os) => os.slice(1).map((o) => o.textContent ?? ''));
    assert.equal(regionNames.length, 12);
    assert.ok(regionNames.includes('طنجة تطوان الحسيمة') && !regionNames.some((n) => /MA-\d/.test(n)), regionNames.join(' | '));
    await page.selectOption('[data-testid="case-form"] select[name="region"]', 'MA-01');
    await page.fill('input[name="city"]', 'Tanger');
    // a person found with the records search, and a phone typed in
    await page.fill('input[name="partySearch"]', personName.split(' ')[0]);
    await page.click('[data-testid="party-search"]');
    await page.locator('[data-testid="party-results"] [data-testid="party-pick"]').first().waitFor();
    await page.locator('[data-testid="party-results"] li', { hasText: personName }).locator('[data-testid="party-pick"]').first().click();
    await page.selectOption('select[name="partyKind"]', 'phone');
    await page.fill('input[name="partyValue"]', '+212 661 234 567');
    await page.click('[data-testid="party-add-value"]');
    assert.equal(await page.locator('[data-testid="picked-party"]').count(), 2);
    await shot(page, 'form');
    await page.click('[data-testid="save-case"]');
    await page.waitForFunction(() => /^#\/cases\/[0-9a-f-]{36}$/.test(location.hash));
    caseId = await page.evaluate(() => location.hash.split('/')[2]);
    await page.locator('[data-testid="party-record"]').first().waitFor();
    assert.match((await page.textContent('h1')) ?? '', /C-\d{4}-\d{6}/);

    // the seizure: a mass, so t/kg/g; 1.5 t is 1,500,000 g
    const form = page.locator('[data-testid="seizure-form"]');
    await form.locator('select[name="substance"]').selectOption('cannabis_resin');
    assert.deepEqual(await form.locator('select[name="unit"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['t', 'kg', 'g']);
    await form.locator('select[name="unit"]').selectOption('t');
    await form.locator('input[name="quantity"]').fill('1.5');
    await form.locator('[data-testid="add-seizure"]').click();
    const quantity = page.locator('[data-testid="seizures"] table [data-testid="quantity"]').first();
    await quantity.waitFor();
    assert.equal(await quantity.getAttribute('data-base'), '1500000');
    assert.equal(await quantity.getAttribute('data-unit'), 't');
    const shown = await page.evaluate(() => new Intl.NumberFormat('ar', { maximumFractionDigits: 6 }).format(1.5));
    assert.equal((await quantity.textContent())?.trim(), tr('cases.units.value.t').replace('{{n}}', shown), 'the case page shows 1.5 t');
    await shot(page, 'case');
    assert.equal(await form.locator('select[name="seizureRegion"]').inputValue(), 'MA-01', 'the seizure form proposes the case’s region');

    // the list names the region in Arabic, never by its code, and filters by it
    await navLink(page, '/cases').click();
    await page.locator('[data-testid="case-filters"] select[name="region"]').selectOption('MA-01');
    await page.waitForFunction(() => location.hash.includes('region=MA-01'));
    const row = page.locator('table tbody tr', { has: page.locator(`a[href="#/cases/${caseId}"]`) });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    assert.equal(cells[3], 'طنجة تطوان الحسيمة · Tanger');
    assert.ok(!/MA-\d/.test((await page.locator('table tbody').textContent()) ?? ''), 'no region code in the list');
    await page.context().close();
  });

  it('analyst: records a gang with the form, adds and removes members, edits it and dismantles it', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await page.goto(`${desk.url}/#/cases/${caseId}`);
    await page.click('[data-testid="new-gang-for-case"]');
    const form = page.locator('[data-testid="gang-form"]');
    await form.waitFor();
    assert.equal(await form.locator('select[name="gangCase"]').inputValue(), caseId, 'the case the analyst came from is linked');
    // nothing filled in: the form says what is missing, in Arabic, and sends nothing
    await page.click('[data-testid="save-gang"]');
    assert.equal(await form.locator('input[name="gangName"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.locator('.field-error', { hasText: tr('gangs.form.required') }).count(), 2);
    assert.equal(await form.locator('.field-error', { hasText: tr('gangs.form.kindRequired') }).count(), 1);
    await shot(page, 'gang-form-errors');
    await form.locator('input[name="gangName"]').fill('Réseau du détroit');
    await form.locator('select[name="gangKind"]').selectOption('trafficking_network');
    await form.locator('select[name="gangRegion"]').selectOption('MA-01');
    const members = form.locator('[data-testid="gang-member-picker"]');
    await members.locator('select[name="partyRole"]').selectOption('leader');
    await members.locator('input[name="partySearch"]').fill(personName.split(' ')[0]);
    await members.locator('[data-testid="party-search"]').click();
    await members.locator('[data-testid="party-results"] li', { hasText: personName }).locator('[data-testid="party-pick"]').first().click();
    await members.locator('select[name="partyRole"]').selectOption('courier');
    await members.locator('input[name="partySearch"]').fill(otherName.split(' ')[0]);
    await members.locator('[data-testid="party-search"]').click();
    await members.locator('[data-testid="party-results"] li', { hasText: otherName }).locator('[data-testid="party-pick"]').first().click();
    assert.deepEqual(await form.locator('[data-testid="picked-member"]').evaluateAll((li) => li.map((l) => l.getAttribute('data-role'))), ['leader', 'courier']);
    await shot(page, 'gang-form');
    await page.click('[data-testid="save-gang"]');
    await page.waitForFunction(() => /^#\/gangs\/[0-9a-f-]{36}$/.test(location.hash));
    const gangId = await page.evaluate(() => location.hash.split('/')[2]);
    const roles = page.locator('[data-testid="gang-members"] [data-testid="member-role"]');
    await roles.first().waitFor();
    assert.deepEqual((await roles.allTextContents()).sort(), [tr('gangs.role.courier'), tr('gangs.role.leader')].sort(), 'the roles are shown in Arabic');
    assert.equal(await page.locator('[data-testid="gang-status"] [data-status]').getAttribute('data-status'), 'active');

    // a member removed after confirming, then added back with another role on the gang page
    const otherRow = page.locator('[data-testid="gang-members"] tr', { hasText: otherName });
    await otherRow.locator('[data-testid="remove-member"]').click();
    await otherRow.locator('[data-testid="confirm-remove"]').waitFor();
    await shot(page, 'gang-remove-confirm');
    await otherRow.locator('[data-testid="confirm-remove-member"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gang-members"] [data-testid="member-role"]').length === 1);
    const picker = page.locator('[data-testid="member-picker"]');
    await picker.locator('select[name="partyRole"]').selectOption('financier');
    await picker.locator('input[name="partySearch"]').fill(otherName.split(' ')[0]);
    await picker.locator('[data-testid="party-search"]').click();
    await picker.locator('[data-testid="party-results"] li', { hasText: otherName }).locator('[data-testid="party-pick"]').first().click();
    await page.locator('[data-testid="gang-members"] [data-testid="member-role"][data-role="financier"]').waitFor();
    assert.equal((await page.locator('[data-testid="gang-members"] tr', { hasText: otherName }).locator('[data-testid="member-role"]').textContent())?.trim(), tr('gangs.role.financier'));
    await shot(page, 'gang-members');

    // the gang edited: renamed and reclassified
    await page.click('[data-testid="edit-gang"]');
    const edit = page.locator('[data-testid="gang-edit-form"]');
    await edit.locator('input[name="gangName"]').fill('Réseau du détroit — Tanger Med');
    await edit.locator('select[name="gangKind"]').selectOption('smuggling_network');
    await shot(page, 'gang-edit');
    await edit.locator('[data-testid="save-gang-edit"]').click();
    await page.locator('[data-testid="gang-kind"][data-kind="smuggling_network"]').waitFor();
    assert.equal(await edit.count(), 0);
    assert.equal((await page.textContent('h1'))?.trim(), 'Réseau du détroit — Tanger Med');
    const stored = await api<{ name: string; kind: string; caseId: string; members: Array<{ personRecordId: string; role: string }> }>(page, 'GET', `/api/v1/gangs/${gangId}`);
    assert.equal(stored.body.caseId, caseId);
    assert.deepEqual(
      stored.body.members.map((m) => `${m.personRecordId}:${m.role}`).sort(),
      [`${personId}:leader`, `${otherId}:financier`].sort(),
    );

    // dismantled today, after the member changes and the edit (each bumped the version)
    await page.click('[data-testid="dismantle"]');
    await page.waitForSelector('[data-testid="gang-status"] [data-status="dismantled"]');
    await page.locator('[data-testid="dismantled-on"]').waitFor();
    assert.equal(await page.locator('[data-testid="dismantle-form"]').count(), 0);
    await shot(page, 'gang-dismantled');
    await navLink(page, '/gangs').click();
    await page.locator(`[data-testid="gang-link"][href="#/gangs/${gangId}"]`).waitFor();
    await shot(page, 'gangs');
    await page.context().close();
  });

  it('analyst: the network view shows the case’s graph, filters it and expands a node', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await page.goto(`${desk.url}/#/cases/${caseId}`);
    await page.click('[data-testid="open-network"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-nodes')) >= 2);
    const listed = page.locator('[data-testid="node-list"] button');
    assert.ok((await listed.count()) >= 2, 'the case and its parties are nodes');
    assert.ok((await page.locator('[data-testid="node-list"] button[data-kind="case"]').count()) >= 1);
    // the side panel is at the inline end: on the left in Arabic
    const [canvas, side] = await Promise.all([page.locator('.graph-canvas').boundingBox(), page.locator('.network-side').boundingBox()]);
    assert.ok(canvas && side && side.x < canvas.x, 'the side panel is on the left of the graph in Arabic');
    await page.locator('[data-testid="kind-filters"] input[value="phone"]').uncheck();
    assert.equal(await page.locator('[data-testid="node-list"] button[data-kind="phone"]').count(), 0);
    await page.locator('[data-testid="node-list"] button[data-kind="person"]').first().click();
    await page.locator('[data-testid="selected-node"]').waitFor();
    await page.locator('[data-testid="key-players"]').waitFor();
    await shot(page, 'network');
    await page.context().close();
  });

  it('analyst: edits the case and closes it as solved', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await page.goto(`${desk.url}/#/cases/${caseId}`);
    await page.click('[data-testid="edit-case"]');
    const edit = page.locator('[data-testid="case-edit-form"]');
    await edit.locator('input[name="title"]').fill('');
    await edit.locator('[data-testid="save-case-edit"]').click();
    assert.equal(await edit.locator('input[name="title"]').getAttribute('aria-invalid'), 'true', 'a case keeps a title');
    await edit.locator('input[name="title"]').fill('Go-fast Tanger Med — réseau du détroit');
    await edit.locator('textarea[name="summary"]').fill('Résine interceptée au port ; réseau identifié.');
    await shot(page, 'case-edit');
    await edit.locator('[data-testid="save-case-edit"]').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('réseau du détroit'));
    assert.equal(await edit.count(), 0);

    const close = page.locator('[data-testid="case-close-form"]');
    await close.locator('input[name="outcome"][value="solved"]').check();
    await close.locator('[data-testid="close-case"]').click();
    await page.locator('[data-testid="closed-on"]').waitFor();
    assert.equal((await page.locator('[data-testid="case-status"]').textContent())?.trim(), tr('cases.status.solved'));
    await page.locator('[data-testid="reopen-case"]').waitFor();
    const stored = await api<{ status: string; closedOn: string | null; title: string }>(page, 'GET', `/api/v1/cases/${caseId}`);
    assert.equal(stored.body.status, 'solved');
    assert.match(stored.body.closedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(stored.body.title, 'Go-fast Tanger Med — réseau du détroit');
    await shot(page, 'case-closed');
    await page.context().close();
  });

  it('commander: this year’s report counts the seizure, with PDF and CSV downloads', async () => {
    const page = await newPage();
    await login(page, 'commander');
    // a commander reads cases but may not change them: no edit controls
    await page.goto(`${desk.url}/#/cases/${caseId}`);
    await page.locator('[data-testid="closed-on"]').waitFor();
    for (const control of ['edit-case', 'case-close-form', 'reopen-case', 'new-gang-for-case', 'seizure-form']) {
      assert.equal(await page.locator(`[data-testid="${control}"]`).count(), 0, `${control} is not shown to a commander`);
    }
    await navLink(page, '/gangs').click();
    await page.waitForSelector('[data-testid="gang-filters"]');
    assert.equal(await page.locator('[data-testid="new-gang"]').count(), 0);
    await navLink(page, '/report').click();
    const tile = page.locator('[data-testid="report-seizures"] [data-substance="cannabis_resin"]');
    await tile.waitFor();
    assert.equal(Number(await tile.getAttribute('data-quantity')), resinBefore + 1_500_000, 'the 1.5 t seizure is counted');
    assert.match((await page.getAttribute('[data-testid="report-pdf"]', 'href')) ?? '', new RegExp(`/reports/annual/${YEAR}\\?format=pdf`));
    assert.match((await page.getAttribute('[data-testid="report-csv"]', 'href')) ?? '', /format=csv/);
    await page.locator('[data-testid="chart-seizures-mass"] canvas').waitFor();
    await shot(page, 'report');
    const csv = await page.evaluate(async (year) => (await fetch(`/api/v1/reports/annual/${year}?format=csv&lang=ar`)).status, YEAR);
    assert.equal(csv, 200);
    await page.context().close();
  });
});
