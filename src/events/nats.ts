import {
  AckPolicy,
  type Consumer,
  type ConsumerMessages,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AppError } from '../core/errors.ts';
import { errorLabel, type EventBus, type Handler, type PublishOptions } from './bus.ts';

/**
 * The event bus over NATS JetStream, used when NATS_URL is set (see docs/events.md).
 *
 * - publish: a JetStream publish that resolves only once the server stored the event (the
 *   stream's ack), so nothing acknowledged to a caller is lost.
 * - subscribe (default): an ephemeral *ordered* consumer per pattern that starts after the
 *   stream's last event when subscribe() is called. The node rebuilds its own in-memory state
 *   (the screening index) from the database at start, so it needs only what happens next. The
 *   client re-creates ordered consumers after a reconnect or a gap, from the last event seen.
 *   Ordered consumers have no server acks: a failing handler is retried here a bounded number
 *   of times, then the failure is logged (subject and sequence, never the payload) and the
 *   next event goes on.
 * - subscribe with `durablePrefix`: a durable consumer per pattern (explicit ack, at most one
 *   event in flight, so in order) acked after the handler resolved, nak'ed with a delay when it
 *   failed, given up after `maxDeliver` deliveries. For workers that must resume where they
 *   stopped; other nodes and tools can attach their own durable consumers to the stream.
 *
 * Handlers of one subscription run one at a time, in stream order, as on the in-process bus.
 * Unlike the in-process bus, publish does not wait for handlers: they follow within
 * milliseconds.
 */
export interface NatsBusOptions {
  /** JetStream stream name; default RIBAT. */
  stream?: string;
  /** Subject prefix on the wire: `records.created` travels as `ribat.records.created`. */
  prefix?: string;
  /** When set, subscriptions are durable consumers named `<durablePrefix>_<pattern>`. */
  durablePrefix?: string;
  /** Handler attempts per event before it is skipped (ordered) or deliveries (durable); default 3. */
  maxAttempts?: number;
  /** Delay between attempts in ms; default 200. */
  retryDelayMs?: number;
  /** Connection timeout in ms; default 3000. */
  timeoutMs?: number;
  /** Told about handler failures; never given the payload. Default: a line on stderr. */
  onError?: (err: unknown, subject: string, info: { seq: number; attempt: number; final: boolean }) => void;
}

/** A URL safe to show: no user, password or token. */
export function redactNatsUrl(url: string): string {
  return url
    .split(',')
    .map((u) => u.trim().replace(/^([a-z]+:\/\/)?[^/]*@/i, (_m, scheme: string | undefined) => scheme ?? ''))
    .join(',');
}

/** Servers without credentials, and the credentials (user:pass or a token) the URL carried. */
export function parseNatsUrl(url: string): { servers: string[]; user?: string; pass?: string; token?: string } {
  const out: { servers: string[]; user?: string; pass?: string; token?: string } = { servers: [] };
  for (const part of url.split(',').map((u) => u.trim()).filter(Boolean)) {
    const m = /^([a-z]+:\/\/)?(?:([^/]*)@)?(.*)$/i.exec(part)!;
    out.servers.push(`${m[1] ?? ''}${m[3]}`);
    if (m[2] && out.user === undefined && out.token === undefined) {
      const i = m[2].indexOf(':');
      if (i >= 0) {
        out.user = decodeURIComponent(m[2].slice(0, i));
        out.pass = decodeURIComponent(m[2].slice(i + 1));
      } else out.token = decodeURIComponent(m[2]);
    }
  }
  return out;
}

