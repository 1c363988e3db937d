import type { AuditService } from '../audit/audit.service.ts';
import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { forbidden, invalid } from '../core/errors.ts';
import type { Db } from '../db/connect.ts';
import { reportCsv } from './report-csv.ts';
import { reportPdf } from './report-pdf.ts';
import type { ReportRepo } from './report.repo.ts';
import { type AnnualReport, buildReport, MAX_YEAR, MIN_YEAR, type ReportFormat, type ReportLang, type ReportYears } from './report.ts';

export interface RenderedReport {
  report: AnnualReport;
  /** csv: text; pdf: bytes; json: undefined (the report itself is the answer) */
  body?: string | Buffer;
  contentType: string;
  filename: string;
}

/**
 * The annual report, computed on each request from the raw facts. It aggregates every case of
 * the node whatever its handling code or owner: it publishes counts, never a record, so the
 * commander, analyst and data-protection officer who may read it see the same figures.
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly repo: ReportRepo,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async annual(actor: Actor, year: number, purpose = ''): Promise<AnnualReport> {
    return (await this.render(actor, year, 'json', 'en', purpose)).report;
  }

  /** The years that have at least one fact, newest first: the desk opens on the latest. */
  async years(actor: Actor, purpose = ''): Promise<ReportYears> {
    this.authorize(actor);
    const years = await this.repo.years(this.db);
    await this.audit.record(actor, { action: 'report.years', targetType: 'report', targetId: 'annual', purpose, details: { years: years.length } });
    return { years, latest: years[0] ?? null };
  }

  async render(actor: Actor, year: number, format: ReportFormat, lang: ReportLang, purpose = ''): Promise<RenderedReport> {
    this.authorize(actor);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw invalid('invalid_year', `The year is a whole number from ${MIN_YEAR} to ${MAX_YEAR}`);
    const report = buildReport(year, await this.repo.rows(this.db, year), this.clock.now());
    await this.audit.record(actor, { action: 'report.read', targetType: 'report', targetId: `annual/${year}`, purpose, details: { year, format } });
    const filename = `ribat-annual-report-${year}`;
    if (format === 'csv') return { report, body: reportCsv(report, lang, await this.repo.labels(this.db)), contentType: 'text/csv; charset=utf-8', filename: `${filename}.csv` };
    if (format === 'pdf') {
      const yearsWithData = report.hasData ? undefined : await this.repo.years(this.db);
      return { report, body: await reportPdf(report, lang, await this.repo.labels(this.db), { yearsWithData }), contentType: 'application/pdf', filename: `${filename}.pdf` };
    }
    return { report, contentType: 'application/json', filename: `${filename}.json` };
  }

  private authorize(actor: Actor) {
    const d = can(actor, 'report.read');
    if (!d.allowed) throw forbidden(d.code, 'Your roles do not allow reading reports');
  }
}
