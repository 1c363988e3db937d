import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type Agency, LOCALES, type Locale, type NewUser, ROLES } from '../../api/types.ts';
import { useMe } from '../../app/session.tsx';
import { isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { LANGUAGE_KEYS, ROLE_KEYS } from './labels.ts';

const MIN_PASSWORD = 12;

const empty = (agencyId: string, locale: Locale): NewUser => ({
  username: '',
  displayName: '',
  password: '',
  agencyId,
  roles: [],
  locale,
});

export function AddUserForm({ agencies, onCreated }: { agencies: Agency[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [form, setForm] = useState<NewUser>(() => empty('', locale));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  // a new colleague is most often of the administrator's own agency
  const agencyId = form.agencyId || agencies.find((a) => a.id === me.agency.id)?.id || agencies[0]?.id || '';

  const set = <K extends keyof NewUser>(k: K, v: NewUser[K]) => setForm((f) => ({ ...f, [k]: v }));
  const toggleRole = (role: string, on: boolean) =>
    setForm((f) => ({ ...f, roles: on ? [...f.roles, role] : f.roles.filter((r) => r !== role) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const user = await api.createUser({ ...form, agencyId, username: form.username.trim(), displayName: form.displayName.trim() });
      setCreated(user.username);
      setForm(empty(agencyId, form.locale));
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel add-user" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('admin.users.add.title')}</h2>
      {error != null && <ErrorBox error={error} />}
      {created && (
        <p className="status-ok" role="status" data-testid="user-created">
          {t('admin.users.add.created', { username: isolate(created) })}
        </p>
      )}
      <form onSubmit={submit} className="form-grid">
        <Field label={t('admin.users.add.username')}>
          <input name="username" dir="ltr" required autoComplete="off" spellCheck={false} value={form.username} onChange={(e) => set('username', e.target.value)} />
        </Field>
        <Field label={t('admin.users.add.displayName')}>
          <input name="displayName" dir="auto" required value={form.displayName} onChange={(e) => set('displayName', e.target.value)} />
        </Field>
        <Field label={t('admin.users.add.password')} hint={t('admin.users.add.passwordHint', { min: MIN_PASSWORD })}>
          <input
            name="password"
            type="password"
            dir="ltr"
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
        <Field label={t('admin.users.add.agency')}>
          <select name="agencyId" required value={agencyId} onChange={(e) => set('agencyId', e.target.value)}>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} — {a.names[locale] || a.names.en}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.users.add.locale')}>
          <select name="locale" value={form.locale} onChange={(e) => set('locale', e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(LANGUAGE_KEYS[l])}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="roles">
          <legend>{t('admin.users.add.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" name="roles" value={r} checked={form.roles.includes(r)} onChange={(e) => toggleRole(r, e.target.checked)} />
              {t(ROLE_KEYS[r])}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy || form.roles.length === 0 || !agencyId}>
            {busy ? t('admin.users.add.submitting') : t('admin.users.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
