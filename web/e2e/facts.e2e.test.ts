/**
 * End-to-end: warrants, online complaints and migration events in the browser, on the real node
 * (PGlite in memory, tiny demo seed) and Debian's chromium, in Arabic:
 *   an analyst records an international warrant for a person from the records and marks it
 *   executed (a page opened before that is refused, translated) → records a complaint received
 *   through E-Blagh → records departures prevented with a count of persons (a malformed count is
 *   refused first) → a commander sees the lists but no forms.
 * Arabic screenshots of every page go to test-results/screenshots/facts-*-ar.png.
 *   node --import tsx --test web/e2e/facts.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { arabicPage, type Desk, loginAr, shotAr, SKIP, startDesk, tr } from './harness.ts';

const YEAR = new Date().getFullYear();
/** The first of January is never after today: every fact below happened then. */
const NEW_YEAR = `${YEAR}-01-01`;
const AUTHORITY = 'Cour d’appel de Tanger — juge d’instruction, 3e cabinet';
/** Casablanca-Settat, chosen from the list by its Arabic name; the lists show that name, never MA-06. */
const COMPLAINT_REGION = { code: 'MA-06', ar: 'الدار البيضاء سطات' };
const PERSONS = 1250;

let desk: Desk;
before(async () => {
  if (!SKIP) desk = await startDesk();
});
after(async () => {
  await desk?.close();
});

const newPage = () => arabicPage(desk.browser);
const shot = (page: Page, name: string) => shotAr(page, 'facts', name);
const login = (page: Page, username: string) => loginAr(page, desk.url, username);
const navLink = (page: Page, href: string) => page.locator(`nav.sidenav a[href="#${href}"]`);
const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.trim();

/** A date and a number as the Arabic desk formats them, computed by the same browser. */
const arDate = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);
const arNumber = (page: Page, n: number) => page.evaluate((x) => new Intl.NumberFormat('ar').format(x), n);

/** The answer to the next POST whose path matches. */
const posted = (page: Page, path: RegExp) => page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === 'POST');

let personName = '';

