import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, notFound } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import type { CommunitiesView } from './network.types.ts';
import type { Scope } from './network.repo.ts';

export interface JobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** 0…1 */
  progress: number;
  phase: string;
  startedAt: Date;
  finishedAt: Date | null;
  result: CommunitiesView | null;
  /** a stable code when the job failed (its cause is not returned) */
  error: string | null;
}

interface Job extends JobView {
  userId: string;
  scope: Scope;
  membership: Record<string, number>;
}

const MAX_JOBS = 100;
const KEEP_MS = 3_600_000;

/**
 * Communities jobs in memory: seen only by the user who started them, kept an hour after they
 * finish, at most 100 at a time. A job's membership map stays here for key players of one community.
 */
export class NetworkJobs {
  readonly #jobs = new Map<string, Job>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  start(actor: Actor, scope: Scope, run: (onProgress: (fraction: number, phase: string) => void) => Promise<{ view: CommunitiesView; membership: Record<string, number> }>): JobView {
    this.#sweep();
    const job: Job = { id: this.ids(), status: 'running', progress: 0, phase: 'queued', startedAt: this.clock.now(), finishedAt: null, result: null, error: null, userId: actor.userId, scope, membership: {} };
    this.#jobs.set(job.id, job);
    run((fraction, phase) => {
      job.progress = Math.round(fraction * 100) / 100;
      job.phase = phase;
    }).then(
      ({ view, membership }) => Object.assign(job, { status: 'done', progress: 1, phase: 'done', result: view, membership, finishedAt: this.clock.now() }),
      () => Object.assign(job, { status: 'failed', phase: 'failed', error: 'analysis_failed', finishedAt: this.clock.now() }),
    );
    return this.#view(job);
  }

  view(actor: Actor, id: string): JobView {
    return this.#view(this.#own(actor, id));
  }

  /** A finished job of this user, for key players of one of its communities. */
  finished(actor: Actor, id: string): Job {
    const job = this.#own(actor, id);
    if (job.status !== 'done') throw conflict('job_not_finished', 'The communities job has not finished');
    return job;
  }

  #own(actor: Actor, id: string): Job {
    const job = this.#jobs.get(id);
    if (!job || job.userId !== actor.userId) throw notFound('job_not_found', 'No such job of yours');
    return job;
  }

  #view(j: Job): JobView {
    return { id: j.id, status: j.status, progress: j.progress, phase: j.phase, startedAt: j.startedAt, finishedAt: j.finishedAt, result: j.result, error: j.error };
  }

  #sweep() {
    const now = this.clock.now().getTime();
    for (const [id, j] of this.#jobs) if (j.finishedAt && now - j.finishedAt.getTime() > KEEP_MS) this.#jobs.delete(id);
    while (this.#jobs.size >= MAX_JOBS) this.#jobs.delete(this.#jobs.keys().next().value!);
  }
}
