import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeContent } from '../../api/types.ts';
import { countryName, formatDate, formatNumber, formatPartialDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Ident } from '../../ui/Ident.tsx';
import { NAME_TYPE_KEYS } from '../records/labels.ts';
import { CATEGORY_KEYS, GENDER_KEYS } from './labels.ts';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="dl-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const Text = ({ value }: { value: string }) => (
  <bdi dir="auto" className="prewrap">
    {value}
  </bdi>
);

/** The content of a notice, field by field, leaving out what is empty. */
export function NoticeContentView({ content }: { content: NoticeContent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = content.subject;
  const o = content.offence;
  const w = content.warrant;
  const months = (n: number) => t('notices.view.months', { count: n, n: formatNumber(locale, n) });
  return (
    <div className="notice-content" data-testid="notice-content">
      <h3>{t('notices.wizard.steps.subject')}</h3>
      <dl className="dl">
        {s.names.length > 0 && (
          <Row label={t('notices.field.names')} testId="subject-names">
            <ul className="value-stack">
              {s.names.map((n, i) => (
                <li key={i}>
                  <bdi dir="auto">{n.value}</bdi> <span className="muted small">{NAME_TYPE_KEYS[n.type] ? t(NAME_TYPE_KEYS[n.type]) : n.type}</span>
                </li>
              ))}
            </ul>
          </Row>
        )}
        {s.birthDate && <Row label={t('notices.field.birthDate')}>{formatPartialDate(locale, s.birthDate)}</Row>}
        {s.gender && <Row label={t('notices.field.gender')}>{t(GENDER_KEYS[s.gender] ?? s.gender)}</Row>}
        {s.nationalities?.length ? (
          <Row label={t('notices.field.nationalities')}>{s.nationalities.map((c) => countryName(locale, c)).join(t('notices.wizard.listSeparator'))}</Row>
        ) : null}
        {s.placeOfBirth && (
          <Row label={t('notices.field.placeOfBirth')}>
            <Text value={s.placeOfBirth} />
          </Row>
        )}
        {s.identifiers?.length ? (
          <Row label={t('notices.field.identifiers')}>
            <ul className="value-stack">
              {s.identifiers.map((x, i) => (
                <li key={i}>
                  <span className="muted">{x.type}</span> <Ident className="code">{x.value}</Ident>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        {s.description && (
          <Row label={t('notices.field.description')}>
            <Text value={s.description} />
          </Row>
        )}
        {s.photoRef && (
          <Row label={t('notices.field.photoRef')}>
            <bdi dir="ltr" className="code">{s.photoRef}</bdi>
          </Row>
        )}
      </dl>
      {(o.category || o.description || o.lawArticle || o.maximumPenaltyMonths !== undefined || w.reference || w.date || w.authority) && (
        <>
          <h3>{t('notices.wizard.steps.offence')}</h3>
          <dl className="dl">
            {o.category && <Row label={t('notices.field.category')}>{t(CATEGORY_KEYS[o.category] ?? o.category)}</Row>}
            {o.description && (
              <Row label={t('notices.field.offenceDescription')}>
                <Text value={o.description} />
              </Row>
            )}
            {o.lawArticle && (
              <Row label={t('notices.field.lawArticle')}>
                <Text value={o.lawArticle} />
              </Row>
            )}
            {o.maximumPenaltyMonths !== undefined && <Row label={t('notices.field.maximumPenaltyMonths')}>{months(o.maximumPenaltyMonths)}</Row>}
            {o.sentenceRemainingMonths !== undefined && (
              <Row label={t('notices.field.sentenceRemainingMonths')}>{months(o.sentenceRemainingMonths)}</Row>
            )}
            {w.reference && (
              <Row label={t('notices.field.warrantReference')}>
                <Text value={w.reference} />
              </Row>
            )}
            {w.date && <Row label={t('notices.field.warrantDate')}>{formatDate(locale, w.date)}</Row>}
            {w.authority && (
              <Row label={t('notices.field.warrantAuthority')}>
                <Text value={w.authority} />
              </Row>
            )}
          </dl>
        </>
      )}
      {(content.circumstances || content.requestedAction) && (
        <>
          <h3>{t('notices.wizard.steps.circumstances')}</h3>
          <dl className="dl">
            {content.circumstances && (
              <Row label={t('notices.field.circumstances')}>
                <Text value={content.circumstances} />
              </Row>
            )}
            {content.requestedAction && (
              <Row label={t('notices.field.requestedAction')}>
                <Text value={content.requestedAction} />
              </Row>
            )}
          </dl>
        </>
      )}
    </div>
  );
}
