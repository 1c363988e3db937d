/**
 * Person screening benchmark: `npm run bench:screening -- [--size 50k|1m|5m[,…]] [--engines ribat,minisearch,fuse]`
 *
 * Builds a scaled watchlist from real name parts (bench/screening/watchlist.ts), query sets
 * from held-apart names (bench/screening/queries.ts), and measures, for Ribat's PersonIndex
 * and generic search libraries side by side: build time, memory, recall@1 and @10 per query
 * set, alerts per 1,000 non-matching queries at ALERT_THRESHOLD, latency p50/p99 and
 * queries per second on one thread. Prints Markdown and writes it to docs/screening-bench.md
 * (one section per size; a run replaces only the sections of the sizes it ran).
 *
 * Options: --queries N (per set, default 1000), --fuse-queries N (per set for fuse.js,
 * default 50: it scans every record), --minisearch-queries N (per set for minisearch from 1M
 * persons on, default 200), --examples N (misses shown per set, default 3),
 * --no-write (do not touch the docs file). Run with --expose-gc for the memory figures.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { loadNameKnowledge } from '../src/screening/names/knowledge.ts';
import { type PersonEntry, PersonIndex } from '../src/screening/names/person-index.ts';
import { ALERT_THRESHOLD, type PersonQuery } from '../src/screening/screening.ts';
import { FusePeer, MiniSearchPeer, type PeerMatch, type SearchEngine } from './screening/peers.ts';
import { ALERT_SETS, type BenchQuery, buildQueries, scanWatchlist, SET_LABELS, SETS, type SetId } from './screening/queries.ts';
import { generateWatchlist, heldOutPair, loadNameParts, loadUnPersons, SIZES, type Watchlist } from './screening/watchlist.ts';

// ---- arguments ---------------------------------------------------------------------------

const argv = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
};
const sizes = arg('size', '50k,1m').toLowerCase().split(',');
for (const s of sizes) if (!SIZES[s]) throw new Error(`--size is one of ${Object.keys(SIZES).join(', ')} (comma-separated)`);
const engineNames = arg('engines', 'ribat,minisearch,fuse').split(',');
for (const e of engineNames) if (!['ribat', 'minisearch', 'fuse'].includes(e)) throw new Error('--engines: ribat, minisearch, fuse');
const PER_SET = Number(arg('queries', '1000'));
const FUSE_PER_SET = Number(arg('fuse-queries', '50'));
/** minisearch takes ~0.1–1 s a query at 1M persons: a sample per set from 1M on. */
const MINI_PER_SET_LARGE = Number(arg('minisearch-queries', '200'));
const EXAMPLES = Number(arg('examples', '3'));
const WRITE = !argv.includes('--no-write');
const DOC = 'docs/screening-bench.md';
const LIMIT = 10;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('note: run with --expose-gc (npm run bench:screening does) for exact memory figures');
const settle = () => {
  gc?.();
  gc?.();
};
const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const log = (msg: string) => process.stderr.write(`${msg}\n`);

// ---- engines -----------------------------------------------------------------------------

interface Engine {
  name: string;
  add(e: PersonEntry): void;
  finish?(): void;
  search(q: PersonQuery, limit: number): PeerMatch[];
}

function makeEngine(name: string, knowledge: ReturnType<typeof loadNameKnowledge> | undefined): Engine {
  if (name === 'ribat') {
    const index = new PersonIndex(knowledge) as PersonIndex & { compact?(): void };
    // compact() (typed posting lists) is the engine's own step after a bulk load: part of the build
    return { name: 'Ribat', add: (e) => index.add(e), finish: () => index.compact?.(), search: (q, limit) => index.search(q, { limit }) };
  }
  const peer: SearchEngine = name === 'minisearch' ? new MiniSearchPeer() : new FusePeer();
  return { name: peer.name, add: (e) => peer.add(e), finish: () => peer.finish?.(), search: (q, limit) => peer.search(q, { limit }) };
}

// ---- measuring -----------------------------------------------------------------------------

interface SetResult {
  n: number;
  at1: number;
  at10: number;
  atThreshold: number;
  /** Queries with at least one alert (set f), and alerting candidates. */
  alerted: number;
  alertCandidates: number;
  nameOnly: { n: number; atThreshold: number; alerted: number };
  withFacts: { n: number; atThreshold: number; alerted: number };
  misses: Array<{ q: BenchQuery; results: PeerMatch[] }>;
  belowThreshold: Array<{ q: BenchQuery; hit: PeerMatch; rank: number }>;
  falseAlerts: Array<{ q: BenchQuery; hit: PeerMatch }>;
  latencies: number[];
  /** The slowest query of the set. */
  slowest?: { q: BenchQuery; ms: number };
}

