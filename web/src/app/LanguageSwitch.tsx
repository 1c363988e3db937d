import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types.ts';

const LANGUAGE_KEYS: Record<Locale, string> = {
  ar: 'language.ar',
  fr: 'language.fr',
  en: 'language.en',
  es: 'language.es',
};

/**
 * The four official languages as a group of toggle buttons. Each name is written in
 * its own language (and marked with its `lang`) so a reader always finds their own.
 */
export function LanguageSwitch({ value, onChange, disabled }: { value: Locale; onChange: (locale: Locale) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          dir={l === 'ar' ? 'rtl' : 'ltr'}
          aria-pressed={value === l}
          disabled={disabled}
          onClick={() => value !== l && onChange(l)}
        >
          {t(LANGUAGE_KEYS[l])}
        </button>
      ))}
    </div>
  );
}
