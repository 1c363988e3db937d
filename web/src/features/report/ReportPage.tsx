import { useTranslation } from 'react-i18next';
import { annualReportUrl, casesApi } from '../../api/cases-client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { formatDateTime, formatYear } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCatalogue } from '../cases/catalogue.ts';
import { reportApi } from './report-api.ts';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import './report.css';

const YEARS_BACK = 10;

/**
 * The annual report, computed by the server from the raw facts, with its charts and downloads.
 * Without a year in the address it opens on the latest year that has data (the server says
 * which years have some); a year without any fact says so instead of showing zeros.
 */
export function ReportPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const thisYear = new Date().getFullYear();
  const asked = Number(route.query.get('year'));
  const askedYear = route.query.has('year') && Number.isInteger(asked) && asked >= 1990 && asked <= thisYear ? asked : undefined;
  const known = useLoad(() => reportApi.years(), []);
  // the latest year with data once known; this year when there is none or the question failed
  const year = askedYear ?? (known.data ? (known.data.latest ?? thisYear) : known.error != null ? thisYear : undefined);
  const report = useLoad(() => (year === undefined ? Promise.resolve(undefined) : casesApi.annualReport(year)), [year]);
  const catalogue = useCatalogue();
  const r = year !== undefined && report.data?.year === year ? report.data : undefined;
  const withData = known.data?.years ?? [];
  const years = [...new Set([...Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i), ...withData])].sort((a, b) => b - a);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const latest = known.data?.latest ?? null;

  return (
    <section className="report-page">
      <PageHeader title={year === undefined ? t('report.heading') : t('report.title', { year: formatYear(locale, year) })}>
        {year !== undefined && (
          <>
            <a className="button-link" href={annualReportUrl(year, 'pdf', locale)} download data-testid="report-pdf">
              {t('report.downloadPdf')}
            </a>
            <a className="button-link" href={annualReportUrl(year, 'csv', locale)} download data-testid="report-csv">
              {t('report.downloadCsv')}
            </a>
          </>
        )}
      </PageHeader>
      <div className="toolbar">
        <Field label={t('report.year')}>
          <select name="year" value={year ?? ''} disabled={year === undefined} onChange={(e) => navigate(pathFor(['report'], { year: e.target.value }))}>
            {years.map((y) => (
              <option key={y} value={y} data-has-data={known.data ? String(withData.includes(y)) : undefined}>
                {known.data && !withData.includes(y) ? t('report.yearNoData', { year: formatYear(locale, y) }) : formatYear(locale, y)}
              </option>
            ))}
          </select>
        </Field>
        {r?.hasData && (
          <p className="muted small" role="status">
            {t('report.compared', { year: formatYear(locale, r.previousYear) })}
            {' · '}
            {t('report.generatedAt', { at: formatDateTime(locale, r.generatedAt) })}
          </p>
        )}
      </div>
      {report.error != null && <ErrorBox error={report.error} />}
      {(year === undefined || (report.loading && !r)) && known.error == null && <Loading />}
      {r && !r.hasData && (
        <div className="panel report-empty" role="status" data-testid="report-no-data">
          <p>{t('report.noData', { year: formatYear(locale, r.year) })}</p>
          <p className="muted">
            {withData.length ? t('report.yearsWithData', { years: list.format(withData.map((y) => formatYear(locale, y))) }) : t('report.noYears')}
          </p>
          {latest !== null && latest !== r.year && (
            <Link to={pathFor(['report'], { year: String(latest) })} className="button-link" data-testid="report-open-latest">
              {t('report.openLatest', { year: formatYear(locale, latest) })}
            </Link>
          )}
        </div>
      )}
      {r?.hasData && (
        <>
          <ReportFigures report={r} substances={catalogue.data?.substances ?? []} />
          <h2>{t('report.charts.title')}</h2>
          <ReportCharts report={r} substances={catalogue.data?.substances ?? []} categories={catalogue.data?.categories ?? []} />
        </>
      )}
    </section>
  );
}
