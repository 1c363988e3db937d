import type { Module } from '../app/module.ts';
import { federationCommands } from './federation.cli.ts';
import { FederationRepo } from './federation.repo.ts';
import { federationRoutes } from './federation.routes.ts';
import { DEFAULT_SETTINGS, FederationService, type Transport } from './federation.service.ts';
import * as m0010 from './migrations/0010_federation.ts';
import * as m0012 from './migrations/0012_outbox_sent.ts';
import { startNatsConsumers } from './nats-consumers.ts';
import { natsLinkFor } from './nats-transport.ts';
import { defaultTransport } from './transports.ts';
import { FOREIGN_AGENCY_KIND } from '../records/foreign-records.ts';
import { wireNotices } from './shared-notices.ts';
import { wireRecords } from './shared-records.ts';
import { wireMessages } from './shared-messages.ts';

declare module '../app/module.ts' {
  interface Services {
    federation: FederationService;
  }
  interface WireOptions {
    /** How items reach partners (default HTTPS; tests may carry them otherwise). */
    federationTransport?: Transport;
  }
}

/** Federation of national nodes: keys, partners, agreements, the outbox and the inbox. */
export const federationModule: Module = {
  name: 'federation',
  migrations: { '0010_federation': m0010, '0012_outbox_sent': m0012 },
  commands: federationCommands,
  build: ({ conn: { db }, audit, bus, clock, ids, config, authRepo }, opts) => ({
    federation: new FederationService(
      db,
      new FederationRepo(),
      audit,
      bus,
      clock,
      ids,
      { ...DEFAULT_SETTINGS, nodeId: config.nodeId, maxSkewSeconds: config.federationMaxSkewSeconds },
      opts.federationTransport ?? defaultTransport(config),
      // agencies of other nodes, known here from what they sent, are not this node's
      async () => (await authRepo.allAgencies(db)).filter((a) => a.kind !== FOREIGN_AGENCY_KIND).map((a) => a.code),
    ),
  }),
  connect: (s) => {
    wireRecords(s);
    wireMessages(s);
    wireNotices(s);
  },
  routes: (s) => async (api) => {
    await api.register(federationRoutes, { federation: s.federation });
  },
  start: (s, { intervals, onError }) => {
    const every = intervals.federationSend ?? s.config.federationSendEveryMs;
    let stopped = false;
    // one send at a time: a tick that finds the previous one still running is skipped
    let running: Promise<unknown> | null = s.federation.resume().catch((err) => onError(err, 'federation resume failed')).finally(() => (running = null));
    const timer = every > 0
      ? setInterval(() => {
          if (stopped || running) return;
          running = s.federation.flush(5).catch((err) => onError(err, 'federation send failed')).finally(() => (running = null));
        }, every)
      : undefined;
    timer?.unref?.();
    // partners on `nats`: their envelopes and receipts come in through this node's own server
    const link = natsLinkFor(s.config);
    const repo = new FederationRepo();
    const nats = link
      ? startNatsConsumers(link, s.federation, () => repo.partners(s.conn.db), { syncEveryMs: intervals.federationNatsSync, onError })
      : undefined;
    return async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      await nats?.stop();
    };
  },
};
