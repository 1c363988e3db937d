/**
 * Federation nodes as real processes (test/federation-node.ts), for src/federation/processes.test.ts
 * (and the federation bench to come): a private CA and one certificate per node made with `openssl`,
 * each node its own database (a PGlite directory, or a database on a PostgreSQL server) and its
 * own loopback port, kept across restarts so that a node killed with SIGKILL comes back where its
 * partners expect it. Nodes are enrolled with each other over HTTPS by pinned thumbprint and given
 * agreements through the API, as an administrator would.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Agreement } from '../src/federation/federation.ts';
import { thumbprintOf } from '../src/federation/keys.ts';
import { type JsonAnswer, type JsonClient, jsonClient } from '../src/federation/transport.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, opts: { timeoutMs?: number; everyMs?: number } = {}): Promise<T> {
  const until = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 500)} after ${opts.timeoutMs ?? 60_000} ms`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}

// ---------------------------------------------------------------- certificates

export interface TlsFiles {
  dir: string;
  ca: string;
  cert(node: string): { cert: string; key: string };
}

/** A self-signed CA and, per node, a P-256 certificate for 127.0.0.1 and localhost signed by it. */
export function makeTls(nodes: readonly string[]): TlsFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'ribat-fed-tls-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Ribat federation test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(path.join(dir, 'server.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const n of nodes) {
    const base = n.toLowerCase();
    ssl('req', '-new', ...ec, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${n}`);
    ssl('x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${base}.crt`, '-days', '2', '-extfile', 'server.ext');
  }
  return { dir, ca: path.join(dir, 'ca.crt'), cert: (n) => ({ cert: path.join(dir, `${n.toLowerCase()}.crt`), key: path.join(dir, `${n.toLowerCase()}.key`) }) };
}

// ---------------------------------------------------------------- databases

