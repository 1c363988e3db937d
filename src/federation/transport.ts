/**
 * The HTTPS transport (plain HTTP on loopback in tests): one request carries a batch of
 * envelopes to the partner's inbox and brings back its signed receipts. A partner down, slow or
 * answering 5xx throws: the items stay queued and are retried with back-off.
 */
import type { Envelope } from './envelope.ts';
import type { Partner } from './federation.repo.ts';
import type { Transport } from './federation.service.ts';

export const INBOX_PATH = '/api/v1/federation/inbox';

export function httpTransport(opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): Transport {
  const doFetch = opts.fetch ?? fetch;
  return {
    async send(partner: Partner, envelopes: readonly Envelope[]) {
      const res = await doFetch(`${partner.baseUrl}${INBOX_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ envelopes }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
  };
}
