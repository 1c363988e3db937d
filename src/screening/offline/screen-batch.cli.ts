import { createWriteStream, existsSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from '../../cli/command.ts';
import { EXIT, UsageError } from '../../cli/output.ts';
import { notFound } from '../../core/errors.ts';
import { type BatchProblem, formatOf, screenBatch } from './screen-batch.ts';

const USAGE = `ribat screen-batch --watchlist FILE --queries FILE [--top 10] [--out FILE]
  Screens every query against the watchlist, offline: no server, no database.
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
  options: { watchlist: { type: 'string' }, queries: { type: 'string' }, top: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, v) {
    if (!v.watchlist || !v.queries) throw new UsageError(`--watchlist and --queries are required\n${USAGE}`);
    const top = v.top === undefined ? 10 : Number(v.top);
    if (!Number.isInteger(top) || top < 1 || top > 1000) throw new UsageError('--top is a whole number from 1 to 1000');
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
