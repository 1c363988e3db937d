import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { identText } from '../../ui/Ident.tsx';
import type { Partner } from './federation-api.ts';
import { partnerName } from './labels.ts';

/** A select of partner nodes (id and name in the desk's language), with "all partners" first. */
export function PartnerFilter({ name, label, value, partners, onChange }: { name: string; label: string; value: string | undefined; partners: readonly Partner[] | undefined; onChange: (partner: string | undefined) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Field label={label}>
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('federation.allPartners')}</option>
        {partners?.map((p) => (
          <option key={p.id} value={p.id}>
            {identText(p.id)} — {partnerName(p, locale)}
          </option>
        ))}
      </select>
    </Field>
  );
}