describe('facts desk', { skip: SKIP }, () => {
  it('analyst: records an international warrant for a person and marks it executed', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    for (const [href, key] of [['/warrants', 'facts.nav.warrants'], ['/complaints', 'facts.nav.complaints'], ['/migration', 'facts.nav.migration']]) {
      assert.equal((await navLink(page, href).textContent())?.trim(), tr(key));
    }
    const persons = await page.evaluate(async () => (await fetch('/api/v1/records?kind=person&limit=5', { headers: { 'x-purpose': 'e2e facts' } })).json());
    const person = (persons as { items: Array<{ displayName: string }> }).items.find((p) => /^[\p{L} '-]+$/u.test(p.displayName));
    assert.ok(person, 'the tiny seed has persons');
    personName = person.displayName;

    await navLink(page, '/warrants').click();
    const form = page.locator('[data-testid="warrant-form"]');
    await form.waitFor();
    // malformed: no issuing authority → the translated field error, nothing sent
    await form.locator('[data-testid="save-warrant"]').click();
    assert.equal(await form.locator('input[name="issuingAuthority"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, '[data-testid="warrant-form"] .field-error'), tr('facts.form.required'));

    await form.locator('select[name="scope"]').selectOption('international');
    await form.locator('input[name="issuingAuthority"]').fill(AUTHORITY);
    await form.locator('input[name="issuedOn"]').fill(NEW_YEAR);
    await form.locator('input[name="personSearch"]').fill(personName.split(' ')[0]);
    await form.locator('[data-testid="person-search"]').click();
    await form.locator('[data-testid="person-results"] li', { hasText: personName }).locator('[data-testid="person-pick"]').first().click();
    assert.equal((await form.locator('[data-testid="picked-person"] bdi').textContent())?.trim(), personName);
    await shot(page, 'warrant-form');
    const saved = posted(page, /^\/api\/v1\/warrants$/);
    await form.locator('[data-testid="save-warrant"]').click();
    assert.equal((await saved).status(), 201);
    assert.equal(await text(page, '[data-testid="fact-done"]'), tr('facts.warrants.recorded'));

    const row = page.locator('table tbody tr', { hasText: AUTHORITY });
    await row.waitFor();
    assert.equal((await row.locator('[data-testid="warrant-scope"]').textContent())?.trim(), tr('facts.scope.international'));
    assert.equal((await row.locator('[data-testid="issued-on"]').textContent())?.trim(), await arDate(page, NEW_YEAR));
    assert.equal(await row.locator('[data-testid="warrant-state"]').getAttribute('data-state'), 'pending');
    assert.equal(await row.locator(`a[href^="#/records/"]`).count(), 1, 'the warrant links its person');
    await shot(page, 'warrants');

    // a second page opened now still shows the warrant pending
    const stale = await newPage();
    await login(stale, 'analyst');
    await stale.goto(`${desk.url}/#/warrants`);
    const staleRow = stale.locator('table tbody tr', { hasText: AUTHORITY });
    await staleRow.locator('[data-testid="execute-open"]').click();

    await row.locator('[data-testid="execute-open"]').click();
    const executedOn = await row.locator('input[name="executedOn"]').inputValue();
    const executed = posted(page, /^\/api\/v1\/warrants\/[0-9a-f-]{36}\/execute$/);
    await row.locator('[data-testid="execute-submit"]').click();
    assert.equal((await executed).status(), 200);
    const done = page.locator('table tbody tr', { hasText: AUTHORITY });
    await done.locator('[data-testid="warrant-state"][data-state="executed"]').waitFor();
    assert.equal((await done.locator('[data-testid="executed-on"]').textContent())?.trim(), await arDate(page, executedOn));
    assert.equal(await text(page, '[data-testid="fact-done"]'), tr('facts.warrants.executedDone').replace('{{date}}', await arDate(page, executedOn)));
    assert.equal(await done.locator('[data-testid="execute-open"]').count(), 0, 'an executed warrant offers no action');
    await shot(page, 'warrant-executed');

    // the filter on state finds it among the executed warrants
    await page.locator('[data-testid="warrant-filters"] select[name="state"]').selectOption('executed');
    await page.waitForFunction(() => location.hash.includes('state=executed'));
    await page.locator('table tbody tr', { hasText: AUTHORITY }).waitFor();

    // the stale page is refused by the server, in Arabic
    await staleRow.locator('[data-testid="execute-submit"]').click();
    const refusal = stale.locator('[data-testid="execute-error"]');
    await refusal.waitFor();
    assert.equal(await refusal.getAttribute('data-code'), 'warrant_already_executed');
    assert.equal((await refusal.locator('p').first().textContent())?.trim(), tr('facts.errors.warrant_already_executed'));
    await shot(stale, 'warrant-refused');
    await stale.context().close();
    await page.context().close();
  });

  it('analyst: records an online complaint received through E-Blagh and finds it by channel and region', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await navLink(page, '/complaints').click();
    const form = page.locator('[data-testid="complaint-form"]');
    await form.locator('select[name="category"] option[value="cybercrime"]').waitFor({ state: 'attached' });
    // malformed: no category, no region → translated field errors, nothing sent
    await form.locator('[data-testid="save-complaint"]').click();
    assert.equal(await form.locator('select[name="category"]').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(
      (await form.locator('.field-error').allTextContents()).map((s) => s.trim()),
      [tr('facts.form.required'), tr('facts.form.required')],
    );

    await form.locator('select[name="channel"]').selectOption('e_blagh');
    await form.locator('select[name="category"]').selectOption('cybercrime');
    await form.locator('input[name="receivedOn"]').fill(NEW_YEAR);
    await form.locator('select[name="region"]').selectOption({ label: COMPLAINT_REGION.ar });
    await form.locator('select[name="status"]').selectOption('triaged');
    const saved = posted(page, /^\/api\/v1\/complaints$/);
    await form.locator('[data-testid="save-complaint"]').click();
    assert.equal((await saved).status(), 201);
    assert.equal(await text(page, '[data-testid="fact-done"]'), tr('facts.complaints.recorded'));

    // filtered by channel and region, the complaint is listed with its translated channel and status
    await page.locator('[data-testid="complaint-filters"] select[name="channel"]').selectOption('e_blagh');
    await page.waitForFunction(() => location.hash.includes('channel=e_blagh'));
    await page.locator('[data-testid="complaint-filters"] select[name="region"]').selectOption(COMPLAINT_REGION.code);
    await page.waitForFunction((code) => location.hash.includes(`region=${code}`), COMPLAINT_REGION.code);
    const row = page.locator('table tbody tr', { hasText: tr('facts.complaintStatus.triaged') }).first();
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
    assert.equal(cells[0], await arDate(page, NEW_YEAR));
    assert.equal(cells[1], tr('facts.channel.e_blagh'));
    assert.equal(cells[3], COMPLAINT_REGION.ar);
    assert.ok(!/MA-\d/.test((await page.locator('table tbody').textContent()) ?? ''), 'regions by name, never by code');
    await shot(page, 'complaints');
    await page.context().close();
  });

  it('analyst: records departures prevented with a count of persons, after a malformed count is refused', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await navLink(page, '/migration').click();
    const form = page.locator('[data-testid="migration-form"]');
    await form.waitFor();
    await form.locator('select[name="kind"]').selectOption('departure_prevented');
    await form.locator('input[name="occurredOn"]').fill(NEW_YEAR);
    await form.locator('select[name="region"]').selectOption('MA-02');
    await form.locator('input[name="persons"]').fill('0');
    await form.locator('[data-testid="save-migration"]').click();
    const range = tr('facts.migration.form.personsRange').replace('{{min}}', await arNumber(page, 1)).replace('{{max}}', await arNumber(page, 100_000));
    assert.equal(await form.locator('input[name="persons"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, '[data-testid="migration-form"] .field-error'), range);
    await shot(page, 'migration-refused');

    await form.locator('input[name="persons"]').fill(String(PERSONS));
    const saved = posted(page, /^\/api\/v1\/migration-events$/);
    await form.locator('[data-testid="save-migration"]').click();
    const answer = await saved;
    assert.equal(answer.status(), 201);
    assert.equal(((await answer.json()) as { persons: number }).persons, PERSONS);
    const shown = await arNumber(page, PERSONS);
    assert.equal(await text(page, '[data-testid="fact-done"]'), tr('facts.migration.recorded').replace('{{n}}', shown));

    const count = page.locator(`[data-testid="persons"][data-persons="${PERSONS}"]`).first();
    await count.waitFor();
    assert.equal((await count.textContent())?.trim(), shown, 'the count is in the Arabic locale’s digits');
    const row = page.locator('table tbody tr', { has: count });
    assert.equal((await row.locator('[data-kind]').textContent())?.trim(), tr('facts.migrationKind.departure_prevented'));
    assert.equal((await row.locator('time').textContent())?.trim(), await arDate(page, NEW_YEAR));

    await page.locator('[data-testid="migration-filters"] select[name="kind"]').selectOption('departure_prevented');
    await page.locator('[data-testid="migration-filters"] select[name="year"]').selectOption(String(YEAR));
    await page.waitForFunction((y) => location.hash.includes('kind=departure_prevented') && location.hash.includes(`year=${y}`), YEAR);
    await page.locator(`[data-testid="persons"][data-persons="${PERSONS}"]`).first().waitFor();
    const total = Number(await page.getAttribute('[data-testid="persons-total"]', 'data-persons'));
    assert.ok(total >= PERSONS, 'the page total includes the event');
    await shot(page, 'migration');
    await page.context().close();
  });

  it('commander: sees the three lists but records nothing', async () => {
    const page = await newPage();
    await login(page, 'commander');
    await navLink(page, '/warrants').click();
    await page.locator('table tbody tr', { hasText: AUTHORITY }).waitFor();
    assert.equal(await page.locator('[data-testid="warrant-form"]').count(), 0);
    assert.equal(await page.locator('[data-testid="execute-open"]').count(), 0);
    await navLink(page, '/complaints').click();
    await page.waitForSelector('[data-testid="complaint-filters"]');
    assert.equal(await page.locator('[data-testid="complaint-form"]').count(), 0);
    await navLink(page, '/migration').click();
    await page.locator(`[data-testid="persons"][data-persons="${PERSONS}"]`).first().waitFor();
    assert.equal(await page.locator('[data-testid="migration-form"]').count(), 0);
    await shot(page, 'migration-commander');
    await page.context().close();
  });
});
