import { invalid } from './errors.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid('invalid_limit', `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

/** Cursors are opaque to clients: base64url of the last key seen. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify([key]), 'utf8').toString('base64url');
}

export function decodeCursor<T extends string | number>(cursor: string | undefined, type: 'string' | 'number'): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 1 && typeof parsed[0] === type) return parsed[0] as T;
  } catch {
    // fall through to the one error below: a cursor is either ours or invalid
  }
  throw invalid('invalid_cursor', 'The paging cursor is not valid');
}

/** Takes limit+1 rows from a query and turns them into a page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string | number): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
