import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentCandidate, PersonCandidate, SubjectCandidate, VehicleCandidate } from '../../api/types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMaybeMe } from '../../app/session.tsx';
import { countryName, formatMs, formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { ALERT_STATUSES, DOCUMENT_STATUS_KEYS, DOCUMENT_TYPE_KEYS, VEHICLE_STATUS_KEYS } from '../records/labels.ts';
import { Explanation } from './Explanation.tsx';
import { PersonFacts } from './PersonFacts.tsx';
import { DOCUMENT_HOW_KEYS, VEHICLE_HOW_KEYS, VIN_CHECK_KEYS, VIN_CHECK_TONES } from './labels.ts';

/**
 * A link to a record page, for users who may open records; others (a camera operator screens
 * but reads no records) see the same text without a link to a page that would refuse them.
 */
export function RecordLink({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  const me = useMaybeMe();
  if (me && !can(me, 'record.read')) return <span className={className}>{children}</span>;
  return (
    <Link to={pathFor(['records', id])} className={className}>
      {children}
    </Link>
  );
}

/** The red ALERT label of a candidate at or above the alert threshold. */
export function AlertBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="danger" testId="alert-badge">
      {t('screening.results.alert')}
    </Badge>
  );
}

/** A score as a percentage with a bar; the bar is decoration, the number is the value. */
export function Score({ score, alert }: { score: number; alert: boolean }) {
  const locale = useLocale();
  const pct = Math.max(0, Math.min(1, score)) * 100;
  return (
    <span className={`score ${alert ? 'score-alert' : ''}`} data-testid="score">
      <span className="score-value">{formatPercent(locale, score)}</span>
      <span className="score-bar" aria-hidden="true">
        <span className="score-fill" style={{ inlineSize: `${pct}%` }} />
      </span>
    </span>
  );
}

/**
 * The line above the results: "No hit" in green, or how many candidates and alerts, with the
 * time the server took. A live region, so a screen reader announces each answer.
 */
