import { useTranslation } from 'react-i18next';
import { changeText } from '../../../../src/cases/report-labels.ts';
import { roundChange } from '../../../../src/cases/report.ts';
import type { AnnualReport, Substance, YearOnYear } from '../../api/cases-types.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { catalogueLabel } from '../cases/labels.ts';
import { Quantity } from '../cases/Quantity.tsx';
import { formatHeadline } from '../cases/units.ts';
import './report.css';

type Kind = 'count' | 'rate';

/** The headline figures of the report, in the order the published annual results use. */
const HEADLINES: ReadonlyArray<{ key: string; label: string; pick: (r: AnnualReport) => YearOnYear; kind?: Kind }> = [
  { key: 'cases', label: 'report.figures.cases', pick: (r) => r.cases.total },
  { key: 'clearanceRate', label: 'report.figures.clearanceRate', pick: (r) => r.cases.clearanceRate, kind: 'rate' },
  { key: 'arrests', label: 'report.figures.arrests', pick: (r) => r.arrests.total },
  { key: 'violentArrests', label: 'report.figures.violentArrests', pick: (r) => r.arrests.violentCrime },
  { key: 'gangsDismantled', label: 'report.figures.gangsDismantled', pick: (r) => r.gangs.dismantled },
  { key: 'membersArrested', label: 'report.figures.membersArrested', pick: (r) => r.gangs.membersArrested },
  { key: 'cybercrime', label: 'report.figures.cybercrime', pick: (r) => r.cybercrime.cases },
  { key: 'warrants', label: 'report.figures.warrants', pick: (r) => r.warrants.international },
  { key: 'complaints', label: 'report.figures.complaints', pick: (r) => r.complaints.online },
  { key: 'smugglingNetworks', label: 'report.figures.networksDismantled', pick: (r) => r.migration.networksDismantled },
  { key: 'departuresPrevented', label: 'report.figures.departuresPrevented', pick: (r) => r.migration.departuresPrevented },
];

/**
 * The change the server computed (a rate's in percentage points), printed by the same function
 * and rounding rule as the PDF and the CLI (src/cases/report-labels.ts), with its direction.
 */
function Change({ change }: { change: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = changeText(change, locale);
  if (text === null) return <span className="delta muted">{t('report.noPrevious')}</span>;
  const r = roundChange(change) ?? 0;
  const dir = r > 0 ? 'up' : r < 0 ? 'down' : 'same';
  return (
    <span className={`delta delta-${dir}`} data-testid="change" data-direction={dir}>
      <span aria-hidden="true">{dir === 'up' ? '▲' : dir === 'down' ? '▼' : '='}</span> {text}
    </span>
  );
}

export function ReportFigures({ report, substances }: { report: AnnualReport; substances: Substance[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // long figures are written compact so they fit their card; the exact value is the title
  const show = (v: number, kind: Kind) => (kind === 'rate' ? formatPercent(locale, v) : formatHeadline(locale, v));
  const exact = (v: number, kind: Kind) => (kind === 'rate' ? formatPercent(locale, v) : formatNumber(locale, v));
  return (
    <>
      <ul className="tiles report-tiles" data-testid="report-figures">
        {HEADLINES.map((h) => {
          const y = h.pick(report);
          const kind = h.kind ?? 'count';
          const shown = show(y.value, kind);
          const full = exact(y.value, kind);
          return (
            <li key={h.key} className="tile-link report-tile" data-figure={h.key} data-value={y.value}>
              <span className="tile-value" title={shown !== full ? full : undefined}>
                {shown}
              </span>
              <span className="tile-label">{t(h.label)}</span>
              <span className="small">
                <Change change={y.change} />
                {y.previous !== 0 && <span className="muted"> {t('report.previousValue', { value: show(y.previous, kind) })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <h2>{t('report.seizures.title')}</h2>
      <ul className="tiles report-tiles" data-testid="report-seizures">
        {report.seizures.map((s) => (
          <li key={s.substance} className="tile-link report-tile" data-substance={s.substance} data-quantity={s.quantity}>
            <span className="tile-value">
              <Quantity measure={s.measure} base={s.quantity} currency={s.measure === 'money' ? 'MAD' : null} compact />
            </span>
            <span className="tile-label">{catalogueLabel(locale, substances.find((x) => x.code === s.substance), s.substance)}</span>
            <span className="small">
              <Change change={s.change} />{' '}
              <span className="muted">{t('report.seizures.count', { count: s.seizures, n: formatNumber(locale, s.seizures) })}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
