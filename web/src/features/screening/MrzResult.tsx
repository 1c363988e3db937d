import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MrzScreeningResult } from '../../api/types.ts';
import { countryName, formatDate, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { DOCUMENT_TYPE_KEYS, GENDER_KEYS } from '../records/labels.ts';
import { MRZ_PROBLEM_KEYS, mrzDocumentTypeKey, mrzFieldKey } from './labels.ts';
import { DocumentCandidates, PersonCandidates, ResultHead } from './Results.tsx';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/**
 * What the machine-readable zone says (the holder and the document), what is wrong with it
 * (check digits that do not add up), then the persons and documents it matched.
 */
export function MrzResult({ result }: { result: MrzScreeningResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { parsed, persons, documents } = result;
  const none = <span className="muted">{t('ui.none')}</span>;
  const date = (d: string | null) => (d ? <time dateTime={d}>{formatDate(locale, d)}</time> : none);
  const country = (c: string | null) =>
    c ? (
      <span>
        {countryName(locale, c) !== c && <>{countryName(locale, c)} </>}
        <bdi dir="ltr" className="code">
          {countryName(locale, c) !== c ? `(${c})` : c}
        </bdi>
      </span>
    ) : (
      none
    );
  const docType = parsed.document.type;
  const alerts = persons.filter((c) => c.alert).length + documents.filter((c) => c.alert).length;

  return (
    <div className="mrz-result" data-testid="mrz-result">
      <section className="panel" aria-labelledby="mrz-parsed-title">
        <div className="page-header">
          <h3 id="mrz-parsed-title">{t('screening.mrz.parsed')}</h3>
          <p className="badges">
            <Badge>
              <bdi dir="ltr">{parsed.format}</bdi>
            </Badge>
            {parsed.valid ? (
              <Badge tone="ok" testId="mrz-valid">
                {t('screening.mrz.valid')}
              </Badge>
            ) : (
              <Badge tone="danger" testId="mrz-invalid">
                {t('screening.mrz.invalid')}
              </Badge>
            )}
            {parsed.specimen && (
              <Badge tone="warn" testId="mrz-specimen">
                {t('screening.mrz.specimen')}
              </Badge>
            )}
          </p>
        </div>
        <dl className="dl">
          <Row label={t('screening.mrz.field.name')} testId="mrz-name">
            <bdi dir="ltr">{parsed.holder.name || [parsed.holder.givenNames, parsed.holder.surname].filter(Boolean).join(' ')}</bdi>
          </Row>
          <Row label={t('screening.mrz.field.birthDate')}>{date(parsed.holder.birthDate)}</Row>
          <Row label={t('screening.mrz.field.nationality')}>{country(parsed.holder.nationality)}</Row>
          <Row label={t('screening.mrz.field.sex')}>{parsed.holder.sex ? t(GENDER_KEYS[parsed.holder.sex]) : none}</Row>
          <Row label={t('screening.mrz.field.documentNumber')} testId="mrz-number">
            {parsed.document.number ? (
              <Ident className="code">{parsed.document.number}</Ident>
            ) : (
              none
            )}
          </Row>
          <Row label={t('screening.mrz.field.documentCode')}>
            {docType ? (
              <>
                {DOCUMENT_TYPE_KEYS[docType] ? t(DOCUMENT_TYPE_KEYS[docType]) : mrzDocumentTypeKey(docType) ? t(mrzDocumentTypeKey(docType)!) : null}{' '}
                {!DOCUMENT_TYPE_KEYS[docType] && (
                  <span className="code">
                    (<bdi dir="ltr">{docType}</bdi>)
                  </span>
                )}
              </>
            ) : (
              none
            )}
          </Row>
          <Row label={t('screening.mrz.field.issuingCountry')}>{country(parsed.document.issuingCountry)}</Row>
          <Row label={t('screening.mrz.field.expiryDate')}>{date(parsed.document.expiryDate)}</Row>
        </dl>
        {parsed.problems.length > 0 && (
          <div className="mrz-problems" role="alert">
            <h4>{t('screening.mrz.problems')}</h4>
            <ul className="plain-list" data-testid="mrz-problems">
              {parsed.problems.map((p, i) => {
                const fieldKey = mrzFieldKey(p.field);
                const problemKey = MRZ_PROBLEM_KEYS[p.code];
                return (
                  <li key={`${p.field}-${p.code}-${i}`} data-code={p.code} data-field={p.field}>
                    {t('screening.mrz.problemLine', {
                      field: fieldKey ? t(fieldKey) : isolate(p.field),
                      problem: problemKey ? t(problemKey) : isolate(p.message),
                    })}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </section>

      <ResultHead count={persons.length + documents.length} alerts={alerts} tookMs={result.tookMs} threshold={result.threshold} />
      {persons.length > 0 && (
        <section aria-labelledby="mrz-persons-title">
          <h3 id="mrz-persons-title">{t('screening.mrz.persons')}</h3>
          <PersonCandidates candidates={persons} />
        </section>
      )}
      {documents.length > 0 && (
        <section aria-labelledby="mrz-documents-title">
          <h3 id="mrz-documents-title">{t('screening.mrz.documents')}</h3>
          <DocumentCandidates candidates={documents} />
        </section>
      )}
    </div>
  );
}
