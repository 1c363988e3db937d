/**
 * `ribat federation …` end to end, as an operator at two posts without a link would run it:
 * each node on its own embedded database, the identity files and the bundles carried between.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_PASSWORD_COST } from '../../test/db-targets.ts';
import { main } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { createServices } from '../main.ts';


function capture() {
  let text = '';
  return { stream: { write: (c: string) => ((text += c), true) } as unknown as NodeJS.WriteStream, text: () => text };
}

describe('ribat federation', () => {
  let dir: string;
  const env = (node: 'MAR-HUB' | 'SEN') => ({
    NODE_ID: node, NODE_AGENCY: node === 'SEN' ? 'SEN-NCB' : 'MAR-NCB', DATABASE_URL: `pglite:${path.join(dir, node, 'db')}`,
    LOG_LEVEL: 'silent', NATS_URL: '', PGLITE_DURABILITY: 'kernel',
  });
  const run = async (node: 'MAR-HUB' | 'SEN', ...argv: string[]) => {
    const out = capture();
    const err = capture();
    const code = await main(argv, { stdout: out.stream as any, stderr: err.stream as any, env: env(node) });
    return { code, out: out.text(), err: err.text(), json: () => JSON.parse(out.text().trim().split('\n').at(-1)!) };
  };
  const f = (name: string) => path.join(dir, name);
  const person = (name: string) => ({
    type: 'item.upsert' as const, category: 'person' as const, itemId: randomUUID(), tlp: 'GREEN' as const, restrictedTo: [], version: 1,
    data: { kind: 'person', data: { names: [{ value: name, type: 'primary' }] }, displayName: name, ownerAgency: { code: 'MAR-NCB', country: 'MAR', names: { en: 'NCB Rabat' } }, legalBasisCode: 'interpol_rpd', legalBasis: 'INTERPOL RPD', reviewDate: '2030-01-01' },
  });

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ribat-federation-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('hands identities over, pins each partner’s key only when the thumbprint read out agrees, and records agreements', async () => {
    const hubId = await run('MAR-HUB', 'federation', 'identity', '--out', f('hub.json'), '--json');
    assert.equal(hubId.code, 0, hubId.err);
    assert.equal(hubId.json().nodeId, 'MAR-HUB');
    assert.deepEqual(JSON.parse(readFileSync(f('hub.json'), 'utf8')), hubId.json());
    const senId = await run('SEN', 'federation', 'identity', '--out', f('sen.json'));
    assert.match(senId.out, /thumbprint {2}\S{43}/);
    const senKid = JSON.parse(readFileSync(f('sen.json'), 'utf8')).kid;

    const wrong = await run('MAR-HUB', 'federation', 'partners', 'add', '--id', 'SEN', '--transport', 'bundle', '--key-file', f('sen.json'), `--thumbprint=${hubId.json().kid}`, '--json');
    assert.equal(wrong.code, 2);
    assert.equal(wrong.json().error.code, 'key_not_pinned');
    const notSen = await run('MAR-HUB', 'federation', 'partners', 'add', '--id', 'SEN', '--transport', 'bundle', '--key-file', f('hub.json'), `--thumbprint=${hubId.json().kid}`);
    assert.equal(notSen.code, 2);
    assert.match(notSen.err, /identity of MAR-HUB, not SEN/);

    const added = await run('MAR-HUB', 'federation', 'partners', 'add', '--id', 'SEN', '--transport', 'bundle', '--key-file', f('sen.json'), `--thumbprint=${senKid}`, '--name', 'Sénégal', '--agencies', 'SEN-NCB');
    assert.equal(added.code, 0, added.err);
    assert.equal((await run('SEN', 'federation', 'partners', 'add', '--id', 'MAR-HUB', '--transport', 'bundle', '--key-file', f('hub.json'), `--thumbprint=${hubId.json().kid}`)).code, 0);
    const agreement = (node: 'MAR-HUB' | 'SEN', partner: string, direction: string) =>
      run(node, 'federation', 'agreements', 'add', '--partner', partner, '--direction', direction, '--categories', 'person,notice.red', '--max-tlp', 'AMBER', '--valid-from', '2026-01-01', '--legal-basis', 'Accord de coopération policière', '--clause', 'art. 4');
    assert.equal((await agreement('MAR-HUB', 'SEN', 'outbound')).code, 0);
    assert.equal((await agreement('SEN', 'MAR-HUB', 'inbound')).code, 0);

    const partners = await run('MAR-HUB', 'federation', 'partners');
    assert.match(partners.out, /^id\s+name\s+transport/);
    assert.match(partners.out, /SEN\s+Sénégal\s+bundle\s+SEN-NCB\s+active/);
    const agreements = await run('SEN', 'federation', 'agreements', '--json');
    assert.deepEqual(agreements.json().items.map((a: { partner: string; direction: string; maxTlp: string }) => [a.partner, a.direction, a.maxTlp]), [['MAR-HUB', 'inbound', 'AMBER']]);
  });

  it('exports what is queued, imports it at the partner once, and settles it with the receipts carried back', async () => {
    const s = await createServices({ ...loadConfig(env('MAR-HUB')) }, { passwordCost: TEST_PASSWORD_COST, command: 'test' });
    await s.conn.db.transaction().execute(async (trx) => {
      for (const name of ['Youssef El Alaoui', 'Fatima Zahra Bennani']) await s.federation.share(trx, person(name));
    });
    await s.close();
    const summary = await run('MAR-HUB', 'federation', 'queue', '--summary', '--json');
    assert.deepEqual(summary.json().items.map((r: { partner: string; queued: number }) => [r.partner, r.queued]), [['SEN', 2]]);

    const ex = await run('MAR-HUB', 'federation', 'export', '--partner', 'SEN', '--out', f('sen-1.bundle'));
    assert.equal(ex.code, 0, ex.err);
    assert.match(ex.out, /^2 items for SEN in /);
    assert.match(ex.out, /next cursor: \S+/);
    const queue = await run('MAR-HUB', 'federation', 'queue', '--status', 'sent');
    assert.equal(queue.out.trim().split('\n').length, 4, 'a header, a rule and the two items, awaiting their receipts');
    assert.doesNotMatch(queue.out, /Youssef/, 'no personal data in the listing');

    const im = await run('SEN', 'federation', 'import', f('sen-1.bundle'), '--receipts-out', f('sen-1.receipts.bundle'), '--json');
    assert.equal(im.code, 0, im.err);
    assert.deepEqual([im.json().accepted, im.json().duplicate, im.json().rejected], [2, 0, 0]);
    const again = await run('SEN', 'federation', 'import', f('sen-1.bundle'));
    assert.match(again.out, /0 accepted, 2 duplicate, 0 rejected/);
    assert.ok(existsSync(f('sen-1.receipts.bundle')), 'the receipts beside the bundle by default');

    const back = await run('MAR-HUB', 'federation', 'import', f('sen-1.receipts.bundle'));
    assert.equal(back.code, 0, back.err);
    assert.match(back.out, /2 receipts from SEN .*: 2 delivered, 0 rejected/);
    const done = await run('MAR-HUB', 'federation', 'queue', '--summary');
    assert.match(done.out, /SEN\s+0\s+0\s+0\s+2\s+0\s+0\s+0/);
 
    // the bundle as SEN's offline watchlist, checked against the key SEN pins for MAR-HUB
    writeFileSync(f('pax.jsonl'), `${JSON.stringify({ id: 'pax1', name: 'Youssef Alaoui' })}\n`);
    const screened = await run('SEN', 'screen-batch', '--watchlist-bundle', f('sen-1.bundle'), '--queries', f('pax.jsonl'), '--out', f('pax.out.jsonl'));
    assert.equal(screened.code, 0, screened.err);
    const [hit] = readFileSync(f('pax.out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual([hit.matches[0].matchedName, hit.matches[0].ownerNode, hit.matches[0].ownerAgency, hit.matches[0].via], ['Youssef El Alaoui', 'MAR-HUB', 'MAR-NCB', 'MAR-HUB']);
    assert.equal((await run('MAR-HUB', 'screen-batch', '--watchlist-bundle', f('sen-1.bundle'), '--queries', f('pax.jsonl'), '--out', f('x.jsonl'), '--json')).json().error.code, 'bundle_unknown_sender');
  });

  it('lists and rotates this node’s keys', async () => {
    const before = (await run('MAR-HUB', 'federation', 'keys', '--json')).json();
    const rotated = await run('MAR-HUB', 'federation', 'keys', 'rotate', '--overlap-hours', '24', '--json');
    assert.equal(rotated.code, 0, rotated.err);
    assert.notEqual(rotated.json().current, before.current);
    assert.equal(rotated.json().keys.length, 2, 'the previous key is still accepted for the overlap');
    const listed = (await run('MAR-HUB', 'federation', 'keys')).out;
    assert.match(listed, new RegExp(`${before.current}\\s+accepted\\s+\\d{4}-`));
    assert.match(listed, new RegExp(`${rotated.json().current}\\s+signing`));
  });

  it('exits 2 on usage errors and 3 for a file that does not exist', async () => {
    assert.equal((await run('MAR-HUB', 'federation', 'export', '--out', f('x.bundle'))).code, 2);
    assert.equal((await run('MAR-HUB', 'federation', 'queue', '--status', 'lost')).code, 2);
    assert.equal((await run('MAR-HUB', 'federation', 'partners', 'remove')).code, 2);
    assert.equal((await run('MAR-HUB', 'federation', 'keys', 'burn')).code, 2);
    assert.equal((await run('MAR-HUB', 'federation', 'import', f('nowhere.bundle'))).code, 3);
    assert.equal((await run('MAR-HUB', 'federation', 'export', '--partner', 'ESP', '--out', f('x.bundle'))).code, 3);
  });
});
