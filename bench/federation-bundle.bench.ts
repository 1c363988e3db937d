/**
 * Offline bundles, end to end between two nodes on their own on-disk PGlite databases (what a
 * post without a link runs): MAR-HUB exports what is queued for SEN, SEN imports it through its
 * inbox and writes the receipts, MAR-HUB imports the receipts. Goal: export + import of 100,000
 * items together ≤ 60 s on a 2-core machine.
 *
 *   node --import tsx bench/federation-bundle.bench.ts [--size 100k] [--again] [--postgres]
 *
 * The outbox is filled directly (rows as `share` writes them) so that setting up is not measured.
 */
import { rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { uuidv7 } from '../src/core/ids.ts';
import { exportBundle, importBundle } from '../src/federation/bundle.service.ts';
import { FederationRepo, type OutboxRow } from '../src/federation/federation.repo.ts';
import { createServices, type Services } from '../src/main.ts';
import { type BenchTarget, pgliteTarget, postgresTarget } from './targets.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: '100k' }, again: { type: 'boolean' }, postgres: { type: 'boolean' } } });
const size = Number(values.size!.replace(/k$/i, '000'));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;


async function node(id: string, target: BenchTarget): Promise<Services> {
  const config = { ...loadConfig({ ...process.env, NODE_ID: id, DATABASE_URL: target.url, LOG_LEVEL: 'silent', NATS_URL: '' }) };
  return createServices(config, { command: 'bench' });
}

const deps = (s: Services) => ({ federation: s.federation, repo: new FederationRepo(), audit: s.audit, db: s.conn.db, clock: s.clock, ids: s.ids });

async function pair(a: Services, b: Services) {
  const id = await b.federation.identity();
  await a.federation.enrollPartner(await a.seeder.consoleActor(), { id: id.nodeId, names: { en: id.nodeId }, baseUrl: '', transport: 'bundle', agencies: [], key: { jwk: id.jwk, thumbprint: id.kid } });
  await a.federation.saveAgreement(await a.seeder.consoleActor(), {
    partner: id.nodeId, direction: a.federation.nodeId === 'MAR-HUB' ? 'outbound' : 'inbound', categories: ['person', 'document', 'vehicle'],
    maxTlp: 'AMBER', mayForward: false, validFrom: '2026-01-01', validTo: null, legalBasis: 'Bench agreement', clause: 'bench',
  });
}

/** Queued rows for SEN, one per record, in the shape `share` gives them. */
async function fill(hub: Services, n: number) {
  const repo = new FederationRepo();
  const at = new Date().toISOString();
  for (let i = 0; i < n; i += 1000) {
    const rows: OutboxRow[] = [];
    for (let j = i; j < Math.min(n, i + 1000); j++) {
      const itemId = uuidv7();
      const data = { kind: 'person', data: { names: [{ value: `Person ${j} Bench`, type: 'primary', script: 'Latn' }], birthDates: [`19${50 + (j % 50)}`], nationalities: ['MAR'] }, displayName: `Person ${j} Bench`, ownerAgency: { code: 'MAR-NCB', country: 'MAR', names: { en: 'NCB Rabat' } }, legalBasisCode: 'interpol_rpd', legalBasis: 'INTERPOL RPD', reviewDate: '2030-01-01' };
      const body = { item: { category: 'person', id: itemId, tlp: 'GREEN', ownerNode: 'MAR-HUB', version: 1, restrictedTo: [], data } };
      rows.push({ id: uuidv7(), partnerId: 'SEN', type: 'item.upsert', category: 'person', itemId, tlp: 'GREEN', body, hops: 0, status: 'queued', clause: 'bench', reason: null, detail: null, attempts: 0, nextAttemptAt: at, receipt: null, createdAt: at, updatedAt: at });
    }
    await hub.conn.db.transaction().execute((trx) => repo.enqueue(trx, rows));
  }
}

async function run(target: () => Promise<BenchTarget | undefined>) {
  const [ht, st] = await Promise.all([target(), target()]);
  if (!ht || !st) return;
  // one after the other: two embedded databases starting at once trip over each other
  const hub = await node('MAR-HUB', ht);
  const sen = await node('SEN', st);
  const file = path.join(tmpdir(), `ribat-bench-${process.pid}.bundle`);
  const receipts = path.join(tmpdir(), `ribat-bench-${process.pid}.receipts.bundle`);
  try {
    await pair(hub, sen);
    await pair(sen, hub);
    let t = performance.now();
    await fill(hub, size);
    console.log(`${ht.name}: ${size.toLocaleString('en')} items queued for SEN in ${secs(performance.now() - t)} (setup, not measured)`);

    t = performance.now();
    const ex = await exportBundle(deps(hub), await hub.seeder.consoleActor(), { partnerId: 'SEN', out: file });
    const exportMs = performance.now() - t;
    console.log(`  export:   ${secs(exportMs)} (${rate(ex.count, exportMs)}), ${(ex.bytes / 2 ** 20).toFixed(1)} MiB gzip`);

    t = performance.now();
    const im = await importBundle(deps(sen), await sen.seeder.consoleActor(), { file, receiptsOut: receipts });
    const importMs = performance.now() - t;
    if (im.kind !== 'envelopes') throw new Error('not an envelopes bundle');
    console.log(`  import:   ${secs(importMs)} (${rate(im.count, importMs)}): ${im.accepted} accepted, ${im.duplicate} duplicate, ${im.rejected} rejected ${JSON.stringify(im.reasons)}`);
    console.log(`  export + import: ${secs(exportMs + importMs)} (goal ≤ 60 s for 100k)`);

    t = performance.now();
    const back = await importBundle(deps(hub), await hub.seeder.consoleActor(), { file: receipts });
    const backMs = performance.now() - t;
    if (back.kind !== 'receipts') throw new Error('not a receipts bundle');
    console.log(`  receipts: ${secs(backMs)} (${rate(back.count, backMs)}): ${back.delivered} delivered, ${back.rejected} rejected, ${back.ignored} ignored`);

    if (values.again) {
      t = performance.now();
      const again = await importBundle(deps(sen), await sen.seeder.consoleActor(), { file, receiptsOut: receipts });
      if (again.kind === 'envelopes') console.log(`  import again: ${secs(performance.now() - t)}: ${again.accepted} accepted, ${again.duplicate} duplicate`);
    }
    console.log(`  rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  } finally {
    await Promise.all([hub.close(), sen.close()]);
    await Promise.all([ht.drop(), st.drop()]);
    rmSync(file, { force: true });
    rmSync(receipts, { force: true });
  }
}

console.log(`federation bundle bench: ${size.toLocaleString('en')} items, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
await run(pgliteTarget);
if (values.postgres) await run(postgresTarget);
