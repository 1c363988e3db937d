/**
 * End-to-end: the analyst's network view in the browser, on the real node (PGlite in memory, tiny
 * demo seed) and Debian's chromium:
 *   on the demo data, an analyst runs the communities of everything they may see (the job's
 *   progress shows while the worker runs), sees them listed with their sizes, the graph coloured
 *   from every member fetched (not only the best-connected ones), focuses one and gets its key
 *   players, simulates dismantling its first key player within the community, then over
 *   everything (the before/after counts are the server's, each naming its network) → on a case and two gangs created through the API, runs the communities of the
 *   case, simulates dismantling the broker between the case and the gangs (the before/after counts
 *   are the server's, in Arabic digits) and lists the persons the gangs share, opening one's
 *   neighbourhood. The side panel sits at the inline end (on the left in Arabic) and reads from the right.
 * Arabic screenshots go to test-results/screenshots/network-*-ar.png.
 *   node --import tsx --test web/e2e/network.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, arabicPage, type Desk, loginAr, shotAr, SKIP, startDesk, tr } from './harness.ts';

let desk: Desk;
before(async () => {
  if (!SKIP) desk = await startDesk();
});
after(async () => {
  await desk?.close();
});

const newPage = () => arabicPage(desk.browser);
const shot = (page: Page, name: string) => shotAr(page, 'network', name);
const login = (page: Page, username: string) => loginAr(page, desk.url, username);

/** A JSON call from inside the page (see harness.ts), with this suite's purpose. */
const api = <T>(page: Page, method: string, url: string, body?: unknown) => apiCall<T>(page, method, url, body, 'e2e network');

/** A message with its `{{name}}` placeholders filled, as i18next does. */
const fill = (message: string, values: Record<string, string>) => message.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');
/** A number as the Arabic desk shows it (the browser's Intl). */
const arNumber = (page: Page, n: number) => page.evaluate((x) => new Intl.NumberFormat('ar').format(x), n);
const arPlural = (page: Page, n: number) => page.evaluate((x) => new Intl.PluralRules('ar').select(x), n);

/** Scrolls the side panel so that this panel is at its top, for the screenshot. */
const showPanel = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));

/** Runs the communities of the current scope; the POST must answer 202 with a job, whose progress shows. */
async function runCommunities(page: Page): Promise<void> {
  const started = page.waitForResponse((r) => r.url().endsWith('/api/v1/network/communities') && r.request().method() === 'POST');
  await page.click('[data-testid="run-communities"]');
  assert.equal((await started).status(), 202, 'the analysis runs as a job in the worker');
  await page.locator('[data-testid="communities-progress"]').waitFor({ state: 'attached' });
  await page.locator('[data-testid="community"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="communities-progress"]').count(), 0, 'the progress bar goes once the job is done');
}

type Outcome = { before: Record<string, number>; after: Record<string, number> };

/** The before/after table shows the server's counts, in Arabic digits. */
async function assertOutcome(page: Page, expected: Outcome): Promise<void> {
  for (const when of ['before', 'after'] as const) {
    for (const field of ['nodes', 'edges', 'components', 'largestComponent']) {
      const cell = page.locator(`[data-testid="${when}-${field}"]`);
      assert.equal(Number(await cell.getAttribute('data-value')), expected[when][field], `${when} ${field}`);
      assert.equal((await cell.textContent())?.trim(), await arNumber(page, expected[when][field]), `${when} ${field} in Arabic digits`);
    }
  }
}

/** The side panel is at the inline end (left of the graph in Arabic); in a community row the swatch comes first, on the right. */
async function assertRightToLeft(page: Page): Promise<void> {
  const [canvas, side] = await Promise.all([page.locator('.graph-canvas').boundingBox(), page.locator('.network-side').boundingBox()]);
  assert.ok(canvas && side && side.x + side.width <= canvas.x + 1, 'the side panel is on the left of the graph in Arabic');
  const row = page.locator('[data-testid="community-focus"]').first();
  const [swatch, name] = await Promise.all([row.locator('.community-swatch').boundingBox(), row.locator('.community-name').boundingBox()]);
  assert.ok(swatch && name && swatch.x > name.x, 'the community’s colour comes first, on the right, in Arabic');
  const panel = await page.locator('[data-testid="communities-panel"]').boundingBox();
  const title = await page.locator('#communities-title').boundingBox();
  assert.ok(panel && title && panel.x + panel.width - (title.x + title.width) < 40, 'the panel title starts at the right edge');
  // the side panel scrolls on its own: nothing in it (visually hidden texts) lengthens the page
  const [height, sideBottom] = await page.evaluate(() => [document.documentElement.scrollHeight, document.querySelector('.network-side')!.getBoundingClientRect().bottom + window.scrollY]);
  assert.ok(height <= sideBottom + 200, `the page is ${height}px tall, the side panel ends at ${sideBottom}px`);
}

