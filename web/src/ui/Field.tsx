import { type ReactElement, cloneElement, useId } from 'react';

/** A labelled form control; the label's `for` and an optional hint are wired to the child. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {cloneElement(children, { id, 'aria-describedby': hintId })}
    </div>
  );
}
