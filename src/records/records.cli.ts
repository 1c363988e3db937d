import { statSync } from 'node:fs';
import type { Command } from '../cli/command.ts';
import { UsageError } from '../cli/output.ts';
import type { ImportProblem } from './import/import-item.ts';
import { parseUnSc } from './import/un-sc.ts';

export const recordsCommands: Command[] = [
  {
    name: 'import',
    summary: 'Import records from a file (un-sc: the UN Security Council consolidated list XML)',
    usage: 'ribat import un-sc FILE [--batch 500] [--json]\n  Streams the XML; re-importing updates records instead of duplicating them. Each problem is reported with its position: kept with a warning (the value kept as written) or skipped.',
    options: { batch: { type: 'string' } },
    positionals: 2,
    async run(ctx, v, pos) {
      const [format, file] = pos;
      if (format !== 'un-sc' || !file) throw new UsageError('usage: ribat import un-sc FILE');
      const size = statSync(file).size;
      const s = await ctx.services();
      const problems: ImportProblem[] = [];
      const onProblem = (p: ImportProblem) => {
        problems.push(p);
        ctx.out.info(`${p.warning ? 'kept with a warning' : 'skipped'} at ${p.position}: ${p.message}`);
      };
      let lastPct = -1;
      const started = performance.now();
      const totals = await s.importer.run(await s.seeder.consoleActor(), 'un-sc', parseUnSc(file, {
        onProblem,
        onProgress: (read) => {
          const pct = Math.floor((read / size) * 100);
          if (pct >= lastPct + 10) {
            lastPct = pct;
            ctx.out.info(`reading ${pct}%`);
          }
        },
      }), {
        batchSize: v.batch ? Number(v.batch) : 500,
        onProblem,
        onProgress: (t) => ctx.out.info(`imported ${t.items} items (created ${t.created}, updated ${t.updated}, unchanged ${t.unchanged})`),
      });
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const warnings = problems.filter((p) => p.warning).length;
      const skipped = problems.length - warnings;
      ctx.out.result(
        { ...totals, problems: problems.length, skipped, warnings, seconds },
        `done in ${seconds} s: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.links} links; ${warnings} kept with a warning, ${skipped} skipped`,
      );
      return 0;
    },
  },
  {
    name: 'records purge-expired',
    summary: 'Delete every record past its review date (audited)',
    usage: 'ribat records purge-expired --purpose "why" [--json]',
    options: { purpose: { type: 'string' } },
    async run(ctx, v) {
      if (!v.purpose) throw new UsageError('--purpose is required: the purge is audited with it');
      const s = await ctx.services();
      const r = await s.records.purgeExpired(await s.seeder.consoleActor(), v.purpose);
      ctx.out.result(r, `purged ${r.purged} records`);
      return 0;
    },
  },
];
