import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import { api } from '../../api/client.ts';
import type { RecordSummary } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Field } from '../../ui/Field.tsx';
import { FactsError } from './errors.tsx';

/** How many of the agency's own cases the picker offers: the most recent first. */
const CASES_OFFERED = 100;

/**
 * The case a fact belongs to, optional: one of the cases the user's agency owns (the server
 * lets only the case's owner add facts to it), most recent first.
 */
export function CasePick({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  const cases = useLoad(() => casesApi.cases({ mine: true, limit: CASES_OFFERED }), []);
  return (
    <>
      <Field label={t('facts.case.label')} hint={t('facts.case.hint')} error={error}>
        <select name="caseId" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('facts.case.none')}</option>
          {cases.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.reference} · ${c.title}`}
            </option>
          ))}
        </select>
      </Field>
      {cases.error != null && <FactsError error={cases.error} />}
    </>
  );
}

/**
 * The person a warrant is for, optional: found with the records search (persons only). Enter in
 * the search field searches; it never submits the form around it.
 */
export function PersonPick({ value, onChange }: { value: RecordSummary | null; onChange: (p: RecordSummary | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<RecordSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async () => {
    if (!q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResults((await api.records({ kind: 'person', q: q.trim(), limit: 10 })).items);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void search();
  };

  if (value) {
    return (
      <div className="field facts-person" data-testid="picked-person">
        <span className="facts-label">{t('facts.person.label')}</span>
        <span className="facts-picked">
          <bdi dir="auto">{value.displayName}</bdi>
          <button type="button" onClick={() => onChange(null)} data-testid="person-remove">
            {t('facts.person.remove')}
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="facts-person form-wide">
      <div className="facts-search">
        <Field label={t('facts.person.label')} hint={t('facts.person.hint')}>
          <input type="search" name="personSearch" dir="auto" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={onKey} />
        </Field>
        <button type="button" onClick={() => void search()} disabled={busy || !q.trim()} data-testid="person-search">
          {t('facts.person.search')}
        </button>
      </div>
      {error != null && <FactsError error={error} />}
      {results && (
        <ul className="facts-results" aria-label={t('facts.person.results')} data-testid="person-results">
          {results.length === 0 && <li className="muted">{t('ui.table.empty')}</li>}
          {results.map((r) => (
            <li key={r.id}>
              <bdi dir="auto">{r.displayName}</bdi>
              <button type="button" onClick={() => (onChange(r), setResults(null), setQ(''))} data-testid="person-pick">
                {t('facts.person.pick')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
