import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { Link } from '../../app/router.tsx';
import { setLanguage, useLocale } from '../../i18n/index.ts';

/** The frame of the pages anyone may open without logging in (public notice extracts). */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="public-shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{t('public.subtitle')}</span>
        </div>
        <div className="topbar-tools">
          <LanguageSwitch value={locale} onChange={(l) => void setLanguage(l)} />
          <Link to="/" className="button-link button-quiet" data-testid="public-desk">
            {t('public.toDesk')}
          </Link>
        </div>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
