import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatId, formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { DisplayName } from '../../ui/Ident.tsx';
import { COLOUR_BUDGET } from './community-members.ts';
import { communityColour } from './graph-state.ts';
import { NetworkError } from './NetworkError.tsx';
import type { CommunitiesRun } from './use-communities.ts';

/** The worker's phases (src/network/tasks.ts and network.jobs.ts) → their messages. */
const PHASE_KEYS: Record<string, string> = {
  queued: 'network.phase.queued',
  building: 'network.phase.building',
  analysing: 'network.phase.analysing',
  summarising: 'network.phase.summarising',
  done: 'network.phase.done',
};

/** Communities are named by their id from 1, here and in the shared-persons panel alike. */
export const communityNumber = (id: number) => id + 1;

/** "Community 5130": the number is a name, never grouped like a quantity (`5,130`). */
export const communityName = (t: TFunction, id: number): string => t('network.communities.name', { n: formatId(communityNumber(id)) });

/** How far the members of the listed communities were fetched to colour them. */
export interface Colouring {
  /** members paged (hidden ones included) and in all, over the listed communities */
  seen: number;
  total: number;
  /** members known, coloured when on screen */
  members: number;
  loading: boolean;
  error: unknown;
}

function ColouringNote({ colouring }: { colouring: Colouring }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatNumber(locale, x);
  const state = colouring.loading ? 'loading' : colouring.seen < colouring.total ? 'partial' : 'complete';
  return (
    <>
      {colouring.error != null && <NetworkError error={colouring.error} />}
      <p className={`small colouring-note${state === 'partial' ? ' notice' : ' muted'}`} role="status" data-testid="colouring-note" data-state={state}>
        {state === 'loading'
          ? t('network.communities.colouring', { n: n(colouring.seen), total: n(colouring.total) })
          : state === 'partial'
            ? t('network.communities.colourPartial', { n: n(colouring.seen), total: n(colouring.total), cap: n(COLOUR_BUDGET) })
            : t('network.communities.colourComplete', { n: n(colouring.members) })}
      </p>
    </>
  );
}

/**
 * Louvain communities of the scope: run as a job in the server's worker (progress shown while it
 * runs), then listed largest first with their colour in the graph; a click focuses one.
 */
export function CommunitiesPanel({
  run,
  onRun,
  focused,
  onFocus,
  colour,
  onColour,
  colouring,
  focusShown = null,
}: {
  run: CommunitiesRun;
  onRun: () => void;
  focused: number | null;
  onFocus: (id: number | null) => void;
  colour: boolean;
  onColour: (on: boolean) => void;
  /** the members fetched to colour the graph; absent, the panel says nothing of it */
  colouring?: Colouring;
  /** of the focused community: its members in the graph, and all of them */
  focusShown?: { shown: number; total: number } | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatNumber(locale, x);
  return (
    <section className="panel network-panel" aria-labelledby="communities-title" data-testid="communities-panel">
      <h2 id="communities-title">{t('network.communities.title')}</h2>
      <p className="muted small">{t('network.communities.intro')}</p>
      <div className="badges">
        <button type="button" className="button-primary" onClick={onRun} disabled={run.status === 'running'} data-testid="run-communities">
          {run.status === 'done' ? t('network.communities.rerun') : t('network.communities.run')}
        </button>
      </div>
      {run.status === 'running' && (
        <div className="network-progress">
          <div
            className="progress"
            role="progressbar"
            aria-label={t('network.communities.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(run.progress * 100)}
            aria-valuetext={formatPercent(locale, run.progress)}
            data-testid="communities-progress"
          >
            <span className="progress-fill" style={{ inlineSize: `${Math.round(run.progress * 100)}%` }} />
          </div>
          <p className="muted small" role="status">
            {t('network.communities.progress', { phase: t(PHASE_KEYS[run.phase] ?? 'network.phase.analysing'), percent: formatPercent(locale, run.progress) })}
          </p>
        </div>
      )}
      {run.status === 'failed' && <NetworkError error={run.error} />}
      {run.status === 'done' && (
        <>
          <p role="status" data-testid="communities-summary" data-count={run.view.communities.length} data-job={run.jobId ?? ''}>
            {t('network.communities.summary', {
              count: run.view.communities.length,
              n: n(run.view.communities.length),
              nodes: n(run.view.nodes),
              edges: n(run.view.edges),
              modularity: formatDecimal(locale, run.view.modularity, 2),
            })}
          </p>
          {run.view.communities.length === 0 ? (
            <p className="muted">{t('network.communities.none')}</p>
          ) : (
            <>
              <label className="check">
                <input type="checkbox" name="colourByCommunity" checked={colour} onChange={(e) => onColour(e.target.checked)} />
                {t('network.communities.colour')}
              </label>
              {colouring && <ColouringNote colouring={colouring} />}
            </>
          )}
          <ol className="community-list">
            {run.view.communities.map((c, rank) => (
              <li key={c.id} data-testid="community" data-id={c.id} data-size={c.size}>
                <button type="button" className="community-focus" aria-pressed={focused === c.id} onClick={() => onFocus(focused === c.id ? null : c.id)} data-testid="community-focus">
                  <span className="community-swatch" style={{ backgroundColor: communityColour(rank) }} aria-hidden="true" data-testid="community-swatch" />
                  <span className="community-name">{communityName(t, c.id)}</span>
                  <span className="muted small" data-testid="community-size">
                    {t('network.communities.size', { count: c.size, n: n(c.size) })}
                  </span>
                </button>
                {c.topMembers.length > 0 && (
                  <div className="community-members">
                    <span className="muted small">{t('network.communities.top')}</span>
                    {/* one chip per name: a Latin name in Arabic text never breaks across lines */}
                    <ul className="member-chips">
                      {c.topMembers.map((m) => (
                        <li key={m.key} data-key={m.key}>
                          <DisplayName kind={m.kind}>{m.label}</DisplayName>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {focused === c.id && focusShown && (
                  <p className="muted small" data-testid="community-shown" data-shown={focusShown.shown}>
                    {t('network.communities.inGraph', { count: focusShown.total, shown: n(focusShown.shown), total: n(focusShown.total) })}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {focused !== null && (
            <button type="button" className="button-small" onClick={() => onFocus(null)} data-testid="community-unfocus">
              {t('network.communities.showAll')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
