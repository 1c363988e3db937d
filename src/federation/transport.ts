/**
 * The HTTPS transport (plain HTTP on loopback where no certificate is set): one request carries
 * a batch of envelopes to the partner's inbox and brings back its signed receipts. A partner
 * down, slow or answering 5xx throws: the items stay queued and are retried with back-off.
 * Connections are kept alive between batches (a TLS handshake per batch would cost more than
 * signing it), and the partners' certificates are checked against FEDERATION_CA_FILE when set.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Envelope } from './envelope.ts';
import type { Partner } from './federation.repo.ts';
import type { Transport } from './federation.service.ts';

export const INBOX_PATH = '/api/v1/federation/inbox';

/** Receipts for the largest batch take a few hundred kilobytes: anything far beyond is not an inbox. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export interface HttpClientOptions {
  /** PEM certificates trusted for https:// (instead of the system's roots), or the file holding them. */
  ca?: string | Buffer;
  caFile?: string;
  /** Per request, from sending to the last byte of the answer (default 30 s). */
  timeoutMs?: number;
}

export interface JsonAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface JsonClient {
  request(url: string, init?: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<JsonAnswer>;
  /** Closes the kept-alive connections. */
  close(): void;
}

/** A JSON-over-HTTP(S) client with kept-alive connections (the transport's, and the process tests'). */
export function jsonClient(opts: HttpClientOptions = {}): JsonClient {
  const ca = opts.ca ?? (opts.caFile ? readFileSync(opts.caFile) : undefined);
  // idle sockets are dropped after 5 s, before the server's keep-alive timeout closes them under us
  const agents = { 'http:': new http.Agent({ keepAlive: true, timeout: 5000 }), 'https:': new https.Agent({ keepAlive: true, timeout: 5000, ...(ca ? { ca } : {}) }) };
  const timeoutMs = opts.timeoutMs ?? 30_000;

  const once = (url: URL, method: string, headers: Record<string, string>, payload: Buffer | undefined) =>
    new Promise<JsonAnswer>((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const req = lib.request(url, { method, agent, headers: { accept: 'application/json', ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'));
          else chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              body = JSON.parse(text);
            } catch {
              return reject(new Error(`HTTP ${res.statusCode}: the answer is not JSON`));
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      req.on('error', (e: NodeJS.ErrnoException) => reject(Object.assign(e, { reused: req.reusedSocket })));
      req.end(payload);
    });

  return {
    async request(raw, init = {}) {
      const url = new URL(raw);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${url.protocol} is not http or https`);
      const payload = init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body));
      const method = init.method ?? (payload ? 'POST' : 'GET');
      try {
        return await once(url, method, init.headers ?? {}, payload);
      } catch (e) {
        // a kept-alive connection the server closed just as we reused it: once more on a new one
        const err = e as NodeJS.ErrnoException & { reused?: boolean };
        if (err.reused && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) return once(url, method, init.headers ?? {}, payload);
        throw e;
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

export function httpTransport(opts: HttpClientOptions = {}): Transport & { close(): void } {
  const client = jsonClient(opts);
  return {
    async send(partner: Partner, envelopes: readonly Envelope[]) {
      const res = await client.request(`${partner.baseUrl}${INBOX_PATH}`, { method: 'POST', body: { envelopes } });
      if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
      return res.body;
    },
    close: () => client.close(),
  };
}
