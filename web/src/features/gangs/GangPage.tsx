import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { GangView } from '../../api/cases-types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { isIsoDate, today } from '../cases/dates.ts';
import { RegionName } from '../cases/RegionSelect.tsx';
import { GangKindLabel, GangStatusBadge } from './GangBadges.tsx';
import { GangEditForm } from './GangEditForm.tsx';
import { GangMembers } from './GangMembers.tsx';

/** Marks an active gang dismantled on a date (today by default), with the version read. */
function DismantleForm({ gang, onDone }: { gang: GangView; onDone: (g: GangView) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bad = !isIsoDate(date) || date > today();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (bad) return;
    setBusy(true);
    try {
      onDone(await casesApi.dismantleGang(gang.id, { dismantledOn: date, version: gang.version }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel toolbar" onSubmit={submit} noValidate data-testid="dismantle-form">
      <Field label={t('gangs.dismantle.date')} hint={t('gangs.dismantle.hint')} error={shown && bad ? t('gangs.dismantle.badDate') : undefined}>
        <input type="date" name="dismantledOn" value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <button type="submit" className="button-primary" disabled={busy} data-testid="dismantle">
        {t('gangs.dismantle.submit')}
      </button>
      {error != null && <ErrorBox error={error} />}
    </form>
  );
}

/**
 * One gang: its details, members with their roles, and for the owner agency's analysts the
 * edit form, the member changes and (while active) the dismantling.
 */
export function GangPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const loaded = useLoad(() => casesApi.gang(id), [id]);
  const [fresh, setFresh] = useState<GangView | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => setFresh(null), [loaded.data]);
  const g = fresh?.id === id ? fresh : loaded.data?.id === id ? loaded.data : undefined;
  const owner = !!g && can(me, 'case.write') && g.ownerAgencyId === me.agency.id;
  const arrested = g?.members.filter((m) => m.arrestedOn).length ?? 0;

  return (
    <section className="gang-page">
      <p className="breadcrumb">
        <Link to="/gangs">{t('gangs.view.back')}</Link>
      </p>
      {loaded.error != null && (
        <>
          <PageHeader title={t('gangs.view.title')} />
          <ErrorBox error={loaded.error} />
        </>
      )}
      {loaded.loading && !g && <Loading />}
      {g && (
        <>
          <PageHeader title={g.name} isolate>
            <GangStatusBadge status={g.status} />
            <TlpBadge level={g.tlp} />
            <Badge>
              <bdi dir="ltr">{g.ownerAgencyCode}</bdi>
            </Badge>
            {owner && (
              <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} data-testid="edit-gang">
                {t('gangs.edit.open')}
              </button>
            )}
            {can(me, 'network.read') && (
              <Link to={pathFor(['network'], { gangId: g.id })} className="button-link" data-testid="open-network">
                {t('cases.view.network')}
              </Link>
            )}
          </PageHeader>
          {owner && editing && (
            <GangEditForm
              gang={g}
              onCancel={() => setEditing(false)}
              onDone={(next) => {
                setFresh(next);
                setEditing(false);
              }}
            />
          )}
          <section className="panel" aria-labelledby="gang-details">
            <h2 id="gang-details">{t('gangs.view.details')}</h2>
            <dl className="dl">
              <div className="dl-row">
                <dt>{t('gangs.list.columns.kind')}</dt>
                <dd data-testid="gang-kind" data-kind={g.kind}>
                  <GangKindLabel kind={g.kind} />
                </dd>
              </div>
              <div className="dl-row">
                <dt>{t('gangs.list.columns.region')}</dt>
                <dd data-testid="gang-region">
                  <RegionName value={g.region} />
                </dd>
              </div>
              {g.dismantledOn && (
                <div className="dl-row">
                  <dt>{t('gangs.view.dismantledOn')}</dt>
                  <dd data-testid="dismantled-on">{formatDate(locale, g.dismantledOn)}</dd>
                </div>
              )}
              <div className="dl-row">
                <dt>{t('gangs.view.membersArrested')}</dt>
                <dd>{t('gangs.view.arrestedOf', { arrested: formatNumber(locale, arrested), total: formatNumber(locale, g.members.length) })}</dd>
              </div>
              {g.caseId && (
                <div className="dl-row">
                  <dt>{t('gangs.view.case')}</dt>
                  <dd>
                    <Link to={pathFor(['cases', g.caseId])} data-testid="gang-case">
                      {t('gangs.view.openCase')}
                    </Link>
                  </dd>
                </div>
              )}
            </dl>
          </section>
          {owner && g.status === 'active' && <DismantleForm gang={g} onDone={setFresh} />}
          <GangMembers gang={g} editable={owner} onChange={setFresh} />
        </>
      )}
    </section>
  );
}
