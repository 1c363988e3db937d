import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NewAttachment, type TlpLevel, type Urgency } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { TlpOptions } from '../../ui/TlpOptions.tsx';
import { URGENCY_KEYS } from '../notices/labels.ts';
import { formatSize } from './format-size.ts';

/** The server refuses bigger files (src/messages/message.ts MAX_ATTACHMENT_BYTES); saying so here saves an upload. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export interface Composed {
  tlp: TlpLevel;
  urgency: Urgency;
  attachments: Array<NewAttachment & { size: number }>;
}

/** Handling code, urgency and attachments, shared by the new-thread and reply forms. */
export function ComposeExtras({ value, onChange }: { value: Composed; onChange: (v: Composed) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    setTooBig(null);
    const picked = [...(files ?? [])];
    const big = picked.find((f) => f.size > MAX_ATTACHMENT_BYTES);
    if (big) return setTooBig(big.name);
    const read = await Promise.all(
      picked.map(async (f) => ({ filename: f.name, mediaType: f.type || 'application/octet-stream', contentBase64: await readAsBase64(f), size: f.size })),
    );
    onChange({ ...value, attachments: [...value.attachments, ...read].slice(0, MAX_ATTACHMENTS) });
  };
  return (
    <>
      <div className="form-grid">
        <Field label={t('messages.compose.tlp')}>
          <select name="tlp" value={value.tlp} onChange={(e) => onChange({ ...value, tlp: e.target.value as TlpLevel })}>
            <TlpOptions />
          </select>
        </Field>
        <Field label={t('messages.compose.urgency')} hint={t('messages.compose.urgencyHint')}>
          <select name="urgency" value={value.urgency} onChange={(e) => onChange({ ...value, urgency: e.target.value as Urgency })}>
            <option value="normal">{t(URGENCY_KEYS.normal)}</option>
            <option value="urgent">{t(URGENCY_KEYS.urgent)}</option>
          </select>
        </Field>
        <Field
          label={t('messages.compose.attachments')}
          hint={t('messages.compose.attachmentsHint', { size: formatSize(MAX_ATTACHMENT_BYTES), count: MAX_ATTACHMENTS, n: formatNumber(locale, MAX_ATTACHMENTS) })}
          error={tooBig ? t('messages.compose.tooBig', { name: tooBig }) : undefined}
        >
          <input type="file" name="attachments" multiple onChange={(e) => void add(e.target.files)} />
        </Field>
      </div>
      {value.attachments.length > 0 && (
        <ul className="inline-list" data-testid="pending-attachments">
          {value.attachments.map((a, i) => (
            <li key={`${a.filename}-${i}`}>
              <bdi dir="auto">{a.filename}</bdi> <span className="muted small">{formatSize(a.size)}</span>{' '}
              <button
                type="button"
                className="button-small"
                onClick={() => onChange({ ...value, attachments: value.attachments.filter((_, j) => j !== i) })}
              >
                {t('notices.wizard.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The attachments without their local size, as the API takes them. */
export const wireAttachments = (c: Composed): NewAttachment[] | undefined =>
  c.attachments.length ? c.attachments.map(({ filename, mediaType, contentBase64 }) => ({ filename, mediaType, contentBase64 })) : undefined;
