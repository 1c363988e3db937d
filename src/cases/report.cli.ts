import { writeFileSync } from 'node:fs';
import type { Command } from '../cli/command.ts';
import { EXIT, UsageError } from '../cli/output.ts';
import { figureLabel, formatChange, formatFigure, textOf } from './report-labels.ts';
import { headlineFigures, MAX_YEAR, MIN_YEAR, REPORT_FORMATS, REPORT_LANGS, type ReportFormat, type ReportLang } from './report.ts';

export const reportCommands: Command[] = [
  {
    name: 'report',
    summary: 'The annual report computed from the raw facts (JSON, CSV or PDF)',
    usage: `ribat report [--year 2024] [--format ${REPORT_FORMATS.join('|')}] [--lang ${REPORT_LANGS.join('|')}] [--out FILE] [--json]\n  Without --year: the latest year that has data. Without --out: JSON and CSV go to standard output, a PDF needs --out.\n  A year without any fact is reported as such, not as zeros.`,
    options: { year: { type: 'string' }, format: { type: 'string', default: 'json' }, lang: { type: 'string', default: 'en' }, out: { type: 'string' } },
    async run(ctx, v) {
      const asked = Number(v.year);
      if (v.year !== undefined && (!/^\d{4}$/.test(v.year) || asked < MIN_YEAR || asked > MAX_YEAR)) throw new UsageError(`--year is a year from ${MIN_YEAR} to ${MAX_YEAR}`);
      if (!(REPORT_FORMATS as readonly string[]).includes(v.format)) throw new UsageError(`--format is one of ${REPORT_FORMATS.join(', ')}`);
      if (!(REPORT_LANGS as readonly string[]).includes(v.lang)) throw new UsageError(`--lang is one of ${REPORT_LANGS.join(', ')}`);
      if (v.format === 'pdf' && !v.out) throw new UsageError('a PDF needs --out FILE');
      const s = await ctx.services();
      const actor = await s.seeder.consoleActor();
      const lang = v.lang as ReportLang;
      const purpose = 'annual report (console)';
      // without --year: the latest year that has data (this year on a node without any fact)
      let known = v.year === undefined ? await s.reports.years(actor, purpose) : undefined;
      const year = v.year !== undefined ? asked : (known!.latest ?? new Date().getUTCFullYear());
      const r = await s.reports.render(actor, year, v.format as ReportFormat, lang, purpose);
      // a year without any fact says so, naming the years that have some (on stderr when stdout carries the data)
      if (!r.report.hasData) known ??= await s.reports.years(actor, purpose);
      const empty = r.report.hasData
        ? null
        : `${textOf('noData', lang, { year })} ${known!.years.length ? textOf('yearsWithData', lang, { years: known!.years.join(', ') }) : textOf('noYears', lang)}`;
      const body = r.body ?? `${JSON.stringify(r.report, null, 2)}\n`;
      if (v.out) {
        writeFileSync(v.out, body);
        if (empty) ctx.out.info(empty);
        ctx.out.result({ year, format: v.format, out: v.out, hasData: r.report.hasData }, `wrote the ${year} report to ${v.out}`);
      } else if (v.format === 'json') {
        if (empty) {
          ctx.out.result(r.report, empty);
          return EXIT.ok;
        }
        const table = headlineFigures(r.report).map((f) => `${figureLabel(f.key, lang).padEnd(44)} ${formatFigure(f, f.value, lang).padStart(16)} ${formatChange(f.change, lang).padStart(8)}`);
        ctx.out.result(r.report, table.join('\n'));
      } else {
        if (empty) ctx.out.info(empty);
        ctx.out.result({ format: v.format, body }, String(body).replace(/^\uFEFF/, '').trimEnd());
      }
      return EXIT.ok;
    },
  },
];
