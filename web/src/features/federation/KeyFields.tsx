import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { Ident } from '../../ui/Ident.tsx';
import type { Jwk } from './federation-api.ts';
import { parseHandover, thumbprintOf } from './jwk.ts';

/** The key as typed: the handed-over text and the thumbprint read out of band. */
export interface KeyDraft {
  text: string;
  thumbprint: string;
}

export const emptyKey = (): KeyDraft => ({ text: '', thumbprint: '' });

/** The key to send, when the text holds one and a thumbprint of the right length was typed. */
export function keyOf(d: KeyDraft): { jwk: Jwk; thumbprint: string } | null {
  const parsed = parseHandover(d.text);
  const thumbprint = d.thumbprint.trim();
  return parsed && thumbprint.length === 43 ? { jwk: parsed.jwk, thumbprint } : null;
}

/**
 * A partner's public key, pasted or read from the file it handed over, and the thumbprint to
 * check it against. The key's own thumbprint is shown beside it for the officer to compare;
 * the server checks the two again before it pins anything.
 */
export function KeyFields({ draft, onChange, onNodeId }: { draft: KeyDraft; onChange: (d: KeyDraft) => void; onNodeId?: (id: string) => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const parsed = draft.text.trim() ? parseHandover(draft.text) : null;
  const [own, setOwn] = useState<string | null>(null);
  const x = parsed?.jwk.x;

  useEffect(() => {
    let current = true;
    setOwn(null);
    if (parsed) void thumbprintOf(parsed.jwk).then((tp) => current && setOwn(tp));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key's only variable member
  }, [x]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    onChange({ ...draft, text });
    const nodeId = parseHandover(text)?.nodeId;
    if (nodeId) onNodeId?.(nodeId);
  };

  const typed = draft.thumbprint.trim();
  const compared = own && typed.length === 43 ? (own === typed ? 'match' : 'mismatch') : null;
  return (
    <fieldset className="federation-key">
      <legend>{t('federation.key.legend')}</legend>
      <Field label={t('federation.key.jwk')} hint={t('federation.key.jwkHint')} error={draft.text.trim() && !parsed ? t('federation.key.notAKey') : undefined}>
        <textarea name="jwk" dir="ltr" className="code" rows={3} spellCheck={false} autoComplete="off" value={draft.text} onChange={(e) => onChange({ ...draft, text: e.target.value })} />
      </Field>
      <div className="field">
        <label htmlFor={fileId}>{t('federation.key.file')}</label>
        <input id={fileId} type="file" name="jwkFile" accept=".json,.jwk,application/json" onChange={(e) => void onFile(e)} />
      </div>
      {own && (
        <p className="small" data-testid="key-own-thumbprint">
          {t('federation.key.ownThumbprint')} <Ident className="code">{own}</Ident>
        </p>
      )}
      <Field label={t('federation.key.thumbprint')} hint={t('federation.key.thumbprintHint')} error={compared === 'mismatch' ? t('federation.key.mismatch') : undefined}>
        <input
          name="thumbprint"
          dir="ltr"
          className="code"
          required
          minLength={43}
          maxLength={43}
          spellCheck={false}
          autoComplete="off"
          value={draft.thumbprint}
          onChange={(e) => onChange({ ...draft, thumbprint: e.target.value })}
        />
      </Field>
      {compared === 'match' && (
        <p className="status-ok small" data-testid="key-thumbprint-match">
          {t('federation.key.match')}
        </p>
      )}
    </fieldset>
  );
}
