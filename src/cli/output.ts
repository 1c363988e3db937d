import { AppError } from '../core/errors.ts';

/** Exit codes (STYLE.md): 0 ok, 1 failure, 2 usage, 3 not found, 4 forbidden. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, forbidden: 4 } as const;

export class UsageError extends Error {}

export interface Out {
  json: boolean;
  /** The result: a JSON object with --json, else the human text. */
  result(value: unknown, human: string): void;
  /** Progress and notes go to stderr so that stdout stays parseable. */
  info(msg: string): void;
}

export function makeOut(json: boolean, stdout = process.stdout, stderr = process.stderr): Out {
  return {
    json,
    result: (value, human) => stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`),
    info: (msg) => stderr.write(`${msg}\n`),
  };
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof AppError) {
    if (err.status === 404) return EXIT.notFound;
    if (err.status === 401 || err.status === 403) return EXIT.forbidden;
    if (err.status === 400) return EXIT.usage;
  }
  return EXIT.failure;
}

export function errorObject(err: unknown) {
  if (err instanceof AppError) return { code: err.code, status: err.status, title: err.message, details: err.details };
  if (err instanceof UsageError) return { code: 'usage', status: 2, title: err.message };
  return { code: 'internal_error', status: 500, title: err instanceof Error ? err.message : String(err) };
}

export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n');
}
