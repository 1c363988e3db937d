import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CommandContext } from '../../cli/command.ts';
import { makeOut } from '../../cli/output.ts';
import { uuidv7 } from '../../core/ids.ts';
import { BundleWriter } from '../../federation/bundle.ts';
import { sealEnvelope } from '../../federation/envelope.ts';
import { newOwnKey, type OwnKey } from '../../federation/keys.ts';
import { screenBatchCommand } from './screen-batch.cli.ts';

let dir: string;
let key: OwnKey;
const file = (name: string) => path.join(dir, name);
const agency = { code: 'MAR-NCB', country: 'MAR', names: { en: 'NCB Rabat' } };
const body = (category: string, id: string, data: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  item: { category, id, tlp: 'AMBER', ownerNode: 'MAR-HUB', version: 1, restrictedTo: [], data: { ownerAgency: agency, legalBasisCode: 'interpol_rpd', legalBasis: 'INTERPOL RPD', reviewDate: '2030-01-01', ...data }, ...over },
});

/** A bundle from MAR-HUB to SEN, as `ribat federation export` writes it. */
async function bundle(name: string, bodies: Array<{ type?: string; body: object }>) {
  const w = new BundleWriter(file(name));
  const iat = Math.floor(Date.now() / 1000);
  for (const b of bodies) await w.add(await sealEnvelope(key, { id: uuidv7(), from: 'MAR-HUB', to: 'SEN', iat, exp: iat + 86_400, type: b.type ?? 'item.upsert', hops: 0 }, b.body));
  await w.finish(key, { kind: 'envelopes', id: uuidv7(), from: 'MAR-HUB', to: 'SEN', createdAt: new Date().toISOString(), cursor: { since: null, next: null } });
  return file(name);
}

async function run(values: Record<string, string>) {
  let err = '';
  const stderr = { write: (c: string) => ((err += c), true) } as unknown as typeof process.stderr;
  const ctx = { out: makeOut(false, process.stdout, stderr) } as unknown as CommandContext;
  const out = file(`out-${Math.random().toString(36).slice(2)}.jsonl`);
  const code = await screenBatchCommand.run(ctx, { out, 'sender-key': file('hub.identity.json'), thumbprint: key.kid, ...values }, []);
  const text = (() => {
    try {
      return readFileSync(out, 'utf8').trim();
    } catch {
      return '';
    }
  })();
  return { code, results: text ? text.split('\n').map((l) => JSON.parse(l)) : [], stderr: err.trim().split('\n') };
}

