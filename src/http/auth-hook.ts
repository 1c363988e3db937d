import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticated, AuthService } from '../auth/auth.service.ts';
import type { Actor } from '../auth/roles.ts';
import { forbidden, invalid, unauthenticated } from '../core/errors.ts';

export const SESSION_COOKIE = 'ribat_session';
export const CSRF_COOKIE = 'ribat_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** The route answers without authentication (login). Everything else fails closed. */
    public?: boolean;
  }
}

/**
 * Resolves who is calling, from a Bearer token or the session cookie. A cookie-authenticated
 * unsafe request must echo the session's CSRF token in `x-csrf-token` (double submit:
 * SameSite=Strict already stops most cross-site requests; this stops the rest).
 */
export function registerAuth(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw unauthenticated('token_invalid', 'Authorization must be "Bearer <token>"');
      req.auth = await auth.authenticateToken(m[1]);
      return;
    }
    const isPublic = req.routeOptions.config?.public === true;
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (!cookie) {
      if (isPublic) return;
      throw unauthenticated();
    }
    try {
      req.auth = await auth.authenticateSession(cookie);
    } catch (e) {
      // a stale cookie on a public route (login) must not block logging in again
      if (isPublic) return;
      throw e;
    }
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== req.auth.csrfToken) {
      throw forbidden('csrf_invalid', 'Missing or wrong x-csrf-token header');
    }
  });
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw unauthenticated();
  return req.auth.actor;
}

/**
 * The stated purpose of a read of personal data, from the `x-purpose` header (audited with the
 * read). Required: absent or blank, the read would be audited with no reason (GDPR art. 5(1)(b)
 * purpose limitation; the data-protection officer's first question about any access).
 */
export function purposeOf(req: FastifyRequest): string {
  const p = statedPurpose(req);
  if (p === undefined) throw invalid('purpose_required', 'State the purpose of this read in the x-purpose header (for example: x-purpose: border check)');
  return p;
}

/**
 * The purpose, when the caller states one: for changes (audited as what they did) and for reads
 * of aggregate figures that name no one (the annual report, whose PDF and CSV are plain links
 * that cannot carry a header). Present, it is checked as for a read.
 */
export function optionalPurposeOf(req: FastifyRequest): string {
  return statedPurpose(req) ?? '';
}

function statedPurpose(req: FastifyRequest): string | undefined {
  const raw = req.headers['x-purpose'];
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (header === undefined) return undefined;
  let p = header.trim();
  // headers carry Latin-1 only: browsers send Arabic as RFC 8187 ext-value, UTF-8''%D9%85…
  if (p.startsWith("UTF-8''")) {
    try {
      p = decodeURIComponent(p.slice(7)).trim();
    } catch {
      throw invalid('invalid_purpose', "x-purpose in the UTF-8'' form must be percent-encoded UTF-8");
    }
    // the text guard saw only the encoded form
    if (/[\u0000-\u001f\u007f]/.test(p)) {
      throw invalid('invalid_characters', 'x-purpose contains control characters', { issues: [{ path: 'headers/x-purpose', message: 'control characters are not allowed' }] });
    }
  }
  if (!p) throw invalid('invalid_purpose', 'x-purpose must state the purpose of the read: it is blank');
  if (p.length > 200) throw invalid('invalid_purpose', 'x-purpose is at most 200 characters');
  return p;
}
