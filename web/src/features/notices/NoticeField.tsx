import { cloneElement, type ReactElement, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult, FieldPath, NoticeType } from '../../api/types.ts';
import { NOTICE_SPECS } from '../../../../src/notices/notice.ts';
import { FieldChecks } from './checks.tsx';

/** "mandatory" / "recommended" next to a label, from the type's catalogue entry. */
export function Requirement({ type, field }: { type?: NoticeType; field: string }) {
  const { t } = useTranslation();
  if (!type) return null;
  const spec = NOTICE_SPECS[type];
  if (spec.mandatory.includes(field as FieldPath)) return <span className="requirement requirement-mandatory">{t('notices.wizard.mandatory')}</span>;
  if (spec.recommended.includes(field as FieldPath)) return <span className="requirement">{t('notices.wizard.recommended')}</span>;
  return null;
}

type Control = ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'data-field'?: string }>;

/**
 * A labelled control of the notice form with its live checks under it: the control is marked
 * invalid while an error stands on its field, and described by the checks so a screen reader
 * reads them with the field.
 */
export function NoticeField({
  label,
  field,
  type,
  checks,
  hint,
  children,
}: {
  label: string;
  field: string;
  type?: NoticeType;
  checks: CheckResult[];
  hint?: string;
  children: Control;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const mine = checks.filter((c) => c.field === field && c.severity !== 'info');
  const checksId = mine.length ? `${id}-checks` : undefined;
  const invalid = mine.some((c) => c.severity === 'error');
  return (
    <div className={`field ${invalid ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label} <Requirement type={type} field={field} />
      </label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {cloneElement(children, {
        id,
        'aria-describedby': [checksId, hintId].filter(Boolean).join(' ') || undefined,
        'aria-invalid': invalid || undefined,
        'data-field': field,
      })}
      <FieldChecks checks={checks} field={field} id={checksId} />
    </div>
  );
}

/** A group of controls (the names, the identifiers) with the checks of its field. */
export function NoticeFieldset({
  legend,
  field,
  type,
  checks,
  children,
}: {
  legend: string;
  field: string;
  type?: NoticeType;
  checks: CheckResult[];
  children: ReactNode;
}) {
  return (
    <fieldset className="notice-fieldset" data-fieldset={field}>
      <legend>
        {legend} <Requirement type={type} field={field} />
      </legend>
      {children}
      <FieldChecks checks={checks} field={field} />
    </fieldset>
  );
}
