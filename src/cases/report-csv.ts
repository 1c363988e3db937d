import { figureLabel, monthLabel, regionLabel } from './report-labels.ts';
import { type AnnualReport, headlineFigures, type ReportLang } from './report.ts';

type Labels = { categories: Record<string, Record<string, string>>; substances: Record<string, Record<string, string>> };

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Arabic):
 * one row per figure with its value and the previous year's in base units (grams, items,
 * centimes; a ratio in [0, 1]), then the cases per month and per region, and per category.
 * Numbers stay machine-readable; only labels follow the language.
 */
export function reportCsv(r: AnnualReport, lang: ReportLang, labels: Labels): string {
  const lines: Array<Array<string | number | null>> = [['section', 'key', 'label', 'unit', 'value', 'previous', 'change']];
  for (const f of headlineFigures(r)) lines.push(['figure', f.key, figureLabel(f.key, lang, labels.substances), f.unit, f.value, f.previous, f.change === null ? null : Number(f.change.toFixed(6))]);
  for (const c of r.cases.byCategory) lines.push(['cases_by_category', c.category, labels.categories[c.category]?.[lang] ?? c.category, 'count', c.total, c.previous, null]);
  for (const c of r.arrests.byCategory) lines.push(['arrests_by_category', c.category, labels.categories[c.category]?.[lang] ?? c.category, 'count', c.count, c.previous, null]);
  for (const m of r.byMonth) lines.push(['cases_by_month', String(m.month), monthLabel(m.month, lang), 'count', m.cases, null, null]);
  for (const m of r.byMonth) lines.push(['arrests_by_month', String(m.month), monthLabel(m.month, lang), 'count', m.arrests, null, null]);
  for (const g of r.byRegion) lines.push(['cases_by_region', g.region, regionLabel(g.region, lang), 'count', g.cases, null, null]);
  for (const g of r.byRegion) lines.push(['arrests_by_region', g.region, regionLabel(g.region, lang), 'count', g.arrests, null, null]);
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
