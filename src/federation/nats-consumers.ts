/**
 * The receiving side of the NATS transport (`nats-transport.ts`): for every partner on `nats`, a
 * durable consumer of its envelopes, answered through `federation.receive` with each receipt
 * published back before the envelopes are acked, and one of its receipts, settled through
 * `federation.applyReceipts` and acked after. A batch that fails is nak'ed and comes again; the
 * inbox deduplicates.
 */
import { createHash } from 'node:crypto';
import type { JsMsg } from '@nats-io/jetstream';
import type { Partner } from './federation.repo.ts';
import type { ReceiveResult } from './federation.service.ts';
import type { Kind, NatsLink } from './nats-transport.ts';

/** What the consumers need of the federation service: the one inbox and the one receipt path. */
export interface FederationEnds {
  receive(envelopes: readonly unknown[]): Promise<ReceiveResult[]>;
  applyReceipts(partnerId: string, receipts: readonly string[]): Promise<unknown>;
}

export interface NatsConsumersOptions {
  /** Messages per call to the service (default 100). */
  batchSize?: number;
  /** How often the partners on `nats` are looked up again (default 30 s). */
  syncEveryMs?: number;
  onError(err: unknown, what: string): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

const parse = (m: JsMsg): unknown => {
  try {
    return m.json();
  } catch {
    return null;
  }
};

/** Same receipt again (a duplicate answered with the first one) is stored once; a new decision is a new message. */
const receiptMsgId = (r: ReceiveResult) => `${r.envelope}.${createHash('sha256').update(r.receipt).digest('base64url').slice(0, 22)}`;

interface Worker {
  partner: string;
  kind: Kind;
  stop: AbortController;
  done: Promise<void>;
}

/**
 * The receiving side: for every partner on `nats`, a consumer of its envelopes (answered through
 * `receive`, each receipt published back before the envelopes are acked) and of its receipts
 * (settled through `applyReceipts`). Returns what stops them and closes the link.
 */
export function startNatsConsumers(link: NatsLink, federation: FederationEnds, partners: () => Promise<Partner[]>, opts: NatsConsumersOptions) {
  const batch = opts.batchSize ?? 100;
  const workers = new Map<string, Worker[]>();
  let syncing: Promise<void> | null = null;
  let stopped = false;

  async function handle(partner: string, kind: Kind, msgs: JsMsg[]) {
    try {
      if (kind === 'rcpt') {
        const jws = msgs.map((m) => (parse(m) as { receipt?: unknown } | null)?.receipt).filter((x): x is string => typeof x === 'string');
        await federation.applyReceipts(partner, jws);
      } else {
        const results = await federation.receive(msgs.map(parse));
        // an envelope too broken to name itself gets a receipt nobody can settle with: not sent
        await Promise.all(results.filter((r) => r.envelope).map((r) => link.publish(partner, 'rcpt', receiptMsgId(r), { receipt: r.receipt })));
      }
      for (const m of msgs) m.ack();
    } catch (err) {
      for (const m of msgs) m.nak(2000);
      throw err;
    }
  }

  async function run(w: Worker) {
    let failures = 0;
    // looked up once, and again after a failure (the consumer may have to be made again)
    let c: Awaited<ReturnType<NatsLink['consumer']>> | undefined;
    while (!w.stop.signal.aborted) {
      try {
        c ??= await link.consumer(w.partner, w.kind);
        const msgs: JsMsg[] = [];
        let broke: unknown;
        const began = Date.now();
        try {
          for await (const m of await c.fetch({ max_messages: batch, expires: 1000 })) msgs.push(m);
        } catch (err) {
          broke = err;
        }
        if (msgs.length) await handle(w.partner, w.kind, msgs);
        if (broke) throw broke;
        failures = 0;
        // a pull that ends at once with nothing (the connection is down) is not retried in a tight loop
        if (msgs.length === 0 && Date.now() - began < 200) await sleep(500, w.stop.signal);
      } catch (err) {
        c = undefined;
        if (w.stop.signal.aborted) break;
        // one report per outage, not one per retry
        if (failures++ === 0) opts.onError(err, `federation NATS ${w.kind === 'env' ? 'envelopes' : 'receipts'} from ${w.partner} failed; retrying`);
        await sleep(Math.min(3000, 250 * 2 ** failures), w.stop.signal);
      }
    }
  }

  const start = (partner: string, kind: Kind): Worker => {
    const w = { partner, kind, stop: new AbortController() } as Worker;
    w.done = run(w);
    return w;
  };

  async function stopWorkers(list: Worker[]) {
    for (const w of list) w.stop.abort();
    await Promise.all(list.map((w) => w.done));
  }

  async function syncOnce() {
    const want = new Set((await partners()).filter((p) => p.transport === 'nats').map((p) => p.id));
    for (const id of want) {
      if (workers.has(id) || stopped) continue;
      await link.ensureStream(link.outbound(id));
      await link.ensureConsumer(id, 'env');
      await link.ensureConsumer(id, 'rcpt');
      workers.set(id, [start(id, 'env'), start(id, 'rcpt')]);
    }
    for (const [id, list] of workers) {
      if (want.has(id)) continue;
      workers.delete(id);
      await stopWorkers(list);
    }
  }

  let failing = false;
  const sync = (): Promise<void> =>
    (syncing ??= syncOnce()
      .then(() => void (failing = false))
      .catch((err) => {
        if (!failing) opts.onError(err, 'federation NATS consumers could not be set up; retrying');
        failing = true;
      })
      .finally(() => (syncing = null)));

  void sync();
  const timer = setInterval(() => void (stopped || sync()), opts.syncEveryMs ?? 30_000);
  timer.unref?.();
  return {
    sync,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await syncing;
      await stopWorkers([...workers.values()].flat());
      workers.clear();
      await link.close();
    },
  };
}
