import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { GANG_KINDS, type GangKind } from '../../api/cases-types.ts';
import { type Locale, type TlpLevel } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { TlpOptions } from '../../ui/TlpOptions.tsx';
import { GANG_KIND_KEYS } from '../cases/labels.ts';
import { RegionSelect } from '../cases/RegionSelect.tsx';

/** What both the new-gang form and the edit form ask for; the server's limits (CreateGangSchema). */
export interface GangDraft {
  name: string;
  kind: GangKind | '';
  region: string;
  tlp: TlpLevel;
}

export const NAME_MAX = 200;
export const REGION_MAX = 100;

export type GangProblems = Partial<Record<'name' | 'kind' | 'region', string>>;

/** The draft's problems as translated messages, checked before anything is sent. */
export function gangProblems(d: GangDraft, t: TFunction, locale: Locale): GangProblems {
  const p: GangProblems = {};
  const tooLong = (max: number) => t('gangs.form.tooLong', { n: formatNumber(locale, max) });
  if (!d.name.trim()) p.name = t('gangs.form.required');
  else if (d.name.trim().length > NAME_MAX) p.name = tooLong(NAME_MAX);
  if (!d.kind) p.kind = t('gangs.form.kindRequired');
  if (!d.region.trim()) p.region = t('gangs.form.required');
  else if (d.region.trim().length > REGION_MAX) p.region = tooLong(REGION_MAX);
  return p;
}

/** Name, kind, region and handling code: the fields of a gang itself. */
export function GangFields({ draft, onChange, problems }: { draft: GangDraft; onChange: (d: GangDraft) => void; problems: GangProblems }) {
  const { t } = useTranslation();
  const set = (k: keyof GangDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [k]: e.target.value });
  return (
    <>
      <Field label={t('gangs.form.name')} error={problems.name}>
        <input name="gangName" dir="auto" value={draft.name} onChange={set('name')} />
      </Field>
      <Field label={t('gangs.form.kind')} error={problems.kind}>
        <select name="gangKind" value={draft.kind} onChange={set('kind')}>
          <option value="">{t('gangs.form.chooseKind')}</option>
          {GANG_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(GANG_KIND_KEYS[k])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('gangs.form.region')} error={problems.region}>
        <RegionSelect name="gangRegion" value={draft.region} onChange={(region) => onChange({ ...draft, region })} empty={t('cases.region.choose')} />
      </Field>
      <Field label={t('gangs.form.tlp')}>
        <select name="gangTlp" value={draft.tlp} onChange={set('tlp')}>
          <TlpOptions />
        </select>
      </Field>
    </>
  );
}