interface EngineResult {
  engine: string;
  records: number;
  buildMs: number;
  heapBytes: number;
  rssBytes: number;
  queries: number;
  sampled: boolean;
  perSet: number;
  p50: number;
  p99: number;
  max: number;
  qps: number;
  sets: Partial<Record<SetId, SetResult>>;
}

const hasFacts = (q: PersonQuery) => q.birthDate !== undefined || q.nationality !== undefined || q.gender !== undefined;

function runEngine(name: string, wl: Watchlist, queries: BenchQuery[], knowledge: ReturnType<typeof loadNameKnowledge> | undefined): EngineResult {
  settle();
  const before = process.memoryUsage();
  const t0 = performance.now();
  let engine: Engine | undefined = makeEngine(name, knowledge);
  for (const e of wl.entries) engine.add(e);
  engine.finish?.();
  const buildMs = performance.now() - t0;

  // fuse.js scans every record for every query: a sample per set
  const perSet = name === 'fuse' ? FUSE_PER_SET : name === 'minisearch' && wl.entries.length >= 1_000_000 ? MINI_PER_SET_LARGE : Infinity;
  const counts = new Map<SetId, number>();
  const run = queries.filter((q) => {
    const c = counts.get(q.set) ?? 0;
    counts.set(q.set, c + 1);
    return c < perSet;
  });
  // warm-up, not measured; memory is measured after it, so that per-query scratch space counts
  for (let i = 0; i < Math.min(300, run.length); i++) engine.search(run[(i * 7919) % run.length].query, LIMIT);
  settle();
  const after = process.memoryUsage();
  log(`  ${engine.name}: built ${wl.entries.length} persons in ${(buildMs / 1000).toFixed(1)} s, heap +${mb(after.heapUsed - before.heapUsed)} MB, external +${mb(after.external - before.external)} MB`);

  const lat = new Float64Array(run.length);
  const results: PeerMatch[][] = new Array(run.length);
  const loop0 = process.hrtime.bigint();
  for (let i = 0; i < run.length; i++) {
    const s = process.hrtime.bigint();
    results[i] = engine.search(run[i].query, LIMIT);
    lat[i] = Number(process.hrtime.bigint() - s) / 1e6;
  }
  const loopMs = Number(process.hrtime.bigint() - loop0) / 1e6;
  const sorted = Float64Array.from(lat).sort();
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

  const sets: EngineResult['sets'] = {};
  run.forEach((query, i) => {
    const r = (sets[query.set] ??= {
      n: 0, at1: 0, at10: 0, atThreshold: 0, alerted: 0, alertCandidates: 0,
      nameOnly: { n: 0, atThreshold: 0, alerted: 0 }, withFacts: { n: 0, atThreshold: 0, alerted: 0 },
      misses: [], belowThreshold: [], falseAlerts: [], latencies: [],
    });
    r.latencies.push(lat[i]);
    if (!r.slowest || lat[i] > r.slowest.ms) r.slowest = { q: query, ms: lat[i] };
    const res = results[i];
    const part = hasFacts(query.query) ? r.withFacts : r.nameOnly;
    r.n++;
    part.n++;
    if (ALERT_SETS.has(query.set)) {
      const alerts = res.filter((m) => m.alert);
      r.alertCandidates += alerts.length;
      if (alerts.length > 0) {
        r.alerted++;
        part.alerted++;
        if (r.falseAlerts.length < EXAMPLES) r.falseAlerts.push({ q: query, hit: alerts[0] });
      }
      return;
    }
    const rank = res.findIndex((m) => query.accept.has(m.id));
    if (rank === 0) r.at1++;
    if (rank >= 0) r.at10++;
    if (rank >= 0 && res[rank].alert) {
      r.atThreshold++;
      part.atThreshold++;
    } else if (rank >= 0 && r.belowThreshold.length < EXAMPLES) r.belowThreshold.push({ q: query, hit: res[rank], rank });
    if (rank < 0 && r.misses.length < EXAMPLES) r.misses.push({ q: query, results: res.slice(0, 3) });
  });
  const result: EngineResult = {
    engine: engine.name,
    records: wl.entries.length,
    buildMs,
    // typed arrays (posting lists after compact(), scratch buffers) live outside the V8 heap
    heapBytes: after.heapUsed + after.external - (before.heapUsed + before.external),
    rssBytes: after.rss - before.rss,
    queries: run.length,
    sampled: Number.isFinite(perSet),
    perSet,
    p50: q(0.5),
    p99: q(0.99),
    max: sorted[sorted.length - 1],
    qps: run.length / (loopMs / 1000),
    sets,
  };
  log(`  ${engine.name}: ${run.length} queries, p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms, ${result.qps.toFixed(0)} q/s`);
  engine = undefined;
  results.length = 0;
  settle();
  return result;
}

