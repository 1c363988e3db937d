import { BarElement, CategoryScale, Chart, type ChartOptions, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ReactNode } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { AnnualReport, CaseCategory, Substance } from '../../api/cases-types.ts';
import type { Locale } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { dirOf, useLocale } from '../../i18n/index.ts';
import { catalogueLabel } from '../cases/labels.ts';
import { regionLabel } from '../cases/RegionSelect.tsx';

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend);

const INK = '#13487f';

/**
 * Chart.js options for the locale: its digits on the axis and in tooltips, right-to-left legend
 * and axis in Arabic. `counts`: the value axis counts things (cases, arrests, items), so its
 * ticks are whole numbers — never 0.5 of a case.
 */
export function chartOptions(locale: Locale, { horizontal = false, counts = true }: { horizontal?: boolean; counts?: boolean } = {}): ChartOptions<'bar' | 'line'> {
  const rtl = dirOf(locale) === 'rtl';
  const font = { family: 'Noto Sans, Noto Sans Arabic, sans-serif' };
  const whole = counts ? { precision: 0 } : {};
  return {
    locale,
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: false, rtl },
      tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
    },
    scales: {
      x: { reverse: rtl, position: 'bottom', ...(horizontal ? { beginAtZero: true } : {}), ticks: { font, ...(horizontal ? whole : {}) } },
      y: { position: rtl ? 'right' : 'left', beginAtZero: true, ticks: { font, ...(horizontal ? {} : whole) } },
    },
  } as ChartOptions<'bar' | 'line'>;
}

/** A chart with its numbers also as a table, for screen readers and for reading exact values. */
function ChartFigure({ id, title, rows, children }: { id: string; title: string; rows: Array<[string, string]>; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="panel chart-figure" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      <div className="chart-box" aria-hidden="true">
        {children}
      </div>
      <details>
        <summary>{t('report.charts.table')}</summary>
        <table className="table compact">
          <caption className="visually-hidden">{title}</caption>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function ReportCharts({ report, substances, categories }: { report: AnnualReport; substances: Substance[]; categories: CaseCategory[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const num = (n: number) => formatNumber(locale, n);
  const label = (list: { code: string; labels?: Partial<Record<Locale, string>> }[], code: string) => catalogueLabel(locale, list.find((x) => x.code === code), code);

  // masses in tonnes on one axis; counts (pills, firearms …) would dwarf them, so they get their own
  const mass = report.seizures.filter((s) => s.measure === 'mass');
  const counts = report.seizures.filter((s) => s.measure === 'count');
  const tonnes = (g: number) => g / 1_000_000;
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const months = report.byMonth.map((m) => monthName.format(new Date(Date.UTC(report.year, m.month - 1, 1))));
  // regions by name in the locale, never by code; text that names no region as typed
  const regions = [...report.byRegion].sort((a, b) => b.cases - a.cases).map((r) => ({ ...r, name: regionLabel(r.region, locale) }));
  const bar = (labels: string[], data: number[], colour = INK) => ({ labels, datasets: [{ data, backgroundColor: colour, borderColor: colour }] });

  return (
    <div className="chart-grid">
      <ChartFigure
        id="seizures-mass"
        title={t('report.charts.seizuresMass')}
        rows={mass.map((s) => [label(substances, s.substance), t('cases.units.value.t', { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(tonnes(s.quantity)) })])}
      >
        <Bar data={bar(mass.map((s) => label(substances, s.substance)), mass.map((s) => tonnes(s.quantity)))} options={chartOptions(locale, { counts: false }) as ChartOptions<'bar'>} />
      </ChartFigure>
      <ChartFigure
        id="seizures-count"
        title={t('report.charts.seizuresCount')}
        rows={counts.map((s) => [label(substances, s.substance), num(s.quantity)])}
      >
        <Bar data={bar(counts.map((s) => label(substances, s.substance)), counts.map((s) => s.quantity), '#6b2fa3')} options={chartOptions(locale) as ChartOptions<'bar'>} />
      </ChartFigure>
      <ChartFigure
        id="arrests-category"
        title={t('report.charts.arrestsByCategory')}
        rows={report.arrests.byCategory.map((c) => [label(categories, c.category), num(c.count)])}
      >
        <Bar
          data={bar(report.arrests.byCategory.map((c) => label(categories, c.category)), report.arrests.byCategory.map((c) => c.count), '#a4161a')}
          options={chartOptions(locale, { horizontal: true }) as ChartOptions<'bar'>}
        />
      </ChartFigure>
      <ChartFigure id="cases-month" title={t('report.charts.casesByMonth')} rows={report.byMonth.map((m, i) => [months[i], num(m.cases)])}>
        <Line data={bar(months, report.byMonth.map((m) => m.cases))} options={chartOptions(locale) as ChartOptions<'line'>} />
      </ChartFigure>
      <ChartFigure id="cases-region" title={t('report.charts.casesByRegion')} rows={regions.map((r) => [r.name, num(r.cases)])}>
        <Bar data={bar(regions.map((r) => r.name), regions.map((r) => r.cases), '#0b6b2f')} options={chartOptions(locale, { horizontal: true }) as ChartOptions<'bar'>} />
      </ChartFigure>
    </div>
  );
}
