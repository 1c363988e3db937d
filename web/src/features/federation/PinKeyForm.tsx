import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ident } from '../../ui/Ident.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { FederationError } from './errors.tsx';
import { federationApi } from './federation-api.ts';
import { emptyKey, KeyFields, keyOf } from './KeyFields.tsx';

/** Pins one more key of a partner (its rotation), during the overlap its old key is still accepted. */
export function PinKeyForm({ partnerId, onPinned, onCancel }: { partnerId: string; onPinned: (kid: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(emptyKey);
  const submit = useSubmit();
  const key = keyOf(draft);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!key) return;
    void submit.run(async () => {
      const { kid } = await federationApi.pinKey(partnerId, key.jwk, key.thumbprint);
      onPinned(kid);
    });
  };

  return (
    <form onSubmit={onSubmit} className="panel stack" data-testid="pin-key-form" aria-labelledby="pin-key-title">
      <h3 id="pin-key-title">
        {t('federation.pin.title')} <Ident className="code">{partnerId}</Ident>
      </h3>
      <p className="hint">{t('federation.pin.intro')}</p>
      {submit.error != null && <FederationError error={submit.error} testId="pin-error" />}
      <KeyFields draft={draft} onChange={setDraft} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!key || submit.busy} data-testid="pin-submit">
          {t('federation.pin.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('federation.cancel')}
        </button>
      </div>
    </form>
  );
}
