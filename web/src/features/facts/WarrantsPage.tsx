import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePager } from '../../ui/Pager.tsx';
import type { Column } from '../../ui/Table.tsx';
import { ExecuteWarrant } from './ExecuteWarrant.tsx';
import { factsApi, WARRANT_SCOPES, type Warrant } from './facts-api.ts';
import { oneOf, yearOf } from './filters.ts';
import { caseColumn } from './columns.tsx';
import { SCOPE_KEYS, SCOPE_TONES } from './labels.ts';
import { WarrantForm } from './WarrantForm.tsx';
import { YearField } from './YearField.tsx';
import './facts.css';

const PAGE_SIZE = 25;
const STATES = ['pending', 'executed'] as const;
const STATE_KEYS = { pending: 'facts.warrants.state.pending', executed: 'facts.warrants.state.executed' } as const;

/** National and international warrants: recorded here, marked executed by the agency that recorded them. */
export function WarrantsPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const writer = can(me, 'case.write');
  const scope = oneOf(WARRANT_SCOPES, route.query.get('scope'));
  const state = oneOf(STATES, route.query.get('state'));
  const year = yearOf(route);
  const key = `${scope ?? ''}|${state ?? ''}|${year ?? ''}`;
  const pager = usePager(key);
  const page = useLoad(
    () => factsApi.warrants({ scope, executed: state === undefined ? undefined : state === 'executed', year, limit: PAGE_SIZE, cursor: pager.cursor }),
    [key, pager.cursor],
  );
  const [done, setDone] = useState<string | null>(null);
  const go = (next: Record<string, string | undefined>) =>
    navigate(pathFor(['warrants'], { scope, state, year: year ? String(year) : undefined, ...next }));

  const onRecorded = () => {
    setDone(t('facts.warrants.recorded'));
    page.reload();
  };
  const onExecuted = (w: Warrant) => {
    setDone(t('facts.warrants.executedDone', { date: formatDate(locale, w.executedOn ?? '') }));
    page.reload();
  };

  const columns: Column<Warrant>[] = [
    {
      key: 'scope',
      header: t('facts.warrants.columns.scope'),
      narrow: true,
      render: (w) => (
        <Badge tone={SCOPE_TONES[w.scope]} testId="warrant-scope">
          {t(SCOPE_KEYS[w.scope])}
        </Badge>
      ),
    },
    { key: 'authority', header: t('facts.warrants.columns.authority'), render: (w) => <bdi dir="auto">{w.issuingAuthority}</bdi> },
    {
      key: 'issued',
      header: t('facts.warrants.columns.issuedOn'),
      narrow: true,
      render: (w) => (
        <time dateTime={w.issuedOn} data-testid="issued-on">
          {formatDate(locale, w.issuedOn)}
        </time>
      ),
    },
    {
      key: 'person',
      header: t('facts.warrants.columns.person'),
      // the name of the person sought (the server gives it when the record may be seen), linking to the record
      render: (w) =>
        w.personRecordId ? (
          <Link to={pathFor(['records', w.personRecordId])} data-testid="warrant-person">
            <bdi dir="auto">{w.personDisplayName || t('facts.person.open')}</bdi>
          </Link>
        ) : (
          t('ui.none')
        ),
    },
    caseColumn(t),
    {
      key: 'state',
      header: t('facts.warrants.columns.state'),
      narrow: true,
      render: (w) =>
        w.executedOn ? (
          <span className="badges" data-testid="warrant-state" data-state="executed">
            <Badge tone="ok">{t(STATE_KEYS.executed)}</Badge>
            <time dateTime={w.executedOn} data-testid="executed-on">
              {formatDate(locale, w.executedOn)}
            </time>
          </span>
        ) : (
          <span className="badges" data-testid="warrant-state" data-state="pending">
            <Badge tone="warn">{t(STATE_KEYS.pending)}</Badge>
            {writer && w.agencyId === me.agency.id && <ExecuteWarrant warrant={w} onDone={onExecuted} />}
          </span>
        ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('facts.warrants.title')} />
      <p className="muted">{t('facts.warrants.intro')}</p>
      {writer && <WarrantForm onDone={onRecorded} />}
      {done && (
        <p className="facts-done" role="status" data-testid="fact-done">
          {done}
        </p>
      )}
      <div className="toolbar" role="search" data-testid="warrant-filters">
        <Field label={t('facts.warrants.columns.scope')}>
          <select name="scope" value={scope ?? ''} onChange={(e) => go({ scope: e.target.value || undefined })}>
            <option value="">{t('facts.list.all')}</option>
            {WARRANT_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(SCOPE_KEYS[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('facts.warrants.columns.state')}>
          <select name="state" value={state ?? ''} onChange={(e) => go({ state: e.target.value || undefined })}>
            <option value="">{t('facts.list.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(STATE_KEYS[s])}
              </option>
            ))}
          </select>
        </Field>
        <YearField label={t('facts.warrants.year')} value={year} onChange={(y) => go({ year: y })} />
      </div>
      <PagedTable
        page={page}
        pager={pager}
        caption={t('facts.warrants.title')}
        columns={columns}
        rowKey={(w) => w.id}
        shown={(count, n) => t('facts.warrants.shown', { count, n })}
      />
    </section>
  );
}