describe('network analysis desk', { skip: SKIP }, () => {
  it('analyst: on the demo data, runs the communities of everything (coloured from all their members), focuses one, sees its key players and simulates within it and over everything', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    await page.click('nav.sidenav a[href="#/network"]');
    await page.locator('[data-testid="scope-panel"]').waitFor();
    assert.equal(await page.getAttribute('[data-testid="scope-current"]', 'data-scope'), 'all');
    assert.equal((await page.textContent('[data-testid="key-players-need-scope"]'))?.trim(), tr('network.keyPlayersNeedScope'));

    await runCommunities(page);
    const rows = page.locator('[data-testid="community"]');
    assert.ok((await rows.count()) >= 2, 'the demo data has several communities');
    const size = Number(await rows.first().getAttribute('data-size'));
    assert.ok(size >= Number(await rows.nth(1).getAttribute('data-size')), 'largest first');
    const sizeText = fill(tr(`network.communities.size_${await arPlural(page, size)}`), { n: await arNumber(page, size) });
    assert.equal((await rows.first().locator('[data-testid="community-size"]').textContent())?.trim(), sizeText);

    // every member of the communities is fetched (the demo data is well under the budget)
    const note = page.locator('[data-testid="colouring-note"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="colouring-note"]')?.getAttribute('data-state') !== 'loading');
    assert.equal(await note.getAttribute('data-state'), 'complete');

    await rows.first().locator('[data-testid="community-focus"]').click();
    assert.equal(await rows.first().locator('[data-testid="community-focus"]').getAttribute('aria-pressed'), 'true');
    const top = await rows.first().locator('.member-chips li').count();
    assert.ok(size > top, `the largest community (${size}) has more members than its ${top} best-connected ones`);
    // its members come into view, coloured: more of them than its best-connected members
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="community-shown"]')?.getAttribute('data-shown')) > n, top);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-coloured')) > n, top);
    await page.locator('[data-testid="key-player"]').first().waitFor();
    const id = Number(await rows.first().getAttribute('data-id'));
    const name = fill(tr('network.communities.name'), { n: await arNumber(page, id + 1) });
    assert.equal((await page.textContent('[data-testid="key-players-of"]'))?.trim(), fill(tr('network.keyPlayersOf'), { of: name }));
    assert.ok(Number(await page.getAttribute('[data-testid="graph-canvas"]', 'data-nodes')) > top, 'the community’s members are drawn');
    await assertRightToLeft(page);
    await showPanel(page, 'communities-panel');
    await shot(page, 'communities-demo');

    // dismantling its first key player within the focused community (the default once one is focused)
    const jobId = (await page.getAttribute('[data-testid="communities-summary"]', 'data-job')) ?? '';
    const player = page.locator('[data-testid="key-player"]').first();
    const playerKey = (await player.getAttribute('data-key')) ?? '';
    await player.locator('[data-testid="pick-key-player"]').check();
    assert.ok(await page.isChecked('input[name="dismantleWithin"][value="community"]'), 'the focused community is the network simulated on');
    await page.click('[data-testid="simulate"]');
    await page.locator('[data-testid="dismantle-result"]').waitFor();
    assert.equal((await page.textContent('[data-testid="dismantle-of"]'))?.trim(), fill(tr('network.dismantle.ranOn'), { of: name }));
    const inCommunity = await api<Outcome>(page, 'POST', '/api/v1/network/dismantle', { nodes: [playerKey], jobId, community: id });
    assert.equal(inCommunity.status, 200, JSON.stringify(inCommunity.body));
    await assertOutcome(page, inCommunity.body);
    assert.ok(inCommunity.body.before.nodes <= size, 'the simulation ran on the community’s members only');
    await showPanel(page, 'dismantle-panel');
    await shot(page, 'dismantle-community');

    // the same over everything the analyst may see
    await page.check('input[name="dismantleWithin"][value="scope"]');
    assert.equal(await page.locator('[data-testid="dismantle-result"]').count(), 0, 'a result about another network goes');
    await page.click('[data-testid="simulate"]');
    await page.locator('[data-testid="dismantle-of"]', { hasText: tr('network.scope.all') }).waitFor();
    assert.equal((await page.textContent('[data-testid="dismantle-of"]'))?.trim(), fill(tr('network.dismantle.ranOn'), { of: tr('network.scope.all') }));
    const overAll = await api<Outcome>(page, 'POST', '/api/v1/network/dismantle', { nodes: [playerKey] });
    assert.equal(overAll.status, 200, JSON.stringify(overAll.body));
    await assertOutcome(page, overAll.body);
    assert.ok(overAll.body.before.nodes > inCommunity.body.before.nodes, 'everything is larger than one community');
    await showPanel(page, 'dismantle-panel');
    await shot(page, 'dismantle-all');
    await page.context().close();
  });

  it('analyst: on a case and two gangs, simulates dismantling the broker and lists the persons the gangs share', async () => {
    const page = await newPage();
    await login(page, 'analyst');
    // a demo group and four of its members, and two persons from elsewhere
    const groups = await api<{ items: Array<{ id: string }> }>(page, 'GET', '/api/v1/records?kind=group&limit=50');
    let members: string[] = [];
    for (const g of groups.body.items) {
      const links = await api<{ items: Array<{ type: string; otherId: string; otherKind: string }> }>(page, 'GET', `/api/v1/records/${g.id}/links`);
      members = links.body.items.filter((l) => l.type === 'member_of' && l.otherKind === 'person').map((l) => l.otherId);
      if (members.length >= 4) break;
    }
    assert.ok(members.length >= 4, 'the tiny seed has a group of four members or more');
    const persons = await api<{ items: Array<{ id: string; displayName: string }> }>(page, 'GET', '/api/v1/records?kind=person&limit=100');
    const outside = persons.body.items.filter((p) => !members.includes(p.id)).map((p) => p.id);
    const [broker, ...others] = members.slice(0, 4);
    const brokerName = persons.body.items.find((p) => p.id === broker)?.displayName;

    const created = await api<{ id: string; reference: string }>(page, 'POST', '/api/v1/cases', {
      category: 'drug_trafficking',
      title: 'Filière de l’Oriental',
      region: 'MA-02',
      openedOn: new Date().toISOString().slice(0, 10),
    });
    assert.equal(created.status, 201, `POST /cases answered ${created.status}: ${JSON.stringify(created.body)}`);
    const caseId = created.body.id;
    for (const recordId of [broker, ...others]) {
      const party = await api(page, 'POST', `/api/v1/cases/${caseId}/parties`, { kind: 'person', recordId, role: 'suspect' });
      assert.equal(party.status, 201, JSON.stringify(party.body));
    }
    // the broker is in both gangs: the only tie between the case's people and each gang's other member
    for (const [name, other] of [['Réseau de Nador', outside[0]], ['Réseau d’Oujda', outside[1]]] as const) {
      const gang = await api(page, 'POST', '/api/v1/gangs', {
        name,
        kind: 'trafficking_network',
        region: 'MA-02',
        caseId,
        members: [
          { personRecordId: broker, role: 'leader' },
          { personRecordId: other, role: 'courier' },
        ],
      });
      assert.equal(gang.status, 201, JSON.stringify(gang.body));
    }

    await page.goto(`${desk.url}/#/network?caseId=${caseId}`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-nodes')) >= 5);
    assert.equal(await page.getAttribute('[data-testid="scope-current"]', 'data-scope'), 'case');
    await runCommunities(page);
    assert.ok((await page.locator('[data-testid="community"]').count()) >= 1);
    await showPanel(page, 'communities-panel');
    await shot(page, 'communities');

    // the broker is a key player, and why
    const player = page.locator(`[data-testid="key-player"][data-key="${broker}"]`);
    await player.waitFor();
    assert.match((await player.getAttribute('data-reasons')) ?? '', /\bbroker\b/);
    assert.ok((await player.textContent())?.includes(tr('network.reason.broker')));
    await player.locator('[data-testid="pick-key-player"]').check();
    await page.locator('[data-testid="dismantle-picked"]', { hasText: brokerName ?? '' }).waitFor();
    await page.click('[data-testid="simulate"]');
    await page.locator('[data-testid="dismantle-result"]').waitFor();

    const expected = await api<Outcome>(page, 'POST', '/api/v1/network/dismantle', {
      nodes: [broker],
      scope: { caseIds: [caseId] },
    });
    assert.equal(expected.status, 200);
    await assertOutcome(page, expected.body);
    assert.ok(expected.body.after.components > expected.body.before.components, 'without the broker the network falls apart');
    assert.ok(Number(await page.getAttribute('[data-testid="graph-canvas"]', 'data-removed')) >= 1, 'the removed broker is marked on the graph');
    assert.ok(Number(await page.getAttribute('[data-testid="graph-canvas"]', 'data-cut-off')) >= 1, 'what is cut off is marked on the graph');
    await showPanel(page, 'dismantle-panel');
    await shot(page, 'dismantle');

    // persons shared between the gangs: the broker, whose neighbourhood opens
    await page.selectOption('select[name="sharedBy"]', 'gangs');
    await page.click('[data-testid="list-shared"]');
    const shared = page.locator(`[data-testid="shared-person"][data-key="${broker}"]`);
    await shared.waitFor();
    assert.deepEqual((await shared.locator('.span-list li').allTextContents()).sort(), ['Réseau d’Oujda', 'Réseau de Nador'].sort());
    await shared.locator('[data-testid="open-neighbourhood"]').click();
    await page.locator('[data-testid="selected-node"]', { hasText: brokerName ?? '' }).waitFor();
    await showPanel(page, 'shared-panel');
    await shot(page, 'shared');
    await page.context().close();
  });
});
