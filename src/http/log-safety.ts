/**
 * What of an error may reach the log. pino's default serializer writes every enumerable
 * field, and a database error carries the statement's parameters (PGlite: `query`, `params`),
 * the failing value (`detail`, `where`, messages such as `invalid input syntax … "Rachid"`):
 * names of the persons a request was about. Logs leave the node's protection (shipped,
 * kept, read by operators), so only fields that describe the fault, never the data, are kept.
 */

/** Fields of a database error that name the server's code or our schema, not the data. */
const DB_FIELDS = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;
const MAX_DEPTH = 3;

export interface SafeError {
  type: string;
  name?: string;
  code?: string;
  statusCode?: number;
  message: string;
  stack: string;
  cause?: SafeError;
  errors?: SafeError[];
  [field: string]: unknown;
}

type Loose = Record<string, unknown>;

/** A PostgreSQL (pg) or PGlite error: a SQLSTATE with a severity, or the statement it ran. */
export function isDatabaseError(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  const o = e as Loose;
  return (typeof o.severity === 'string' && typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) || 'params' in o || 'query' in o;
}

/** Quoted text in a message is where values go (V8, Node and PostgreSQL all quote them). */
const redact = (message: string) => message.replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”|«[^»]*»/g, '"…"').slice(0, 300);

const FRAME = /^ {4}at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/;

/** The stack's frames only: its first lines repeat the message. */
function frames(e: Loose): string {
  if (typeof e.stack !== 'string') return '';
  const head = `${String(e.name ?? 'Error')}: ${String(e.message ?? '')}`;
  const body = e.stack.startsWith(head) ? e.stack.slice(head.length) : e.stack;
  return body.split('\n').filter((l) => FRAME.test(l)).join('\n');
}

function serialize(err: unknown, depth: number): SafeError {
  if (err === null || typeof err !== 'object') return { type: typeof err, message: '', stack: '' };
  const e = err as Loose;
  const out: SafeError = { type: e.constructor?.name || 'Object', message: '', stack: frames(e) };
  if (typeof e.name === 'string') out.name = e.name;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (isDatabaseError(e)) {
    for (const f of DB_FIELDS) if (typeof e[f] === 'string') out[f] = e[f];
    // PostgreSQL's message quotes the value it refused: the SQLSTATE says what went wrong
    out.message = `database error ${String(e.code ?? 'unknown')}`;
  } else {
    if (typeof e.code === 'string' && e.code.length <= 64) out.code = e.code;
    if (typeof e.message === 'string') out.message = redact(e.message);
  }
  if (depth < MAX_DEPTH && e.cause !== undefined) out.cause = serialize(e.cause, depth + 1);
  if (depth < MAX_DEPTH && Array.isArray(e.errors)) out.errors = e.errors.slice(0, 5).map((x) => serialize(x, depth + 1));
  return out;
}

/**
 * The logger's `err` serializer: the kind of fault and where, never the values.
 *
 * @example
 * Fastify({ logger: { serializers: { err: safeError } } });
 */
export function safeError(err: unknown): SafeError {
  return serialize(err, 0);
}
