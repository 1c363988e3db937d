import { useTranslation } from 'react-i18next';
import { readRegion, REGIONS, regionName } from '../../../../src/core/regions.ts';
import type { Locale } from '../../api/types.ts';
import { isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';

const sorted = new Map<Locale, Array<{ code: string; name: string }>>();

/** The twelve regions named in the locale, in its alphabetical order (Intl.Collator). */
export function regionOptions(locale: Locale): Array<{ code: string; name: string }> {
  let list = sorted.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = REGIONS.map((r) => ({ code: r.code, name: r.names[locale] })).sort((a, b) => collator.compare(a.name, b.name));
    sorted.set(locale, list);
  }
  return list;
}

/** The code a stored value stands for (a code, or a name stored before the catalogue), or null for other text. */
export function regionCodeOf(value: string): string | null {
  const r = readRegion(value);
  return r.kind === 'region' ? r.code : null;
}

/** A stored region as plain text (charts, option labels): its name in the locale, or the text as typed. */
export const regionLabel = (value: string, locale: Locale): string => {
  const code = regionCodeOf(value);
  return code ? regionName(code, locale) : value;
};

/**
 * A region chosen from the list of the twelve. A value that names none of them (a record typed
 * before the catalogue) is kept as an extra option "… (as typed)", selected, so that editing the
 * record does not lose it; a name stored before the catalogue shows as its region.
 */
export function RegionSelect({
  name,
  value,
  onChange,
  empty,
  ...aria
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** the label of the empty choice: "Choose a region" on a form, "All" on a filter */
  empty: string;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const typed = value.trim();
  const code = typed ? regionCodeOf(typed) : null;
  return (
    <select name={name} value={code ?? typed} onChange={(e) => onChange(e.target.value)} data-testid="region-select" {...aria}>
      <option value="">{empty}</option>
      {typed && !code && (
        <option value={typed} data-as-typed="true">
          {t('cases.region.asTyped', { value: isolate(typed) })}
        </option>
      )}
      {regionOptions(locale).map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

/** A stored region for reading: its name in the locale; text that names no region as typed, marked. */
export function RegionName({ value }: { value: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const code = regionCodeOf(value);
  if (code) return <bdi data-region={code}>{regionName(code, locale)}</bdi>;
  return (
    <span className="region-as-typed" title={t('cases.region.notRecognised')} data-region="">
      {t('cases.region.asTyped', { value: isolate(value) })}
    </span>
  );
}

/** Where something happened: the region by name, then the city and place as typed, joined by " · ". */
export function RegionPlace({ region, more = [] }: { region: string; more?: ReadonlyArray<string | null> }) {
  const rest = more.filter(Boolean).join(' · ');
  return (
    <>
      <RegionName value={region} />
      {rest && (
        <>
          {' · '}
          <bdi dir="auto">{rest}</bdi>
        </>
      )}
    </>
  );
}
