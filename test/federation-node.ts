/**
 * One federation node as its own process, for src/federation/processes.test.ts and
 * bench/federation.bench.ts (started by test/federation-nodes.ts). Its settings are the node's
 * usual environment (NODE_ID, NODE_AGENCY, DATABASE_URL, PORT, TLS_CERT_FILE, TLS_KEY_FILE,
 * FEDERATION_CA_FILE, FEDERATION_SEND_EVERY_MS, FEDERATION_NATS_*), and for tests only
 * RIBAT_TEST_ADMIN_PASSWORD: the user `fedadmin` (admin, NCB officer and reviewer of NODE_AGENCY)
 * is made with this password on first start, so that the parent logs in over HTTPS like anyone.
 *
 * Prints `READY <url>` once it listens. Answers JSON commands on stdin, one a line
 * (`{"id":1,"cmd":"stats"}`), with `ANSWER <json>` lines on stdout:
 *
 * - `seal {to, header?, body, kid?}`: an envelope signed with one of this node's keys (the
 *   current one unless `kid` names another), with header fields overridden (tampered, expired and
 *   replayed envelopes are made from it; only this process holds the private key);
 * - `create {count, names, concurrency?}`: persons made through the records service as the
 *   node's officer (the path that writes the outbox), each answered with its id and the time
 *   its transaction committed;
 * - `stats`: what the inbox, the held items and the audit log say (lost and applied-twice checks).
 *
 * It ends when stdin closes (the parent is gone) or on SIGTERM.
 */
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import type { Actor } from '../src/auth/roles.ts';
import { sealEnvelope } from '../src/federation/envelope.ts';
import { signingKey } from '../src/federation/keys.ts';
import { startNode } from '../src/main.ts';
import { TEST_PASSWORD_COST } from './db-targets.ts';
import { ADMIN_USERNAME } from './federation-nodes.ts';

const env = process.env;
const node = await startNode(
  { port: Number(env.PORT ?? 0), seedScale: 'none', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST, command: 'federation test node', intervals: { federationNatsSync: 500 } },
  { ...env, NATS_URL: '' },
);
const s = node.services;

async function bootstrap(): Promise<Actor> {
  const root = await s.seeder.consoleActor();
  const password = env.RIBAT_TEST_ADMIN_PASSWORD;
  if (password && !(await s.authRepo.userByUsername(s.conn.db, ADMIN_USERNAME))) {
    await s.admin.createUser(root, { username: ADMIN_USERNAME, displayName: 'Federation test admin', password, agencyId: root.agencyId, roles: ['admin', 'ncb_officer', 'reviewer'] });
  }
  return { ...root, roles: ['ncb_officer'], via: 'session' };
}
const officer = await bootstrap();

const person = (name: string) => ({
  kind: 'person' as const,
  data: { names: [{ value: name, type: 'primary' as const }], birthDates: ['1980'], nationalities: ['MAR'] },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'INTERPOL Rules on the Processing of Data, Art. 10',
});

type Command = { id: number; cmd: string; [k: string]: unknown };

const commands: Record<string, (c: Command) => Promise<unknown>> = {
  async seal(c) {
    const keys = await s.federation.keys();
    const key = c.kid ? keys.find((k) => k.kid === c.kid) : signingKey(keys, new Date());
    if (!key) throw new Error(`no key ${String(c.kid)}`);
    const iat = Math.floor(Date.now() / 1000);
    const header = { id: crypto.randomUUID(), from: s.federation.nodeId, to: String(c.to), iat, exp: iat + 3600, type: 'item.upsert', hops: 0, ...(c.header as object) };
    return sealEnvelope(key, header, c.body);
  },
  async create(c) {
    const names = c.names as string[];
    const out: Array<{ id: string; at: number }> = new Array(names.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < names.length; i = next++) {
        const rec = await s.records.create(officer, person(names[i]));
        out[i] = { id: rec.id, at: Date.now() };
      }
    };
    await Promise.all(Array.from({ length: Number(c.concurrency ?? 4) }, worker));
    return out;
  },
  async stats() {
    const db = s.conn.db;
    const inbox = await sql<{ sender: string; status: string; reason: string | null; n: number }>`select sender, status, reason, count(*)::int as n from federation_inbox group by 1, 2, 3`.execute(db);
    const items = await sql<{ ownerNode: string; itemId: string; version: number; withdrawn: boolean }>`select owner_node, item_id, version, withdrawn_at is not null as withdrawn from federation_items`.execute(db);
    // an item's version (or its withdrawal) applied more than once: what a resent envelope must never do
    const twice = await sql<{ targetId: string; n: number }>`
      select target_id, count(*)::int as n from audit_log
      where action = 'federation.receive' and details->>'applied' = 'true'
      group by target_id, details->>'version', details->>'type' having count(*) > 1`.execute(db);
    return { inbox: inbox.rows, items: items.rows.map((r) => ({ ...r, version: Number(r.version) })), appliedTwice: twice.rows };
  },
};

const answer = (line: Record<string, unknown>) => process.stdout.write(`ANSWER ${JSON.stringify(line)}\n`);

createInterface({ input: process.stdin })
  .on('line', (line) => {
    let c: Command;
    try {
      c = JSON.parse(line);
    } catch {
      return answer({ id: null, error: 'not JSON' });
    }
    const run = commands[c.cmd];
    if (!run) return answer({ id: c.id, error: `unknown command ${c.cmd}` });
    run(c).then(
      (result) => answer({ id: c.id, result }),
      (err: Error & { code?: string }) => answer({ id: c.id, error: err.code ?? err.message }),
    );
  })
  .on('close', () => void stop());

let stopping: Promise<void> | undefined;
const stop = () => (stopping ??= node.close().finally(() => process.exit(0)));
process.once('SIGTERM', () => void stop());
process.stdout.write(`READY ${node.url}\n`);