// ---- report ----------------------------------------------------------------------------------

const ratio = (a: number, n: number) => (n ? fmt(a / n) : '–');
const perThousand = (a: number, n: number) => (n ? fmt((a * 1000) / n, 1) : '–');

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const recordNames = (wl: Watchlist, id: string | undefined) => {
  if (!id) return '';
  const e = id.startsWith('syn-') ? wl.entries[Number(id.slice(4))] : wl.entries.find((x) => x.id === id);
  return e ? e.names.map((n) => n.value).join(' / ') : id;
};
const queryText = (q: PersonQuery) => [`"${q.name}"`, q.birthDate && `dob ${q.birthDate}`, q.nationality && `nat ${q.nationality}`, q.gender].filter(Boolean).join(', ');

function sizeSection(label: string, wl: Watchlist, queries: BenchQuery[], scan: { droppedNonMatching: number; nearNamesakes: number; ms: number }, genMs: number, results: EngineResult[], knowledgeMs: number): string {
  const count = (s: SetId) => queries.filter((q) => q.set === s).length;
  const cols = results.map((r) => r.engine + (r.sampled ? ` (sample: ${r.perSet}/set)` : ''));
  const rows: string[][] = [
    ['build (s)', ...results.map((r) => fmt(r.buildMs / 1000, 1))],
    ['memory Δ, heap + external (MB) · bytes per record', ...results.map((r) => `${mb(r.heapBytes)} · ${(r.heapBytes / r.records).toFixed(0)}`)],
    ['RSS Δ (MB)', ...results.map((r) => mb(r.rssBytes))],
    ...SETS.filter((s) => !ALERT_SETS.has(s)).map((s) => [
      `${SET_LABELS[s]} (n=${count(s)}): recall@1 · @10${s === 'a' || s === 'b' ? '' : ''}`,
      ...results.map((r) => {
        const x = r.sets[s];
        return x ? `${ratio(x.at1, x.n)} · ${ratio(x.at10, x.n)}` : '–';
      }),
    ]),
    ...[...ALERT_SETS].map((s) => [`${SET_LABELS[s]} (n=${count(s)}): alerts per 1,000 (queries with ≥ 1 alert)`, ...results.map((r) => (r.sets[s] ? perThousand(r.sets[s].alerted, r.sets[s].n) : '–'))]),
    ['recall at the alert threshold, sets a–e', ...results.map((r) => {
      const xs = SETS.filter((s) => !ALERT_SETS.has(s)).map((s) => r.sets[s]).filter((x): x is SetResult => !!x);
      return ratio(xs.reduce((a, x) => a + x.atThreshold, 0), xs.reduce((a, x) => a + x.n, 0));
    })],
    ['latency p50 · p99 · max (ms)', ...results.map((r) => `${fmt(r.p50, 3)} · ${fmt(r.p99, 3)} · ${fmt(r.max, 1)}`)],
    ['queries per second (one thread)', ...results.map((r) => r.qps.toFixed(0))],
  ];
  const ribat = results.find((r) => r.engine === 'Ribat');
  let detail = '';
  if (ribat) {
    const pct = (xs: number[], p: number) => {
      const a = [...xs].sort((x, y) => x - y);
      return a[Math.min(a.length - 1, Math.floor(p * a.length))] ?? NaN;
    };
    const drows = SETS.map((s) => {
      const x = ribat.sets[s];
      if (!x) return [SET_LABELS[s], '–', '–', '–', '–', '–', '–', '–'];
      const latency = `${fmt(pct(x.latencies, 0.5), 2)} · ${fmt(pct(x.latencies, 0.99), 2)}`;
      if (ALERT_SETS.has(s))
        return [SET_LABELS[s], String(x.n), '', '', `alerts/1,000: ${perThousand(x.alerted, x.n)} (${x.alertCandidates} alerting candidates)`, perThousand(x.nameOnly.alerted, x.nameOnly.n), perThousand(x.withFacts.alerted, x.withFacts.n), latency];
      return [SET_LABELS[s], String(x.n), ratio(x.at1, x.n), ratio(x.at10, x.n), ratio(x.atThreshold, x.n), ratio(x.nameOnly.atThreshold, x.nameOnly.n), ratio(x.withFacts.atThreshold, x.withFacts.n), latency];
    });
    detail = `\n\nRibat per set (recall at threshold = the expected person is among the results with score ≥ ${ALERT_THRESHOLD}; for sets f and g, alerts per 1,000):\n\n${table(['set', 'n', 'recall@1', 'recall@10', 'at threshold', 'name only', 'with dob/nat/gender', 'p50 · p99 ms'], drows)}`;
    const slow = SETS.map((s) => ribat.sets[s]?.slowest).filter((x): x is { q: BenchQuery; ms: number } => !!x);
    detail += `\n\nRibat's slowest query per set: ${slow.map((x) => `${x.q.set} ${queryText(x.q.query)} ${fmt(x.ms, 1)} ms`).join('; ')}.`;
    const ex: string[] = [];
    for (const s of SETS) {
      const x = ribat.sets[s];
      if (!x) continue;
      for (const m of x.misses) ex.push(`- **${s} miss** ${queryText(m.q.query)} → expected ${m.q.expected} (${recordNames(wl, m.q.expected)}); top: ${m.results.map((r) => `${r.matchedName} ${fmt(r.score)}`).join('; ') || 'nothing'}`);
      for (const b of x.belowThreshold) ex.push(`- **${s} below threshold** ${queryText(b.q.query)} → ${b.hit.matchedName} at rank ${b.rank + 1}, score ${fmt(b.hit.score, 3)}`);
      for (const f of x.falseAlerts) ex.push(`- **${s} alert** ${queryText(f.q.query)} → ${f.hit.matchedName} (${f.hit.id}) score ${fmt(f.hit.score, 3)}`);
    }
    if (ex.length) detail += `\n\nRibat examples (first ${EXAMPLES} per set and kind):\n\n${ex.join('\n')}`;
  }
  const s = wl.stats;
  return [
    `<!-- size:${label} -->`,
    `## ${label}: ${wl.entries.length.toLocaleString('en')} persons`,
    '',
    `Command: \`${command}\`; run ${new Date().toISOString()}; ${load()} at the end of this size.`,
    '',
    `Watchlist: ${s.un} UN list persons + ${s.synthetic.toLocaleString('en')} synthetic (${s.arabicCulture.toLocaleString('en')} of Arabic culture, ${s.evalPool.toLocaleString('en')} evaluation persons of held-out parts; ` +
      `Latin only ${s.latinOnly.toLocaleString('en')}, Latin + Arabic ${s.both.toLocaleString('en')}, Arabic only ${s.arabicOnly.toLocaleString('en')}); ` +
      `${s.names.toLocaleString('en')} names, ${(s.nameChars / s.names).toFixed(1)} characters on average. Generated in ${fmt(genMs / 1000, 1)} s; ` +
      `query sets checked against every record in ${fmt(scan.ms / 1000, 1)} s (${scan.droppedNonMatching} non-matching candidates dropped because a record holds them; ${scan.nearNamesakes} that a record holds only loosely, one edit, doubled letter or final h per part, became set g). ` +
      `Ribat's spelling knowledge without the held-out pairs: built in ${fmt(knowledgeMs / 1000, 1)} s (not in the build time).`,
    '',
    table(['', ...cols], rows),
    detail,
    `<!-- /size:${label} -->`,
  ].join('\n');
}

