import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../auth/roles.ts';
import { isAlpha3, LANGS } from '../core/countries.ts';
import { detectScript } from '../core/text.ts';
import { assertLinkEnds, type GroupData, type PersonData, type RecordKind, type VehicleData, validateData } from '../records/record.ts';
import { checkRecordData } from '../records/records.schema.ts';
import type { ImportItem } from '../records/import/import-item.ts';
import { DEMO_AGENCIES } from './agencies.ts';
import { demoRecords, makeVin, SCALE_PERSONS } from './demo.ts';
import { isPlausibleVariant, loadNamePairs } from './names.ts';
import { createRandom } from './random.ts';
import { DEMO_PASSWORD, demoUsers } from './users.ts';

function take<T>(gen: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const x of gen) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
}

const hashOf = (items: ImportItem[]) => createHash('sha256').update(JSON.stringify(items)).digest('hex');

// generated once and shared: the assertions below only read it
const SMALL = [...demoRecords('small')];
const persons = SMALL.filter((i) => i.kind === 'person').map((i) => i.data as PersonData);
const namesOf = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'person' || i.kind === 'group' ? (i.data as PersonData | GroupData).names : []));

const ARABIC_WORDS = /^[\u0621-\u063A\u0641-\u064A]+( [\u0621-\u063A\u0641-\u064A]+)*$/;
const MOROCCAN_PLATE = /^\d{1,5}-[أبدهوط]-\d{1,2}$/;

describe('the seeded random generator', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    assert.deepEqual(seqA, Array.from({ length: 20 }, () => b.next()));
    assert.notDeepEqual(seqA, Array.from({ length: 20 }, () => c.next()));
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(3, 7);
      assert.ok(x >= 3 && x <= 7 && Number.isInteger(x));
      seen.add(x);
    }
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
  });

  it('picks by weight and shuffles without losing items', () => {
    const r = createRandom(2);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted(['a', 'b'], [9, 1]) === 'a') heavy++;
    assert.ok(heavy > 8700 && heavy < 9300, `${heavy}`);
    assert.deepEqual(r.shuffle([1, 2, 3, 4, 5]).sort(), [1, 2, 3, 4, 5]);
  });
});