export interface NodeDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A PGlite directory under a fresh temporary directory, a copy of `template` when given. */
export function pgliteDatabase(template?: string): NodeDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'ribat-fed-db-'));
  if (template) cpSync(template, path.join(dir, 'db'), { recursive: true });
  return { url: `pglite:${dir}/db`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * An empty embedded database with the node's migrations applied, closed, to be copied for each
 * node: making a PGlite directory (its initdb) takes 10 s of CPU on this machine, three times
 * over otherwise. Each node still has its own directory, its own keys and its own data.
 */
export async function pgliteTemplate(): Promise<NodeDatabase> {
  const [{ connect }, { migrateToLatest }, { MIGRATIONS }] = await Promise.all([import('../src/db/connect.ts'), import('../src/db/migrate.ts'), import('../src/main.ts')]);
  const db = pgliteDatabase();
  const conn = await connect(db.url, { command: 'federation test template' });
  try {
    await migrateToLatest(conn.db, MIGRATIONS);
  } finally {
    await conn.close();
  }
  return { url: db.url.slice('pglite:'.length), drop: db.drop };
}

/** Whether a PostgreSQL server answers at `serverUrl`. */
export async function postgresAnswers(serverUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Database `name` on the server of `serverUrl`, made afresh (one left by an aborted run is dropped first). */
export async function postgresDatabase(serverUrl: string, name: string): Promise<NodeDatabase> {
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

// ---------------------------------------------------------------- one node process

export interface NodeSpec {
  id: string;
  agency: string;
  /** More environment (FEDERATION_NATS_URL …). */
  env?: Record<string, string>;
}

/** The administrator test/federation-node.ts makes on each node, with a password made per run. */
export const ADMIN_USERNAME = 'fedadmin';
const ADMIN_PASSWORD = `fed-${crypto.randomUUID()}`;

export class NodeProcess {
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  #seq = 0;
  #log = '';
  readonly url: string;
  readonly api: NodeApi;

  constructor(
    readonly spec: NodeSpec,
    readonly db: NodeDatabase,
    readonly port: number,
    private readonly tls: TlsFiles,
    private readonly sendEveryMs: number,
  ) {
    this.url = `https://127.0.0.1:${port}`;
    this.api = new NodeApi(this.url, tls.ca);
  }

  get id(): string {
    return this.spec.id;
  }

  /** What the process wrote besides its answers (its log with RIBAT_TEST_NODE_LOG set, its errors). */
  get log(): string {
    return this.#log;
  }

  running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Starts the process and waits for `READY` (a restart opens the same database on the same port). */
  async start(timeoutMs = 120_000): Promise<void> {
    const { cert, key } = this.tls.cert(this.id);
    const env = {
      ...process.env,
      NODE_ID: this.id,
      NODE_AGENCY: this.spec.agency,
      DATABASE_URL: this.db.url,
      HOST: '127.0.0.1',
      PORT: String(this.port),
      TLS_CERT_FILE: cert,
      TLS_KEY_FILE: key,
      COOKIE_SECURE: 'true',
      FEDERATION_CA_FILE: this.tls.ca,
      FEDERATION_SEND_EVERY_MS: String(this.sendEveryMs),
      BACKUP_EVERY_HOURS: '0',
      // RIBAT_TEST_NODE_LOG=info shows the nodes' logs in a failure's message
      LOG_LEVEL: process.env.RIBAT_TEST_NODE_LOG ?? 'silent',
      RIBAT_TEST_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...this.spec.env,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/federation-node.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child = child;
    this.#exited = new Promise((r) => child.once('exit', () => r()));
    child.once('exit', () => {
      for (const p of this.#pending.values()) p.reject(new Error(`${this.id} exited`));
      this.#pending.clear();
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      if (this.#log.length < 200_000) this.#log += d;
    });
    // a broken pipe to a killed node is that node's death, reported by `exit`
    child.stdin!.on('error', () => undefined);
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.id} not ready in ${timeoutMs} ms:\n${this.#log.slice(-3000)}`)), timeoutMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.id} exited before it was ready (${code ?? signal}):\n${this.#log.slice(-3000)}`));
      });
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        buffered += d;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line.startsWith('READY ')) {
            clearTimeout(timer);
            resolve();
          } else if (line.startsWith('ANSWER ')) this.#answer(line.slice(7));
          else if (this.#log.length < 200_000) this.#log += `${line}\n`;
        }
      });
    });
    await this.api.login();
  }

  #answer(json: string) {
    const a = JSON.parse(json) as { id: number; result?: unknown; error?: string };
    const p = this.#pending.get(a.id);
    if (!p) return;
    this.#pending.delete(a.id);
    if (a.error) p.reject(new Error(`${this.id}: ${a.error}`));
    else p.resolve(a.result);
  }

  /** A command to the process itself (`seal`, `create`, `stats`: see test/federation-node.ts). */
  command<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    if (!this.running()) return Promise.reject(new Error(`${this.id} is not running`));
    const id = ++this.#seq;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#child!.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
    });
  }

  stats(): Promise<NodeStats> {
    return this.command<NodeStats>('stats');
  }

  /** SIGKILL, and waits for the process to be gone. */
  async kill(): Promise<void> {
    if (this.running()) this.#child!.kill('SIGKILL');
    await this.#exited;
  }

  /** A clean stop (SIGTERM), SIGKILL if it takes over 20 s. */
  async stop(): Promise<void> {
    if (!this.running()) return;
    this.#child!.kill('SIGTERM');
    const t = setTimeout(() => this.#child?.kill('SIGKILL'), 20_000);
    await this.#exited;
    clearTimeout(t);
    this.api.close();
  }
}

export interface NodeStats {
  inbox: Array<{ sender: string; status: string; reason: string | null; n: number }>;
  items: Array<{ ownerNode: string; itemId: string; version: number; withdrawn: boolean }>;
  appliedTwice: Array<{ targetId: string; n: number }>;
}

// ---------------------------------------------------------------- the API of one node, as its administrator

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

export class NodeApi {
  readonly client: JsonClient;
  #cookie = '';
  #csrf = '';

  constructor(
    readonly url: string,
    caFile: string,
  ) {
    this.client = jsonClient({ caFile, timeoutMs: 60_000 });
  }

  async login(): Promise<void> {
    const res = await this.client.request(`${this.url}/api/v1/auth/login`, { method: 'POST', body: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD } });
    if (res.status !== 200) throw new ApiError(res.status, res.body, 'login');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    this.#cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    this.#csrf = (res.body as { csrfToken: string }).csrfToken;
  }

  /** A request as the administrator, with a stated purpose; the raw answer. */
  raw(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
    return this.client.request(`${this.url}/api/v1${route}`, { method, body, headers: { cookie: this.#cookie, 'x-csrf-token': this.#csrf, 'x-purpose': 'federation process test', ...headers } });
  }

  async call<T = any>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await this.raw(method, route, body);
    if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.body, `${method} ${route}`);
    return res.body as T;
  }

  get = <T = any>(route: string) => this.call<T>('GET', route);
  post = <T = any>(route: string, body: unknown = {}) => this.call<T>('POST', route, body);

  /** Screens a name; the ids of the candidates. */
  async screen(name: string): Promise<string[]> {
    const r = await this.post<{ candidates: Array<{ id: string }> }>('/screening/persons', { name, limit: 50 });
    return r.candidates.map((c) => c.id);
  }

  close(): void {
    this.client.close();
  }
}