function machine(): string {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execSync('nproc').toString().trim();
  } catch {}
  return `${nproc} cores (nproc), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Other processes share the cores: latency figures are only comparable on a quiet machine. */
const load = () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`;

function writeDoc(sections: Map<string, string>, header: string) {
  const order = Object.keys(SIZES);
  const existing = new Map<string, string>();
  if (existsSync(DOC)) {
    const text = readFileSync(DOC, 'utf8');
    for (const m of text.matchAll(/<!-- size:(\w+) -->[\s\S]*?<!-- \/size:\1 -->/g)) existing.set(m[1], m[0]);
  }
  for (const [k, v] of sections) existing.set(k, v);
  const body = order.filter((k) => existing.has(k)).map((k) => existing.get(k)).join('\n\n');
  mkdirSync('docs', { recursive: true });
  writeFileSync(DOC, `${header}\n\n${body}\n`);
}

// ---- main ---------------------------------------------------------------------------------

const started = new Date();
const command = `npm run bench:screening${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
log(`machine: ${machine()}; ${load()}`);
const parts = loadNameParts();
const un = await loadUnPersons();
log(`name parts: ${parts.stats.parts} (${parts.stats.arabicOrigin} of Arabic origin, ${parts.stats.heldOutArabicOrigin} of them held out); UN persons: ${un.length}`);
let knowledge: ReturnType<typeof loadNameKnowledge> | undefined;
let knowledgeMs = 0;
if (engineNames.includes('ribat')) {
  const k0 = performance.now();
  knowledge = loadNameKnowledge({ exclude: heldOutPair });
  knowledgeMs = performance.now() - k0;
}
const sections = new Map<string, string>();
for (const label of sizes) {
  log(`\n== ${label} ==`);
  settle();
  const g0 = performance.now();
  let wl: Watchlist | undefined = generateWatchlist(SIZES[label], parts, un);
  const genMs = performance.now() - g0;
  const scan = scanWatchlist(wl, parts, buildQueries(wl, parts, { perSet: PER_SET }), PER_SET);
  log(`watchlist ${wl.entries.length} in ${(genMs / 1000).toFixed(1)} s; ${scan.queries.length} queries`);
  const results: EngineResult[] = [];
  for (const e of engineNames) {
    if (e === 'fuse' && label !== '50k' && !argv.includes('--engines')) continue;
    results.push(runEngine(e, wl, scan.queries, knowledge));
  }
  const section = sizeSection(label, wl, scan.queries, scan, genMs, results, knowledgeMs);
  sections.set(label, section);
  console.log(`\n${section}\n`);
  wl = undefined;
}

const header = [
  '# Person screening benchmark',
  '',
  'Generated by `bench/screening.bench.ts` (`npm run bench:screening -- --size 50k|1m|5m --engines ribat,minisearch,fuse`); do not edit by hand. ' +
    'A run replaces the sections of the sizes it ran; each section names its command, date and machine load. Other processes share the two cores: ' +
    'latency and build figures taken under load (load average above 1) are pessimistic.',
  '',
  `- Last run: \`${command}\`, ${started.toISOString()}`,
  `- Machine: ${machine()}`,
  `- Alert threshold: ${ALERT_THRESHOLD} (ALERT_THRESHOLD in src/screening/screening.ts)`,
  '',
  'Watchlist: every person of the UN Security Council consolidated list (fixtures/, as published) plus synthetic persons composed of real name parts ' +
    '(fixtures/wikidata-en-ar-person-name-tokens.tsv, CC0), drawn by attested frequency: 70 % of Arabic culture (given name, father’s name often after ben/bin/ibn/ould, family name; ' +
    'some "Abd al-…" compounds), 30 % from every part; Latin only, Latin + Arabic, or Arabic only; aliases re-spell the same Arabic parts with other attested Latin spellings. ' +
    'One Arabic part in five (by a hash of the folded part; particles excepted) is held out: Ribat runs with spelling knowledge built without those pairs, ' +
    'and sets a, b and c target evaluation persons made only of held-out parts, so they measure generalisation, not memory. ' +
    'Half of each query set carries date of birth, nationality and gender, half the name alone. A query counts as found when the expected person is returned, ' +
    'or another person one of whose names holds every queried part. ' +
    'Set f holds names drawn like the list\u2019s that no record name holds, not even loosely; set g holds those that some record name holds only loosely ' +
    '(each part one substitution, insertion, deletion or transposition away, or the same but for doubled letters, a final h or an Abd- particle: Davies Marcel / Davis Marcel), ' +
    'which sets c and d require an engine to find: their alerts are reported apart, and set f\u2019s alert rate is the false-alert figure. ' +
    'Peers have no calibrated score: their alert proxy is the share of query words matched (minisearch) or 1 − distance (fuse.js). minisearch: fuzzy 0.2, prefix, OR, one `names` field, diacritics folded; fuse.js: threshold 0.4, ignoreLocation, each name. ' +
    'Memory: V8 heap plus external memory (typed arrays) retained after the build and a 300-query warm-up, after garbage collection; the watchlist objects ' +
    'are held by the benchmark and not counted, so it is what the index adds beyond the names themselves. Latency: process.hrtime.bigint around each search, one thread, ' +
    'after the warm-up; queries per second = queries / wall time of the loop.',
].join('\n');
if (WRITE) {
  writeDoc(sections, header);
  log(`\nwritten to ${DOC}`);
}
