import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import { useLocale } from '../i18n/index.ts';
import { ErrorBox } from '../ui/ErrorBox.tsx';
import { NotificationBell } from '../features/notices/NotificationBell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Link, navigate, useRoute } from './router.tsx';
import { type WebModule, navFor } from './module.ts';
import { useMe, useSession } from './session.tsx';

type NavItem = ReturnType<typeof navFor>[number];

export function Layout({ modules, children }: { modules: readonly WebModule[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout, changeLocale } = useSession();
  const route = useRoute();
  const locale = useLocale();
  const [localeError, setLocaleError] = useState<unknown>(null);
  const mainRef = useRef<HTMLElement>(null);
  const path = route.segments.join('/');

  // Move focus to the new page so keyboard and screen-reader users land on it, unless the
  // page has already put it on its first field (the Check page's name field).
  useEffect(() => {
    if (!mainRef.current?.contains(document.activeElement)) mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  const items = navFor(modules, me);
  const adminItems = navFor(modules, me, 'admin');
  const isCurrent = (i: NavItem) =>
    i.match.length === 0 ? route.segments.length === 0 : i.match.every((s, n) => route.segments[n] === s);

  const onLocale = (l: Locale) => {
    setLocaleError(null);
    changeLocale(l).catch(setLocaleError);
  };

  const renderItem = (i: NavItem) => (
    <li key={i.to}>
      <Link to={i.to} aria-current={isCurrent(i) ? 'page' : undefined}>
        {t(i.labelKey)}
      </Link>
    </li>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <div className="topbar-tools">
          <div className="whoami" data-testid="whoami">
            <span className="whoami-name">
              <bdi>{me.displayName}</bdi>
            </span>
            <span className="whoami-agency">
              <bdi dir="ltr">{me.agency.code}</bdi> · <bdi>{me.agency.names[locale] ?? me.agency.code}</bdi>
            </span>
          </div>
          <NotificationBell />
          <LanguageSwitch value={locale} onChange={onLocale} />
          <button type="button" className="button-quiet" onClick={() => void logout().then(() => navigate('/'))}>
            {t('session.logout')}
          </button>
        </div>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label={t('nav.label')}>
          <ul>{items.map(renderItem)}</ul>
          {adminItems.length > 0 && (
            <>
              <h2 className="sidenav-heading">{t('nav.admin')}</h2>
              <ul>{adminItems.map(renderItem)}</ul>
            </>
          )}
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1}>
          {localeError != null && <ErrorBox error={localeError} />}
          {children}
        </main>
      </div>
    </div>
  );
}
