import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TlpLevel } from '../../api/types.ts';
import { can, useMaybeMe } from '../../app/session.tsx';
import { useLocale } from '../../i18n/index.ts';
import { Ident } from '../../ui/Ident.tsx';
import { FederationError } from './errors.tsx';
import { type Category, type Decision, federationApi } from './federation-api.ts';
import { partnerName } from './labels.ts';
import { Reason } from './Reason.tsx';

/** Typing in the handling fields moves the item often: ask once it settles. */
const DEBOUNCE_MS = 300;

export interface WhoReceivesProps {
  category: Category;
  tlp: TlpLevel;
  /** Agency codes (not ids) the owner restricted the item to. */
  restrictedTo: readonly string[];
}

/**
 * "Who will receive this": for an item of this category and handling, each partner node that
 * will get it and under which clause, and each that will not and why — the server's own
 * decision (POST /federation/preview, the filter every shared item goes through). Shown only to
 * users who may read the federation set-up (`federation.read`).
 */
export function WhoReceives(props: WhoReceivesProps) {
  const me = useMaybeMe();
  if (!me || !can(me, 'federation.read')) return null;
  return <Preview {...props} />;
}

function Preview({ category, tlp, restrictedTo }: WhoReceivesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<{ items?: Decision[]; error?: unknown; pending: boolean }>({ pending: true });
  const codes = [...new Set(restrictedTo)].sort().join(',');

  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ items: s.items, pending: true }));
    const timer = setTimeout(() => {
      federationApi
        .preview({ category, tlp, restrictedTo: codes ? codes.split(',') : [] }, ctl.signal)
        .then(
          (r) => setState({ items: r.items, pending: false }),
          (error: unknown) => !ctl.signal.aborted && setState({ error, pending: false }),
        );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [category, tlp, codes]);

  const receive = state.items?.filter((d) => d.receives) ?? [];
  const withheld = state.items?.filter((d) => !d.receives) ?? [];
  const who = (d: Decision) => (
    <>
      <Ident className="code">{d.partner}</Ident> <bdi dir="auto">{partnerName(d, locale)}</bdi>
    </>
  );
  return (
    <section className="panel who-receives" aria-labelledby="who-receives-title" aria-busy={state.pending} data-testid="who-receives">
      <h3 id="who-receives-title">{t('federation.preview.title')}</h3>
      {state.error != null && <FederationError error={state.error} />}
      {state.items && state.items.length === 0 && <p className="muted" data-testid="who-receives-none">{t('federation.preview.noPartners')}</p>}
      {receive.length > 0 && (
        <>
          <h4>{t('federation.preview.receive')}</h4>
          <ul className="plain-list" data-testid="who-receives-yes">
            {receive.map((d) => (
              <li key={d.partner} data-partner={d.partner} className="value-stack">
                <span>{who(d)}</span>
                {d.clause && (
                  <span className="small">
                    {t('federation.preview.under')} <bdi dir="auto">{d.clause}</bdi>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {withheld.length > 0 && (
        <>
          <h4>{t('federation.preview.notReceive')}</h4>
          <ul className="plain-list" data-testid="who-receives-no">
            {withheld.map((d) => (
              <li key={d.partner} data-partner={d.partner} title={d.detail ?? undefined} className="value-stack">
                <span>{who(d)}</span>
                {d.reason && (
                  <span className="small">
                    <Reason code={d.reason} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{t('federation.preview.hint')}</p>
    </section>
  );
}
