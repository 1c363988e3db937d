import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { AddUserForm } from './AddUserForm.tsx';
import { LANGUAGE_KEYS, ROLE_KEYS } from './labels.ts';

const PAGE_SIZE = 50;

export function UsersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pager = usePager('users');
  const page = useLoad(() => api.users({ limit: PAGE_SIZE, cursor: pager.cursor }), [pager.cursor]);
  const agencies = useLoad(() => api.agencies({ limit: 200 }), []);
  const agencyCode = (id: string) => agencies.data?.items.find((a) => a.id === id)?.code ?? id;

  const columns: Column<User>[] = [
    {
      key: 'username',
      header: t('admin.users.columns.username'),
      render: (u) => (
        <bdi dir="ltr" className="code">
          {u.username}
        </bdi>
      ),
    },
    { key: 'displayName', header: t('admin.users.columns.displayName'), render: (u) => <bdi dir="auto">{u.displayName}</bdi> },
    {
      key: 'agency',
      header: t('admin.users.columns.agency'),
      narrow: true,
      render: (u) => (
        <bdi dir="ltr" className="code">
          {agencyCode(u.agencyId)}
        </bdi>
      ),
    },
    {
      key: 'roles',
      header: t('admin.users.columns.roles'),
      render: (u) => (
        <span className="badges">
          {u.roles.map((r) => (
            <Badge key={r}>{ROLE_KEYS[r] ? t(ROLE_KEYS[r]) : r}</Badge>
          ))}
        </span>
      ),
    },
    { key: 'locale', header: t('admin.users.columns.locale'), narrow: true, render: (u) => (LANGUAGE_KEYS[u.locale] ? t(LANGUAGE_KEYS[u.locale]) : u.locale) },
    {
      key: 'status',
      header: t('admin.users.columns.status'),
      render: (u) => {
        const locked = u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
        if (u.disabled) return <Badge tone="danger">{t('admin.users.status.disabled')}</Badge>;
        if (locked)
          return (
            <Badge tone="warn" title={formatDateTime(locale, u.lockedUntil!)}>
              {t('admin.users.status.locked')}
            </Badge>
          );
        return <Badge tone="ok">{t('admin.users.status.active')}</Badge>;
      },
    },
  ];

  return (
    <section>
      <PageHeader title={t('admin.users.title')} />
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <Table caption={t('admin.users.title')} columns={columns} rows={page.data.items} rowKey={(u) => u.id} />
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
      <AddUserForm agencies={agencies.data?.items ?? []} onCreated={page.reload} />
    </section>
  );
}
