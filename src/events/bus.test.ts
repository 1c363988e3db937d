import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect as natsConnect } from '@nats-io/transport-node';
import { DB_TARGETS, describeOn, TEST_PASSWORD_COST, T0 } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { loadConfig } from '../config.ts';
import { fixedClock } from '../core/clock.ts';
import { sequentialIds } from '../core/ids.ts';
import { createServices } from '../main.ts';
import type { BusEvent, EventBus } from './bus.ts';
import { InProcessBus } from './in-process.ts';
import { NatsBus, parseNatsUrl, redactNatsUrl } from './nats.ts';

/**
 * One contract for every bus: the in-process bus always, NATS JetStream when a server answers
 * at NATS_URL or, by default, 127.0.0.1:4222 (CI starts one there). Each run uses its own
 * stream and subject prefix and deletes the stream afterwards.
 */
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const RUN = randomBytes(4).toString('hex');

function reachable(url: string): Promise<boolean> {
  const first = redactNatsUrl(url).split(',')[0].replace(/^[a-z]+:\/\//i, '');
  const [host, port] = [first.replace(/:\d+$/, '') || '127.0.0.1', Number(/:(\d+)$/.exec(first)?.[1] ?? 4222)];
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, host, () => done(true));
  });
}

const natsUp = await reachable(NATS_URL);
const natsSkip = natsUp ? false : `skipped: no NATS server at ${redactNatsUrl(NATS_URL)} (start nats-server -js, or set NATS_URL)`;

const streams: string[] = [];
after(async () => {
  if (!natsUp || streams.length === 0) return;
  const nc = await natsConnect({ ...parseNatsUrl(NATS_URL), timeout: 3000 });
  const jsm = await jetstreamManager(nc);
  for (const s of streams) await jsm.streams.delete(s).catch(() => {});
  await nc.close();
});

let n = 0;
function natsOptions(extra: Parameters<typeof NatsBus.connect>[1] = {}) {
  n++;
  const stream = `RIBAT_T_${RUN}_${n}`;
  streams.push(stream);
  return { stream, prefix: `ribat_t_${RUN}_${n}`, retryDelayMs: 10, maxAttempts: 2, ...extra };
}

