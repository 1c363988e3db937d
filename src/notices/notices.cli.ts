import { readFileSync } from 'node:fs';
import type { Command } from '../cli/command.ts';
import { table, UsageError } from '../cli/output.ts';
import { isUuid } from '../core/ids.ts';
import { parseInterpolPublic } from './import/interpol-public.ts';
import type { ParseProblem } from './import/interpol-public.ts';
import { NOTICE_STATES, NOTICE_TYPES } from './notice.ts';

/** `ribat notices list|show|import`: thin, as the console actor of the hub. */
export const noticesCommands: Command[] = [
  {
    name: 'notices list',
    summary: 'List notices and diffusions, newest first',
    usage: `ribat notices list [--type ${NOTICE_TYPES.join('|')}] [--state STATE] [--q TEXT] [--limit 50] [--json]`,
    options: { type: { type: 'string' }, state: { type: 'string' }, q: { type: 'string' }, limit: { type: 'string' } },
    async run(ctx, v) {
      if (v.type && !(NOTICE_TYPES as readonly string[]).includes(v.type)) throw new UsageError(`--type is one of ${NOTICE_TYPES.join(', ')}`);
      if (v.state && !(NOTICE_STATES as readonly string[]).includes(v.state)) throw new UsageError(`--state is one of ${NOTICE_STATES.join(', ')}`);
      const limit = v.limit === undefined ? 50 : Number(v.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit is a whole number from 1 to 200');
      const s = await ctx.services();
      const page = await s.notices.list(await s.seeder.consoleActor(), { type: v.type, state: v.state, q: v.q, limit }, 'console: notices list');
      const rows = page.items.map((n) => ({ reference: n.reference, type: n.type, state: n.state, urgency: n.urgency, owner: n.ownerAgencyCode, subject: n.subjectName, id: n.id }));
      ctx.out.result({ items: rows, nextCursor: page.nextCursor }, rows.length ? table(rows, ['reference', 'type', 'state', 'urgency', 'owner', 'subject', 'id']) : 'no notices');
      return 0;
    },
  },
  {
    name: 'notices show',
    summary: 'Show one notice with its timeline',
    usage: 'ribat notices show ID [--json]',
    options: {},
    positionals: 1,
    async run(ctx, _v, pos) {
      const [id] = pos;
      if (!id || !isUuid(id)) throw new UsageError('usage: ribat notices show ID (a notice id)');
      const s = await ctx.services();
      const actor = await s.seeder.consoleActor();
      const n = await s.notices.get(actor, id, 'console: notices show');
      const timeline = await s.notices.timeline(actor, id);
      const { restrictedToAgencies, ...rest } = n;
      const human = [
        `${n.reference}  ${n.type}  ${n.state}  ${n.urgency}  owner ${n.ownerAgencyCode}  ${n.tlp}`,
        `subject: ${n.subjectName || '—'}`,
        `review date: ${n.reviewDate ?? '—'}`,
        ...timeline.map((e) => `  ${new Date(e.at).toISOString()}  ${e.action}${e.toState ? ` → ${e.toState}` : ''}${e.reason ? `  (${e.reason})` : ''}`),
      ].join('\n');
      ctx.out.result({ ...rest, restrictedTo: restrictedToAgencies, timeline }, human);
      return 0;
    },
  },
  {
    name: 'notices import',
    summary: "Import INTERPOL's public notices (JSON from its API, or the pipe-separated export)",
    usage:
      'ribat notices import FILE [--type red|yellow] [--batch 500] [--json]\n  Idempotent on entity_id; notices arrive published with their subject in screening. Malformed rows are reported with their line and skipped.',
    options: { type: { type: 'string' }, batch: { type: 'string' } },
    positionals: 1,
    async run(ctx, v, pos) {
      const [file] = pos;
      if (!file) throw new UsageError('usage: ribat notices import FILE [--type red|yellow]');
      if (v.type && v.type !== 'red' && v.type !== 'yellow') throw new UsageError('--type is red or yellow');
      const batchSize = v.batch === undefined ? 500 : Number(v.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new UsageError('--batch is a whole number from 1 to 5000');
      const text = readFileSync(file, 'utf8');
      const s = await ctx.services();
      const problems: ParseProblem[] = [];
      const started = performance.now();
      const totals = await s.noticeImporter.run(await s.seeder.consoleActor(), parseInterpolPublic(text), {
        type: v.type,
        batchSize,
        onProblem: (p) => {
          problems.push(p);
          ctx.out.info(`${p.warning ? 'kept with a warning' : 'skipped'} at ${p.position}: ${p.message}`);
        },
        onProgress: (t) => ctx.out.info(`imported ${t.created + t.existing} of ${t.read} notices read`),
      });
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      ctx.out.result(
        { ...totals, problemList: problems, seconds },
        `done in ${seconds} s: ${totals.created} created, ${totals.existing} already here, ${totals.duplicates} duplicates in the file; ${totals.warnings} kept with a warning, ${totals.problems} skipped`,
      );
      return totals.problems && !totals.created && !totals.existing ? 1 : 0;
    },
  },
];

// `ribat import notices FILE`, the spelling of the issue, beside `ribat import un-sc FILE`
const importNotices = noticesCommands.find((c) => c.name === 'notices import')!;
noticesCommands.push({ ...importNotices, name: 'import notices', summary: 'Same as notices import' });
