import { AppError } from '../core/errors.ts';

/** Domain events. Subjects are dotted (`records.changed`); payloads carry ids, never personal data. */
export interface BusEvent<T = unknown> {
  subject: string;
  data: T;
}

export type Handler<T = unknown> = (event: BusEvent<T>) => void | Promise<void>;

export interface PublishOptions {
  /** De-duplication id (NATS JetStream drops a repeat within its window); the in-process bus ignores it. */
  msgId?: string;
}

export interface EventBus {
  /** Resolves once the event is delivered (in-process) or stored by the server (NATS JetStream). */
  publish<T>(subject: string, data: T, opts?: PublishOptions): Promise<void>;
  /** `prefix.>` matches every subject under prefix, as in NATS. Returns an unsubscribe function. */
  subscribe<T>(pattern: string, handler: Handler<T>): () => void;
  close(): Promise<void>;
}

export function subjectMatches(pattern: string, subject: string): boolean {
  if (pattern === subject) return true;
  if (pattern.endsWith('.>')) return subject.startsWith(pattern.slice(0, -1));
  const p = pattern.split('.');
  const s = subject.split('.');
  return p.length === s.length && p.every((part, i) => part === '*' || part === s[i]);
}

/** An error as a log line may show it: codes and names only, since a message may quote data. */
export function errorLabel(err: unknown): string {
  // error codes and names only: a message may quote data
  if (err instanceof AppError) return `${err.code}: ${err.message}`;
  const e = err as { name?: string; code?: unknown };
  return [e?.name ?? typeof err, e?.code].filter((x) => x !== undefined && x !== '').join(' ');
}
