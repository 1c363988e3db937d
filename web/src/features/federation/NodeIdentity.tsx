import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { FederationError } from './errors.tsx';
import { federationApi } from './federation-api.ts';
import { downloadJson } from './jwk.ts';

/** The server's default overlap: a week for partners to pin the new key. */
const DEFAULT_OVERLAP_HOURS = 7 * 24;

/**
 * This node's id and current key, to hand to a partner (copied or as a file; the partner
 * checks it by its thumbprint, the `kid`, given another way), its published keys, and rotation.
 */
export function NodeIdentity({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const identity = useLoad(() => federationApi.identity(), []);
  const jwks = useLoad(() => federationApi.jwks(), []);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [overlap, setOverlap] = useState(String(DEFAULT_OVERLAP_HOURS));
  const rotation = useSubmit();
  const id = identity.data;
  const jwkText = id ? JSON.stringify(id.jwk) : '';

  const copy = async () => {
    setCopied(false);
    await navigator.clipboard?.writeText(jwkText);
    setCopied(true);
  };

  const rotate = (e: FormEvent) => {
    e.preventDefault();
    void rotation.run(async () => {
      await federationApi.rotateKeys(Number(overlap));
      setConfirming(false);
      identity.reload();
      jwks.reload();
    });
  };

  return (
    <section className="panel" aria-labelledby="node-identity-title" data-testid="node-identity">
      <h2 id="node-identity-title">{t('federation.identity.title')}</h2>
      {identity.error != null && <FederationError error={identity.error} />}
      {identity.loading && !id && <Loading />}
      {id && (
        <>
          <dl className="dl">
            <div className="dl-row">
              <dt>{t('federation.identity.nodeId')}</dt>
              <dd>
                <Ident className="code" testId="node-id">
                  {id.nodeId}
                </Ident>
              </dd>
            </div>
            <div className="dl-row">
              <dt>{t('federation.identity.kid')}</dt>
              <dd>
                <Ident className="code" testId="node-kid">
                  {id.kid}
                </Ident>
              </dd>
            </div>
            <div className="dl-row">
              <dt>{t('federation.identity.jwk')}</dt>
              <dd>
                <pre className="code federation-jwk" dir="ltr" data-testid="node-jwk">
                  {jwkText}
                </pre>
              </dd>
            </div>
          </dl>
          <p className="hint">{t('federation.identity.handoverHint')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => void copy()} data-testid="copy-jwk">
              {t('federation.identity.copy')}
            </button>
            <button type="button" onClick={() => downloadJson(`${id.nodeId}-identity.json`, id)} data-testid="download-identity">
              {t('federation.identity.download')}
            </button>
            {copied && (
              <span className="status-ok" role="status">
                {t('federation.identity.copied')}
              </span>
            )}
          </div>
        </>
      )}
      {jwks.data && (
        <>
          <h3>{t('federation.identity.published')}</h3>
          <ul className="plain-list" data-testid="node-keys">
            {jwks.data.keys.map((k) => (
              <li key={k.kid}>
                <Ident className="code">{k.kid}</Ident>{' '}
                {k.exp === undefined ? (
                  <Badge tone="ok">{t('federation.keys.current')}</Badge>
                ) : (
                  <Badge tone="warn">{t('federation.keys.retires', { date: formatDateTime(locale, new Date(k.exp * 1000).toISOString()) })}</Badge>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canManage && id && (
        <div className="federation-rotate">
          {!confirming ? (
            <button type="button" onClick={() => setConfirming(true)} data-testid="rotate-key">
              {t('federation.identity.rotate')}
            </button>
          ) : (
            <form onSubmit={rotate} className="form-grid" data-testid="rotate-form">
              <p className="notice">{t('federation.identity.rotateExplain', { hours: formatNumber(locale, Number(overlap) || 0) })}</p>
              <Field label={t('federation.identity.overlapHours')} hint={t('federation.identity.overlapHint')}>
                <input name="overlapHours" type="number" min={0} max={24 * 90} required value={overlap} onChange={(e) => setOverlap(e.target.value)} />
              </Field>
              {rotation.error != null && <FederationError error={rotation.error} />}
              <div className="form-actions">
                <button type="submit" className="button-primary" disabled={rotation.busy}>
                  {t('federation.identity.rotateConfirm')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('federation.cancel')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
