import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTY_KINDS, type NewParty, type PartyKind } from '../../api/cases-types.ts';
import { api } from '../../api/client.ts';
import type { RecordSummary } from '../../api/types.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { PersonFacts } from '../screening/PersonFacts.tsx';
import { PARTY_KIND_KEYS, PARTY_ROLE_KEYS } from './labels.ts';

export interface PickedParty extends NewParty {
  /** Shown in the list before the case is saved. */
  label: string;
}

const isRecordKind = (k: PartyKind): k is 'person' | 'group' | 'vehicle' | 'document' => k !== 'phone' && k !== 'address';

/**
 * Adds a party to a case: a person, group, vehicle or document found with the records search
 * (the same list the Records page uses), or a phone number or address typed in, with its role.
 * A sub-form of the case form: Enter in the search field searches, it never submits the case.
 * The gang forms use it too, with their own kinds (persons as members, a group) and roles:
 * one kind hides the kind list, `roles={null}` the role list. Each result shows its owner and,
 * for a person, the dates of birth and nationalities, so that namesakes are told apart.
 */
export function PartyPicker({
  onPick,
  kinds = PARTY_KINDS,
  roles = PARTY_ROLE_KEYS,
  defaultRole = 'suspect',
  testId = 'party-picker',
  disabled = false,
}: {
  onPick: (p: PickedParty) => void;
  kinds?: readonly PartyKind[];
  /** Role value → message key, in the order offered. */
  roles?: Readonly<Record<string, string>> | null;
  defaultRole?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PartyKind>(kinds[0]);
  const [role, setRole] = useState<string>(roles ? defaultRole : '');
  const [q, setQ] = useState('');
  const [value, setValue] = useState('');
  const [results, setResults] = useState<RecordSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!isRecordKind(kind) || !q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.records({ kind, q: q.trim(), limit: 10 });
      setResults(page.items);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const addValue = () => {
    const v = value.trim();
    if (!v) return;
    onPick({ kind, value: v, role, label: v });
    setValue('');
  };

  return (
    <div className="party-picker" data-testid={testId}>
      <div className="toolbar">
        {kinds.length > 1 && (
          <Field label={t('cases.party.kind')}>
            <select name="partyKind" value={kind} onChange={(e) => (setKind(e.target.value as PartyKind), setResults(null))}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(PARTY_KIND_KEYS[k])}
                </option>
              ))}
            </select>
          </Field>
        )}
        {roles && (
          <Field label={t('cases.party.role')}>
            <select name="partyRole" value={role} onChange={(e) => setRole(e.target.value)}>
              {Object.entries(roles).map(([r, key]) => (
                <option key={r} value={r}>
                  {t(key)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {isRecordKind(kind) ? (
          <>
            <Field label={t('cases.party.search')} hint={t('cases.party.searchHint')}>
              <input
                type="search"
                name="partySearch"
                dir="auto"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && void search(e)}
              />
            </Field>
            <button type="button" onClick={() => void search()} disabled={disabled || busy || !q.trim()} data-testid="party-search">
              {t('cases.party.searchButton')}
            </button>
          </>
        ) : (
          <>
            <Field label={kind === 'phone' ? t('cases.party.phone') : t('cases.party.address')}>
              <input
                name="partyValue"
                dir={kind === 'phone' ? 'ltr' : 'auto'}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), addValue())}
              />
            </Field>
            <button type="button" onClick={addValue} disabled={disabled || !value.trim()} data-testid="party-add-value">
              {t('cases.party.add')}
            </button>
          </>
        )}
      </div>
      {error != null && <ErrorBox error={error} />}
      {results && isRecordKind(kind) && (
        <ul className="party-results" aria-label={t('cases.party.results')} data-testid="party-results">
          {results.length === 0 && <li className="muted">{t('ui.table.empty')}</li>}
          {results.map((r) => (
            <li key={r.id} data-testid="party-result">
              <span>
                <bdi dir="auto">{r.displayName}</bdi>
                <PersonFacts birthDates={r.birthDates} nationalities={r.nationalities} owner={r.ownerAgencyCode} />
              </span>
              <button
                type="button"
                data-testid="party-pick"
                disabled={disabled}
                onClick={() => {
                  onPick({ kind, recordId: r.id, role, label: r.displayName });
                  setResults(null);
                  setQ('');
                }}
              >
                {t('cases.party.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