const queries = (name: string, lines: object[]) => {
  writeFileSync(file(name), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return file(name);
};

describe('screen-batch against an offline bundle', () => {
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ribat-bundle-watchlist-'));
    key = await newOwnKey(new Date());
    writeFileSync(file('hub.identity.json'), JSON.stringify({ nodeId: 'MAR-HUB', kid: key.kid, jwk: key.jwk }));
    await bundle('watch.bundle', [
      { body: body('person', 'p1', { kind: 'person', data: { names: [{ value: 'Youssef El Alaoui', type: 'primary' }, { value: 'يوسف العلوي', type: 'alias' }], birthDates: ['1984-02-01'], nationalities: ['MAR'] } }) },
      { body: body('document', 'd1', { kind: 'document', data: { number: 'AB1234567', type: 'passport', issuingCountry: 'MAR', status: 'stolen' } }) },
      { body: body('vehicle', 'v1', { kind: 'vehicle', data: { plate: '12345-أ-6', plateCountry: 'MAR', vin: 'WVWZZZ1JZXW000001', status: 'stolen' } }) },
      { body: body('notice.red', 'n1', { names: ['Karim Tazi'] }, { tlp: 'RED' }) },
      // withdrawn by its owner after it was sent
      { body: body('person', 'p2', { kind: 'person', data: { names: [{ value: 'Omar Idrissi', type: 'primary' }] } }) },
      { type: 'item.withdraw', body: body('person', 'p2', {}, { version: 2 }) },
      // past the owner's review date
      { body: body('person', 'p3', { kind: 'person', data: { names: [{ value: 'Nadia Chraibi', type: 'primary' }] }, reviewDate: '2020-01-01' }) },
      // a newer version replaces the older one
      { body: body('person', 'p4', { kind: 'person', data: { names: [{ value: 'Hassan Berrada', type: 'primary' }] } }) },
      { body: body('person', 'p4', { kind: 'person', data: { names: [{ value: 'Hassan Berrada Alami', type: 'primary' }] } }, { version: 2 }) },
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('screens names, document numbers and plates of a verified bundle, each candidate with its provenance', async () => {
    const q = queries('manifest.jsonl', [
      { id: 'pax1', name: 'Youssef Alaoui', birthDate: '1984', nationality: 'MA', documentNumber: 'AB 1234567', documentCountry: 'MAR' },
      { id: 'car1', plate: '12345-A-6', plateCountry: 'MA' },
      { id: 'pax2', name: 'Karim Tazi' },
    ]);
    const r = await run({ 'watchlist-bundle': file('watch.bundle'), queries: q });
    assert.equal(r.code, 0, r.stderr.join('\n'));
    const [pax1, car1, pax2] = r.results;
    assert.equal(pax1.matches[0].id, 'p1');
    assert.equal(pax1.matches[0].alert, true);
    assert.deepEqual(
      [pax1.matches[0].ownerNode, pax1.matches[0].ownerAgency, pax1.matches[0].category, pax1.matches[0].tlp, pax1.matches[0].version, pax1.matches[0].via],
      ['MAR-HUB', 'MAR-NCB', 'person', 'AMBER', 1, 'MAR-HUB'],
    );
    assert.deepEqual([pax1.documentMatches[0].id, pax1.documentMatches[0].how, pax1.documentMatches[0].status], ['d1', 'exact', 'stolen']);
    assert.equal(car1.matches, undefined, 'no name, no person screening');
    assert.deepEqual([car1.vehicleMatches[0].id, car1.vehicleMatches[0].how, car1.vehicleMatches[0].ownerNode], ['v1', 'plate_exact', 'MAR-HUB']);
    assert.deepEqual([pax2.matches[0].id, pax2.matches[0].category, pax2.matches[0].tlp], ['n1', 'notice.red', 'RED'], 'a notice’s subject is screened too');
    const stats = JSON.parse(r.stderr.at(-1)!);
    assert.deepEqual([stats.persons, stats.documents, stats.vehicles, stats.bundle.from, stats.bundle.to], [3, 1, 1, 'MAR-HUB', 'SEN']);
  });

  it('leaves out what the owner withdrew or whose review date passed, and keeps the newest version', async () => {
    const q = queries('left-out.jsonl', [{ id: 'a', name: 'Omar Idrissi' }, { id: 'b', name: 'Nadia Chraibi' }, { id: 'c', name: 'Hassan Berrada Alami' }, { id: 'd' }]);
    const r = await run({ 'watchlist-bundle': file('watch.bundle'), queries: q });
    assert.equal(r.code, 1, 'the line without a name, number or plate is skipped');
    const byId = Object.fromEntries(r.results.map((x) => [x.queryId, x]));
    assert.ok(!byId.a.matches.some((m: { id: string }) => m.id === 'p2'));
    assert.ok(!byId.b.matches.some((m: { id: string }) => m.id === 'p3'));
    assert.deepEqual([byId.c.matches[0].id, byId.c.matches[0].version, byId.c.matches[0].matchedName], ['p4', 2, 'Hassan Berrada Alami']);
    assert.ok(r.stderr.some((l) => /1 past their review date left out, 1 withdrawn/.test(l)));
  });

  it('refuses an altered bundle, a key that is not the one handed over, and mixed or missing options', async () => {
    const lines = gunzipSync(readFileSync(file('watch.bundle'))).toString('utf8').split('\n');
    writeFileSync(file('altered.bundle'), gzipSync(lines.map((l, i) => (i === 0 ? l.replace('Youssef', 'Yousef') : l)).join('\n')));
    const q = queries('one.jsonl', [{ id: 'x', name: 'Youssef El Alaoui' }]);
    await assert.rejects(run({ 'watchlist-bundle': file('altered.bundle'), queries: q }), { code: 'bundle_altered' });
    const other = await newOwnKey(new Date());
    await assert.rejects(run({ 'watchlist-bundle': file('watch.bundle'), queries: q, thumbprint: other.kid }), { code: 'key_not_pinned' });
    writeFileSync(file('other.identity.json'), JSON.stringify({ nodeId: 'MAR-HUB', kid: other.kid, jwk: other.jwk }));
    await assert.rejects(run({ 'watchlist-bundle': file('watch.bundle'), queries: q, 'sender-key': file('other.identity.json'), thumbprint: other.kid }), { code: 'bundle_unknown_key' });
    await assert.rejects(run({ 'watchlist-bundle': file('watch.bundle'), watchlist: q, queries: q }), /exclude each other/);
    await assert.rejects(run({ 'watchlist-bundle': file('watch.bundle'), queries: q, thumbprint: '' }), /go together/);
  });
});
