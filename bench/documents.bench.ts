/**
 * Document screening at scale (target: exact and OCR-tolerant lookup p99 ≤ 1 ms at 10 M):
 *   node --max-old-space-size=8000 --import tsx bench/documents.bench.ts [--count 10000000]
 * Builds a DocumentIndex of synthetic documents in the formats real lists hold (deterministic
 * PRNG), then times 100k exact and 100k OCR-confusable lookups one by one. Prints a table.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { DocumentIndex } from '../src/screening/documents.ts';
import { createRandom, type Random } from '../src/seed/random.ts';

const COUNT = Number(process.argv[process.argv.indexOf('--count') + 1]) || 10_000_000;
const QUERIES = 100_000;
const CHUNK = 100_000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** German passport numbers avoid vowels and letters that look like digits. */
const GERMAN = 'CFGHJKLMNPRTVWXYZ0123456789';
const COUNTRIES = ['MAR', 'DZA', 'TUN', 'ESP', 'FRA', 'ITA', 'DEU', 'BEL', 'NLD', 'SEN', 'MLI', 'CIV', 'TCD', 'NGA', 'EGY', 'LBY', 'SYR', 'IRQ', 'AFG', 'PAK', 'TUR', 'GBR', 'USA', 'CAN', 'RUS', 'CHN', 'IND', 'BRA', 'QAT', 'JOR'];
const TYPES = ['passport', 'national_id', 'residence_permit', 'visa', 'driving_licence'];
const STATUSES = ['stolen', 'lost', 'revoked', 'invalidated'];

/** Number formats with their share: ICAO passports, Moroccan CIN, national ids, US-style, German. */
const FORMATS: Array<[weight: number, make: (r: Random) => string]> = [
  [30, (r) => r.chars(LETTERS, 2) + r.digits(7)],
  [15, (r) => r.chars(LETTERS, 1) + r.digits(8)],
  [15, (r) => r.chars(LETTERS, r.int(1, 2)) + r.digits(6)],
  [10, (r) => r.digits(9)],
  [10, (r) => r.chars(GERMAN, 9)],
  [10, (r) => r.digits(12)],
  [10, (r) => r.chars(LETTERS, 3) + r.digits(6)],
];
const FORMAT_WEIGHTS = FORMATS.map(([w]) => w);

/** One record in ten is written as sources write it: spaced, dashed, lower case or in prose. */
function asWritten(r: Random, n: string): string {
  switch (r.int(0, 3)) {
    case 0:
      return n.replace(/^([A-Z]{1,3})(?=\d)/, '$1 ').replace(/(\d{3})(?=\d{3})/g, '$1 ');
    case 1:
      return `${n.slice(0, 2)}-${n.slice(2)}`;
    case 2:
      return n.toLowerCase();
    default:
      return `passport no. ${n}`;
  }
}

const HEX = '0123456789abcdef';
const uuidCodes = new Array<number>(36);
/** A UUID-shaped id built as one flat string (concatenation would leave rope strings behind). */
function uuid(r: Random): string {
  for (let i = 0; i < 36; i++) uuidCodes[i] = i === 8 || i === 13 || i === 18 || i === 23 ? 45 : HEX.charCodeAt(Math.floor(r.next() * 16));
  return String.fromCharCode(...uuidCodes);
}

const TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' };
const TO_DIGIT: Record<string, string> = { O: '0', Q: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };
/** The number with one character misread the way OCR misreads it, or null when none can be. */
function misread(r: Random, n: string): string | null {
  const positions = [...n].flatMap((c, i) => (TO_LETTER[c] || TO_DIGIT[c] ? [i] : []));
  if (positions.length === 0) return null;
  const i = positions[r.int(0, positions.length - 1)];
  return n.slice(0, i) + (TO_LETTER[n[i]] ?? TO_DIGIT[n[i]]) + n.slice(i + 1);
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

// ---------------------------------------------------------------- build

const random = createRandom(20260508);
const index = new DocumentIndex();
const every = Math.max(1, Math.floor(COUNT / QUERIES));
const samples: Array<{ id: string; number: string }> = [];
gc();
const heapBefore = process.memoryUsage().heapUsed;
let buildNs = 0n;
const ids: string[] = [];
const numbers: string[] = [];
for (let done = 0; done < COUNT; done += CHUNK) {
  const n = Math.min(CHUNK, COUNT - done);
  ids.length = 0;
  numbers.length = 0;
  for (let i = 0; i < n; i++) {
    const clean = random.weighted(FORMATS, FORMAT_WEIGHTS)[1](random);
    ids.push(uuid(random));
    numbers.push(random.chance(0.1) ? asWritten(random, clean) : clean);
    if ((done + i) % every === 0) samples.push({ id: ids[i], number: clean });
  }
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    index.add({ id: ids[i], number: numbers[i], type: TYPES[i % 5], issuingCountry: COUNTRIES[(i * 7) % 30], status: STATUSES[i % 4] });
  }
  buildNs += process.hrtime.bigint() - t;
  if ((done + n) % 1_000_000 === 0) process.stderr.write(`  ${(done + n) / 1e6} M documents, ${Number(buildNs / 1_000_000n) / 1000} s\n`);
}
ids.length = 0;
numbers.length = 0;
gc();
const memory = process.memoryUsage();
const heapIndex = memory.heapUsed - heapBefore;

// ---------------------------------------------------------------- lookups

interface Run {
  name: string;
  hits: number;
  latencies: Float64Array;
}

function timeLookups(name: string, queries: Array<{ id: string; number: string }>): Run {
  const latencies = new Float64Array(queries.length);
  let hits = 0;
  for (let i = 0; i < queries.length; i++) {
    const t = process.hrtime.bigint();
    const matches = index.search({ number: queries[i].number });
    latencies[i] = Number(process.hrtime.bigint() - t) / 1000;
    if (matches.some((m) => m.id === queries[i].id)) hits++;
  }
  return { name, hits, latencies: latencies.sort() };
}

const exactQueries = samples.slice(0, QUERIES).map((s, i) => ({ id: s.id, number: i % 2 ? s.number : asWritten(random, s.number) }));
const ocrQueries: Array<{ id: string; number: string }> = [];
for (const s of samples) {
  const number = misread(random, s.number);
  if (number) ocrQueries.push({ id: s.id, number });
}
while (ocrQueries.length < QUERIES) ocrQueries.push(...ocrQueries.slice(0, QUERIES - ocrQueries.length));

// warm the JIT on a few thousand queries so that the timings are of the steady state
timeLookups('warm-up', exactQueries.slice(0, 5000));
const runs = [timeLookups('exact', exactQueries), timeLookups('ocr-confusable', ocrQueries)];

// ---------------------------------------------------------------- report

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
console.log(`\nDocumentIndex, ${COUNT.toLocaleString('en')} documents (node ${process.version})`);
console.log('build s   docs/s      heap MB  bytes/doc  rss MB');
console.log(
  `${(Number(buildNs) / 1e9).toFixed(1).padEnd(9)} ${Math.round(COUNT / (Number(buildNs) / 1e9)).toLocaleString('en').padEnd(11)} ${String(mb(heapIndex)).padEnd(8)} ${String(Math.round(heapIndex / COUNT)).padEnd(10)} ${mb(memory.rss)}`,
);
console.log('\nlookup            queries  found %   p50 µs    p99 µs    max µs   queries/s');
for (const r of runs) {
  const total = r.latencies.reduce((a, b) => a + b, 0);
  console.log(
    `${r.name.padEnd(16)} ${String(r.latencies.length).padStart(8)} ${fmt((100 * r.hits) / r.latencies.length, 2)} ${fmt(percentile(r.latencies, 0.5))} ${fmt(percentile(r.latencies, 0.99))} ${fmt(r.latencies[r.latencies.length - 1])} ${String(Math.round(r.latencies.length / (total / 1e6))).padStart(11)}`,
  );
}
