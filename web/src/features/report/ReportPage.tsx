import { useTranslation } from 'react-i18next';
import { annualReportUrl, casesApi } from '../../api/cases-client.ts';
import { useLoad } from '../../api/use-load.ts';
import { navigate, pathFor, type Route } from '../../app/router.tsx';
import { formatDateTime, formatYear } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCatalogue } from '../cases/catalogue.ts';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportFigures } from './ReportFigures.tsx';

const YEARS_BACK = 10;

/** The annual report, computed by the server from the raw facts, with its charts and downloads. */
export function ReportPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const thisYear = new Date().getFullYear();
  const asked = Number(route.query.get('year'));
  const year = Number.isInteger(asked) && asked >= 1990 && asked <= thisYear ? asked : thisYear;
  const report = useLoad(() => casesApi.annualReport(year), [year]);
  const catalogue = useCatalogue();
  const r = report.data?.year === year ? report.data : undefined;
  const years = Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i);

  return (
    <section className="report-page">
      <PageHeader title={t('report.title', { year: formatYear(locale, year) })}>
        <a className="button-link" href={annualReportUrl(year, 'pdf', locale)} download data-testid="report-pdf">
          {t('report.downloadPdf')}
        </a>
        <a className="button-link" href={annualReportUrl(year, 'csv', locale)} download data-testid="report-csv">
          {t('report.downloadCsv')}
        </a>
      </PageHeader>
      <div className="toolbar">
        <Field label={t('report.year')}>
          <select name="year" value={year} onChange={(e) => navigate(pathFor(['report'], { year: e.target.value }))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatYear(locale, y)}
              </option>
            ))}
          </select>
        </Field>
        {r && (
          <p className="muted small" role="status">
            {t('report.compared', { year: formatYear(locale, r.previousYear) })}
            {' · '}
            {t('report.generatedAt', { at: formatDateTime(locale, r.generatedAt) })}
          </p>
        )}
      </div>
      {report.error != null && <ErrorBox error={report.error} />}
      {report.loading && !r && <Loading />}
      {r && (
        <>
          <ReportFigures report={r} substances={catalogue.data?.substances ?? []} />
          <h2>{t('report.charts.title')}</h2>
          <ReportCharts report={r} substances={catalogue.data?.substances ?? []} categories={catalogue.data?.categories ?? []} />
        </>
      )}
    </section>
  );
}
