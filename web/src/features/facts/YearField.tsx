import { useTranslation } from 'react-i18next';
import { formatYear } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { recentYears } from './filters.ts';

/** The year filter of a list page: all years, or one of the last ten, in the locale's digits. */
export function YearField({ label, value, onChange }: { label: string; value: number | undefined; onChange: (year: string | undefined) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Field label={label}>
      <select name="year" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('facts.list.all')}</option>
        {recentYears().map((y) => (
          <option key={y} value={y}>
            {formatYear(locale, y)}
          </option>
        ))}
      </select>
    </Field>
  );
}
