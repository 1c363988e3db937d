/**
 * The NATS JetStream transport, for partners on intermittent links (docs/federation.md, "NATS
 * transport"). Each node has its own nats-server with its own JetStream domain and a leaf-node
 * link to the partner's. A node publishes what it sends a partner (envelopes, and its receipts for
 * what it received) into its own stream `FED_OUT_<partner>`, each message id (`Nats-Msg-Id`) the
 * envelope's; the partner's stream `FED_IN_<node>` sources that stream across the leaf link,
 * whenever the link is up. Its durable consumers hand envelopes to `federation.receive` and
 * receipts to `federation.applyReceipts`, and ack only once those returned: a stopped process
 * loses nothing, and the receiver deduplicates on sender and envelope id (`nats-consumers.ts`).
 *
 * Within nats-server 2.9.10 (Debian 12): no subject transforms, one filter subject per consumer
 * and per source, so each direction of a pair has its own stream and each kind its own subject.
 */
import { AckPolicy, DeliverPolicy, DiscardPolicy, type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Config } from '../config.ts';
import { parseNatsUrl, redactNatsUrl } from '../events/nats.ts';
import type { Envelope } from './envelope.ts';
import type { Partner } from './federation.repo.ts';
import type { Transport } from './federation.service.ts';

/** Not under `ribat.`: the event bus's stream takes `ribat.>` when it shares the server. */
export const SUBJECT_ROOT = 'ribatfed';
export type Kind = 'env' | 'rcpt';
export const subjectOf = (from: string, to: string, kind: Kind): string => `${SUBJECT_ROOT}.${from}.${to}.${kind}`;
export const outStream = (to: string): string => `FED_OUT_${to}`;
export const inStream = (from: string): string => `FED_IN_${from}`;
const durableOf = (kind: Kind) => `ribat_${kind}`;
/** Where a stream source's messages arrive: per receiver and sender, so a leaf user can be allowed exactly its own. */
const deliverPrefix = (receiver: string, sender: string) => `${SUBJECT_ROOT}.dlv.${receiver}.${sender}`;

const NS = 1_000_000;
const DAY_MS = 24 * 3600_000;

export interface NatsLinkOptions {
  url: string;
  nodeId: string;
  /** This node's JetStream domain. */
  domain: string;
  /** Partners' domains where they are not their node ids. */
  partnerDomains?: Record<string, string>;
  /** JetStream API and publish acknowledgement timeout (default 5 s). */
  timeoutMs?: number;
  /** How long the streams keep messages (default 14 days: envelopes expire after one). */
  retentionMs?: number;
  /** A message id published again within this window is stored once (default 1 h). */
  duplicateWindowMs?: number;
}

interface Open {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/** One node's connection to its own server, and the streams and consumers it made there. */
export class NatsLink {
  #open: Promise<Open> | undefined;
  /** Streams and consumers known to exist; forgotten on reconnect (the server may be new). */
  readonly #ensured = new Set<string>();
  #closed = false;

  constructor(readonly opts: NatsLinkOptions) {}

  get nodeId(): string {
    return this.opts.nodeId;
  }

  get timeoutMs(): number {
    return this.opts.timeoutMs ?? 5000;
  }

  ready(): Promise<Open> {
    if (this.#closed) return Promise.reject(new Error('the federation NATS link is closed'));
    this.#open ??= this.#connect().catch((err) => {
      this.#open = undefined;
      throw err;
    });
    return this.#open;
  }

