import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentData, GroupData, Locale, Name, PersonData, RecordView, VehicleData } from '../../api/types.ts';
import { countryName, formatDate, formatPartialDate, scriptName } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import {
  ALERT_STATUSES,
  DOCUMENT_STATUS_KEYS,
  DOCUMENT_TYPE_KEYS,
  GENDER_KEYS,
  GROUP_TYPE_KEYS,
  NAME_QUALITY_KEYS,
  NAME_TYPE_KEYS,
  VEHICLE_STATUS_KEYS,
} from './labels.ts';

/** One `<dt>/<dd>` pair; nothing when the value is absent. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '' || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Country({ code }: { code: string }) {
  const locale = useLocale();
  return (
    <span className="country">
      {countryName(locale, code)} <span className="code">(<bdi dir="ltr">{code}</bdi>)</span>
    </span>
  );
}

function countries(codes: string[] | undefined) {
  if (!codes?.length) return undefined;
  return (
    <ul className="inline-list">
      {codes.map((c) => (
        <li key={c}>
          <Country code={c} />
        </li>
      ))}
    </ul>
  );
}

function birthDate(locale: Locale, s: string, rangeLabel: (from: string, to: string) => string): string {
  const [from, to] = s.split('/');
  return to ? rangeLabel(formatPartialDate(locale, from), formatPartialDate(locale, to)) : formatPartialDate(locale, from);
}

function Names({ names }: { names: Name[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">{t('records.name.value')}</th>
          <th scope="col">{t('records.name.typeLabel')}</th>
          <th scope="col">{t('records.name.script')}</th>
          <th scope="col">{t('records.name.qualityLabel')}</th>
        </tr>
      </thead>
      <tbody>
        {names.map((n, i) => (
          <tr key={`${n.value}-${i}`}>
            <td>
              <bdi dir="auto" lang={n.lang} className={n.script === 'Arab' ? 'arabic-name' : undefined}>
                {n.value}
              </bdi>
            </td>
            <td>{NAME_TYPE_KEYS[n.type] ? t(NAME_TYPE_KEYS[n.type]) : n.type}</td>
            <td>{n.script ? scriptName(locale, n.script) : t('ui.none')}</td>
            <td>{n.quality ? t(NAME_QUALITY_KEYS[n.quality] ?? n.quality) : t('ui.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function label(t: (k: string) => string, keys: Record<string, string>, value: string): string {
  return keys[value] ? t(keys[value]) : value;
}

function StatusBadge({ keys, value }: { keys: Record<string, string>; value: string }) {
  const { t } = useTranslation();
  return <Badge tone={ALERT_STATUSES.has(value) ? 'danger' : 'neutral'}>{label(t, keys, value)}</Badge>;
}

const remarks = (text?: string) =>
  text ? (
    <p dir="auto" className="remarks">
      {text}
    </p>
  ) : undefined;

function PersonFields({ data }: { data: PersonData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const range = (from: string, to: string) => t('records.person.dateRange', { from, to });
  return (
    <>
      <h3>{t('records.person.names')}</h3>
      <Names names={data.names} />
      <dl className="dl">
        <Row label={t('records.person.birthDates')}>
          {data.birthDates?.length ? (
            <ul className="inline-list">
              {data.birthDates.map((d) => (
                <li key={d}>{birthDate(locale, d, range)}</li>
              ))}
            </ul>
          ) : undefined}
        </Row>
        <Row label={t('records.person.placesOfBirth')}>
          {data.placesOfBirth?.length ? (
            <ul className="inline-list">
              {data.placesOfBirth.map((p) => (
                <li key={p}>
                  <bdi dir="auto">{p}</bdi>
                </li>
              ))}
            </ul>
          ) : undefined}
        </Row>
        <Row label={t('records.person.nationalities')}>{countries(data.nationalities)}</Row>
        <Row label={t('records.person.gender')}>{data.gender ? label(t, GENDER_KEYS, data.gender) : undefined}</Row>
        <Row label={t('records.person.identifiers')}>
          {data.identifiers?.length ? (
            <ul className="plain-list">
              {data.identifiers.map((i) => (
                <li key={`${i.type}-${i.value}`}>
                  <bdi dir="auto">{i.type}</bdi>: <Ident className="code">{i.value}</Ident>
                  {i.country && (
                    <>
                      {' '}
                      · <Country code={i.country} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : undefined}
        </Row>
        <Row label={t('records.remarks')}>{remarks(data.remarks)}</Row>
      </dl>
    </>
  );
}

function DocumentFields({ data }: { data: DocumentData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="dl">
      <Row label={t('records.document.number')}>
        <Ident className="code">{data.number}</Ident>
      </Row>
      <Row label={t('records.document.typeLabel')}>
        {label(t, DOCUMENT_TYPE_KEYS, data.type)}
        {data.typeText && (
          <>
            {' '}
            (<bdi dir="auto">{data.typeText}</bdi>)
          </>
        )}
      </Row>
      <Row label={t('records.document.issuingCountry')}>{data.issuingCountry ? <Country code={data.issuingCountry} /> : undefined}</Row>
      <Row label={t('records.document.statusLabel')}>
        <StatusBadge keys={DOCUMENT_STATUS_KEYS} value={data.status} />
      </Row>
      <Row label={t('records.document.issueDate')}>{data.issueDate ? formatDate(locale, data.issueDate) : undefined}</Row>
      <Row label={t('records.document.expiryDate')}>{data.expiryDate ? formatDate(locale, data.expiryDate) : undefined}</Row>
      <Row label={t('records.remarks')}>{remarks(data.remarks)}</Row>
    </dl>
  );
}

function VehicleFields({ data }: { data: VehicleData }) {
  const { t } = useTranslation();
  return (
    <dl className="dl">
      {/* Moroccan plates mix digits and an Arabic letter (12345-أ-6): shown as on the plate, left to right. */}
      <Row label={t('records.vehicle.plate')}>
        <Ident className="code plate">{data.plate}</Ident>
      </Row>
      <Row label={t('records.vehicle.plateCountry')}>
        <Country code={data.plateCountry} />
      </Row>
      <Row label={t('records.vehicle.vin')}>
        {data.vin ? (
          <Ident className="code">{data.vin}</Ident>
        ) : undefined}
      </Row>
      <Row label={t('records.vehicle.make')}>{data.make ? <bdi dir="auto">{data.make}</bdi> : undefined}</Row>
      <Row label={t('records.vehicle.model')}>{data.model ? <bdi dir="auto">{data.model}</bdi> : undefined}</Row>
      <Row label={t('records.vehicle.colour')}>{data.colour ? <bdi dir="auto">{data.colour}</bdi> : undefined}</Row>
      <Row label={t('records.vehicle.statusLabel')}>
        <StatusBadge keys={VEHICLE_STATUS_KEYS} value={data.status} />
      </Row>
      <Row label={t('records.remarks')}>{remarks(data.remarks)}</Row>
    </dl>
  );
}

function GroupFields({ data }: { data: GroupData }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('records.group.names')}</h3>
      <Names names={data.names} />
      <dl className="dl">
        <Row label={t('records.group.typeLabel')}>{label(t, GROUP_TYPE_KEYS, data.groupType)}</Row>
        <Row label={t('records.group.countries')}>{countries(data.countries)}</Row>
        <Row label={t('records.remarks')}>{remarks(data.remarks)}</Row>
      </dl>
    </>
  );
}

export function RecordFields({ record }: { record: RecordView }) {
  switch (record.kind) {
    case 'person':
      return <PersonFields data={record.data} />;
    case 'document':
      return <DocumentFields data={record.data} />;
    case 'vehicle':
      return <VehicleFields data={record.data} />;
    case 'group':
      return <GroupFields data={record.data} />;
  }
}