// ---------------------------------------------------------------- a federation of nodes

export interface FederationOptions {
  nodes: NodeSpec[];
  /** A postgres:// URL of a server on which each node gets database `ribat_fed_<id>`; unset: PGlite directories. */
  postgresServer?: string;
  /** FEDERATION_SEND_EVERY_MS (default 50). */
  sendEveryMs?: number;
}

export interface Federation {
  tls: TlsFiles;
  nodes: Record<string, NodeProcess>;
  /** Stops every node (SIGKILL for one that does not stop), drops the databases and the certificates. */
  dispose(): Promise<void>;
}

/** Certificates, databases and ports for every node; the nodes started one after another (two cores). */
export async function startFederation(opts: FederationOptions): Promise<Federation> {
  const tls = makeTls(opts.nodes.map((n) => n.id));
  const nodes: Record<string, NodeProcess> = {};
  let template: NodeDatabase | undefined;
  const dispose = async () => {
    for (const n of Object.values(nodes)) await n.stop().catch(() => n.kill());
    for (const n of Object.values(nodes)) await n.db.drop().catch(() => undefined);
    await template?.drop();
    rmSync(tls.dir, { recursive: true, force: true });
  };
  // a parent that dies leaves no node behind: each exits when its stdin closes
  try {
    if (!opts.postgresServer) template = await pgliteTemplate();
    for (const spec of opts.nodes) {
      const db = opts.postgresServer ? await postgresDatabase(opts.postgresServer, `ribat_fed_${spec.id.toLowerCase().replace(/^mar-/, '')}`) : pgliteDatabase(template!.url);
      const n = new NodeProcess(spec, db, await freePort(), tls, opts.sendEveryMs ?? 50);
      nodes[spec.id] = n;
      await n.start();
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  return { tls, nodes, dispose };
}

/** `a` enrols `b`: reads `b`'s identity, checks its thumbprint (the out-of-band step), pins it. */
export async function enrol(a: NodeProcess, b: NodeProcess, opts: { agencies: string[]; transport?: 'https' | 'nats' }): Promise<void> {
  const id = await b.api.get<{ nodeId: string; kid: string; jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string } }>('/federation/identity');
  const thumbprint = await thumbprintOf(id.jwk);
  if (thumbprint !== id.kid || id.nodeId !== b.id) throw new Error(`${b.id}'s identity does not match its thumbprint`);
  await a.api.post('/federation/partners', { id: b.id, names: { en: b.id }, baseUrl: b.url, transport: opts.transport ?? 'https', agencies: opts.agencies, key: { jwk: id.jwk, thumbprint } });
}

export async function agree(a: NodeProcess, partner: string, direction: Agreement['direction'], over: Partial<Agreement> = {}): Promise<Agreement> {
  return a.api.post<Agreement>('/federation/agreements', {
    partner, direction, categories: ['notice.red', 'person'], maxTlp: 'RED', mayForward: false, validFrom: '2026-01-01', validTo: null,
    legalBasis: 'Bilateral police cooperation agreement', clause: `${direction} ${partner}`, ...over,
  });
}

/**
 * The hub and two partners: SEN's agreements cover persons and red notices up to RED, ESP's stop
 * at AMBER; SEN reports hits on the hub's notices back to it.
 */
export async function hubAndPartners(f: Federation, transport: 'https' | 'nats' = 'https'): Promise<void> {
  const { 'MAR-HUB': hub, SEN: sen, ESP: esp } = f.nodes;
  await enrol(hub, sen, { agencies: ['SEN-NCB'], transport });
  await enrol(hub, esp, { agencies: ['ESP-NCB'], transport });
  await enrol(sen, hub, { agencies: ['MAR-NCB'], transport });
  await enrol(esp, hub, { agencies: ['MAR-NCB'], transport });
  await agree(hub, 'SEN', 'outbound');
  await agree(hub, 'ESP', 'outbound', { maxTlp: 'AMBER' });
  await agree(sen, 'MAR-HUB', 'inbound');
  await agree(esp, 'MAR-HUB', 'inbound', { maxTlp: 'AMBER' });
  await agree(sen, 'MAR-HUB', 'outbound', { categories: ['hit'] });
  await agree(hub, 'SEN', 'inbound', { categories: ['hit'] });
}

export const THREE_NODES: NodeSpec[] = [
  { id: 'MAR-HUB', agency: 'MAR-NCB' },
  { id: 'SEN', agency: 'SEN-NCB' },
  { id: 'ESP', agency: 'ESP-NCB' },
];
