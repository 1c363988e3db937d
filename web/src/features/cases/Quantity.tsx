import { useTranslation } from 'react-i18next';
import type { Measure } from '../../api/cases-types.ts';
import { useLocale } from '../../i18n/index.ts';
import { displayUnit, formatMoney, formatQuantityNumber, UNIT_VALUE_KEYS } from './units.ts';

/** A stored seizure quantity (base units) in the locale's digits and a readable unit: `1.5 t`, `١٫٥ طن`. */
export function Quantity({ measure, base, currency }: { measure: Measure; base: number; currency?: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (measure === 'money') {
    return (
      <span className="quantity" data-testid="quantity" data-base={base} data-unit={currency ?? ''}>
        <bdi>{formatMoney(locale, base, currency ?? 'MAD')}</bdi>
      </span>
    );
  }
  const { unit, value } = displayUnit(measure, base);
  return (
    <span className="quantity" data-testid="quantity" data-base={base} data-unit={unit}>
      {t(UNIT_VALUE_KEYS[unit], { n: formatQuantityNumber(locale, value) })}
    </span>
  );
}
