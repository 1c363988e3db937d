import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../core/errors.ts';

/**
 * Bodies: C0 controls but TAB, LF and CR (notes and CSV manifests have lines), and DEL.
 * PostgreSQL refuses NUL in text outright; the others are never part of a name, a number or
 * a note and garble terminals, CSV exports and logs. A lone surrogate is not Unicode text
 * (it has no UTF-8 form, RFC 3629 §3): stored, it would silently become U+FFFD.
 */
const IN_BODY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;
/** Query strings and path parameters are one line of text: no control character at all. */
const IN_LINE = /[\u0000-\u001F\u007F]|\p{Cs}/u;
/** Header values: HTAB is field content (RFC 9110 §5.5), no other control is. */
const IN_HEADER = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** The patterns, by part of the request: `body`, `line` (query, params), `header`. */
export const TEXT_RULES = { body: IN_BODY, line: IN_LINE, header: IN_HEADER } as const;

interface Issue {
  path: string;
  message: string;
}

/** What is wrong with the first bad character, without repeating the text around it. */
function describe(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code >= 0xd800 && code <= 0xdfff ? `a lone surrogate U+${hex} is not Unicode text` : `the control character U+${hex} is not allowed`;
}

const MASK = new RegExp(IN_LINE.source, 'gu');

/** A JSON pointer segment (RFC 6901), with any bad character of the key itself masked. */
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1').replace(MASK, '\uFFFD');

/** The first bad string (or key) in a parsed body, query or params, walked without recursion. */
export function findBadText(value: unknown, root: string, re: RegExp): Issue | undefined {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const message = describe(v, re);
      if (message) return { path, message };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, item] of Object.entries(v)) {
        const message = describe(k, IN_LINE);
        if (message) return { path: `${path}/${segment(k)}`, message };
        stack.push([item, `${path}/${segment(k)}`]);
      }
    }
  }
  return undefined;
}

export function badTextIn(req: FastifyRequest): Issue | undefined {
  for (const [name, v] of Object.entries(req.headers)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      const message = typeof one === 'string' ? describe(one, IN_HEADER) : undefined;
      if (message) return { path: `headers/${name}`, message };
    }
  }
  return findBadText(req.params, 'params', IN_LINE) ?? findBadText(req.query, 'querystring', IN_LINE) ?? findBadText(req.body, 'body', IN_BODY);
}

/**
 * Refuses control characters and lone surrogates in every text a request carries, for every
 * route present and future, before schemas and handlers see it: 400 `invalid_characters`
 * with the path of the first one (never its text).
 *
 * @example
 * registerTextGuard(app); // before the routes
 */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const issue = badTextIn(req);
    if (issue) throw invalid('invalid_characters', 'The request contains control characters or text that is not Unicode', { issues: [issue] });
  });
}