describe('the demo records', () => {
  it('are identical for the same seed (hash of the first 2000 items)', () => {
    assert.equal(hashOf(take(demoRecords('small', 2026), 2000)), hashOf(SMALL.slice(0, 2000)));
    assert.equal(hashOf(take(demoRecords('medium', 99), 2000)), hashOf(take(demoRecords('medium', 99), 2000)));
  });

  it('differ for a different seed', () => {
    assert.notEqual(hashOf(take(demoRecords('small', 2027), 2000)), hashOf(SMALL.slice(0, 2000)));
  });

  it('hold exactly 300 persons at the tiny scale, and SCALE_PERSONS at the small one', () => {
    const tiny = [...demoRecords('tiny')];
    assert.equal(tiny.filter((i) => i.kind === 'person').length, 300);
    assert.equal(persons.length, SCALE_PERSONS.small);
  });

  it('come lazily: the first items of the large scale arrive at once', () => {
    const started = performance.now();
    assert.equal(take(demoRecords('large'), 50).length, 50);
    assert.ok(performance.now() - started < 1000);
  });

  it('have about 0.5 documents and 0.2 vehicles per person and one group per 200 persons', () => {
    const count = (k: RecordKind) => SMALL.filter((i) => i.kind === k).length;
    assert.ok(Math.abs(count('document') / persons.length - 0.5) < 0.05, `${count('document')}`);
    assert.ok(Math.abs(count('vehicle') / persons.length - 0.2) < 0.03, `${count('vehicle')}`);
    assert.equal(count('group'), 100);
    assert.equal([...demoRecords('tiny')].filter((i) => i.kind === 'group').length, 3);
  });

  it('every item passes validateData and the record schema', () => {
    for (const item of SMALL) {
      assert.doesNotThrow(() => validateData(item.kind, structuredClone(item.data)), item.externalId);
      assert.doesNotThrow(() => checkRecordData(item.kind, item.data), item.externalId);
    }
  });

  it('have stable, unique external ids', () => {
    const ids = SMALL.map((i) => i.externalId);
    assert.equal(new Set(ids).size, ids.length);
    for (const item of SMALL) {
      const pattern = { person: /^person:\d{6}$/, document: /^doc:\d{6}$/, vehicle: /^veh:\d{6}$/, group: /^group:\d{4}$/ }[item.kind];
      assert.match(item.externalId, pattern);
    }
    assert.equal(SMALL.find((i) => i.kind === 'person')!.externalId, 'person:000001');
    assert.equal(SMALL[0].externalId, 'group:0001');
  });

  it('yield documents, vehicles and groups before the items that link to them', () => {
    const kindOf = new Map<string, RecordKind>();
    for (const item of SMALL) {
      for (const link of item.links ?? []) {
        const to = kindOf.get(link.toExternalId);
        assert.ok(to, `${item.externalId} links to ${link.toExternalId} before it was yielded`);
        assert.doesNotThrow(() => assertLinkEnds(link.type, item.kind, to));
      }
      kindOf.set(item.externalId, item.kind);
    }
  });

  it('link every document and vehicle to a holder, and groups to about five members', () => {
    const linked = new Set(SMALL.flatMap((i) => (i.links ?? []).map((l) => l.toExternalId)));
    for (const item of SMALL) if (item.kind === 'document' || item.kind === 'vehicle') assert.ok(linked.has(item.externalId), item.externalId);
    const members = SMALL.flatMap((i) => (i.links ?? []).filter((l) => l.type === 'member_of'));
    assert.ok(members.length / 100 >= 4 && members.length / 100 <= 6.5, `${members.length}`);
    assert.ok(SMALL.some((i) => i.links?.some((l) => l.type === 'associate_of')));
  });

  it('write Moroccan plates as digits, an Arabic series letter and a prefecture number', () => {
    const plates = SMALL.filter((i) => i.kind === 'vehicle').map((i) => i.data as VehicleData);
    const moroccan = plates.filter((v) => v.plateCountry === 'MAR');
    assert.ok(moroccan.length > plates.length / 2);
    for (const v of moroccan) {
      assert.match(v.plate, MOROCCAN_PLATE);
      assert.ok(Number(v.plate.split('-')[2]) <= 89);
    }
    for (const v of plates.filter((p) => p.plateCountry === 'ESP')) assert.match(v.plate, /^\d{4} [B-DF-HJ-NP-TV-Z]{3}$/);
    for (const v of plates.filter((p) => p.plateCountry === 'FRA')) assert.match(v.plate, /^[A-Z]{2}-\d{3}-[A-Z]{2}$/);
    for (const v of plates.filter((p) => p.plateCountry === 'SEN')) assert.match(v.plate, /^[A-Z]{2}-\d{4}-[A-Z]{1,2}$/);
  });

  it('give about half the vehicles a VIN with a valid check digit', () => {
    const vehicles = SMALL.filter((i) => i.kind === 'vehicle').map((i) => i.data as VehicleData);
    const vins = vehicles.map((v) => v.vin).filter((v): v is string => v !== undefined);
    assert.ok(Math.abs(vins.length / vehicles.length - 0.5) < 0.05);
    const values = (c: string) => (/\d/.test(c) ? Number(c) : 'ABCDEFGH'.includes(c) ? 'ABCDEFGH'.indexOf(c) + 1 : 'JKLMN'.includes(c) ? 'JKLMN'.indexOf(c) + 1 : c === 'P' ? 7 : c === 'R' ? 9 : 'STUVWXYZ'.indexOf(c) + 2);
    const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    for (const vin of [...vins, makeVin(createRandom(3), 'VF1', 42)]) {
      assert.match(vin, /^[A-HJ-NPR-Z0-9]{17}$/);
      const sum = [...vin].reduce((s, c, i) => s + values(c) * weights[i], 0) % 11;
      assert.equal(vin[8], sum === 10 ? 'X' : String(sum), vin);
    }
  });

  it('write Arabic names with Arabic letters only', () => {
    const arabic = namesOf(SMALL).filter((n) => n.script === 'Arab');
    assert.ok(arabic.length > 1000);
    for (const n of arabic) {
      assert.ok(!n.value.includes('\uFFFD'));
      assert.match(n.value, ARABIC_WORDS);
      assert.equal(detectScript(n.value), 'Arab');
      assert.equal(n.lang, 'ar');
    }
    for (const n of namesOf(SMALL).filter((x) => x.script === 'Latn')) assert.equal(detectScript(n.value), 'Latn', n.value);
  });

  it('give between 20% and 70% of persons an Arabic-script name, alone or with a Latin one', () => {
    const arabic = persons.filter((p) => p.names.some((n) => n.script === 'Arab'));
    const share = arabic.length / persons.length;
    assert.ok(share >= 0.2 && share <= 0.7, `${share}`);
    assert.ok(persons.some((p) => p.names[0].script === 'Arab' && p.names.every((n) => n.script === 'Arab')), 'Arabic-only records');
    assert.ok(persons.some((p) => p.names[0].script === 'Latn' && p.names.some((n) => n.type === 'original' && n.script === 'Arab')), 'Latin + Arabic original');
  });

  it('use the spelling variants of the corpus, ben/ould structures and reversed order in aliases', () => {
    const aliases = persons.flatMap((p) => p.names.filter((n) => n.type === 'alias').map((n) => n.value));
    const has = (re: RegExp) => aliases.some((a) => re.test(a));
    assert.ok(has(/^(Mohammed|Muhammad) /), 'Mohamed → Mohammed/Muhammad');
    assert.ok(has(/^(Youcef|Yusuf|Yousef) /), 'Youssef → Youcef/Yusuf');
    assert.ok(has(/^Abd al-/), 'Abdellatif → Abd al-Latif');
    assert.ok(has(/ ben /) && has(/ Ould /), 'ben / Ould');
    assert.ok(has(/^[A-ZÀ-Ý' -]{2,} [A-Z][a-z]/), 'reversed order, family name first');
    assert.ok(persons.some((p) => p.names.some((n) => n.quality === 'low')), 'a few typos marked low quality');
  });

  it('keep nationality consistent with the origin of the name', () => {
    const european = new Set(['ESP', 'FRA', 'BEL', 'NLD', 'ITA', 'USA']);
    for (const p of persons) {
      const first = p.nationalities![0];
      for (const c of p.nationalities!) assert.ok(isAlpha3(c));
      if (european.has(first)) assert.ok(p.names.every((n) => n.script === 'Latn'));
      if (p.names.some((n) => n.value.includes(' Ould ') || n.value.includes(' Mint '))) assert.equal(first, 'MRT');
    }
  });

  it('spread partial dates of birth roughly 60/25/10/5', () => {
    const shares = { full: 0, year: 0, month: 0, none: 0 };
    for (const p of persons) {
      const d = p.birthDates?.[0];
      if (!d) shares.none++;
      else if (d.length === 10) shares.full++;
      else if (d.length === 7) shares.month++;
      else shares.year++;
    }
    const n = persons.length;
    assert.ok(Math.abs(shares.full / n - 0.6) < 0.03 && Math.abs(shares.year / n - 0.25) < 0.03);
    assert.ok(Math.abs(shares.month / n - 0.1) < 0.02 && Math.abs(shares.none / n - 0.05) < 0.02);
  });

  it('carry provenance: known owners, mostly AMBER, RED restricted to one or two agencies, no review date', () => {
    const codes = new Set(DEMO_AGENCIES.map((a) => a.code));
    const tlps: Record<string, number> = {};
    for (const item of SMALL) {
      assert.ok(codes.has(item.ownerAgencyCode!));
      assert.equal(item.reviewDate, undefined);
      assert.ok(['interpol_rpd', 'national_law', 'judicial_decision', 'bilateral_agreement'].includes(item.legalBasisCode));
      assert.ok(item.legalBasis.length > 20);
      tlps[item.tlp!] = (tlps[item.tlp!] ?? 0) + 1;
      if (item.tlp === 'RED') assert.ok(item.restrictedToCodes!.length >= 1 && item.restrictedToCodes!.length <= 2);
      for (const c of item.restrictedToCodes ?? []) assert.ok(codes.has(c) && c !== item.ownerAgencyCode);
    }
    assert.ok(tlps.AMBER > SMALL.length / 2 && tlps.CLEAR > 0 && tlps.GREEN > tlps.RED);
    const moroccan = SMALL.filter((i) => i.ownerAgencyCode!.startsWith('MAR-')).length;
    assert.ok(moroccan / SMALL.length > 0.5);
  });

  it('mark about 15% of documents stolen, lost or revoked', () => {
    const docs = SMALL.filter((i) => i.kind === 'document').map((i) => i.data as { status: string; issuingCountry: string; number: string });
    const bad = docs.filter((d) => d.status !== 'valid').length / docs.length;
    assert.ok(Math.abs(bad - 0.15) < 0.03, `${bad}`);
    const numbers = new Set(docs.map((d) => `${d.issuingCountry}:${d.number}`));
    assert.equal(numbers.size, docs.length, 'document numbers do not repeat');
  });
});

describe('the demo agencies and users', () => {
  it('give every agency names in ar, fr, en and es, and one hub', () => {
    for (const a of DEMO_AGENCIES) {
      for (const l of LANGS) assert.ok(a.names[l]?.trim(), `${a.code} ${l}`);
      assert.equal(detectScript(a.names.ar), 'Arab');
      assert.match(a.code, /^[A-Z]{3}-[A-Z]+$/);
      assert.equal(a.code.slice(0, 3), a.country);
      assert.ok(isAlpha3(a.country));
    }
    assert.deepEqual(DEMO_AGENCIES.filter((a) => a.isHub).map((a) => a.code), ['MAR-NCB']);
    assert.equal(new Set(DEMO_AGENCIES.map((a) => a.code)).size, DEMO_AGENCIES.length);
  });

  it('cover every role in ROLES at the hub, with one NCB officer per other agency', () => {
    const users = demoUsers();
    const hub = users.filter((u) => u.agencyCode === 'MAR-NCB');
    for (const role of ROLES) assert.ok(hub.some((u) => u.roles.includes(role)), role);
    for (const a of DEMO_AGENCIES.filter((x) => x.code !== 'MAR-NCB')) {
      assert.ok(users.some((u) => u.agencyCode === a.code && u.roles.includes('ncb_officer')), a.code);
    }
    assert.ok(users.some((u) => u.username === 'ncb.sen') && users.some((u) => u.username === 'frontline.esp'));
    assert.equal(new Set(users.map((u) => u.username)).size, users.length);
    assert.ok(users.length < 60);
    assert.equal(DEMO_PASSWORD, 'ribat-demo-2026');
  });
});

describe('the name knowledge from the Wikidata corpus', () => {
  const k = loadNamePairs();
  const entry = (latin: string) => k.arabicOrigin.find((e) => e.latin === latin)!;

  it('finds the curated names with their Arabic spelling and observed Latin variants', () => {
    assert.ok(k.arabicOrigin.length >= 150, `${k.arabicOrigin.length}`);
    assert.ok(k.missing.length <= 5, k.missing.join(', '));
    assert.equal(entry('Mohamed').arabic, 'محمد');
    assert.ok(entry('Mohamed').variants.includes('Mohammed') && entry('Mohamed').variants.includes('Muhammad'));
    assert.ok(entry('Youssef').variants.includes('Youcef') && entry('Youssef').variants.includes('Yusuf'));
    assert.equal(entry('Abdellatif').arabic, 'عبد اللطيف');
    assert.ok(entry('Abdellatif').variants.includes('Abd al-Latif'));
    for (const e of k.arabicOrigin) assert.match(e.arabic, ARABIC_WORDS, e.latin);
  });

  it('drops alignment noise from the variants', () => {
    assert.ok(!entry('Mohamed').variants.includes('Morocco'));
    assert.equal(isPlausibleVariant('mohamed', 'morocco'), false);
    assert.equal(isPlausibleVariant('youssef', 'zighoud'), false);
    assert.equal(isPlausibleVariant('youssef', 'youcef'), true);
  });

  it('lists about 60 European names and 30 Arabic particles', () => {
    assert.ok(k.european.length >= 60);
    assert.ok(k.particles.length >= 30);
    assert.ok(k.particles.some((p) => p.latin.includes('ould') && p.arabic === 'ولد'));
  });
});
