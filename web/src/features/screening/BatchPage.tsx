import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { BatchRow, PersonCandidate } from '../../api/types.ts';
import { formatDuration, formatNumber, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { BATCH_ROW_PROBLEM_KEYS, MANIFEST_PROBLEM_KEYS, NOT_UNDERSTOOD_FIELD_KEYS, NOT_UNDERSTOOD_PROBLEM_CODES } from './labels.ts';
import {
  type BatchAnswer,
  type BatchProblem,
  chunks,
  downloadText,
  MANIFEST_SAMPLE,
  type Manifest,
  type ManifestError,
  type NotUnderstood,
  type RowResult,
  readManifest,
  resultsCsv,
  rowResult,
  sortResults,
  summarise,
  withoutRefused,
} from './manifest.ts';
import { PurposeField, purposeTooLong, usePurpose } from './purpose.tsx';
import { AlertBadge, Score } from './Results.tsx';
import { BatchCandidates } from './BatchCandidates.tsx';

type ServerProblem = BatchProblem;

interface Run {
  status: 'running' | 'done' | 'stopped' | 'failed';
  total: number;
  done: number;
  /** The rows screened, in manifest order. */
  results: RowResult[];
  /** Rows the server refused even without the detail it objected to. */
  notScreened: BatchRow[];
  problems: ServerProblem[];
  /** Warnings the server gave, over all chunks: a detail not understood, control characters removed (each counts, so a row may count twice). */
  warnings: number;
  /** Rows the server did not screen (no name), over all chunks. */
  skipped: number;
  elapsedMs: number;
  error?: unknown;
}

const PAGE = 100;

/**
 * A CSV line cut at its separators, quotes kept, for display: each field is isolated so that an
 * Arabic name does not pull the neighbouring date or code into right-to-left order.
 */
export function csvSegments(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
/** Times a row refused for a detail is sent again without it (a bad date, then an unknown country). */
const RETRIES = 2;

/**
 * Screens one chunk. A row the server refuses for a detail (a date that is no calendar day,
 * a country it does not know) is sent again without that detail: at a border a passenger is
 * better screened on the name alone than not at all. The problems are all kept, to be shown.
 */
async function screenChunk(part: BatchRow[], purpose: string, signal: AbortSignal) {
  const found = new Map<string, { candidates: PersonCandidate[]; notUnderstood: NotUnderstood[] }>();
  const problems: ServerProblem[] = [];
  let warnings = 0;
  let skipped = 0;
  let pending = part;
  for (let round = 0; pending.length > 0 && round <= RETRIES; round++) {
    const res: BatchAnswer = await api.screenBatch(pending, purpose, { signal });
    for (const r of res.results) found.set(r.rowId, { candidates: r.candidates, notUnderstood: r.notUnderstood ?? [] });
    problems.push(...(res.problems ?? []));
    warnings += res.warnings ?? 0;
    // a row sent again was counted as skipped by the answer before: it counts once, as its last answer says
    if (res.skipped !== undefined) skipped = Math.max(0, skipped - (round > 0 ? pending.length : 0)) + res.skipped;
    const byId = new Map(pending.map((row) => [row.id, row]));
    pending = (res.problems ?? []).flatMap((p) => {
      const row = byId.get(p.rowId);
      const again = row && !found.has(p.rowId) ? withoutRefused(row, p.code) : null;
      return again ? [again] : [];
    });
  }
  return { found, problems, warnings, skipped };
}

/** Stands for the value in the translated note, so that the value itself can be set in a <bdi>. */
const VALUE_MARK = '\uE000';

/**
 * "Date of birth "1980-02-30" not understood: kept, screened without it". The value is the
 * passenger's as written (any script), isolated so that it does not reorder the sentence.
 */
function NotUnderstoodNote({ entry }: { entry: NotUnderstood }) {
  const { t } = useTranslation();
  const key = NOT_UNDERSTOOD_FIELD_KEYS[entry.field];
  const text = t('screening.batch.notUnderstood', { field: key ? t(key) : entry.field, value: VALUE_MARK });
  const [before, after = ''] = text.split(VALUE_MARK);
  return (
    <li title={entry.reason}>
      {before}
      <bdi dir="auto">{entry.value}</bdi>
      {after}
    </li>
  );
}

function manifestErrorText(t: TFunction, e: ManifestError, n: (x: number) => string): string {
  switch (e.code) {
    case 'empty':
      return t('screening.batch.errors.empty');
    case 'missing_columns':
      return t('screening.batch.errors.missing_columns', { columns: isolate(e.columns.join(', ')) });
    case 'unterminated_quote':
      return t('screening.batch.errors.unterminated_quote', { line: n(e.line) });
    case 'too_many_rows':
      return t('screening.batch.errors.too_many_rows', { max: n(e.max) });
  }
}

/**
 * Batch screening of a passenger manifest: the CSV is read in the browser, sent in chunks
 * of 500 rows with a progress bar, and the results come back as a table (alerts first) and
 * as a CSV file to download.
 */
export function BatchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const ids = useId();
  const n = (x: number) => formatNumber(locale, x);
  const [purpose] = usePurpose();
  const [file, setFile] = useState<{ name: string; manifest: Manifest } | null>(null);
  const [readError, setReadError] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [shown, setShown] = useState(PAGE);
  const abort = useRef<AbortController | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (file?.manifest.ok) startRef.current?.focus();
  }, [file]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    abort.current?.abort();
    setRun(null);
    setReadError(false);
    setFile(null);
    if (!f) return;
    try {
      setFile({ name: f.name, manifest: readManifest(await f.text()) });
    } catch {
      setReadError(true);
    }
  };

  const start = async () => {
    if (!file?.manifest.ok || purposeTooLong(purpose)) return;
    const rows = file.manifest.rows;
    const ac = new AbortController();
    abort.current?.abort();
    abort.current = ac;
    const t0 = performance.now();
    let state: Run = { status: 'running', total: rows.length, done: 0, results: [], notScreened: [], problems: [], warnings: 0, skipped: 0, elapsedMs: 0 };
    setRun(state);
    setShown(PAGE);
    try {
      for (const part of chunks(rows)) {
        const { found, problems, warnings, skipped } = await screenChunk(part, purpose, ac.signal);
        if (ac.signal.aborted) return;
        state = {
          ...state,
          done: state.done + part.length,
          results: state.results.concat(
            part.flatMap((row) => {
              const f = found.get(row.id);
              return f ? [rowResult(row, f.candidates, f.notUnderstood)] : [];
            }),
          ),
          notScreened: state.notScreened.concat(part.filter((row) => !found.has(row.id))),
          problems: state.problems.concat(problems),
          warnings: state.warnings + warnings,
          skipped: state.skipped + skipped,
          elapsedMs: performance.now() - t0,
        };
        setRun(state);
      }
      setRun({ ...state, status: 'done', elapsedMs: performance.now() - t0 });
    } catch (error) {
      if (abort.current !== ac) return; // a newer run or the page went away
      setRun({ ...state, status: ac.signal.aborted ? 'stopped' : 'failed', error: ac.signal.aborted ? undefined : error, elapsedMs: performance.now() - t0 });
    }
  };

  const stop = () => abort.current?.abort();

  const sorted = useMemo(() => (run ? sortResults(run.results) : []), [run]);
  const summary = useMemo(() => summarise(run?.results ?? []), [run]);
  const problemsOf = useMemo(() => {
    const m = new Map<string, ServerProblem[]>();
    for (const p of run?.problems ?? []) m.set(p.rowId, [...(m.get(p.rowId) ?? []), p]);
    return m;
  }, [run]);
  const finished = run !== null && run.status !== 'running';

  const download = () => {
    if (!run || !file) return;
    const base = file.name.replace(/\.[^.]*$/, '') || 'manifest';
    const notScreened = run.notScreened.map((row) => rowResult(row, []));
    downloadText(resultsCsv([...run.results, ...notScreened], problemsOf), `${base}-screening.csv`);
  };

  const problemText = (p: ServerProblem) => (BATCH_ROW_PROBLEM_KEYS[p.code] ? t(BATCH_ROW_PROBLEM_KEYS[p.code]) : p.message);
  /** A warning the note about a field not understood already gives is not repeated as a badge. */
  const saidInNote = (r: RowResult, p: ServerProblem) => p.warning === true && r.notUnderstood.some((u) => NOT_UNDERSTOOD_PROBLEM_CODES[u.field] === p.code);

  const columns: Column<RowResult>[] = [
    {
      key: 'id',
      header: t('screening.batch.columns.id'),
      narrow: true,
      className: 'batch-col-id',
      render: (r) => (
        <bdi dir="ltr" className="code">
          {r.row.id}
        </bdi>
      ),
    },
    { key: 'name', header: t('screening.batch.columns.name'), className: 'batch-col-name', render: (r) => <bdi dir="auto">{r.row.name}</bdi> },
    {
      key: 'result',
      header: t('screening.batch.columns.result'),
      narrow: true,
      className: 'batch-col-result',
      render: (r) => (
        <>
          <span className="badges">
            {r.alert && <AlertBadge />}
            {r.best && <Score score={r.best.score} alert={r.alert} />}
            {!r.best && <Badge tone="ok">{t('screening.results.noHit')}</Badge>}
            {(problemsOf.get(r.row.id) ?? [])
              .filter((p) => !saidInNote(r, p))
              .map((p) => (
                <Badge key={p.code} tone="warn" title={p.message}>
                  {t('screening.batch.screenedWithout', { problem: problemText(p) })}
                </Badge>
              ))}
          </span>
          {r.notUnderstood.length > 0 && (
            <ul className="plain-list muted small" data-testid="not-understood">
              {r.notUnderstood.map((u, i) => (
                <NotUnderstoodNote key={`${u.field}-${i}`} entry={u} />
              ))}
            </ul>
          )}
        </>
      ),
    },
    {
      key: 'best',
      header: t('screening.batch.columns.best'),
      className: 'batch-col-name',
      render: (r) => <BatchCandidates candidates={r.candidates} />,
    },
    {
      key: 'matched',
      header: t('screening.batch.columns.matchedName'),
      className: 'batch-col-name',
      render: (r) => (r.best ? <bdi dir="auto">{r.best.matchedName}</bdi> : <span className="muted">{t('ui.none')}</span>),
    },
    {
      key: 'more',
      header: t('screening.batch.columns.others'),
      narrow: true,
      render: (r) => (r.candidates.length > 1 ? n(r.candidates.length - 1) : <span className="muted">{t('ui.none')}</span>),
    },
  ];

  const m = file?.manifest;
  const fileName = file?.name ?? '';
  return (
    <section className="batch-page">
      <PageHeader title={t('screening.batch.title')} />
      <p className="lead">{t('screening.batch.intro')}</p>
      <PurposeField />

      <div className="batch-grid">
        <div className="panel">
          <div className="field">
            <label htmlFor={`${ids}-file`}>{t('screening.batch.file')}</label>
            <span id={`${ids}-file-hint`} className="hint">
              {t('screening.batch.fileHint')}
            </span>
            <input
              id={`${ids}-file`}
              type="file"
              name="manifest"
              accept=".csv,text/csv"
              aria-describedby={`${ids}-file-hint`}
              onChange={(e) => void onFile(e)}
            />
          </div>
          {readError && (
            <div className="error-box" role="alert">
              <p>{t('screening.batch.errors.unreadable')}</p>
            </div>
          )}
          {m && !m.ok && (
            <div className="error-box" role="alert" data-testid="manifest-error">
              <p>{manifestErrorText(t, m.error, n)}</p>
            </div>
          )}
          {m?.ok && (
            <div className="batch-ready">
              <p role="status" data-testid="manifest-read">
                {t('screening.batch.read', { count: m.rows.length, n: n(m.rows.length), file: isolate(fileName) })}
              </p>
              {m.problems.length > 0 && (
                <details className="manifest-problems" data-testid="manifest-problems">
                  <summary>{t('screening.batch.problems.title', { count: m.problems.length, n: n(m.problems.length) })}</summary>
                  <ul className="plain-list">
                    {m.problems.map((p, i) => (
                      <li key={`${p.line}-${i}`}>
                        {t('screening.batch.problems.line', { line: n(p.line) })}
                        {p.rowId && (
                          <>
                            {' ('}
                            <bdi dir="ltr" className="code">
                              {p.rowId}
                            </bdi>
                            {')'}
                          </>
                        )}
                        {t('screening.batch.problems.separator')}
                        {t(MANIFEST_PROBLEM_KEYS[p.code])}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              <div className="form-actions">
                <button
                  ref={startRef}
                  type="button"
                  className="button-primary"
                  data-testid="batch-start"
                  disabled={m.rows.length === 0 || run?.status === 'running'}
                  onClick={() => void start()}
                >
                  {t('screening.batch.start')}
                </button>
                {run?.status === 'running' && (
                  <button type="button" onClick={stop} data-testid="batch-stop">
                    {t('screening.batch.stop')}
                  </button>
                )}
              </div>
            </div>
          )}
        </div>
        <div className="panel sample">
          <h2 id={`${ids}-sample`}>{t('screening.batch.sample')}</h2>
          <pre className="code csv-sample" dir="ltr" aria-labelledby={`${ids}-sample`} tabIndex={0}>
            {MANIFEST_SAMPLE.split('\n').map((line, i) => (
              <span key={i}>
                {i > 0 && '\n'}
                {csvSegments(line).map((seg, j) => (
                  <span key={j}>
                    {j > 0 && ','}
                    <bdi>{seg}</bdi>
                  </span>
                ))}
              </span>
            ))}
          </pre>
          <button type="button" className="button-small" onClick={() => downloadText(`\uFEFF${MANIFEST_SAMPLE}\r\n`, 'manifest-sample.csv')}>
            {t('screening.batch.downloadSample')}
          </button>
        </div>
      </div>

      {run && (
        <section className="batch-run" aria-labelledby={`${ids}-run`}>
          <h2 id={`${ids}-run`}>{t('screening.batch.progressLabel')}</h2>
          <div
            className="progress"
            role="progressbar"
            aria-labelledby={`${ids}-run`}
            aria-valuemin={0}
            aria-valuemax={run.total}
            aria-valuenow={run.done}
            aria-valuetext={t('screening.batch.progress', { done: n(run.done), total: n(run.total) })}
            data-testid="batch-progress"
          >
            <span className="progress-fill" style={{ inlineSize: `${run.total ? (run.done / run.total) * 100 : 100}%` }} />
          </div>
          <p className="muted small">{t('screening.batch.progress', { done: n(run.done), total: n(run.total) })}</p>
          {run.error != null && <ErrorBox error={run.error} />}
          {run.status === 'stopped' && <p className="notice">{t('screening.batch.stopped')}</p>}
          {run.status === 'failed' && run.done > 0 && <p className="notice">{t('screening.batch.partial')}</p>}
        </section>
      )}

      {finished && (
        <section className="batch-results" aria-labelledby={`${ids}-summary`}>
          <h2 id={`${ids}-summary`}>{t('screening.batch.summary.title')}</h2>
          <ul className="tiles summary-tiles" data-testid="batch-summary" role="status">
            <li className="tile-link">
              <span className="tile-value" data-testid="summary-rows">
                {n(summary.rows)}
              </span>
              <span className="tile-label">{t('screening.batch.summary.rows')}</span>
            </li>
            <li className={`tile-link ${summary.alerts > 0 ? 'tile-alert' : 'tile-ok'}`}>
              <span className="tile-value" data-testid="summary-alerts">
                {n(summary.alerts)}
              </span>
              <span className="tile-label">{t('screening.batch.summary.alerts')}</span>
            </li>
            <li className="tile-link">
              <span className="tile-value" data-testid="summary-candidates">
                {n(summary.withCandidates)}
              </span>
              <span className="tile-label">{t('screening.batch.summary.withCandidates')}</span>
            </li>
            <li className="tile-link">
              <span className="tile-value" data-testid="summary-warnings">
                {n(run.warnings)}
              </span>
              <span className="tile-label">{t('screening.batch.summary.warnings')}</span>
            </li>
            <li className="tile-link">
              <span className="tile-value" data-testid="summary-skipped">
                {n(run.skipped)}
              </span>
              <span className="tile-label">{t('screening.batch.summary.skipped')}</span>
            </li>
            <li className="tile-link">
              <span className="tile-value" data-testid="summary-time">
                {formatDuration(locale, run.elapsedMs)}
              </span>
              <span className="tile-label">{t('screening.batch.summary.time')}</span>
            </li>
          </ul>

          {run.problems.length > 0 && (
            <details className="server-problems" data-testid="server-problems">
              <summary>{t('screening.batch.serverProblems', { count: problemsOf.size, n: n(problemsOf.size) })}</summary>
              <ul className="plain-list">
                {run.problems.map((p, i) => (
                  <li key={`${p.rowId}-${i}`}>
                    <bdi dir="ltr" className="code">
                      {p.rowId}
                    </bdi>
                    {t('screening.batch.problems.separator')}
                    {problemText(p)}
                  </li>
                ))}
              </ul>
            </details>
          )}

          {run.notScreened.length > 0 && (
            <div className="error-box" role="alert" data-testid="not-screened">
              <p>{t('screening.batch.notScreened', { count: run.notScreened.length, n: n(run.notScreened.length) })}</p>
              <ul className="plain-list">
                {run.notScreened.map((row) => (
                  <li key={row.id}>
                    <bdi dir="ltr" className="code">
                      {row.id}
                    </bdi>{' '}
                    <bdi dir="auto">{row.name}</bdi>
                    {t('screening.batch.problems.separator')}
                    {(problemsOf.get(row.id) ?? []).map(problemText).join(' · ')}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className="form-actions">
            <button type="button" className="button-primary" onClick={download} data-testid="batch-download" disabled={run.results.length === 0}>
              {t('screening.batch.download')}
            </button>
          </div>

          <Table
            caption={t('screening.batch.summary.title')}
            columns={columns}
            rows={sorted.slice(0, shown)}
            rowKey={(r) => r.row.id}
            className="batch-table"
            testId="batch-table"
          />
          {sorted.length > shown && (
            <div className="form-actions">
              <p className="muted">{t('screening.batch.shownOf', { shown: n(shown), total: n(sorted.length) })}</p>
              <button type="button" onClick={() => setShown((s) => s + PAGE * 5)}>
                {t('screening.batch.showMore')}
              </button>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
