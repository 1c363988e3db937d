/**
 * End-to-end: federation in the browser, between two real nodes in this process (each its own
 * in-memory database and HTTP server on loopback) and Debian's chromium:
 *   the hub's administrator enrols SEN-HUB on the partners page from the identity file it handed
 *   over, the server refusing a wrong thumbprint first → writes an outbound agreement, changes
 *   it, suspends and resumes it → on the queue page sees an item SEN-HUB refused (its receipt's
 *   reason, in Arabic), one the hub withheld and why, and queues the refused one again once
 *   SEN-HUB agrees, which is then delivered → the inbound log shows what SEN-HUB sent, accepted
 *   or refused with its reason, and the person it shared carries its origin node in the records
 *   → an NCB officer sees who will receive a Red Notice in the wizard, and why not once it is
 *   RED; an analyst, who may not read the federation set-up, sees no such panel.
 * Arabic screenshots go to test-results/screenshots/federation-*-ar.png.
 *   node --import tsx --test web/e2e/federation.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ShareItem } from '../../src/federation/federation.service.ts';
import { type RunningNode, startNode } from '../../src/main.ts';
import { apiCall, arabicPage, CHROMIUM, loginAr, ROOT, SHOTS, shotAr, SKIP, tr } from './harness.ts';

const HUB = 'MAR-HUB';
const SEN = 'SEN-HUB';
const CLAUSE = 'Art. 4(2) MAR–SEN 2024';

// The suite drives the hub's federation service itself (its outbox, its sender), so it starts
// its nodes here rather than through harness.ts's startDesk, which gives out only the URL.
let hub: RunningNode;
let sen: RunningNode;
let browser: Browser;

/** The built desk is missing or older than a source it is built from (the desk imports some of src/). */
function webBuildStale(): boolean {
  const built = path.join(ROOT, 'web/dist/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (p: string): boolean => (statSync(p).isDirectory() ? readdirSync(p).some((n) => newer(path.join(p, n))) : statSync(p).mtimeMs > builtAt);
  return ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/notices', 'src/federation'].some((p) => newer(path.join(ROOT, p)));
}

before(async () => {
  if (SKIP) return;
  process.chdir(ROOT);
  if (webBuildStale()) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  mkdirSync(SHOTS, { recursive: true });
  const env = { ...process.env, NATS_URL: '', DATABASE_URL: '', FEDERATION_NATS_URL: '' };
  // the sender runs only when the test asks (flush), so every state is seen before it changes
  [hub, sen] = await Promise.all([
    startNode({ databaseUrl: 'pglite:memory:', port: 0, seedScale: 'tiny', host: '127.0.0.1', logLevel: 'warn', intervals: { federationSend: 0 } }, { ...env, NODE_ID: HUB }),
    startNode(
      { databaseUrl: 'pglite:memory:', port: 0, seedScale: 'none', host: '127.0.0.1', logLevel: 'warn', webDist: 'web/does-not-exist', intervals: { federationSend: 0 } },
      { ...env, NODE_ID: SEN, NODE_AGENCY: 'SEN-NCB' },
    ),
  ]);
  await sen.services.seeder.ensureHub();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([hub?.close(), sen?.close()]);
});

const newPage = () => arabicPage(browser);
const shot = (page: Page, name: string) => shotAr(page, 'federation', name);
const login = (page: Page, username: string) => loginAr(page, hub.url, username);
const api = <T,>(page: Page, method: string, url: string, body?: unknown) => apiCall<T>(page, method, url, body, 'e2e federation');
const navLink = (page: Page, href: string) => page.locator(`nav.sidenav a[href="#${href}"]`);
const row = (page: Page, table: string, text: string) => page.locator(`[data-testid="${table}"] tbody tr`).filter({ hasText: text });
/** A number as the Arabic desk shows it (the browser's Intl). */
const arNumber = (page: Page, n: number) => page.evaluate((x) => new Intl.NumberFormat('ar').format(x), n);

/** SEN-HUB's operator, at its own console. */
const senAdmin = () => sen.services.seeder.consoleActor();
const shareFromHub = (item: ShareItem) => hub.services.conn.db.transaction().execute((trx) => hub.services.federation.share(trx, item));
const shareFromSen = (item: ShareItem) => sen.services.conn.db.transaction().execute((trx) => sen.services.federation.share(trx, item));
const caseSummary = (itemId: string): ShareItem => ({ type: 'item.upsert', category: 'case_summary', itemId, tlp: 'GREEN', restrictedTo: [], version: 1, data: { reference: itemId, offence: 'drug_trafficking' } });
const agreement = (partner: string, direction: 'outbound' | 'inbound', categories: string[]) => ({
  partner,
  direction,
  categories,
  maxTlp: 'AMBER',
  mayForward: false,
  validFrom: '2026-01-01',
  validTo: null,
  legalBasis: 'Accord de coopération policière MAR–SEN',
  clause: `${direction} ${partner}`,
});

describe('federation desk', { skip: SKIP }, () => {
  it('administrator: enrols SEN-HUB from the identity file it handed over, the server refusing a wrong thumbprint first', async () => {
    const senId = await sen.services.federation.identity();
    // SEN-HUB knows the hub already (its side of the handover)
    const hubId = await hub.services.federation.identity();
    await sen.services.federation.enrollPartner(await senAdmin(), { id: HUB, names: { fr: 'Maroc' }, baseUrl: hub.url, transport: 'https', agencies: ['MAR-NCB'], key: { jwk: hubId.jwk, thumbprint: hubId.kid } });

    const page = await newPage();
    await login(page, 'admin');
    assert.equal((await navLink(page, '/federation/partners').textContent())?.trim(), tr('federation.nav.partners'));
    await navLink(page, '/federation/partners').click();
    // this node's identity, its key and thumbprint left to right whatever the page's direction
    await page.locator('[data-testid="node-id"]').waitFor();
    assert.equal(await page.textContent('[data-testid="node-id"]'), HUB);
    assert.equal(await page.textContent('[data-testid="node-kid"]'), hubId.kid);
    assert.equal(await page.getAttribute('[data-testid="node-kid"]', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('[data-testid="node-jwk"]', 'dir'), 'ltr');
    assert.deepEqual(JSON.parse((await page.textContent('[data-testid="node-jwk"]')) ?? ''), hubId.jwk);
    assert.equal(await page.locator('[data-testid="partners"] td.empty').count(), 1, 'no partner yet');

    // the identity file SEN-HUB handed over fills the key and the node id; the thumbprint is typed
    await page.setInputFiles('input[name="jwkFile"]', { name: `${SEN}-identity.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(senId)) });
    await page.waitForFunction((id) => (document.querySelector('input[name="partnerId"]') as HTMLInputElement).value === id, SEN);
    assert.deepEqual(JSON.parse(await page.inputValue('textarea[name="jwk"]')).jwk, senId.jwk);
    assert.equal(await page.textContent('[data-testid="key-own-thumbprint"] .ident'), senId.kid, 'the desk shows the key’s own thumbprint to compare');
    await page.fill('input[name="baseUrl"]', sen.url);
    await page.fill('input[name="agencies"]', 'SEN-NCB, SEN-DPJ');
    await page.fill('input[name="name-ar"]', 'السنغال');
    await page.fill('input[name="name-fr"]', 'Sénégal');
    await page.fill('input[name="name-en"]', 'Senegal');

    // a thumbprint that is not the key's: flagged here, refused by the server
    await page.fill('input[name="thumbprint"]', hubId.kid);
    assert.equal(await page.getAttribute('input[name="thumbprint"]', 'aria-invalid'), 'true');
    await page.click('[data-testid="enrol-submit"]');
    await page.locator('[data-testid="enrol-error"][data-code="key_not_pinned"]').waitFor();
    assert.equal((await page.textContent('[data-testid="enrol-error"] p'))?.trim(), tr('federation.errors.key_not_pinned'));
    assert.equal(await page.locator('[data-testid="partners"] td.empty').count(), 1, 'nothing was pinned');

    await page.fill('input[name="thumbprint"]', senId.kid);
    await page.locator('[data-testid="key-thumbprint-match"]').waitFor();
    await page.click('[data-testid="enrol-submit"]');
    await page.locator('[data-testid="partner-enrolled"]').waitFor();
    const partner = row(page, 'partners', SEN);
    await partner.waitFor();
    assert.match((await partner.textContent()) ?? '', /السنغال/, 'the name in the desk’s language');
    assert.equal(await partner.locator('[data-testid="partner-keys"] .ident').textContent(), senId.kid);
    assert.equal(await partner.locator('[data-testid="partner-active"]').count(), 1);
    await shot(page, 'partners');

    // suspended, then resumed
    await partner.locator('[data-testid="suspend-partner"]').click();
    await partner.locator('[data-testid="partner-suspended"]').waitFor();
    await partner.locator('[data-testid="resume-partner"]').click();
    await partner.locator('[data-testid="partner-active"]').waitFor();
    await page.context().close();
  });

  it('administrator: writes an outbound agreement with SEN-HUB, changes it, suspends and resumes it', async () => {
    const page = await newPage();
    await login(page, 'admin');
    await navLink(page, '/federation/agreements').click();
    await page.locator('[data-testid="agreement-form"]').waitFor();
    assert.equal(await page.inputValue('select[name="partner"]'), SEN);
    await page.selectOption('select[name="direction"]', 'outbound');
    for (const c of ['notice.red', 'diffusion', 'person', 'case_summary']) await page.check(`input[name="categories"][value="${c}"]`);
    assert.equal((await page.textContent('label:has(input[name="categories"][value="notice.red"])'))?.trim(), tr('federation.category.notice_red'));
    await page.selectOption('select[name="maxTlp"]', 'AMBER');
    await page.fill('input[name="validFrom"]', '2026-01-01');
    await page.fill('input[name="clause"]', CLAUSE);
    await page.fill('textarea[name="legalBasis"]', 'اتفاق التعاون الأمني بين المملكة المغربية وجمهورية السنغال، 2024');
    await page.click('[data-testid="agreement-submit"]');
    await page.locator('[data-testid="agreement-saved"]').waitFor();
    const line = row(page, 'agreements', CLAUSE);
    await line.waitFor();
    assert.equal((await line.locator('[data-testid="agreement-state"]').textContent())?.trim(), tr('federation.agreements.state.inForce'));
    assert.match((await line.textContent()) ?? '', new RegExp(tr('federation.category.diffusion')));

    // changed: vehicles too; its partner and direction stay
    await line.locator('[data-testid="edit-agreement"]').click();
    assert.equal((await page.textContent('#agreement-form-title'))?.trim(), tr('federation.agreements.editTitle'));
    assert.equal(await page.isDisabled('select[name="partner"]'), true);
    assert.equal(await page.isChecked('input[name="categories"][value="case_summary"]'), true);
    await page.check('input[name="categories"][value="vehicle"]');
    await page.click('[data-testid="agreement-submit"]');
    await page.waitForFunction(() => document.querySelector('#agreement-form-title') !== null && !document.querySelector('input[name="categories"][value="vehicle"]:checked'));
    await line.filter({ hasText: tr('federation.category.vehicle') }).waitFor();
    assert.equal((await hub.services.federation.agreements(await hub.services.seeder.consoleActor(), SEN))[0].categories.includes('vehicle'), true);

    await line.locator('[data-testid="suspend-agreement"]').click();
    await line.locator('[data-testid="agreement-state"]', { hasText: tr('federation.agreements.state.suspended') }).waitFor();
    await line.locator('[data-testid="resume-agreement"]').click();
    await line.locator('[data-testid="agreement-state"]', { hasText: tr('federation.agreements.state.inForce') }).waitFor();
    await shot(page, 'agreements');
    await page.context().close();
  });

  it('administrator: the queue shows what SEN-HUB refused and why, what the hub withheld, and a refused item queued again is delivered', async () => {
    // SEN-HUB has no inbound agreement yet: it refuses the summary; the RED notice never leaves
    await shareFromHub(caseSummary('CASE-2026-0042'));
    await shareFromHub({ type: 'item.upsert', category: 'notice.red', itemId: 'MAR-2026-R-00099', tlp: 'RED', restrictedTo: ['MAR-NCB'], version: 1, data: { reference: 'MAR-2026-R-00099' } });
    await hub.services.federation.flush();

    const page = await newPage();
    await login(page, 'admin');
    await navLink(page, '/federation/queue').click();
    const summary = row(page, 'queue-summary', SEN);
    await summary.waitFor();
    assert.equal((await summary.locator('[data-testid="summary-rejected"]').textContent())?.trim(), await arNumber(page, 1));
    assert.equal((await summary.locator('[data-testid="summary-withheld"]').textContent())?.trim(), await arNumber(page, 1));
    const refused = row(page, 'queue-items', 'CASE-2026-0042');
    const withheld = row(page, 'queue-items', 'MAR-2026-R-00099');
    assert.equal((await refused.locator('[data-testid="queue-status"]').textContent())?.trim(), tr('federation.status.rejected'));
    assert.equal(await refused.locator('[data-reason="not_in_agreement"]').count(), 1, 'the reason in SEN-HUB’s signed receipt');
    assert.match((await refused.locator('[data-testid="reason"]').textContent()) ?? '', new RegExp(tr('federation.reason.not_in_agreement')));
    assert.equal((await withheld.locator('[data-testid="queue-status"]').textContent())?.trim(), tr('federation.status.withheld'));
    assert.match((await withheld.locator('[data-testid="reason"]').textContent()) ?? '', new RegExp(tr('federation.reason.handling_exceeds_agreement')));
    assert.equal(await withheld.locator('[data-testid="queue-retry"]').count(), 0, 'a withheld item is not retried: the agreement decides');
    await withheld.locator('[data-testid="queue-detail"]').click();
    await page.locator('[data-testid="queue-item"]').waitFor();
    assert.match((await page.textContent('[data-testid="queue-item-detail"]')) ?? '', /TLP:RED/);
    // filtered to what was refused
    await page.selectOption('select[name="status"]', 'rejected');
    await page.waitForFunction(() => location.hash.includes('status=rejected'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-items"] tbody tr').length === 1);
    await page.selectOption('select[name="status"]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-items"] tbody tr').length === 2);
    await page.locator('[data-testid="queue-item"]').waitFor();
    await shot(page, 'queue');

    // SEN-HUB agrees to receive case summaries; the refused one is queued again and delivered
    await sen.services.federation.saveAgreement(await senAdmin(), agreement(HUB, 'inbound', ['case_summary']) as never);
    await refused.locator('[data-testid="queue-retry"]').click();
    await page.locator('[data-testid="queue-retried"]').waitFor();
    await refused.locator('[data-testid="queue-status"]', { hasText: tr('federation.status.queued') }).waitFor();
    await hub.services.federation.flush();
    await page.reload();
    await refused.locator('[data-testid="queue-status"]', { hasText: tr('federation.status.delivered') }).waitFor();
    assert.equal((await summary.locator('[data-testid="summary-delivered"]').textContent())?.trim(), await arNumber(page, 1));
    assert.equal((await summary.locator('[data-testid="summary-rejected"]').textContent())?.trim(), await arNumber(page, 0));
    await page.context().close();
  });

  it('administrator: the inbound log shows what SEN-HUB sent, accepted or refused with its reason; the person it shares shows its origin node', async () => {
    const page = await newPage();
    await login(page, 'admin');
    // the hub accepts persons and case summaries from SEN-HUB, not notices
    const made = await api<{ id: string }>(page, 'POST', '/api/v1/federation/agreements', agreement(SEN, 'inbound', ['person', 'case_summary']));
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await sen.services.federation.saveAgreement(await senAdmin(), agreement(HUB, 'outbound', ['person', 'notice.red', 'case_summary']) as never);
    await shareFromSen({ type: 'item.upsert', category: 'notice.red', itemId: 'SEN-2026-R-00007', tlp: 'AMBER', restrictedTo: [], version: 1, data: { reference: 'SEN-2026-R-00007' } });
    await shareFromSen(caseSummary('SEN-CASE-2026-0003'));
    // a person SEN-HUB records: shared to the hub in the same transaction
    const officer = { ...(await senAdmin()), roles: ['ncb_officer'] as const };
    const person = await sen.services.records.create(officer as never, {
      kind: 'person',
      data: { names: [{ value: 'Mamadou Lamine Ndiaye', type: 'primary' }], birthDates: ['1979-11-23'], nationalities: ['SEN'] },
      legalBasisCode: 'interpol_rpd',
      legalBasis: 'INTERPOL Rules on the Processing of Data, Art. 10',
    } as never);
    await sen.services.federation.flush();

    await navLink(page, '/federation/inbound').click();
    await page.locator('[data-testid="inbound"] tbody tr [data-testid="inbound-status"]').first().waitFor();
    const statuses = await page.locator('[data-testid="inbound"] [data-testid="inbound-status"]').allTextContents();
    assert.equal(statuses.length, 3, statuses.join());
    assert.equal(statuses.filter((s) => s.trim() === tr('federation.inbound.status.accepted')).length, 2);
    const refusedNotice = page.locator('[data-testid="inbound"] tbody tr').filter({ has: page.locator('[data-reason="not_in_agreement"]') });
    assert.equal(await refusedNotice.count(), 1);
    assert.equal((await refusedNotice.locator('[data-testid="inbound-status"]').textContent())?.trim(), tr('federation.inbound.status.rejected'));
    assert.match((await refusedNotice.textContent()) ?? '', new RegExp(SEN));
    await shot(page, 'inbound');
    await page.context().close();

    // the person is the hub's to screen against, owned by SEN-HUB: the badge names the node
    const ncb = await newPage();
    await login(ncb, 'ncb');
    await ncb.goto(`${hub.url}/#/records?q=Ndiaye`);
    const listed = ncb.locator(`table.table tbody tr:has(a[href="#/records/${person.id}"])`);
    await listed.waitFor();
    assert.equal((await listed.locator('[data-testid="origin-node"] .ident').textContent())?.trim(), SEN);
    assert.match((await listed.locator('[data-testid="origin-node"]').textContent()) ?? '', new RegExp(tr('federation.origin.label')));
    await listed.locator(`a[href="#/records/${person.id}"]`).click();
    await ncb.locator('.page-header [data-testid="origin-node"]').waitFor();
    await ncb.locator('[data-testid="provenance"]').waitFor();
    assert.equal(await ncb.locator('[data-testid="who-receives"]').count(), 0, 'the preview answers for this node’s own items only');
    await shot(ncb, 'record-origin');
    await ncb.context().close();
  });

  it('NCB officer: sees who will receive a Red Notice in the wizard under which clause, and why not once it is RED; a diffusion too', async () => {
    const page = await newPage();
    await login(page, 'ncb');
    await page.goto(`${hub.url}/#/notices/new`);
    await page.check('input[name="type"][value="red"]');
    await page.click('button[data-step="handling"]');
    const yes = page.locator(`[data-testid="who-receives-yes"] li[data-partner="${SEN}"]`);
    await yes.waitFor();
    assert.equal((await page.textContent('#who-receives-title'))?.trim(), tr('federation.preview.title'));
    assert.match((await yes.textContent()) ?? '', new RegExp(CLAUSE.replace(/[()]/g, '\\$&')));
    assert.match((await yes.textContent()) ?? '', /السنغال/);
    await shot(page, 'wizard-who-receives');

    await page.selectOption('select[name="tlp"]', 'RED');
    const no = page.locator(`[data-testid="who-receives-no"] li[data-partner="${SEN}"]`);
    await no.waitFor();
    assert.equal(await no.locator('[data-reason="handling_exceeds_agreement"]').count(), 1);
    assert.match((await no.textContent()) ?? '', new RegExp(tr('federation.reason.handling_exceeds_agreement')));
    await page.locator('[data-testid="who-receives"][aria-busy="false"]').waitFor();
    await shot(page, 'wizard-who-receives-red');

    // a diffusion is its own category, which the agreement covers
    await page.click('button[data-step="type"]');
    await page.check('input[name="type"][value="diffusion"]');
    await page.click('button[data-step="handling"]');
    await page.selectOption('select[name="tlp"]', 'AMBER');
    await yes.waitFor();
    await page.context().close();
  });

  it('NCB officer sees the panel on a record of the hub’s; an analyst, who may not read the federation set-up, sees neither it nor the pages', async () => {
    const page = await newPage();
    await login(page, 'ncb');
    await page.goto(`${hub.url}/#/records?kind=person`);
    // the hub's own (the person SEN-HUB shared is listed first, being the newest)
    const first = page.locator('table.table tbody tr:not(:has([data-testid="origin-node"])) a.record-link').first();
    await first.waitFor();
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.locator('[data-testid="who-receives"]').waitFor();
    await page.locator('[data-testid="who-receives"][aria-busy="false"]').waitFor();
    assert.equal(await page.locator(`[data-testid="who-receives"] li[data-partner="${SEN}"]`).count(), 1);
    await shot(page, 'record-who-receives');
    await page.context().close();

    const analyst = await newPage();
    await login(analyst, 'analyst');
    assert.equal(await navLink(analyst, '/federation/partners').count(), 0);
    await analyst.goto(`${hub.url}/${href}`);
    await analyst.locator('[data-testid="provenance"]').waitFor();
    assert.equal(await analyst.locator('[data-testid="who-receives"]').count(), 0);
    await analyst.context().close();
  });
});
