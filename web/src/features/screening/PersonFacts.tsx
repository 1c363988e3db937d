import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types.ts';
import { countryName, formatPartialDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import './person-facts.css';

/** A recorded date of birth as written: `1970`, `1970-05`, `1970-05-12` or a range `1968/1972`. */
export function formatBirthDate(locale: Locale, t: TFunction, s: string): string {
  const [from, to] = s.split('/');
  return to ? t('records.person.dateRange', { from: formatPartialDate(locale, from), to: formatPartialDate(locale, to) }) : formatPartialDate(locale, from);
}

/**
 * What tells namesakes apart without opening them: the record's dates of birth (a partial
 * date stays partial), its nationalities named in the desk's language, and the agency that
 * owns it. A fact the record does not hold says so, so that every row has the same shape.
 * `birthDates` or `nationalities` left undefined (not sent) leave their line out.
 */
export function PersonFacts({ birthDates, nationalities, owner }: { birthDates?: readonly string[]; nationalities?: readonly string[]; owner?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sep = t('screening.facts.separator');
  const none = <span className="muted">{t('screening.facts.notRecorded')}</span>;
  return (
    <dl className="person-facts" aria-label={t('screening.facts.label')} data-testid="person-facts">
      {birthDates && (
        <div data-testid="fact-birthDate">
          <dt>{t('screening.facts.birthDate')}</dt>
          <dd>{birthDates.length ? birthDates.map((d) => formatBirthDate(locale, t, d)).join(sep) : none}</dd>
        </div>
      )}
      {nationalities && (
        <div data-testid="fact-nationality">
          <dt>{t('screening.facts.nationality')}</dt>
          <dd>{nationalities.length ? nationalities.map((c) => countryName(locale, c)).join(sep) : none}</dd>
        </div>
      )}
      {owner !== undefined && (
        <div data-testid="fact-owner">
          <dt>{t('screening.facts.owner')}</dt>
          <dd>
            <bdi dir="ltr" className="code">
              {owner}
            </bdi>
          </dd>
        </div>
      )}
    </dl>
  );
}
