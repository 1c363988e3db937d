import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from '../../cli/command.ts';
import { EXIT, UsageError } from '../../cli/output.ts';
import { notFound } from '../../core/errors.ts';
import { identityKeys, pinnedKeys } from '../../federation/bundle.ts';
import type { KeyLookup } from '../../federation/envelope.ts';
import { FederationRepo } from '../../federation/federation.repo.ts';
import { loadBundleWatchlist, screenAgainstBundle } from './bundle-watchlist.ts';
import { type BatchProblem, formatOf, screenBatch } from './screen-batch.ts';

const USAGE = `ribat screen-batch --watchlist FILE --queries FILE [--top 10] [--out FILE]
ribat screen-batch --watchlist-bundle BUNDLE --queries FILE [--sender-key FILE --thumbprint T] [--top 10] [--out FILE]
  Screens every query against the watchlist, offline: no server, no database.
  --watchlist-bundle  a partner's offline bundle (ribat federation export): its persons, documents and vehicles
               (records, and notices' subjects) are the watchlist, each candidate with its provenance
               (ownerNode, ownerAgency, category, tlp, version, legalBasisCode, reviewDate, via). The manifest is
               checked first against the key this node pins for the sender (the database), or with --sender-key
               (the sender's identity file) and --thumbprint (read out of band) on a machine without one.
               Query lines may then carry documentNumber (+ documentCountry), plate (+ plateCountry) and vin beside
               or instead of a name; the output adds documentMatches and vehicleMatches.
  --watchlist  persons: .jsonl, one {"id","schema":"Person","names":[…],"birthDates":[…],"nationalities":[…],"gender"}
               per line (only names required; other schemas ignored), .csv with the same columns
               (several values separated by ";"), or the UN Security Council consolidated list .xml
  --queries    .jsonl, one {"id","name","birthDate","nationality","gender"} per line, or .csv with those columns
               (birthDate YYYY, YYYY-MM or YYYY-MM-DD, also 1984-2-1 or 1 Feb 1984; nationality as alpha-2,
               alpha-3, a former ISO code, or a name in English, French, Spanish or Arabic)
  --top        candidates per query, best first (default 10)
  --out        write the results to FILE instead of standard output
  A date, a country or a gender that is not understood (1968-13-30, YU, other) never drops a line: it is
  kept as given, marked, and counts neither for nor against a match; the line is screened on the name.
  Output: one JSON line per query, in input order:
    {"queryId":"q1","notUnderstood"?:[{"field","value","reason"}],"matches":[{"id","score","alert","matchedName","explanation","notUnderstood"?}]}
  Standard error: each skipped line (no usable name, not readable) as FILE:LINE: reason (skipped), each
  warning as FILE:LINE: reason (warning), then as the last line
  {"records":N,"buildMs":…,"queries":N,"queryMs":…,"qps":…,"rssMb":…,"skipped":N,"warnings":N}.
  Exit code: 0 every line was screened (warnings or not); 1 some lines were skipped (or the run failed);
  2 usage (bad option, unsupported file type, CSV header without the required columns); 3 a file does not exist.`;

export const screenBatchCommand: Command = {
  name: 'screen-batch',
  summary: 'Screen a file of names against a watchlist file, offline (no server, no database)',
  usage: USAGE,
  options: {
    watchlist: { type: 'string' }, 'watchlist-bundle': { type: 'string' }, 'sender-key': { type: 'string' }, thumbprint: { type: 'string' },
    queries: { type: 'string' }, top: { type: 'string' }, out: { type: 'string' },
  },
  async run(ctx, v) {
    const top = v.top === undefined ? 10 : Number(v.top);
    if (!Number.isInteger(top) || top < 1 || top > 1000) throw new UsageError('--top is a whole number from 1 to 1000');
    if (v['watchlist-bundle']) return screenBundle(ctx, v, top);
    if (!v.watchlist || !v.queries) throw new UsageError(`--watchlist (or --watchlist-bundle) and --queries are required\n${USAGE}`);
    formatOf(v.watchlist, ['jsonl', 'csv', 'xml']);
    formatOf(v.queries, ['jsonl', 'csv']);
    for (const f of [v.watchlist, v.queries]) if (!existsSync(f)) throw notFound('file_not_found', `${f}: no such file`);
    const out = v.out ? createWriteStream(v.out) : process.stdout;
    const report = (p: BatchProblem) =>
      ctx.out.info(`${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}${p.skipped ? ' (skipped)' : ' (warning)'}`);
    let result;
    try {
      result = await screenBatch({ watchlist: v.watchlist, queries: v.queries, top, out, onProblem: report, onInfo: (m) => ctx.out.info(m) });
    } finally {
      if (v.out) {
        out.end();
        await finished(out).catch(() => undefined);
      }
    }
    if (result.skipped) ctx.out.info(`${result.skipped} malformed line${result.skipped === 1 ? '' : 's'} skipped`);
    if (result.warnings) ctx.out.info(`${result.warnings} warning${result.warnings === 1 ? '' : 's'} (lines screened, some fields kept as given and not screened on)`);
    ctx.out.info(JSON.stringify(result.stats));
    return result.skipped ? EXIT.failure : EXIT.ok;
  },
};