export function ResultHead({ count, alerts, tookMs, threshold }: { count: number; alerts: number; tookMs: number; threshold: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const took = (
    <span className="muted small took" data-testid="took">
      {t('screening.results.took', { time: formatMs(locale, tookMs) })}
    </span>
  );
  return (
    <div className="result-head" role="status">
      {count === 0 ? (
        <p className="no-hit" data-testid="no-hit">
          <span aria-hidden="true">✓ </span>
          {t('screening.results.noHit')}
        </p>
      ) : (
        <p className={`hit-count ${alerts > 0 ? 'hit-count-alert' : ''}`} data-testid="hit-count">
          {t('screening.results.count', { count, n: formatNumber(locale, count) })}
          {' · '}
          {alerts > 0
            ? t('screening.results.alerts', { count: alerts, n: formatNumber(locale, alerts) })
            : t('screening.results.noAlert', { threshold: formatPercent(locale, threshold) })}
        </p>
      )}
      {took}
    </div>
  );
}

/**
 * One person candidate; also the reviewer's look at a notice subject, where the explanation may
 * be absent. Its date of birth, nationality and owner are in the row itself: eight namesakes
 * are told apart without opening each one (the explanation carries the record's values).
 */
export function PersonCard({ c, rank }: { c: SubjectCandidate; rank: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  return (
    <li className={`candidate ${c.alert ? 'candidate-alert' : ''}`} data-testid="candidate" data-alert={c.alert}>
      <div className="candidate-head">
        <span className="candidate-rank" aria-hidden="true">
          {formatNumber(locale, rank)}
        </span>
        <Score score={c.score} alert={c.alert} />
        {c.alert && <AlertBadge />}
        <RecordLink id={c.id} className="candidate-name record-link">
          <bdi dir="auto">{c.displayName}</bdi>
        </RecordLink>
        {c.tlp && (
          <span className="candidate-badges">
            <TlpBadge level={c.tlp} />
          </span>
        )}
      </div>
      <PersonFacts birthDates={c.explanation?.birthDate.record ?? c.birthDates} nationalities={c.explanation?.nationality.record ?? c.nationalities} owner={c.ownerAgencyCode} />
      <p className="candidate-matched">
        <span className="muted">{t('screening.results.matchedName')}</span>{' '}
        <bdi dir="auto" className="matched-name">
          {c.matchedName}
        </bdi>
      </p>
      {c.explanation && (
        <>
          <button
            type="button"
            className="button-small"
            aria-expanded={open}
            aria-controls={explanationId}
            data-testid="explain"
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('screening.results.hideExplanation') : t('screening.results.explain')}
          </button>
          {open && <Explanation explanation={c.explanation} id={explanationId} />}
        </>
      )}
    </li>
  );
}

export function PersonCandidates({ candidates }: { candidates: PersonCandidate[] }) {
  return (
    <ol className="candidates" data-testid="person-candidates">
      {candidates.map((c, i) => (
        <PersonCard key={c.id} c={c} rank={i + 1} />
      ))}
    </ol>
  );
}

/** The owner agency and handling code of a candidate, when the server gives them. */
function Handling({ owner, tlp }: { owner?: string; tlp?: PersonCandidate['tlp'] }) {
  const { t } = useTranslation();
  if (!owner && !tlp) return <span className="muted">{t('ui.none')}</span>;
  return (
    <span className="badges">
      {owner && (
        <Badge>
          <bdi dir="ltr">{owner}</bdi>
        </Badge>
      )}
      {tlp && <TlpBadge level={tlp} />}
    </span>
  );
}

function Status({ status, keys }: { status: string; keys: Record<string, string> }) {
  const { t } = useTranslation();
  return <Badge tone={ALERT_STATUSES.has(status) ? 'danger' : 'neutral'}>{keys[status] ? t(keys[status]) : status}</Badge>;
}

function CountryCode({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!code) return <span className="muted">{t('ui.none')}</span>;
  const name = countryName(locale, code);
  return (
    <span>
      {name !== code && <>{name} </>}
      <bdi dir="ltr" className="code">
        {name !== code ? `(${code})` : code}
      </bdi>
    </span>
  );
}

/** The score column shared by the document and vehicle tables. */
function scoreColumn<T extends { score: number; alert: boolean }>(header: string): Column<T> {
  return {
    key: 'score',
    header,
    narrow: true,
    render: (c) => (
      <span className="score-cell">
        <Score score={c.score} alert={c.alert} />
        {c.alert && <AlertBadge />}
      </span>
    ),
  };
}

export function DocumentCandidates({ candidates }: { candidates: DocumentCandidate[] }) {
  const { t } = useTranslation();
  const columns: Column<DocumentCandidate>[] = [
    scoreColumn(t('screening.results.score')),
    {
      key: 'number',
      header: t('screening.documents.number'),
      render: (c) => (
        <RecordLink id={c.id} className="record-link">
          <Ident className="code">{c.number}</Ident>
        </RecordLink>
      ),
    },
    { key: 'how', header: t('screening.documents.howLabel'), render: (c) => (DOCUMENT_HOW_KEYS[c.how] ? t(DOCUMENT_HOW_KEYS[c.how]) : c.how) },
    { key: 'country', header: t('screening.documents.issuingCountry'), render: (c) => <CountryCode code={c.issuingCountry} /> },
    { key: 'type', header: t('screening.documents.type'), render: (c) => (DOCUMENT_TYPE_KEYS[c.type] ? t(DOCUMENT_TYPE_KEYS[c.type]) : c.type) },
    { key: 'status', header: t('screening.documents.status'), narrow: true, render: (c) => <Status status={c.status} keys={DOCUMENT_STATUS_KEYS} /> },
    { key: 'handling', header: t('screening.results.handling'), narrow: true, render: (c) => <Handling owner={c.ownerAgencyCode} tlp={c.tlp} /> },
    {
      key: 'holder',
      header: t('screening.documents.holder'),
      render: (c) =>
        c.holder ? (
          <RecordLink id={c.holder.id}>
            <bdi dir="auto">{c.holder.displayName}</bdi>
          </RecordLink>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
  ];
  return (
    <div data-testid="document-candidates">
      <Table caption={t('screening.documents.title')} columns={columns} rows={candidates} rowKey={(c) => c.id} />
    </div>
  );
}

export function VehicleCandidates({ candidates, vinCheck }: { candidates: VehicleCandidate[]; vinCheck?: string }) {
  const { t } = useTranslation();
  const columns: Column<VehicleCandidate>[] = [
    scoreColumn(t('screening.results.score')),
    {
      key: 'plate',
      header: t('screening.vehicles.plate'),
      render: (c) => (
        <RecordLink id={c.id} className="record-link">
          <Ident className="code plate">{c.plate}</Ident>
        </RecordLink>
      ),
    },
    { key: 'country', header: t('screening.vehicles.country'), render: (c) => <CountryCode code={c.plateCountry} /> },
    {
      key: 'vin',
      header: t('screening.vehicles.vin'),
      render: (c) =>
        c.vin ? (
          <Ident className="code">{c.vin}</Ident>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
    { key: 'how', header: t('screening.vehicles.howLabel'), render: (c) => (VEHICLE_HOW_KEYS[c.how] ? t(VEHICLE_HOW_KEYS[c.how]) : c.how) },
    { key: 'status', header: t('screening.vehicles.status'), narrow: true, render: (c) => <Status status={c.status} keys={VEHICLE_STATUS_KEYS} /> },
    { key: 'handling', header: t('screening.results.handling'), narrow: true, render: (c) => <Handling owner={c.ownerAgencyCode} tlp={c.tlp} /> },
  ];
  return (
    <div data-testid="vehicle-candidates">
      {vinCheck && (
        <p className="badges">
          <Badge tone={VIN_CHECK_TONES[vinCheck] ?? 'neutral'} testId="vin-check">
            {VIN_CHECK_KEYS[vinCheck] ? t(VIN_CHECK_KEYS[vinCheck]) : vinCheck}
          </Badge>
        </p>
      )}
      {candidates.length > 0 && <Table caption={t('screening.vehicles.title')} columns={columns} rows={candidates} rowKey={(c) => c.id} />}
    </div>
  );
}
