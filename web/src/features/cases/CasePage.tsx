import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { Arrest, CaseView, Seizure } from '../../api/cases-types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { countryName, formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { ArrestForm } from './ArrestForm.tsx';
import { CaseEditForm } from './CaseEditForm.tsx';
import { CaseStatusBadge } from './CasesPage.tsx';
import { useCatalogue } from './catalogue.ts';
import { catalogueLabel } from './labels.ts';
import { RegionPlace } from './RegionSelect.tsx';
import { distinctPersons, PartiesTable } from './PartiesTable.tsx';
import { Quantity } from './Quantity.tsx';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { SeizureForm } from './SeizureForm.tsx';

/** The facts shown on the case page: the first page of each (a busy case pages them on the server). */
const FACTS_LIMIT = 100;

function useFacts(id: string, version: number | undefined) {
  return useLoad(async () => {
    const [parties, arrests, seizures] = await Promise.all([
      casesApi.parties(id),
      casesApi.arrests(id, { limit: FACTS_LIMIT }),
      casesApi.seizures(id, { limit: FACTS_LIMIT }),
    ]);
    return { parties, arrests: arrests.items, seizures: seizures.items };
  }, [id, version]);
}

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const loaded = useLoad(() => casesApi.case(id), [id]);
  const catalogue = useCatalogue();
  /** The case as the last edit answered it, until the case is read again. */
  const [fresh, setFresh] = useState<CaseView | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => setFresh(null), [loaded.data]);
  const c = fresh?.id === id ? fresh : loaded.data?.id === id ? loaded.data : undefined;
  const facts = useFacts(id, c?.version);
  const editable = !!c && can(me, 'case.write') && c.ownerAgencyId === me.agency.id;
  // a fact recorded bumps the case's version: read the case again (its facts follow the version)
  const factAdded = () => loaded.reload();
  const edited = (next: CaseView) => {
    setFresh(next);
    setEditing(false);
  };
  const substances = catalogue.data?.substances ?? [];
  const substanceOf = (code: string) => substances.find((s) => s.code === code);

  const personName = (recordId: string | null) =>
    recordId ? (facts.data?.parties.find((p) => p.recordId === recordId)?.displayName ?? recordId) : t('cases.arrest.unidentified');
  const place = (x: { region: string; city: string | null; place: string | null }) => <RegionPlace region={x.region} more={[x.city, x.place]} />;
  const arrestColumns: Column<Arrest>[] = [
    { key: 'date', header: t('cases.arrest.arrestedOn'), narrow: true, render: (a) => formatDate(locale, a.arrestedOn) },
    { key: 'person', header: t('cases.arrest.person'), render: (a) => <bdi dir="auto">{personName(a.personRecordId)}</bdi> },
    { key: 'where', header: t('cases.field.place'), render: (a) => place(a) },
    { key: 'nationality', header: t('cases.arrest.nationality'), render: (a) => (a.nationality ? countryName(locale, a.nationality) : t('ui.none')) },
    {
      key: 'flags',
      header: t('cases.arrest.flags'),
      render: (a) => (
        <span className="badges">
          {a.foreignNational && <Badge tone="info">{t('cases.arrest.foreignNational')}</Badge>}
          {a.internationalWarrant && <Badge tone="warn">{t('cases.arrest.internationalWarrant')}</Badge>}
        </span>
      ),
    },
  ];
  const seizureColumns: Column<Seizure>[] = [
    { key: 'date', header: t('cases.seizure.seizedOn'), narrow: true, render: (s) => formatDate(locale, s.seizedOn) },
    { key: 'substance', header: t('cases.seizure.substance'), render: (s) => catalogueLabel(locale, substanceOf(s.substance), s.substance) },
    {
      key: 'quantity',
      header: t('cases.seizure.quantity'),
      render: (s) => <Quantity measure={s.measure} base={s.quantity} currency={s.currency} />,
    },
    { key: 'where', header: t('cases.field.place'), render: (s) => place(s) },
  ];

  return (
    <section className="case-page">
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.view.back')}</Link>
      </p>
      {loaded.error != null && (
        <>
          <PageHeader title={t('cases.view.title')} />
          <ErrorBox error={loaded.error} />
        </>
      )}
      {loaded.loading && !c && <Loading />}
      {c && (
        <>
          <PageHeader title={t('cases.view.heading', { reference: c.reference, title: c.title })} isolate>
            <CaseStatusBadge status={c.status} />
            <TlpBadge level={c.tlp} />
            <Badge>
              <bdi dir="ltr">{c.ownerAgencyCode}</bdi>
            </Badge>
            {editable && (
              <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} data-testid="edit-case">
                {t('cases.edit.open')}
              </button>
            )}
            {editable && c.status === 'open' && (
              <Link to={pathFor(['gangs'], { new: '1', caseId: c.id })} className="button-link" data-testid="new-gang-for-case">
                {t('cases.view.newGang')}
              </Link>
            )}
            {can(me, 'network.read') && (
              <Link to={pathFor(['network'], { caseId: c.id })} className="button-link" data-testid="open-network">
                {t('cases.view.network')}
              </Link>
            )}
          </PageHeader>
          {editable && editing && <CaseEditForm c={c} categories={catalogue.data?.categories ?? []} onDone={edited} onCancel={() => setEditing(false)} />}
          <div className="record-grid">
            <section className="panel" aria-labelledby="case-details">
              <h2 id="case-details">{t('cases.view.details')}</h2>
              <dl className="dl">
                <div className="dl-row">
                  <dt>{t('cases.field.category')}</dt>
                  <dd>{catalogueLabel(locale, catalogue.data?.categories.find((x) => x.code === c.category), c.category)}</dd>
                </div>
                <div className="dl-row">
                  <dt>{t('cases.field.region')}</dt>
                  <dd>
                    <RegionPlace region={c.region} more={[c.city]} />
                  </dd>
                </div>
                <div className="dl-row">
                  <dt>{t('cases.field.openedOn')}</dt>
                  <dd>{formatDate(locale, c.openedOn)}</dd>
                </div>
                {c.closedOn && (
                  <div className="dl-row">
                    <dt>{t('cases.field.closedOn')}</dt>
                    <dd data-testid="closed-on">{formatDate(locale, c.closedOn)}</dd>
                  </div>
                )}
                {c.summary && (
                  <div className="dl-row">
                    <dt>{t('cases.field.summary')}</dt>
                    <dd>
                      <bdi dir="auto">{c.summary}</bdi>
                    </dd>
                  </div>
                )}
              </dl>
            </section>
            <section className="panel" aria-labelledby="case-parties">
              <h2 id="case-parties">{t('cases.party.title')}</h2>
              <PartiesTable caption={t('cases.party.title')} parties={facts.data?.parties ?? []} />
            </section>
          </div>
          {editable && <CaseStatusForm c={c} onDone={edited} />}
          {facts.error != null && <ErrorBox error={facts.error} />}
          <section className="panel" aria-labelledby="case-seizures" data-testid="seizures">
            <h2 id="case-seizures">{t('cases.seizure.title')}</h2>
            <Table caption={t('cases.seizure.title')} columns={seizureColumns} rows={facts.data?.seizures ?? []} rowKey={(s) => s.id} />
            {editable && <SeizureForm caseId={c.id} substances={substances} region={c.region} onDone={factAdded} />}
          </section>
          <section className="panel" aria-labelledby="case-arrests" data-testid="arrests">
            <h2 id="case-arrests">{t('cases.arrest.title')}</h2>
            <Table caption={t('cases.arrest.title')} columns={arrestColumns} rows={facts.data?.arrests ?? []} rowKey={(a) => a.id} />
            {editable && (
              <ArrestForm caseId={c.id} persons={distinctPersons(facts.data?.parties ?? [])} region={c.region} onDone={factAdded} />
            )}
          </section>
        </>
      )}
    </section>
  );
}
