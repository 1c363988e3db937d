import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { GangMember, GangView } from '../../api/cases-types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatDate, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { GANG_ROLE_KEYS } from '../cases/labels.ts';
import { PartyPicker } from '../cases/PartyPicker.tsx';
import { gangsApi } from './gangs-api.ts';

/**
 * The members of a gang with their roles; for the owner agency, a person from the records is
 * added with a role (a member already in takes the new role) and a member is removed after a
 * confirmation in the row itself.
 */
export function GangMembers({ gang, editable, onChange }: { gang: GangView; editable: boolean; onChange: (g: GangView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<GangView>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await work());
      setRemoving(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const add = (personRecordId: string, role: string) => run(() => gangsApi.addMembers(gang.id, [{ personRecordId, role }]));
  // the removal answers 204: the gang is read again for its members and its new version
  const remove = (personRecordId: string) => run(async () => (await gangsApi.removeMember(gang.id, personRecordId), casesApi.gang(gang.id)));

  const name = (m: GangMember) => m.displayName || m.personRecordId;
  const columns: Column<GangMember>[] = [
    {
      key: 'name',
      header: t('gangs.members.name'),
      render: (m) => (
        <Link to={pathFor(['records', m.personRecordId])}>
          <bdi dir="auto">{name(m)}</bdi>
        </Link>
      ),
    },
    {
      key: 'role',
      header: t('gangs.members.role'),
      render: (m) => <span data-testid="member-role" data-role={m.role}>{GANG_ROLE_KEYS[m.role] ? t(GANG_ROLE_KEYS[m.role]) : <bdi dir="auto">{m.role}</bdi>}</span>,
    },
    {
      key: 'arrested',
      header: t('gangs.members.arrested'),
      render: (m) =>
        m.arrestedOn ? (
          <Badge tone="ok" testId="member-arrested">
            {t('gangs.members.arrestedOn', { date: formatDate(locale, m.arrestedOn) })}
          </Badge>
        ) : (
          <span className="muted">{t('gangs.members.atLarge')}</span>
        ),
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      header: t('gangs.members.actions'),
      narrow: true,
      render: (m) =>
        removing === m.personRecordId ? (
          <span className="confirm-inline" role="group" aria-label={t('gangs.members.confirmRemove', { name: isolate(name(m)) })} data-testid="confirm-remove">
            <span>{t('gangs.members.confirmRemove', { name: isolate(name(m)) })}</span>
            <button type="button" className="button-danger button-small" disabled={busy} onClick={() => void remove(m.personRecordId)} data-testid="confirm-remove-member">
              {t('gangs.members.confirm')}
            </button>
            <button type="button" className="button-small" disabled={busy} onClick={() => setRemoving(null)}>
              {t('gangs.members.keep')}
            </button>
          </span>
        ) : (
          <button type="button" className="button-small" disabled={busy} onClick={() => (setRemoving(m.personRecordId), setError(null))} data-testid="remove-member">
            {t('gangs.members.remove')}
          </button>
        ),
    });
  }

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="gang-members">
      <h2 id={headingId}>{t('gangs.members.title')}</h2>
      <Table caption={t('gangs.members.title')} columns={columns} rows={gang.members} rowKey={(m) => m.personRecordId} />
      {error != null && <ErrorBox error={error} />}
      {editable && (
        <div className="case-subform">
          <h3 className="form-title">{t('gangs.members.add')}</h3>
          <p className="hint">{t('gangs.members.addHint')}</p>
          <PartyPicker
            kinds={['person']}
            roles={GANG_ROLE_KEYS}
            defaultRole="member"
            testId="member-picker"
            disabled={busy}
            onPick={(p) => p.recordId && void add(p.recordId, p.role)}
          />
        </div>
      )}
    </section>
  );
}
