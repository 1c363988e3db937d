import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CheckResult, CheckSeverity } from '../../api/types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatNumber, formatPercent, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ARTICLE3_KIND_KEYS, CATEGORY_KEYS, CHECK_KEYS, FIELD_KEYS, LANGUAGE_KEYS, SEVERITY_KEYS, SEVERITY_TONES } from './labels.ts';

const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info'];

export const errorsOf = (checks: CheckResult[]) => checks.filter((c) => c.severity === 'error');

function fieldLabel(t: TFunction, field: string | undefined): string {
  return field && FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : (field ?? '');
}

/** One check as a sentence in the user's language; its parameters come from the server. */
export function useCheckText(): (c: CheckResult) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (c) => {
    const p = c.params ?? {};
    const num = (v: unknown) => (typeof v === 'number' ? formatNumber(locale, v) : String(v ?? ''));
    switch (c.code) {
      case 'missing_mandatory':
      case 'missing_recommended':
        return t(CHECK_KEYS[c.code], { field: fieldLabel(t, c.field) });
      case 'red_penalty_below_threshold':
        return t('notices.checks.red_penalty_below_threshold', {
          max: num(p.maximumPenaltyMonths),
          minimum: num(p.minimum ?? 24),
          minimumRemaining: num(p.minimumRemaining ?? 6),
        });
      case 'article3_risk': {
        const kind = ARTICLE3_KIND_KEYS[String(p.kind)] ? t(ARTICLE3_KIND_KEYS[String(p.kind)]) : String(p.kind ?? '');
        if (p.category) {
          const cat = CATEGORY_KEYS[p.category as keyof typeof CATEGORY_KEYS];
          return t('notices.checks.article3_category', { kind, category: cat ? t(cat) : String(p.category) });
        }
        const lang = LANGUAGE_KEYS[String(p.lang)] ? t(LANGUAGE_KEYS[String(p.lang)]) : String(p.lang ?? '');
        return t('notices.checks.article3_risk', { kind, term: isolate(String(p.term ?? '')), lang, field: fieldLabel(t, c.field) });
      }
      case 'duplicate_notice':
        return t('notices.checks.duplicate_notice', {
          reference: isolate(String(p.reference ?? p.noticeId ?? '')),
          score: typeof p.score === 'number' ? formatPercent(locale, p.score) : '',
        });
      default:
        return CHECK_KEYS[c.code] ? t(CHECK_KEYS[c.code]) : t('notices.checks.unknown', { code: c.code });
    }
  };
}

function CheckLine({ check, onGoTo }: { check: CheckResult; onGoTo?: (field: string) => void }) {
  const { t } = useTranslation();
  const text = useCheckText();
  const noticeId = check.code === 'duplicate_notice' ? String(check.params?.noticeId ?? '') : '';
  return (
    <li className={`check-line check-${check.severity}`} data-testid="check" data-code={check.code} data-severity={check.severity}>
      <span className={`badge badge-${SEVERITY_TONES[check.severity] ?? 'neutral'}`}>{t(SEVERITY_KEYS[check.severity] ?? check.severity)}</span>{' '}
      <span>{text(check)}</span>
      {check.code === 'article3_risk' && <span className="check-explain muted small">{t('notices.checks.article3Explain')}</span>}
      {noticeId && (
        <>
          {' '}
          <Link to={pathFor(['notices', noticeId])} data-testid="duplicate-link">
            {t('notices.checks.openDuplicate')}
          </Link>
        </>
      )}
      {onGoTo && check.field && (
        <>
          {' '}
          <button type="button" className="button-small button-inline" onClick={() => onGoTo(check.field!)}>
            {t('notices.checks.goTo', { field: fieldLabel(t, check.field) })}
          </button>
        </>
      )}
    </li>
  );
}

/** The checks under one field of the form (errors first). */
export function FieldChecks({ checks, field, id }: { checks: CheckResult[]; field: string; id?: string }) {
  const mine = checks.filter((c) => c.field === field && c.severity !== 'info');
  if (mine.length === 0) return null;
  return (
    <ul className="field-checks" id={id} data-testid={`field-checks-${field}`}>
      {mine
        .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
        .map((c, i) => (
          <CheckLine key={`${c.code}-${i}`} check={c} />
        ))}
    </ul>
  );
}

/**
 * Every check, grouped by severity, with counts: errors block submission, warnings go to the
 * reviewer with the request, notes are advice. A live region, so the change is announced.
 */
export function ChecksSummary({
  checks,
  pending,
  onGoTo,
  title,
  toFill = 0,
}: {
  checks: CheckResult[];
  pending?: boolean;
  onGoTo?: (field: string) => void;
  title?: string;
  /** mandatory fields left empty whose error is not shown yet (the wizard shows it once the field is left or the step passed) */
  toFill?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (s: CheckSeverity) => checks.filter((c) => c.severity === s).length;
  const errors = count('error');
  const toFillText = t('notices.checks.toFill', { count: toFill, n: formatNumber(locale, toFill) });
  return (
    <section className={`panel checks-summary ${errors > 0 ? 'checks-blocking' : ''}`} aria-labelledby="checks-title" data-testid="checks-summary">
      <h2 id="checks-title">{title ?? t('notices.checks.title')}</h2>
      <p role="status" className="checks-counts" data-testid="checks-counts" aria-busy={pending || undefined}>
        {pending
          ? t('notices.checks.running')
          : checks.length === 0
            ? toFill > 0
              ? toFillText
              : t('notices.checks.allClear')
            : [
                t('notices.checks.errors', { count: errors, n: formatNumber(locale, errors) }),
                t('notices.checks.warnings', { count: count('warning'), n: formatNumber(locale, count('warning')) }),
                t('notices.checks.notes', { count: count('info'), n: formatNumber(locale, count('info')) }),
              ].join(' · ')}
      </p>
      {!pending && checks.length > 0 && toFill > 0 && (
        <p className="muted small" data-testid="checks-to-fill">
          {toFillText}
        </p>
      )}
      {SEVERITIES.map((s) => {
        const list = checks.filter((c) => c.severity === s);
        if (list.length === 0) return null;
        return (
          <ul key={s} className="check-list" data-testid={`checks-${s}`}>
            {list.map((c, i) => (
              <CheckLine key={`${c.code}-${c.field ?? ''}-${i}`} check={c} onGoTo={onGoTo} />
            ))}
          </ul>
        );
      })}
    </section>
  );
}
