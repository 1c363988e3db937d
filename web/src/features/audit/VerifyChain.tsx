import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AuditVerifyResult } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

const REASON_KEYS: Record<string, string> = {
  hash_mismatch: 'audit.verify.reason.hash_mismatch',
  chain_broken: 'audit.verify.reason.chain_broken',
  sequence_gap: 'audit.verify.reason.sequence_gap',
};

/** Recomputes the hash chain on the server: a broken link means the log was altered. */
export function VerifyChain() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.verifyAudit());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="verify">
      <button type="button" onClick={() => void verify()} disabled={busy} data-testid="verify-chain">
        {busy ? t('audit.verify.running') : t('audit.verify.button')}
      </button>
      <div aria-live="polite" className="verify-result">
        {result?.ok && (
          <p className="status-ok" data-testid="verify-ok">
            {t('audit.verify.ok', { count: result.entries, n: formatNumber(locale, result.entries) })}
          </p>
        )}
        {result && !result.ok && (
          <p className="status-broken" data-testid="verify-broken">
            {t('audit.verify.broken', { seq: formatNumber(locale, result.brokenSeq ?? 0) })}{' '}
            {result.reason && REASON_KEYS[result.reason] ? t(REASON_KEYS[result.reason]) : ''}
          </p>
        )}
        {error != null && <ErrorBox error={error} />}
      </div>
    </div>
  );
}
