import { type BusEvent, errorLabel, type EventBus, type Handler, subjectMatches } from './bus.ts';

/** The default bus: handlers run after the publishing transaction committed, in this process. */
export class InProcessBus implements EventBus {
  #subs = new Set<{ pattern: string; handler: Handler<any> }>();
  #onError: (err: unknown, subject: string) => void;

  constructor(onError: (err: unknown, subject: string) => void = logHandlerError) {
    this.#onError = onError;
  }

  async publish<T>(subject: string, data: T): Promise<void> {
    const event: BusEvent<T> = { subject, data };
    for (const s of this.#subs) {
      if (!subjectMatches(s.pattern, subject)) continue;
      try {
        await s.handler(event);
      } catch (err) {
        // one failing subscriber must not undo a committed write or starve the others
        this.#onError(err, subject);
      }
    }
  }

  subscribe<T>(pattern: string, handler: Handler<T>): () => void {
    const sub = { pattern, handler };
    this.#subs.add(sub);
    return () => this.#subs.delete(sub);
  }

  async close(): Promise<void> {
    this.#subs.clear();
  }
}

/** A failing handler is reported on stderr with its subject and error code, never the payload. */
function logHandlerError(err: unknown, subject: string): void {
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'event handler failed', subject, err: errorLabel(err) })}\n`);
}
