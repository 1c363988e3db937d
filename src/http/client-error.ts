import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** Node's parser errors, by code, onto Ribat's stable codes; anything else is a 400. */
const KNOWN: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large'],
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (a lowercase method,
 * a malformed request line or header) never reaches a route or the error mapper, so its
 * problem+json answer (RFC 9457) is written here, straight to the socket, which is then closed.
 *
 * @example
 * Fastify({ clientErrorHandler: writeClientError });
 */
export function writeClientError(err: Error & { code?: string }, socket: Socket): void {
  // a reset connection has nobody left to answer
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const [status, code, title] = (err.code && KNOWN[err.code]) || [400, 'bad_request', 'The request cannot be processed'];
    const body = JSON.stringify({ type: `urn:ribat:problem:${code}`, title, status, code, correlationId: randomUUID() });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}
