import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function LoginPage({ expired }: { expired?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { login, changeLocale } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch value={locale} onChange={(l) => void changeLocale(l)} />
      </div>
      <main className="login-card" id="main">
        <p className="brand-name login-brand">{t('app.name')}</p>
        <p className="muted">{t('app.subtitle')}</p>
        <PageHeader title={t('login.title')} />
        {expired && !error && (
          <p className="notice" role="status">
            {t('session.expired')}
          </p>
        )}
        {error != null && <ErrorBox error={error} />}
        <form onSubmit={submit} className="stack">
          <Field label={t('login.username')}>
            <input
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              dir="ltr"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field label={t('login.password')}>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              dir="ltr"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="muted small">{t('login.notice')}</p>
        <p>
          <Link to="/public/notices" data-testid="public-notices-link">
            {t('login.publicNotices')}
          </Link>
        </p>
      </main>
    </div>
  );
}
