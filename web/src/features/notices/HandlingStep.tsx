import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublicField, type TlpLevel } from '../../api/types.ts';
import { NOTICE_SPECS, PUBLIC_FIELDS } from '../../../../src/notices/notice.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { TlpOptions } from '../../ui/TlpOptions.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { useLocale } from '../../i18n/index.ts';
import { noticeCategory } from '../federation/federation-api.ts';
import { WhoReceives } from '../federation/WhoReceives.tsx';
import { recipientName, useRecipients } from '../messages/use-recipients.ts';
import { FieldChecks } from './checks.tsx';
import { PUBLIC_FIELD_KEYS } from './labels.ts';
import type { StepProps } from './TypeStep.tsx';
import { restrictedToNamedAgencies } from '../../../../src/notices/public-extract.ts';
import { extractConflictsWithHandling } from './wizard-state.ts';

const toggle = <T,>(list: T[], v: T, on: boolean): T[] => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));

/** Step 5: handling code, named agencies, diffusion recipients and the public extract. */
export function HandlingStep({ draft, update, checks }: StepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useRecipients();
  const spec = draft.type ? NOTICE_SPECS[draft.type] : undefined;
  const isDiffusion = draft.type === 'diffusion';
  // a public extract is for anyone: never for a notice restricted to named agencies (the server's rule)
  const restricted = restrictedToNamedAgencies({ tlp: draft.tlp, restrictedTo: isDiffusion ? draft.recipients : draft.restrictedTo });
  const conflicting = extractConflictsWithHandling(draft);
  const unavailableId = useId();
  // the boundary names agencies by code; the draft holds their ids
  const codesOf = (ids: string[]) => (agencies.data ?? []).filter((a) => ids.includes(a.id)).map((a) => a.code);

  const agencyBoxes = (name: string, selected: string[], onChange: (id: string, on: boolean) => void) =>
    agencies.data && (
      <ul className="agency-choices">
        {agencies.data.map((a) => (
          <li key={a.id}>
            <label className="check">
              <input type="checkbox" name={name} value={a.code} checked={selected.includes(a.id)} onChange={(e) => onChange(a.id, e.target.checked)} />
              <bdi dir="ltr" className="code">
                {a.code}
              </bdi>{' '}
              <bdi dir="auto">{recipientName(a, locale)}</bdi>
            </label>
          </li>
        ))}
      </ul>
    );

  return (
    <div className="stack">
      <div className="form-grid">
        <Field label={t('notices.field.tlp')} hint={t('notices.wizard.tlpHint')}>
          <select name="tlp" value={draft.tlp} onChange={(e) => update((d) => ({ ...d, tlp: e.target.value as TlpLevel }))}>
            <TlpOptions />
          </select>
        </Field>
        <p className="tlp-preview">
          <TlpBadge level={draft.tlp} />
        </p>
      </div>
      {agencies.error != null && <ErrorBox error={agencies.error} />}
      {agencies.loading && !agencies.data && <Loading />}
      {isDiffusion && (
        <fieldset className="notice-fieldset" data-fieldset="recipients">
          <legend>
            {t('notices.field.recipients')} <span className="requirement requirement-mandatory">{t('notices.wizard.mandatory')}</span>
          </legend>
          <p className="hint">{t('notices.wizard.recipientsHint')}</p>
          {agencyBoxes('recipients', draft.recipients, (id, on) => update((d) => ({ ...d, recipients: toggle(d.recipients, id, on) })))}
          <FieldChecks checks={checks} field="recipients" />
        </fieldset>
      )}
      <fieldset className="notice-fieldset">
        <legend>{t('notices.field.restrictedTo')}</legend>
        <p className="hint">{t('notices.wizard.restrictedHint')}</p>
        {agencyBoxes('restrictedTo', draft.restrictedTo, (id, on) => update((d) => ({ ...d, restrictedTo: toggle(d.restrictedTo, id, on) })))}
      </fieldset>
      {spec?.publicExtract && (
        <fieldset className="notice-fieldset" data-testid="public-extract" data-fieldset="publicExtract">
          <legend>{t('notices.field.publicExtract')}</legend>
          {conflicting && (
            <div className="notice extract-warning" role="alert" data-testid="public-extract-restricted">
              <p>{t('notices.wizard.publicExtractRestricted')}</p>
              <button type="button" className="button-small" onClick={() => update((d) => ({ ...d, publicExtract: false }))} data-testid="drop-public-extract">
                {t('notices.wizard.dropPublicExtract')}
              </button>
            </div>
          )}
          <label className="check">
            <input
              type="checkbox"
              name="publicExtract"
              checked={draft.publicExtract}
              // once restricted, an extract can be taken out but not put in
              disabled={restricted && !draft.publicExtract}
              aria-describedby={restricted && !draft.publicExtract ? unavailableId : undefined}
              onChange={(e) => update((d) => ({ ...d, publicExtract: e.target.checked }))}
            />
            {t('notices.wizard.publicExtractAuthorise')}
          </label>
          {restricted && !draft.publicExtract ? (
            <p className="hint" id={unavailableId} data-testid="public-extract-unavailable">
              {t('notices.wizard.publicExtractUnavailable')}
            </p>
          ) : (
            <p className="hint">{t('notices.wizard.publicExtractHint')}</p>
          )}
          {draft.publicExtract && (
            <ul className="agency-choices">
              {PUBLIC_FIELDS.map((f: PublicField) => (
                <li key={f}>
                  <label className="check">
                    <input
                      type="checkbox"
                      name="publicFields"
                      value={f}
                      checked={draft.publicFields.includes(f)}
                      onChange={(e) => update((d) => ({ ...d, publicFields: toggle(d.publicFields, f, e.target.checked) }))}
                    />
                    {t(PUBLIC_FIELD_KEYS[f])}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      {draft.type && <WhoReceives category={noticeCategory(draft.type)} tlp={draft.tlp} restrictedTo={codesOf(isDiffusion ? draft.recipients : draft.restrictedTo)} />}
    </div>
  );
}
