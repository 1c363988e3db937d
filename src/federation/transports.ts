/**
 * The transport a node uses for each partner, chosen by the partner's `transport`: HTTPS by
 * default (`transport.ts`); partners on other transports are added here. Every transport goes
 * through the same envelopes, filter and receipts (the service seals and settles; a transport
 * only carries).
 */
import type { Config } from '../config.ts';
import type { Partner } from './federation.repo.ts';
import type { Transport } from './federation.service.ts';
import { natsLinkFor, natsTransport } from './nats-transport.ts';
import { httpTransport } from './transport.ts';

/** One transport per partner transport kind; a partner whose kind has none fails to send (and waits). */
export function routedTransport(byKind: Partial<Record<Partner['transport'], Transport>>): Transport {
  return {
    async send(partner, envelopes) {
      const t = byKind[partner.transport];
      if (!t) throw new Error(`no ${partner.transport} transport on this node`);
      return t.send(partner, envelopes);
    },
  };
}

export function defaultTransport(config: Config): Transport {
  const nats = natsLinkFor(config);
  return routedTransport({ https: httpTransport({ caFile: config.federationCaFile }), ...(nats ? { nats: natsTransport(nats) } : {}) });
}