const defaultOnError: NonNullable<NatsBusOptions['onError']> = (err, subject, info) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: info.final ? 'event handler failed, event skipped' : 'event handler failed, retrying', subject, seq: info.seq, attempt: info.attempt, err: errorLabel(err) })}\n`,
  );
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const encoder = new TextEncoder();

interface Sub {
  active: boolean;
  messages?: ConsumerMessages;
  loop?: Promise<void>;
  /** Set for ephemeral ordered consumers, deleted on unsubscribe rather than left to expire. */
  ephemeral?: Consumer;
}

export class NatsBus implements EventBus {
  readonly #nc: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #stream: string;
  readonly #prefix: string;
  readonly #opts: NatsBusOptions;
  readonly #onError: NonNullable<NatsBusOptions['onError']>;
  /** Subscriptions whose consumer is being created; publish waits for them so a subscriber sees what follows. */
  readonly #pending = new Set<Promise<void>>();
  readonly #subs = new Set<Sub>();
  #closed = false;

  private constructor(nc: NatsConnection, jsm: JetStreamManager, stream: string, prefix: string, opts: NatsBusOptions) {
    this.#nc = nc;
    this.#jsm = jsm;
    this.#js = jetstream(nc);
    this.#stream = stream;
    this.#prefix = prefix;
    this.#opts = opts;
    this.#onError = opts.onError ?? defaultOnError;
  }

  /** Connects and makes sure the stream exists. Throws AppError `nats_unreachable` when it cannot. */
  static async connect(url: string, opts: NatsBusOptions = {}): Promise<NatsBus> {
    const stream = opts.stream ?? 'RIBAT';
    const prefix = opts.prefix ?? 'ribat';
    const shown = redactNatsUrl(url);
    let nc: NatsConnection;
    try {
      nc = await connect({
        ...parseNatsUrl(url),
        timeout: opts.timeoutMs ?? 3000,
        name: 'ribat',
        maxReconnectAttempts: -1,
      });
    } catch (err) {
      throw new AppError('nats_unreachable', 503, `NATS is unreachable at ${shown} (NATS_URL): ${errorLabel(err)}`);
    }
    try {
      const jsm = await jetstreamManager(nc, { timeout: opts.timeoutMs ?? 3000 });
      const subjects = [`${prefix}.>`];
      const info = await jsm.streams.info(stream).catch((err: unknown) => {
        if ((err as { name?: string }).name === 'StreamNotFoundError' || /stream not found/i.test(String((err as Error).message))) return null;
        throw err;
      });
      if (!info) {
        await jsm.streams.add({
          name: stream,
          subjects,
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          discard: DiscardPolicy.Old,
          max_age: 30 * 24 * 3600 * 1_000_000_000, // ns: events carry ids only; 30 days of history
          duplicate_window: 2 * 60 * 1_000_000_000,
        });
      } else if (!info.config.subjects?.includes(subjects[0])) {
        await jsm.streams.update(stream, { subjects: [...(info.config.subjects ?? []), ...subjects] });
      }
      return new NatsBus(nc, jsm, stream, prefix, opts);
    } catch (err) {
      await nc.close().catch(() => {});
      throw new AppError('nats_unreachable', 503, `NATS at ${shown} (NATS_URL) has no usable JetStream stream ${stream}: ${errorLabel(err)}`);
    }
  }

  get streamName(): string {
    return this.#stream;
  }

  /** Events in the stream now (tests, health). */
  async streamMessages(): Promise<number> {
    return (await this.#jsm.streams.info(this.#stream)).state.messages;
  }

  async publish<T>(subject: string, data: T, opts: PublishOptions = {}): Promise<void> {
    if (this.#closed) throw new Error('event bus closed');
    if (this.#pending.size) await Promise.all(this.#pending);
    await this.#js.publish(`${this.#prefix}.${subject}`, encoder.encode(JSON.stringify(data ?? null)), {
      ...(opts.msgId ? { msgID: opts.msgId } : {}),
      expect: { streamName: this.#stream },
    });
  }

  subscribe<T>(pattern: string, handler: Handler<T>): () => void {
    if (this.#closed) throw new Error('event bus closed');
    const sub: Sub = { active: true };
    this.#subs.add(sub);
    const setup = this.#start(sub, pattern, handler as Handler<unknown>).catch((err) => {
      this.#onError(err, pattern, { seq: 0, attempt: 0, final: true });
    });
    this.#pending.add(setup);
    void setup.finally(() => this.#pending.delete(setup));
    return () => {
      sub.active = false;
      this.#subs.delete(sub);
      void setup.then(() => this.#stop(sub)).catch(() => {});
    };
  }

  async #start(sub: Sub, pattern: string, handler: Handler<unknown>): Promise<void> {
    const filter = `${this.#prefix}.${pattern}`;
    const maxAttempts = Math.max(1, this.#opts.maxAttempts ?? 3);
    const delay = this.#opts.retryDelayMs ?? 200;
    if (this.#opts.durablePrefix) {
      const name = `${this.#opts.durablePrefix}_${pattern.replace(/\*/g, 'any').replace(/>/g, 'all').replace(/[^A-Za-z0-9_-]/g, '_')}`;
      try {
        await this.#jsm.consumers.info(this.#stream, name);
      } catch {
        await this.#jsm.consumers.add(this.#stream, {
          durable_name: name,
          filter_subject: filter,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.New,
          max_ack_pending: 1,
          max_deliver: maxAttempts,
          ack_wait: 30 * 1_000_000_000,
        });
      }
      const consumer = await this.#js.consumers.get(this.#stream, name);
      if (!sub.active) return;
      sub.messages = await consumer.consume({ max_messages: 1 });
      sub.loop = this.#run(sub, handler, async (m, ok, err) => {
        const attempt = m.info.deliveryCount;
        if (ok) return void m.ack();
        const final = attempt >= maxAttempts;
        this.#onError(err, this.#strip(m.subject), { seq: m.seq, attempt, final });
        if (final) m.term();
        else m.nak(delay * attempt);
      });
    } else {
      // Start right after the stream's last event. Not DeliverPolicy.New: an ordered consumer
      // re-created before its first event would then replay the whole stream.
      const last = (await this.#jsm.streams.info(this.#stream)).state.last_seq;
      const consumer = await this.#js.consumers.get(this.#stream, {
        filter_subjects: filter,
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: last + 1,
      });
      sub.ephemeral = consumer;
      if (!sub.active) return void (await consumer.delete().catch(() => {}));
      sub.messages = await consumer.consume({ max_messages: 64 });
      sub.loop = this.#run(sub, handler, async (m, ok, err) => {
        let attempt = 1;
        while (!ok && sub.active) {
          const final = attempt >= maxAttempts;
          this.#onError(err, this.#strip(m.subject), { seq: m.seq, attempt, final });
          if (final) return;
          await sleep(delay * attempt);
          attempt++;
          try {
            await handler({ subject: this.#strip(m.subject), data: m.json() });
            ok = true;
          } catch (e) {
            err = e;
          }
        }
      });
    }
  }

  async #run(sub: Sub, handler: Handler<unknown>, settle: (m: JsMsg, ok: boolean, err: unknown) => Promise<void>): Promise<void> {
    try {
      for await (const m of sub.messages!) {
        if (!sub.active) break;
        let ok = true;
        let error: unknown;
        try {
          await handler({ subject: this.#strip(m.subject), data: m.json() });
        } catch (e) {
          ok = false;
          error = e;
        }
        await settle(m, ok, error);
      }
    } catch (err) {
      if (sub.active) this.#onError(err, 'subscription', { seq: 0, attempt: 0, final: true });
    }
  }

  async #stop(sub: Sub): Promise<void> {
    await sub.messages?.close().catch(() => {});
    await sub.loop;
    await sub.ephemeral?.delete().catch(() => {});
  }

  #strip(wire: string): string {
    return wire.startsWith(`${this.#prefix}.`) ? wire.slice(this.#prefix.length + 1) : wire;
  }

  /** Stops every subscription after its current handler, then drains the connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#pending);
    const subs = [...this.#subs];
    for (const s of subs) s.active = false;
    await Promise.all(subs.map((s) => this.#stop(s)));
    this.#subs.clear();
    if (!this.#nc.isClosed()) await this.#nc.drain().catch(() => {});
  }
}
