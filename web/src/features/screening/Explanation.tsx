import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Factor, Locale, PersonExplanation } from '../../api/types.ts';
import { countryName, formatDelta, formatPercent, scriptName } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { GENDER_KEYS, NAME_TYPE_KEYS } from '../records/labels.ts';
import { EFFECT_KEYS, EFFECT_TONES, FACTOR_KEYS, FACTORS, type FactorName, HOW_KEYS, HOW_TONES } from './labels.ts';
import { formatBirthDate } from './PersonFacts.tsx';

/** A name part as typed or as recorded: in its own direction, whatever the page's. */
const Part = ({ value }: { value: string }) => (
  <bdi dir="auto" className="name-part">
    {value}
  </bdi>
);

function Country({ code, locale }: { code: string; locale: Locale }) {
  const name = countryName(locale, code);
  return name === code ? (
    <bdi dir="ltr" className="code">
      {code}
    </bdi>
  ) : (
    <span>
      {name} <span className="code">(<bdi dir="ltr">{code}</bdi>)</span>
    </span>
  );
}

/**
 * Why a person record came up: which of its names matched, how each part of the query lined
 * up with a part of that name, and what the date of birth, nationality and gender added or
 * took away. Everything is in the user's language; the names stay as written.
 */
export function Explanation({ explanation, id }: { explanation: PersonExplanation; id?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const e = explanation;

  const factorValue = (name: FactorName, v: string): ReactNode => {
    if (name === 'birthDate') return formatBirthDate(locale, t, v);
    if (name === 'nationality') return <Country code={v} locale={locale} />;
    return GENDER_KEYS[v] ? t(GENDER_KEYS[v]) : v;
  };
  const factorValues = (name: FactorName, values: string[], empty: string): ReactNode =>
    values.length === 0 ? (
      <span className="muted">{empty}</span>
    ) : (
      <ul className="inline-list">
        {values.map((v, i) => (
          <li key={`${v}-${i}`}>{factorValue(name, v)}</li>
        ))}
      </ul>
    );

  const factorRow = (name: FactorName, f: Factor) => (
    <tr key={name} data-testid={`factor-${name}`} data-effect={f.effect}>
      <th scope="row">{t(FACTOR_KEYS[name])}</th>
      <td>{f.query ? factorValue(name, f.query) : <span className="muted">{t('screening.explanation.notGiven')}</span>}</td>
      <td>{factorValues(name, f.record, t('screening.explanation.notRecorded'))}</td>
      <td>
        <Badge tone={EFFECT_TONES[f.effect] ?? 'neutral'}>{EFFECT_KEYS[f.effect] ? t(EFFECT_KEYS[f.effect]) : f.effect}</Badge>
      </td>
      <td className={`narrow delta ${f.delta > 0 ? 'delta-up' : f.delta < 0 ? 'delta-down' : ''}`}>
        <bdi dir="ltr">{formatDelta(locale, f.delta)}</bdi>
      </td>
    </tr>
  );

  return (
    <div className="explanation" id={id} data-testid="explanation">
      <dl className="dl explanation-name">
        <div className="dl-row">
          <dt>{t('screening.explanation.matchedName')}</dt>
          <dd>
            <bdi dir="auto" className={e.matchedName.script === 'Arab' ? 'arabic-name' : undefined}>
              {e.matchedName.value}
            </bdi>{' '}
            <span className="muted small">
              {NAME_TYPE_KEYS[e.matchedName.type] ? t(NAME_TYPE_KEYS[e.matchedName.type]) : e.matchedName.type}
              {e.matchedName.script && <> · {scriptName(locale, e.matchedName.script)}</>}
            </span>
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('screening.explanation.nameScore')}</dt>
          <dd>{formatPercent(locale, e.nameScore)}</dd>
        </div>
        {(e.commonNamePenalty ?? 0) > 0 && (
          <div className="dl-row" data-testid="common-name">
            <dt>{t('screening.explanation.commonName')}</dt>
            <dd>
              <span className="delta delta-down">
                <bdi dir="ltr">{formatDelta(locale, -(e.commonNamePenalty ?? 0))}</bdi>
              </span>{' '}
              <span className="muted small">{t('screening.explanation.commonNameHint')}</span>
            </dd>
          </div>
        )}
      </dl>

      <table className="table compact explanation-tokens">
        <caption>{t('screening.explanation.tokens.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screening.explanation.tokens.query')}</th>
            <th scope="col">{t('screening.explanation.tokens.record')}</th>
            <th scope="col">{t('screening.explanation.tokens.how')}</th>
            <th scope="col" className="narrow">
              {t('screening.explanation.tokens.score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {e.tokens.map((tok, i) => (
            <tr key={`${tok.query}-${i}`} data-testid="token" data-how={tok.how}>
              <td>
                <Part value={tok.query} />
              </td>
              <td>{tok.matched ? <Part value={tok.matched} /> : <span className="muted">{t('ui.none')}</span>}</td>
              <td>
                <Badge tone={HOW_TONES[tok.how] ?? 'neutral'}>{HOW_KEYS[tok.how] ? t(HOW_KEYS[tok.how]) : tok.how}</Badge>
              </td>
              <td className="narrow">{formatPercent(locale, tok.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="explanation-unmatched">
        <h4>{t('screening.explanation.unmatched')}</h4>
        {e.unmatchedRecordTokens.length === 0 ? (
          <p className="muted">{t('screening.explanation.unmatchedNone')}</p>
        ) : (
          <ul className="inline-list" data-testid="unmatched">
            {e.unmatchedRecordTokens.map((p, i) => (
              <li key={`${p}-${i}`}>
                <Part value={p} />
              </li>
            ))}
          </ul>
        )}
      </div>

      <table className="table compact explanation-factors">
        <caption>{t('screening.explanation.factors.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screening.explanation.factors.factor')}</th>
            <th scope="col">{t('screening.explanation.factors.query')}</th>
            <th scope="col">{t('screening.explanation.factors.record')}</th>
            <th scope="col">{t('screening.explanation.factors.effect')}</th>
            <th scope="col" className="narrow">
              {t('screening.explanation.factors.delta')}
            </th>
          </tr>
        </thead>
        <tbody>{FACTORS.map((name) => factorRow(name, e[name]))}</tbody>
      </table>
    </div>
  );
}
