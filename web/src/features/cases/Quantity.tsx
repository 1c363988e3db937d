import { useTranslation } from 'react-i18next';
import type { Measure } from '../../api/cases-types.ts';
import { useLocale } from '../../i18n/index.ts';
import { displayUnit, formatHeadline, formatMoney, formatMoneyHeadline, formatQuantityNumber, UNIT_VALUE_KEYS } from './units.ts';

/**
 * A stored seizure quantity (base units) in the locale's digits and a readable unit: `1.5 t`, `١٫٥ طن`.
 * `compact` (headline cards): from a million, compact notation (`1.4M items`), the exact value as its title.
 */
export function Quantity({ measure, base, currency, compact = false }: { measure: Measure; base: number; currency?: string | null; compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (measure === 'money') {
    const full = formatMoney(locale, base, currency ?? 'MAD');
    const shown = compact ? formatMoneyHeadline(locale, base, currency ?? 'MAD') : full;
    return (
      <span className="quantity" data-testid="quantity" data-base={base} data-unit={currency ?? ''} title={shown !== full ? full : undefined}>
        <bdi>{shown}</bdi>
      </span>
    );
  }
  const { unit, value } = displayUnit(measure, base);
  const full = t(UNIT_VALUE_KEYS[unit], { n: formatQuantityNumber(locale, value) });
  const shown = compact ? t(UNIT_VALUE_KEYS[unit], { n: formatHeadline(locale, value) }) : full;
  return (
    <span className="quantity" data-testid="quantity" data-base={base} data-unit={unit} title={shown !== full ? full : undefined}>
      {shown}
    </span>
  );
}
