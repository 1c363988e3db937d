import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/types.ts';
import { isolate } from '../../i18n/format.ts';
import { Field } from '../../ui/Field.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { FederationError } from './errors.tsx';
import { federationApi, TRANSPORTS, type Transport } from './federation-api.ts';
import { emptyKey, type KeyDraft, KeyFields, keyOf } from './KeyFields.tsx';
import { TRANSPORT_KEYS } from './labels.ts';

const NODE_ID = /^[A-Z][A-Z0-9-]{1,31}$/;
const LANGUAGE_KEYS: Record<Locale, string> = { ar: 'language.ar', fr: 'language.fr', en: 'language.en', es: 'language.es' };

interface Draft {
  id: string;
  names: Record<Locale, string>;
  baseUrl: string;
  transport: Transport;
  agencies: string;
  key: KeyDraft;
}

const empty = (): Draft => ({ id: '', names: { ar: '', fr: '', en: '', es: '' }, baseUrl: '', transport: 'https', agencies: '', key: emptyKey() });

/** Agency codes as typed: separated by commas or spaces. */
export const parseCodes = (s: string): string[] => [...new Set(s.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];

/** Enrols a partner node with the key it handed over, pinned by the thumbprint it gave another way. */
export function EnrolForm({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(empty);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();
  const key = keyOf(d.key);
  const names = Object.fromEntries(LOCALES.flatMap((l) => (d.names[l].trim() ? [[l, d.names[l].trim()]] : [])));
  const ready = NODE_ID.test(d.id) && Object.keys(names).length > 0 && /^https?:\/\//.test(d.baseUrl.trim()) && key !== null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!key) return;
    setDone(null);
    void submit.run(async () => {
      const p = await federationApi.enrol({ id: d.id, names, baseUrl: d.baseUrl.trim(), transport: d.transport, agencies: parseCodes(d.agencies), key });
      setDone(p.id);
      setD(empty());
      onEnrolled();
    });
  };

  return (
    <section className="panel" aria-labelledby="enrol-title" data-testid="enrol-partner">
      <h2 id="enrol-title">{t('federation.enrol.title')}</h2>
      <p className="hint">{t('federation.enrol.intro')}</p>
      {submit.error != null && <FederationError error={submit.error} testId="enrol-error" />}
      {done && (
        <p className="status-ok" role="status" data-testid="partner-enrolled">
          {t('federation.enrol.done', { id: isolate(done) })}
        </p>
      )}
      <form onSubmit={onSubmit} className="form-grid">
        <Field label={t('federation.enrol.id')} hint={t('federation.enrol.idHint')} error={d.id && !NODE_ID.test(d.id) ? t('federation.enrol.idInvalid') : undefined}>
          <input name="partnerId" dir="ltr" className="code" required autoComplete="off" spellCheck={false} value={d.id} onChange={(e) => setD({ ...d, id: e.target.value.toUpperCase() })} />
        </Field>
        <Field label={t('federation.enrol.baseUrl')} hint={t('federation.enrol.baseUrlHint')}>
          <input name="baseUrl" type="url" dir="ltr" required autoComplete="off" spellCheck={false} value={d.baseUrl} onChange={(e) => setD({ ...d, baseUrl: e.target.value })} />
        </Field>
        <Field label={t('federation.enrol.transport')}>
          <select name="transport" value={d.transport} onChange={(e) => setD({ ...d, transport: e.target.value as Transport })}>
            {TRANSPORTS.map((tr) => (
              <option key={tr} value={tr}>
                {t(TRANSPORT_KEYS[tr])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('federation.enrol.agencies')} hint={t('federation.enrol.agenciesHint')}>
          <input name="agencies" dir="ltr" className="code" autoComplete="off" spellCheck={false} value={d.agencies} onChange={(e) => setD({ ...d, agencies: e.target.value })} />
        </Field>
        <fieldset className="federation-names">
          <legend>{t('federation.enrol.names')}</legend>
          {LOCALES.map((l) => (
            <Field key={l} label={t(LANGUAGE_KEYS[l])}>
              <input name={`name-${l}`} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'} value={d.names[l]} onChange={(e) => setD({ ...d, names: { ...d.names, [l]: e.target.value } })} />
            </Field>
          ))}
        </fieldset>
        <KeyFields draft={d.key} onChange={(key) => setD((x) => ({ ...x, key }))} onNodeId={(id) => setD((x) => (x.id ? x : { ...x, id }))} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={!ready || submit.busy} data-testid="enrol-submit">
            {submit.busy ? t('federation.enrol.submitting') : t('federation.enrol.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
