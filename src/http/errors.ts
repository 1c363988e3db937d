import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  correlationId: string;
  issues?: Array<{ path: string; message: string }>;
  details?: Record<string, unknown>;
}

function send(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json').send(p);
}

const problem = (req: FastifyRequest, status: number, code: string, title: string, extra: Partial<Problem> = {}): Problem => ({
  type: `urn:ribat:problem:${code}`,
  title,
  status,
  code,
  correlationId: req.id,
  ...extra,
});

/** Fastify's own client errors, by their error code, onto stable Ribat codes. */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length', 'Content-Length does not match the body'],
};

/** The one error mapper: stable codes out, internals never. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const { issues, ...details } = (err.details ?? {}) as { issues?: Problem['issues'] } & Record<string, unknown>;
      if (err.code === 'rate_limited' && typeof details.retryAfterSeconds === 'number') reply.header('retry-after', String(details.retryAfterSeconds));
      return send(reply, problem(req, err.status, err.code, err.message, { issues, details: Object.keys(details).length ? details : undefined }));
    }
    if (err.validation) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath || ''}`,
        message: v.message ?? 'invalid',
      }));
      return send(reply, problem(req, 400, 'validation_failed', 'The request is not valid', { issues }));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(reply, problem(req, known[0], known[1], known[2]));
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return send(reply, problem(req, 400, 'malformed_json', 'The body is not valid JSON'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, problem(req, err.statusCode, 'bad_request', 'The request cannot be processed'));
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, problem(req, 500, 'internal_error', 'Something went wrong on our side'));
  });
}

export function notFoundProblem(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, problem(req, 404, 'not_found', 'No such resource'));
}
