import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TlpLevel } from '../../api/types.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { identText } from '../../ui/Ident.tsx';
import { TlpOptions } from '../../ui/TlpOptions.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { FederationError } from './errors.tsx';
import { type Agreement, type AgreementInput, CATEGORIES, type Category, DIRECTIONS, type Direction, federationApi, type Partner } from './federation-api.ts';
import { CATEGORY_KEYS, DIRECTION_KEYS, partnerName } from './labels.ts';

const today = () => new Date().toISOString().slice(0, 10);

interface Draft {
  partner: string;
  direction: Direction;
  categories: Category[];
  maxTlp: TlpLevel;
  mayForward: boolean;
  validFrom: string;
  validTo: string;
  legalBasis: string;
  clause: string;
  suspended: boolean;
}

const draftOf = (a: Agreement | undefined, partner: string): Draft =>
  a
    ? { ...a, validTo: a.validTo ?? '', categories: [...a.categories] }
    : { partner, direction: 'outbound', categories: [], maxTlp: 'AMBER', mayForward: false, validFrom: today(), validTo: '', legalBasis: '', clause: '', suspended: false };

/** The categories shown as two groups: the notices (each type on its own), then the other items. */
const NOTICE_CATEGORIES = CATEGORIES.filter((c) => c.startsWith('notice.') || c === 'diffusion');
const OTHER_CATEGORIES = CATEGORIES.filter((c) => !NOTICE_CATEGORIES.includes(c));

/**
 * Writes a sharing agreement with one partner in one direction, or changes one (its partner and
 * direction stay, as the server requires).
 */
export function AgreementForm({ agreement, partners, defaultPartner, onSaved, onCancel }: { agreement?: Agreement; partners: Partner[]; defaultPartner?: string; onSaved: (a: Agreement) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [d, setD] = useState<Draft>(() => draftOf(agreement, defaultPartner ?? partners[0]?.id ?? ''));
  const submit = useSubmit();
  const editing = agreement !== undefined;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const toggle = (c: Category, on: boolean) => setD((x) => ({ ...x, categories: on ? [...new Set([...x.categories, c])] : x.categories.filter((y) => y !== c) }));
  const badDates = d.validTo !== '' && d.validTo < d.validFrom;
  const ready = d.partner && d.categories.length > 0 && d.validFrom && !badDates && d.legalBasis.trim() && d.clause.trim();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: AgreementInput = {
      partner: d.partner,
      direction: d.direction,
      categories: CATEGORIES.filter((c) => d.categories.includes(c)),
      maxTlp: d.maxTlp,
      mayForward: d.mayForward,
      validFrom: d.validFrom,
      validTo: d.validTo || null,
      legalBasis: d.legalBasis.trim(),
      clause: d.clause.trim(),
      suspended: d.suspended,
    };
    void submit.run(async () => onSaved(agreement ? await federationApi.updateAgreement(agreement.id, body) : await federationApi.createAgreement(body)));
  };

  const boxes = (list: readonly Category[]) => (
    <ul className="federation-categories">
      {list.map((c) => (
        <li key={c}>
          <label className="check">
            <input type="checkbox" name="categories" value={c} checked={d.categories.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            {t(CATEGORY_KEYS[c])}
          </label>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="panel" aria-labelledby="agreement-form-title" data-testid="agreement-form">
      <h2 id="agreement-form-title">{editing ? t('federation.agreements.editTitle') : t('federation.agreements.newTitle')}</h2>
      {submit.error != null && <FederationError error={submit.error} testId="agreement-error" />}
      <form onSubmit={onSubmit} className="form-grid">
        <Field label={t('federation.agreements.partner')} hint={editing ? t('federation.agreements.fixedHint') : undefined}>
          <select name="partner" required disabled={editing} value={d.partner} onChange={(e) => set('partner', e.target.value)}>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {identText(p.id)} — {partnerName(p, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('federation.agreements.direction')} hint={t('federation.agreements.directionHint')}>
          <select name="direction" disabled={editing} value={d.direction} onChange={(e) => set('direction', e.target.value as Direction)}>
            {DIRECTIONS.map((x) => (
              <option key={x} value={x}>
                {t(DIRECTION_KEYS[x])}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="federation-fieldset federation-wide" data-fieldset="categories">
          <legend>{t('federation.agreements.categories')}</legend>
          <p className="hint">{t('federation.agreements.noticeCategories')}</p>
          {boxes(NOTICE_CATEGORIES)}
          <p className="hint">{t('federation.agreements.otherCategories')}</p>
          {boxes(OTHER_CATEGORIES)}
        </fieldset>
        <Field label={t('federation.agreements.maxTlp')} hint={t('federation.agreements.maxTlpHint')}>
          <select name="maxTlp" value={d.maxTlp} onChange={(e) => set('maxTlp', e.target.value as TlpLevel)}>
            <TlpOptions />
          </select>
        </Field>
        <Field label={t('federation.agreements.validFrom')}>
          <input name="validFrom" type="date" required value={d.validFrom} onChange={(e) => set('validFrom', e.target.value)} />
        </Field>
        <Field label={t('federation.agreements.validTo')} hint={t('federation.agreements.validToHint')} error={badDates ? t('federation.errors.invalid_validity') : undefined}>
          <input name="validTo" type="date" value={d.validTo} onChange={(e) => set('validTo', e.target.value)} />
        </Field>
        <Field label={t('federation.agreements.clause')} hint={t('federation.agreements.clauseHint')}>
          <input name="clause" dir="auto" required maxLength={200} value={d.clause} onChange={(e) => set('clause', e.target.value)} />
        </Field>
        <div className="federation-wide">
          <Field label={t('federation.agreements.legalBasis')} hint={t('federation.agreements.legalBasisHint')}>
            <textarea name="legalBasis" dir="auto" required rows={2} maxLength={2000} value={d.legalBasis} onChange={(e) => set('legalBasis', e.target.value)} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" name="mayForward" checked={d.mayForward} onChange={(e) => set('mayForward', e.target.checked)} />
          {t('federation.agreements.mayForward')}
        </label>
        <label className="check">
          <input type="checkbox" name="suspended" checked={d.suspended} onChange={(e) => set('suspended', e.target.checked)} />
          {t('federation.agreements.suspendedBox')}
        </label>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={!ready || submit.busy} data-testid="agreement-submit">
            {editing ? t('federation.agreements.save') : t('federation.agreements.create')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('federation.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
