import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { purposeHeader } from '../../api/client.ts';
import { Field } from '../../ui/Field.tsx';

/**
 * The purpose an officer states for their checks ("arrivals, flight AT 801"), sent as
 * `x-purpose` with every screening call and kept for the browser tab's session (it is
 * forgotten on logout) so that it is typed once per shift, not once per check.
 */
const STORAGE_KEY = 'ribat.screening.purpose';
/** What the server accepts in `x-purpose`. */
export const PURPOSE_MAX = 200;

let memory: string | null = null;
const listeners = new Set<() => void>();

function read(): string {
  if (memory !== null) return memory;
  try {
    memory = globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    memory = ''; // storage disabled: remembered in memory only
  }
  return memory;
}

export function setPurpose(value: string): void {
  memory = value;
  try {
    if (value) globalThis.sessionStorage?.setItem(STORAGE_KEY, value);
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: remembered in memory only
  }
  for (const l of listeners) l();
}

/** Called on logout: the next officer states their own purpose. */
export function forgetPurpose(): void {
  setPurpose('');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePurpose(): [string, (value: string) => void] {
  const value = useSyncExternalStore(subscribe, read, () => '');
  return [value, setPurpose];
}

/** The purpose is too long once encoded for the header (Arabic takes six bytes a letter). */
export const purposeTooLong = (value: string): boolean => purposeHeader(value).length > PURPOSE_MAX;

export function PurposeField() {
  const { t } = useTranslation();
  const [purpose, setValue] = usePurpose();
  const tooLong = purposeTooLong(purpose);
  return (
    <div className="purpose-bar">
      <Field label={t('screening.purpose.label')} hint={tooLong ? t('screening.purpose.tooLong') : t('screening.purpose.hint')}>
        <input
          name="purpose"
          dir="auto"
          autoComplete="off"
          maxLength={PURPOSE_MAX}
          aria-invalid={tooLong || undefined}
          placeholder={t('screening.purpose.placeholder')}
          value={purpose}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
    </div>
  );
}