/** `--watchlist-bundle`: the watchlist is a partner's verified offline bundle. */
async function screenBundle(ctx: Parameters<Command['run']>[0], v: Record<string, any>, top: number): Promise<number> {
  if (v.watchlist) throw new UsageError('--watchlist and --watchlist-bundle exclude each other');
  if (!v.queries) throw new UsageError(`--queries is required\n${USAGE}`);
  if (Boolean(v['sender-key']) !== Boolean(v.thumbprint)) throw new UsageError('--sender-key and --thumbprint go together');
  formatOf(v.queries, ['jsonl', 'csv']);
  for (const f of [v['watchlist-bundle'], v.queries, v['sender-key']].filter(Boolean)) if (!existsSync(f)) throw notFound('file_not_found', `${f}: no such file`);
  let keyOf: KeyLookup;
  let self: string | undefined;
  let now = new Date();
  if (v['sender-key']) {
    let identity: unknown;
    try {
      identity = JSON.parse(readFileSync(v['sender-key'], 'utf8'));
    } catch (e) {
      throw new UsageError(`${v['sender-key']} is not JSON: ${(e as Error).message}`);
    }
    keyOf = await identityKeys(identity, v.thumbprint);
  } else {
    const s = await ctx.services();
    keyOf = pinnedKeys(new FederationRepo(), s.conn.db);
    self = s.federation.nodeId;
    now = s.clock.now();
  }
  let skipped = 0;
  let warnings = 0;
  const onProblem = (p: BatchProblem) => {
    if (p.skipped) skipped++;
    else warnings++;
    ctx.out.info(`${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}${p.skipped ? ' (skipped)' : ' (warning)'}`);
  };
  const t0 = performance.now();
  const w = await loadBundleWatchlist(v['watchlist-bundle'], keyOf, { now, self, onProblem });
  const buildMs = performance.now() - t0;
  const { persons, documents, vehicles, withdrawn, expired, other } = w.counts;
  ctx.out.info(`watchlist: bundle ${w.manifest.id} from ${w.manifest.from} of ${w.manifest.createdAt}: ${persons} persons, ${documents} documents, ${vehicles} vehicles indexed in ${(buildMs / 1000).toFixed(1)} s` +
    `${expired ? `, ${expired} past their review date left out` : ''}${withdrawn ? `, ${withdrawn} withdrawn` : ''}${other ? `, ${other} items that are no record ignored` : ''}`);
  const out = v.out ? createWriteStream(v.out) : process.stdout;
  const t1 = performance.now();
  let queries;
  try {
    queries = await screenAgainstBundle(w, v.queries, { top, out, onProblem });
  } finally {
    if (v.out) {
      out.end();
      await finished(out).catch(() => undefined);
    }
  }
  const queryMs = performance.now() - t1;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  ctx.out.info(JSON.stringify({
    records: persons + documents + vehicles, persons, documents, vehicles, buildMs: r1(buildMs), queries, queryMs: r1(queryMs), qps: queryMs > 0 ? Math.round((queries / queryMs) * 1000) : 0,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), skipped, warnings, bundle: { id: w.manifest.id, from: w.manifest.from, to: w.manifest.to, createdAt: w.manifest.createdAt, sha256: w.manifest.sha256 },
  }));
  return skipped ? EXIT.failure : EXIT.ok;
}
