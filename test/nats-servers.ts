/**
 * Real nats-server processes for the federation transport's tests: each with JetStream in its own
 * domain and its own store in a temporary directory, on free loopback ports, the first listening
 * for leaf-node connections and the others linked to it as leaf nodes. A server can be stopped
 * and started again on the same ports and store (a link going down and coming back).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NATS_SERVER_BIN = '/usr/sbin/nats-server';

/** false, or why tests needing nats-server are skipped. */
export const natsServerSkip: string | false = existsSync(NATS_SERVER_BIN) ? false : `skipped: no ${NATS_SERVER_BIN} (apt-get install nats-server)`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface NatsServer {
  /** The JetStream domain, also the server's name. */
  domain: string;
  url: string;
  running(): boolean;
  start(): Promise<void>;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and waits for its exit. */
  stop(): Promise<void>;
}

class ServerProcess implements NatsServer {
  #child: ChildProcess | undefined;

  constructor(
    readonly domain: string,
    readonly url: string,
    private readonly conf: string,
    /** A line the log shows once the server is usable (ready, and linked for a leaf). */
    private readonly readyWhen: RegExp[],
  ) {}

  running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running()) return;
    const child = spawn(NATS_SERVER_BIN, ['-c', this.conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server ${this.domain} not ready in 10 s:\n${log.slice(-2000)}`)), 10_000);
      const seen = () => {
        if (this.readyWhen.every((re) => re.test(log))) {
          clearTimeout(timer);
          resolve();
        }
      };
      for (const s of [child.stdout!, child.stderr!]) {
        s.setEncoding('utf8');
        s.on('data', (d: string) => {
          if (log.length < 200_000) log += d;
          seen();
        });
      }
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server ${this.domain} exited (${code}):\n${log.slice(-2000)}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running()) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
  }
}

export interface LeafPair {
  hub: NatsServer;
  leaf: NatsServer;
  /** Stops both and removes their stores. */
  dispose(): Promise<void>;
}

export interface LeafPairOptions {
  hubDomain: string;
  leafDomain: string;
  /**
   * The leaf's user on the hub and what it may publish into the hub and receive from it. Unset:
   * the leaf connects without credentials and is allowed everything.
   */
  leafUser?: { name: string; permissions: { publish: string[]; subscribe: string[] } };
}

/**
 * Two servers, `hub` (JetStream domain `hubDomain`, listening for leaf nodes) and `leaf` (domain
 * `leafDomain`, a leaf-node remote to the hub), started and linked.
 */
export async function startLeafPair(opts: LeafPairOptions): Promise<LeafPair> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ribat-nats-'));
  const [hubPort, leafListen, leafPort] = [await freePort(), await freePort(), await freePort()];
  const password = randomBytes(12).toString('hex');
  const conf = (name: string, port: number, domain: string, rest: string[]) =>
    [
      `server_name: ${JSON.stringify(name)}`,
      `listen: 127.0.0.1:${port}`,
      `jetstream { store_dir: ${JSON.stringify(path.join(dir, name))}, domain: ${JSON.stringify(domain)} }`,
      ...rest,
      '',
    ].join('\n');
  const u = opts.leafUser;
  // with a leaf user, the hub's clients (its node) still connect without credentials, as `node`
  const hubAuth = u
    ? [
        `accounts { FED: { jetstream: enabled, users: [ { user: "node", password: "${password}" }, { user: ${JSON.stringify(u.name)}, password: "${password}", permissions: ${JSON.stringify({ publish: { allow: u.permissions.publish }, subscribe: { allow: u.permissions.subscribe } })} } ] } }`,
        'no_auth_user: node',
      ]
    : [];
  const creds = u ? `${encodeURIComponent(u.name)}:${password}@` : '';
  const hubConf = path.join(dir, 'hub.conf');
  const leafConf = path.join(dir, 'leaf.conf');
  await writeFile(hubConf, conf('hub', hubPort, opts.hubDomain, [...hubAuth, `leafnodes { listen: 127.0.0.1:${leafListen} }`]));
  // the event bus's subjects never cross the link, should a node put its bus on this server
  await writeFile(leafConf, conf('leaf', leafPort, opts.leafDomain, [`leafnodes { reconnect: 1, remotes: [ { url: "nats-leaf://${creds}127.0.0.1:${leafListen}", deny_imports: ["ribat.>"], deny_exports: ["ribat.>"] } ] }`]));
  const hub = new ServerProcess(opts.hubDomain, `nats://127.0.0.1:${hubPort}`, hubConf, [/Server is ready/]);
  const leaf = new ServerProcess(opts.leafDomain, `nats://127.0.0.1:${leafPort}`, leafConf, [/Server is ready/, /Leafnode connection created/]);
  const dispose = async () => {
    await Promise.all([leaf.stop(), hub.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
  // a test process that dies leaves no server behind
  const onExit = () => {
    for (const s of [hub, leaf]) if (s.running()) void s.stop();
  };
  process.once('exit', onExit);
  try {
    await hub.start();
    await leaf.start();
  } catch (err) {
    await dispose();
    throw err;
  }
  return {
    hub,
    leaf,
    dispose: async () => {
      process.off('exit', onExit);
      await dispose();
    },
  };
}