async function waitFor(cond: () => boolean, ms = 1000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits long enough that an event that should not arrive would have. */
const quiet = () => new Promise((r) => setTimeout(r, 150));

interface Impl {
  name: string;
  skip: string | false;
  make(onError: (err: unknown, subject: string) => void): Promise<EventBus>;
  /** Events the server stored; undefined where nothing is stored. */
  stored(bus: EventBus): Promise<number | undefined>;
}

const IMPLS: Impl[] = [
  { name: 'in-process', skip: false, make: async (onError) => new InProcessBus(onError), stored: async () => undefined },
  {
    name: 'NATS JetStream',
    skip: natsSkip,
    make: (onError) => NatsBus.connect(NATS_URL, natsOptions({ onError: (err, subject) => onError(err, subject) })),
    stored: (bus) => (bus as NatsBus).streamMessages(),
  },
];

for (const impl of IMPLS) {
  describe(`event bus contract: ${impl.name}`, { skip: impl.skip }, () => {
    let bus: EventBus;
    const errors: string[] = [];
    before(async () => {
      bus = await impl.make((_err, subject) => errors.push(subject));
    });
    after(() => bus?.close());

    it('delivers a published event with its subject and data to a matching subscriber only', async () => {
      const got: BusEvent[] = [];
      const other: BusEvent[] = [];
      const u1 = bus.subscribe('t1.records.created', (e) => void got.push(e));
      const u2 = bus.subscribe('t1.records.deleted', (e) => void other.push(e));
      await bus.publish('t1.records.created', { id: 'r1', kind: 'person' });
      await waitFor(() => got.length === 1);
      assert.deepEqual(got[0], { subject: 't1.records.created', data: { id: 'r1', kind: 'person' } });
      await quiet();
      assert.equal(other.length, 0);
      u1();
      u2();
    });

    it('matches `>` (one or more tokens) and `*` (exactly one token) patterns', async () => {
      const all: string[] = [];
      const star: string[] = [];
      const u1 = bus.subscribe('t2.records.>', (e) => void all.push(e.subject));
      const u2 = bus.subscribe('t2.*.deleted', (e) => void star.push(e.subject));
      for (const s of ['t2.records.created', 't2.records.deleted', 't2.links.deleted', 't2.records.x.y', 't2.records']) await bus.publish(s, { id: s });
      await waitFor(() => all.length === 3 && star.length === 2);
      await quiet();
      assert.deepEqual(all, ['t2.records.created', 't2.records.deleted', 't2.records.x.y']);
      assert.deepEqual(star, ['t2.records.deleted', 't2.links.deleted']);
      u1();
      u2();
    });

    it('stops delivering after unsubscribe', async () => {
      const got: unknown[] = [];
      const unsubscribe = bus.subscribe('t3.x', (e) => void got.push(e.data));
      await bus.publish('t3.x', 1);
      await waitFor(() => got.length === 1);
      unsubscribe();
      await bus.publish('t3.x', 2);
      await quiet();
      assert.deepEqual(got, [1]);
    });

    it('runs the handlers of one subscription one at a time, in publish order', async () => {
      const got: number[] = [];
      let running = 0;
      let overlap = false;
      const u = bus.subscribe<number>('t4.>', async (e) => {
        overlap ||= running++ > 0;
        await new Promise((r) => setTimeout(r, e.data % 3));
        got.push(e.data);
        running--;
      });
      const count = 40;
      for (let i = 0; i < count; i++) await bus.publish(`t4.${i % 2 ? 'a' : 'b'}`, i);
      await waitFor(() => got.length === count, 3000);
      assert.deepEqual(got, [...Array(count).keys()]);
      assert.equal(overlap, false);
      u();
    });

    it('keeps delivering to other subscribers, and to the same one, when a handler fails', async () => {
      const good: unknown[] = [];
      const bad: unknown[] = [];
      const u1 = bus.subscribe('t5.x', (e) => {
        bad.push(e.data);
        if (e.data === 'boom') throw new Error('handler failed');
      });
      const u2 = bus.subscribe('t5.x', (e) => void good.push(e.data));
      await bus.publish('t5.x', 'boom');
      await bus.publish('t5.x', 'fine');
      await waitFor(() => good.length === 2 && bad.includes('fine'));
      assert.deepEqual(good, ['boom', 'fine']);
      assert.ok(errors.includes('t5.x'), 'the failure is reported with its subject');
      u1();
      u2();
    });

    it('resolves publish only once the event is delivered (in-process) or stored by the server (NATS)', async () => {
      const before = await impl.stored(bus);
      let handled = false;
      const u = bus.subscribe('t6.x', async () => {
        await new Promise((r) => setTimeout(r, 20));
        handled = true;
      });
      await bus.publish('t6.x', { id: 'a' });
      const stored = await impl.stored(bus);
      if (before === undefined) assert.equal(handled, true);
      else assert.equal(stored, before + 1);
      await waitFor(() => handled);
      u();
    });

    it('delivers nothing after close', async () => {
      const b2 = await impl.make(() => {});
      const got: unknown[] = [];
      b2.subscribe('t7.x', (e) => void got.push(e.data));
      await b2.publish('t7.x', 1);
      await waitFor(() => got.length === 1);
      await b2.close();
      await b2.publish('t7.x', 2).catch(() => {});
      await bus.publish('t7.x', 3);
      await quiet();
      assert.deepEqual(got, [1]);
    });
  });
}

describe('NATS JetStream specifics', { skip: natsSkip }, () => {
  let bus: NatsBus;
  before(async () => {
    bus = await NatsBus.connect(NATS_URL, natsOptions());
  });
  after(() => bus?.close());

  it('stores an event once when it is published twice with the same msgId', async () => {
    const got: unknown[] = [];
    bus.subscribe('dedup.x', (e) => void got.push(e.data));
    const n0 = await bus.streamMessages();
    await bus.publish('dedup.x', { id: 'a' }, { msgId: `m-${RUN}` });
    await bus.publish('dedup.x', { id: 'a' }, { msgId: `m-${RUN}` });
    assert.equal(await bus.streamMessages(), n0 + 1);
    await waitFor(() => got.length === 1);
    await quiet();
    assert.equal(got.length, 1);
  });

  it('retries a failing handler a bounded number of times, then goes on', async () => {
    const seen: unknown[] = [];
    const failures: boolean[] = [];
    const b = await NatsBus.connect(NATS_URL, natsOptions({ maxAttempts: 3, onError: (_e, _s, info) => void failures.push(info.final) }));
    let flaky = 1;
    b.subscribe('retry.x', (e) => {
      seen.push(e.data);
      if (e.data === 'flaky' && flaky-- > 0) throw new Error('once');
      if (e.data === 'poison') throw new Error('always');
    });
    for (const d of ['flaky', 'poison', 'after']) await b.publish('retry.x', d);
    await waitFor(() => seen.includes('after'));
    assert.deepEqual(seen, ['flaky', 'flaky', 'poison', 'poison', 'poison', 'after']);
    assert.deepEqual(failures, [false, false, false, true]);
    await b.close();
  });

  it('with durablePrefix, acks after the handler, redelivers a failure and resumes after a restart', async () => {
    const opts = natsOptions({ durablePrefix: `node_${RUN}`, maxAttempts: 3 });
    const seen: unknown[] = [];
    let flaky = 1;
    const b1 = await NatsBus.connect(NATS_URL, { ...opts, onError: () => {} });
    b1.subscribe('durable.>', (e) => {
      seen.push(e.data);
      if (e.data === 'flaky' && flaky-- > 0) throw new Error('once');
    });
    await b1.publish('durable.x', 'flaky');
    await b1.publish('durable.x', 'second');
    await waitFor(() => seen.length === 3, 3000);
    assert.deepEqual(seen, ['flaky', 'flaky', 'second']);
    await b1.close();
    // published while no process listens: the durable consumer picks it up on the next start
    const pub = await NatsBus.connect(NATS_URL, { ...opts, durablePrefix: undefined });
    await pub.publish('durable.x', 'while-down');
    await pub.close();
    const b2 = await NatsBus.connect(NATS_URL, opts);
    b2.subscribe<string>('durable.>', (e) => void seen.push(e.data));
    await waitFor(() => seen.length === 4, 3000);
    assert.deepEqual(seen.slice(3), ['while-down']);
    await b2.close();
  });
});

describe('NATS connection errors', () => {
  it('fails with nats_unreachable, naming the URL without its credentials', async () => {
    await assert.rejects(NatsBus.connect('nats://ribat:s3cret@127.0.0.1:1', { timeoutMs: 500 }), (err: any) => {
      assert.equal(err.code, 'nats_unreachable');
      assert.match(err.message, /nats:\/\/127\.0\.0\.1:1/);
      assert.doesNotMatch(err.message, /s3cret|ribat:/);
      return true;
    });
  });

  it('redacts user, password and token from every server of a list', () => {
    assert.equal(redactNatsUrl('nats://u:p@a:4222, tls://tok@b:4223,c:4222'), 'nats://a:4222,tls://b:4223,c:4222');
    assert.equal(redactNatsUrl('nats://u:p@ss@a:4222'), 'nats://a:4222');
  });

  it('takes user and password, or a token, out of the URL into connection options', () => {
    assert.deepEqual(parseNatsUrl('nats://u%40x:p%3Aw@a:4222,b:4222'), { servers: ['nats://a:4222', 'b:4222'], user: 'u@x', pass: 'p:w' });
    assert.deepEqual(parseNatsUrl('tok@127.0.0.1:4222'), { servers: ['127.0.0.1:4222'], token: 'tok' });
    assert.deepEqual(parseNatsUrl('nats://127.0.0.1:4222'), { servers: ['nats://127.0.0.1:4222'] });
  });
});

for (const target of DB_TARGETS) {
  describeOn(target, `services on the NATS bus, ${target.name}`, { skip: natsSkip }, () => {
    it('creates a person through RecordsService and the screening index finds it within one second', async () => {
      const url = await target.create();
      const s = await createServices(
        { ...loadConfig(), databaseUrl: url, natsUrl: NATS_URL },
        { clock: fixedClock(T0), ids: sequentialIds(Date.parse(T0)), passwordCost: TEST_PASSWORD_COST, nats: natsOptions() },
      );
      try {
        assert.ok(s.bus instanceof NatsBus);
        await s.screening.start();
        const root = await s.seeder.consoleActor();
        const owner: Actor = { userId: 'owner', agencyId: root.agencyId, roles: ['ncb_officer'], scopes: SCOPES, via: 'session' };
        const border: Actor = { ...owner, userId: 'border', roles: ['frontline'] };
        const t0 = performance.now();
        const rec = await s.records.create(owner, {
          kind: 'person',
          data: { names: [{ value: 'Youssef El Amrani', type: 'primary' }] } as any,
          legalBasisCode: 'interpol_rpd',
          legalBasis: 'RPD article 10',
        });
        let found = false;
        while (!found && performance.now() - t0 < 1000) {
          found = (await s.screening.screenPerson(border, { name: 'Youcef Amrani' }, 'nats bus test')).candidates[0]?.id === rec.id;
          if (!found) await new Promise((r) => setTimeout(r, 10));
        }
        assert.ok(found, 'the screening index follows the record within one second');
      } finally {
        await s.close();
        await target.drop(url);
      }
    });
  });
}