  async #connect(): Promise<Open> {
    const shown = redactNatsUrl(this.opts.url);
    const nc = await connect({ ...parseNatsUrl(this.opts.url), name: `ribat-federation-${this.nodeId}`, timeout: this.timeoutMs, maxReconnectAttempts: -1, reconnectTimeWait: 1000 }).catch((err: Error) => {
      throw new Error(`NATS is unreachable at ${shown} (FEDERATION_NATS_URL): ${err.message}`);
    });
    void (async () => {
      for await (const s of nc.status()) if (s.type === 'reconnect') this.#ensured.clear();
    })().catch(() => undefined);
    try {
      const jsm = await jetstreamManager(nc, { domain: this.opts.domain, timeout: this.timeoutMs });
      return { nc, jsm, js: jetstream(nc, { domain: this.opts.domain, timeout: this.timeoutMs }) };
    } catch (err) {
      await nc.close();
      throw new Error(`no JetStream domain ${this.opts.domain} at ${shown} (FEDERATION_NATS_DOMAIN): ${(err as Error).message}`);
    }
  }

  domainOf(partnerId: string): string {
    return this.opts.partnerDomains?.[partnerId] ?? partnerId;
  }

  #limits() {
    return {
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: (this.opts.retentionMs ?? 14 * DAY_MS) * NS,
      duplicate_window: (this.opts.duplicateWindowMs ?? 3600_000) * NS,
      num_replicas: 1,
    };
  }

  /** What this node sends a partner: envelopes and its receipts for the partner's envelopes. */
  outbound(partnerId: string): Partial<StreamConfig> & { name: string } {
    return { name: outStream(partnerId), subjects: [`${SUBJECT_ROOT}.${this.nodeId}.${partnerId}.>`], ...this.#limits() };
  }

  /** What a partner sends this node: its outbound stream for us, sourced across the leaf link from its domain. */
  inbound(partnerId: string): Partial<StreamConfig> & { name: string } {
    return {
      name: inStream(partnerId),
      subjects: [],
      ...this.#limits(),
      sources: [{ name: outStream(this.nodeId), filter_subject: `${SUBJECT_ROOT}.${partnerId}.${this.nodeId}.*`, external: { api: `$JS.${this.domainOf(partnerId)}.API`, deliver: deliverPrefix(this.nodeId, partnerId) } }],
    };
  }

  /**
   * What a partner's leaf-node connection to this node's server needs, and nothing more: to
   * source its own outbound stream here and be sourced from its server (docs/federation.md). A
   * server with several partners gives each its own leaf user with these, so that none reads
   * another's stream. `publish` is what the partner's server may send into ours, `subscribe`
   * what it may receive.
   */
  leafPermissions(partnerId: string): { publish: string[]; subscribe: string[] } {
    const [self, mine, theirs] = [this.nodeId, `$JS.${this.opts.domain}.API`, `$JS.${this.domainOf(partnerId)}.API`];
    const sourcing = (api: string, stream: string) => [`${api}.CONSUMER.CREATE.${stream}`, `${api}.CONSUMER.CREATE.${stream}.>`, `${api}.CONSUMER.DELETE.${stream}.>`, `${api}.STREAM.INFO.${stream}`];
    return {
      // its server sourcing our stream for it: the consumer, flow control; answering our API requests; delivering to our source
      publish: [...sourcing(mine, outStream(partnerId)), `$JS.FC.${outStream(partnerId)}.>`, '$JSC.R.>', `${deliverPrefix(self, partnerId)}.>`],
      subscribe: [...sourcing(theirs, outStream(self)), `$JS.FC.${outStream(self)}.>`, '$JSC.R.>', `${deliverPrefix(partnerId, self)}.>`],
    };
  }

  async ensureStream(cfg: Partial<StreamConfig> & { name: string }): Promise<void> {
    if (this.#ensured.has(cfg.name)) return;
    const { jsm } = await this.ready();
    await jsm.streams.add(cfg).catch(async (err: Error) => {
      if (!/already in use/i.test(err.message)) throw err;
      await jsm.streams.update(cfg.name, cfg);
    });
    this.#ensured.add(cfg.name);
  }

  /** A durable pull consumer on a partner's inbound stream, for one kind (one filter subject). */
  async ensureConsumer(partnerId: string, kind: Kind): Promise<void> {
    const stream = inStream(partnerId);
    const key = `${stream}/${kind}`;
    if (this.#ensured.has(key)) return;
    await this.ensureStream(this.inbound(partnerId));
    const { jsm } = await this.ready();
    const cfg = {
      durable_name: durableOf(kind),
      filter_subject: subjectOf(partnerId, this.nodeId, kind),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: 60_000 * NS,
      max_ack_pending: 1000,
      max_deliver: -1,
    };
    await jsm.consumers.add(stream, cfg).catch(async (err: Error) => {
      if (!/already (in use|exists)/i.test(err.message)) throw err;
      await jsm.consumers.update(stream, cfg.durable_name, cfg);
    });
    this.#ensured.add(key);
  }

  /** Publishes into this node's stream for `to`; resolves once the server stored it (or already had that id). */
  async publish(to: string, kind: Kind, msgID: string, data: unknown): Promise<{ duplicate: boolean }> {
    await this.ensureStream(this.outbound(to));
    const { js } = await this.ready();
    const ack = await js.publish(subjectOf(this.nodeId, to, kind), JSON.stringify(data), { msgID, timeout: this.timeoutMs });
    return { duplicate: ack.duplicate };
  }

  async consumer(partnerId: string, kind: Kind) {
    await this.ensureConsumer(partnerId, kind);
    const { js } = await this.ready();
    return js.consumers.get(inStream(partnerId), durableOf(kind));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const open = await this.#open?.catch(() => undefined);
    if (open && !open.nc.isClosed()) await open.nc.drain().catch(() => open.nc.close());
  }
}

const links = new WeakMap<Config, NatsLink>();

/** The node's one link (the transport's and the consumers'), when FEDERATION_NATS_URL is set. */
export function natsLinkFor(config: Config): NatsLink | undefined {
  if (!config.federationNatsUrl) return undefined;
  let link = links.get(config);
  if (!link) {
    link = new NatsLink({ url: config.federationNatsUrl, nodeId: config.nodeId, domain: config.federationNatsDomain, partnerDomains: config.federationNatsPartnerDomains });
    links.set(config, link);
  }
  return link;
}

/** The envelope id, from the header this node signed. */
export function envelopeId(e: Envelope): string {
  return JSON.parse(Buffer.from(e.jws.split('.')[1] ?? '', 'base64url').toString('utf8')).id;
}

/**
 * Store and forward: an envelope the server stored is `stored` (its receipt comes back later on
 * the partner's stream); one it refused (too large, the server down) is not, and waits with
 * back-off. Nothing stored at all throws, with why.
 */
export function natsTransport(link: NatsLink): Transport {
  return {
    async send(partner: Partner, envelopes: readonly Envelope[]) {
      const results = await Promise.allSettled(envelopes.map((e) => link.publish(partner.id, 'env', envelopeId(e), e).then(() => envelopeId(e))));
      const stored = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (stored.length === 0 && failed) throw new Error(`NATS: ${(failed.reason as Error)?.message ?? 'publish failed'}`);
      return { receipts: [], stored };
    },
  };
}
