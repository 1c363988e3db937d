import { useTranslation } from 'react-i18next';
import type { CaseParty, PartyKind } from '../../api/cases-types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { useLocale } from '../../i18n/index.ts';
import { type Column, Table } from '../../ui/Table.tsx';
import { PARTY_KIND_KEYS, roleKey } from './labels.ts';

/** One person or item of a case with every role it has there (a suspect later arrested is one row). */
export interface GroupedParty {
  key: string;
  kind: PartyKind;
  recordId: string | null;
  displayName: string | null;
  value: string | null;
  roles: string[];
  /** The party rows behind it, in the order the server gave them. */
  partyIds: string[];
}

/**
 * The server keeps one party row per role (recording an arrest adds the person with the role
 * `arrested`, whatever roles they already have): the case page shows each person or item once.
 */
export function groupParties(parties: readonly CaseParty[]): GroupedParty[] {
  const groups = new Map<string, GroupedParty>();
  for (const p of parties) {
    const key = p.recordId ? `record:${p.recordId}` : `${p.kind}:${p.value ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, kind: p.kind, recordId: p.recordId, displayName: p.displayName, value: p.value, roles: [], partyIds: [] };
      groups.set(key, g);
    }
    if (!g.roles.includes(p.role)) g.roles.push(p.role);
    g.partyIds.push(p.id);
    g.displayName ??= p.displayName;
  }
  return [...groups.values()];
}

/** The persons of a case, once each, for choosing who was arrested. */
export function distinctPersons(parties: readonly CaseParty[]): CaseParty[] {
  const seen = new Set<string>();
  const out: CaseParty[] = [];
  for (const p of parties) {
    if (p.kind !== 'person' || !p.recordId || seen.has(p.recordId)) continue;
    seen.add(p.recordId);
    out.push(p);
  }
  return out;
}

/** The parties of a case: kind, who or what (a link to the record), and its roles. */
export function PartiesTable({ parties, caption }: { parties: readonly CaseParty[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
  const roleLabel = (role: string) => (roleKey(role) ? t(roleKey(role)!) : role);
  const columns: Column<GroupedParty>[] = [
    { key: 'kind', header: t('cases.party.kind'), narrow: true, render: (p) => t(PARTY_KIND_KEYS[p.kind] ?? p.kind) },
    {
      key: 'who',
      header: t('cases.party.who'),
      render: (p) =>
        p.recordId ? (
          <Link to={pathFor(['records', p.recordId])} data-testid="party-record">
            <bdi dir="auto">{p.displayName ?? p.recordId}</bdi>
          </Link>
        ) : (
          <bdi dir={p.kind === 'phone' ? 'ltr' : 'auto'}>{p.value}</bdi>
        ),
    },
    {
      key: 'role',
      header: t('cases.party.role'),
      render: (p) => (
        <span data-testid="party-roles" data-roles={p.roles.join(' ')}>
          <bdi dir="auto">{list.format(p.roles.map(roleLabel))}</bdi>
        </span>
      ),
    },
  ];
  return <Table caption={caption} columns={columns} rows={groupParties(parties)} rowKey={(p) => p.key} />;
}
