import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PublicNoticeSummary } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { countryName, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';
import { GENDER_KEYS } from '../notices/labels.ts';
import { TypeBadge } from '../notices/NoticeBadges.tsx';

const PAGE_SIZE = 24;
const FILTERS = ['type', 'nationality', 'sex', 'ageMin', 'ageMax', 'name'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function readFilters(route: Route): Filters {
  const f: Filters = {};
  for (const k of FILTERS) {
    const v = route.query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

const age = (s?: string) => (s && /^\d{1,3}$/.test(s) ? Number(s) : undefined);

/** Red and Yellow notices whose owner authorised a public extract: anyone may search them. */
export function PublicNoticesPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const applied = readFilters(route);
  const key = JSON.stringify(applied);
  const [form, setForm] = useState<Filters>(applied);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the filters in the address
  useEffect(() => setForm(applied), [key]);
  const pager = usePager(key);
  const page = useLoad(
    () =>
      api.publicNotices({
        type: applied.type === 'red' || applied.type === 'yellow' ? applied.type : undefined,
        nationality: applied.nationality?.toUpperCase(),
        sex: applied.sex,
        ageMin: age(applied.ageMin),
        ageMax: age(applied.ageMax),
        name: applied.name,
        limit: PAGE_SIZE,
        cursor: pager.cursor,
      }),
    [key, pager.cursor],
  );

  const set = (k: keyof Filters, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    const q: Record<string, string | undefined> = {};
    for (const k of FILTERS) q[k] = form[k]?.trim() || undefined;
    navigate(pathFor(['public', 'notices'], q));
  };

  const card = (n: PublicNoticeSummary) => (
    <li key={n.id} className={`public-card notice-type-${n.type}`} data-testid="public-card">
      <TypeBadge type={n.type} />
      <Link to={pathFor(['public', 'notices', n.id])} className="public-card-name">
        <bdi dir="auto">{n.name || t('public.unnamed')}</bdi>
      </Link>
      <p className="small">
        {n.age !== undefined && <span>{t('public.age', { count: n.age, n: formatNumber(locale, n.age) })}</span>}
        {n.sex && GENDER_KEYS[n.sex] && <span> · {t(GENDER_KEYS[n.sex])}</span>}
      </p>
      {n.nationalities?.length ? <p className="small muted">{n.nationalities.map((c) => countryName(locale, c)).join(t('notices.wizard.listSeparator'))}</p> : null}
    </li>
  );

  return (
    <section>
      <PageHeader title={t('public.list.title')} />
      <p className="lead">{t('public.list.lead')}</p>
      <form className="toolbar" role="search" onSubmit={onSearch} data-testid="public-filters">
        <Field label={t('public.filters.type')}>
          <select name="type" value={form.type ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('public.filters.anyType')}</option>
            <option value="red">{t('notices.types.red.name')}</option>
            <option value="yellow">{t('notices.types.yellow.name')}</option>
          </select>
        </Field>
        <Field label={t('public.filters.name')}>
          <input name="name" dir="auto" value={form.name ?? ''} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('public.filters.nationality')} hint={t('public.filters.nationalityHint')}>
          <input name="nationality" dir="ltr" maxLength={3} value={form.nationality ?? ''} onChange={(e) => set('nationality', e.target.value)} />
        </Field>
        <Field label={t('public.filters.sex')}>
          <select name="sex" value={form.sex ?? ''} onChange={(e) => set('sex', e.target.value)}>
            <option value="">{t('public.filters.anySex')}</option>
            <option value="male">{t('records.gender.male')}</option>
            <option value="female">{t('records.gender.female')}</option>
          </select>
        </Field>
        <Field label={t('public.filters.ageMin')}>
          <input name="ageMin" type="number" min={0} max={130} dir="ltr" value={form.ageMin ?? ''} onChange={(e) => set('ageMin', e.target.value)} />
        </Field>
        <Field label={t('public.filters.ageMax')}>
          <input name="ageMax" type="number" min={0} max={130} dir="ltr" value={form.ageMax ?? ''} onChange={(e) => set('ageMax', e.target.value)} />
        </Field>
        <button type="submit" className="button-primary">
          {t('public.filters.submit')}
        </button>
      </form>
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <p className="muted" role="status">
            {t('public.list.shown', { count: page.data.items.length, n: formatNumber(locale, page.data.items.length) })}
          </p>
          {page.data.items.length === 0 ? <p className="muted">{t('ui.table.empty')}</p> : <ul className="public-cards">{page.data.items.map(card)}</ul>}
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
    </section>
  );
}
