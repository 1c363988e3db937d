import { useCallback, useEffect, useRef, useState } from 'react';
import { type CommunitiesView, networkApi } from './network-api.ts';
import { JobFailed } from './NetworkError.tsx';
import type { AnalysisScope } from './scope.ts';

/** A communities analysis: asked, then running in the server's worker with its progress, then its result. */
export type CommunitiesRun =
  | { status: 'idle' }
  | { status: 'running'; jobId: string | null; progress: number; phase: string }
  /** `jobId` is null when the server answered at once; key players of one community need a job. */
  | { status: 'done'; jobId: string | null; view: CommunitiesView }
  | { status: 'failed'; error: unknown };

const POLL_MS = 400;
const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Starts the communities job of a scope and polls it until it ends. A new run, `reset` or leaving
 * the page abandons the one before (its answers are ignored; the server drops the job after an hour).
 */
export function useCommunities(): { run: CommunitiesRun; start: (scope: AnalysisScope) => Promise<void>; reset: () => void } {
  const [run, setRun] = useState<CommunitiesRun>({ status: 'idle' });
  const generation = useRef(0);
  const abort = useRef<AbortController | null>(null);

  const reset = useCallback(() => {
    generation.current++;
    abort.current?.abort();
    abort.current = null;
    setRun({ status: 'idle' });
  }, []);
  useEffect(() => reset, [reset]);

  const start = useCallback(async (scope: AnalysisScope) => {
    const mine = ++generation.current;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const current = () => generation.current === mine;
    setRun({ status: 'running', jobId: null, progress: 0, phase: 'queued' });
    try {
      const first = await networkApi.startCommunities(scope);
      if (!current()) return;
      if ('communities' in first) return setRun({ status: 'done', jobId: null, view: first });
      let job = first;
      while (job.status === 'running') {
        setRun({ status: 'running', jobId: job.id, progress: job.progress, phase: job.phase });
        await wait(POLL_MS);
        if (!current()) return;
        job = await networkApi.job(job.id, controller.signal);
        if (!current()) return;
      }
      if (job.status === 'failed' || !job.result) throw new JobFailed(job.error ?? 'analysis_failed');
      setRun({ status: 'done', jobId: job.id, view: job.result });
    } catch (error) {
      if (current()) setRun({ status: 'failed', error });
    }
  }, []);

  return { run, start, reset };
}
