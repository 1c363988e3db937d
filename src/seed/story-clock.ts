import type { Clock } from '../core/clock.ts';

const HOUR_MS = 3_600_000;

/**
 * The clock of a demo story. A module's demo step gives it to its own services so that what they
 * write reads as if it had happened over the past weeks (a request submitted two days ago, a hit
 * past its eight-hour deadline), through the same rules as a user's request. Hours are counted
 * back from the real time the story starts; the clock only moves forward and never passes the
 * real time, so that ids, timelines and audit entries keep their order.
 *
 * @example
 * const story = new StoryClock(s.clock);
 * story.at(48); // two days ago
 * const notices = new NoticesService(db, repo, audit, bus, story, ids, screener);
 */
export class StoryClock implements Clock {
  readonly #end: number;
  #t: number;

  constructor(real: Clock) {
    this.#end = real.now().getTime();
    this.#t = -Infinity;
  }

  now(): Date {
    return new Date(Number.isFinite(this.#t) ? this.#t : this.#end);
  }

  /** Moves to `hoursAgo` hours before the story's end (a step asked out of order stays where it is). */
  at(hoursAgo: number): void {
    const t = this.#end - Math.max(0, hoursAgo) * HOUR_MS;
    if (t > this.#t) this.#t = t;
  }

  /** The story's end: the real time it started from. */
  get end(): Date {
    return new Date(this.#end);
  }
}

/**
 * The events of several stories merged into one time line, earliest first (`at` is hours ago);
 * each story keeps its own order, and a story whose events go back in time is a programming error.
 */
export function inStoryOrder<S extends { key: string }, E extends { at: number }>(stories: readonly S[], eventsOf: (story: S) => readonly E[]): Array<{ story: S; event: E }> {
  const all = stories.flatMap((story, i) =>
    eventsOf(story).map((event, j, events) => {
      if (j > 0 && event.at > events[j - 1].at) throw new Error(`demo story ${story.key}: event ${j} goes back in time`);
      return { story, event, order: i * 1000 + j };
    }),
  );
  return all.sort((a, b) => b.event.at - a.event.at || a.order - b.order);
}
