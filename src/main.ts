/**
 * The composition root: the node's list of modules, and the kernel they stand on (config →
 * database → bus → audit). Nothing module-specific lives here: the migrator, the services, the
 * HTTP server, the CLI, the background jobs and the seeder iterate MODULES. Nothing imports this
 * file but the entry points (the CLI runner, tests, benchmarks).
 */
import path from 'node:path';
import { sql } from 'kysely';
import type { ScryptCost } from './auth/password.ts';
import { type JobContext, migrationsOf, type Module, type WireOptions } from './app/module.ts';
import type { Services } from './app/module.ts';
import { auditModule } from './audit/module.ts';
import { AuditRepo } from './audit/audit.repo.ts';
import { AuditService } from './audit/audit.service.ts';
import { checkpointerFor } from './audit/checkpointer.ts';
import { authModule } from './auth/module.ts';
import { casesModule } from './cases/module.ts';
import { type Config, loadConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { invalid } from './core/errors.ts';
import { newId } from './core/ids.ts';
import { toIsoDate } from './core/partial-date.ts';
import { backupConnection } from './db/backup.ts';
import { startBackupSchedule } from './db/backup-schedule.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { databaseModule } from './db/module.ts';
import { federationModule } from './federation/module.ts';
import type { EventBus } from './events/bus.ts';
import { InProcessBus } from './events/in-process.ts';
import { NatsBus } from './events/nats.ts';
import { buildServer } from './http/server.ts';
import { messagesModule } from './messages/module.ts';
import { networkModule } from './network/module.ts';
import { noticesModule } from './notices/module.ts';
import { recordsModule } from './records/module.ts';
import { screeningModule } from './screening/module.ts';
import { seedModule } from './seed/module.ts';

export type { Services } from './app/module.ts';
export type { WireOptions } from './app/module.ts';

/** The node's modules, in the order they are built (each may use those before it). */
export const MODULES: readonly Module[] = [
  authModule,
  auditModule,
  databaseModule,
  recordsModule,
  seedModule,
  screeningModule,
  casesModule,
  noticesModule,
  messagesModule,
  networkModule,
  federationModule,
];

/** Every migration of the node's modules. */
export const MIGRATIONS = migrationsOf(MODULES);

export async function createServices(config: Config, opts: WireOptions = {}): Promise<Services> {
  const modules = opts.modules ?? MODULES;
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? newId;
  const conn = await connect(config.databaseUrl, { command: opts.command, durability: config.pgliteDurability });
  if (opts.migrate !== false) await migrateToLatest(conn.db, migrationsOf(modules));
  const db = conn.db;
  const bus: EventBus = config.natsUrl
    ? await NatsBus.connect(config.natsUrl, opts.nats).catch(async (err) => {
        await conn.close();
        throw err;
      })
    : new InProcessBus();
  const auditRepo = new AuditRepo();
  const checkpoints = { file: config.auditCheckpointFile, keyFile: config.auditKeyFile, every: config.auditCheckpointEvery, databaseUrl: config.databaseUrl };
  const audit = new AuditService(db, auditRepo, clock, checkpointerFor(db, auditRepo, clock, checkpoints));
  const backup = async (file: string) => {
    const r = await backupConnection(conn, file, clock.now());
    await db.transaction().execute((trx) => audit.append(trx, null, { action: 'database.backup', targetType: 'database', details: { file: r.file, bytes: r.bytes, sha256: r.sha256 } }));
    return r;
  };
  // `ribat backup` from another process, while this one holds the embedded directory
  conn.embedded?.lock.handle('backup', async (req) => {
    if (typeof req.file !== 'string' || !path.isAbsolute(req.file)) throw invalid('validation_failed', 'file must be an absolute path');
    return { ...(await backup(req.file)) };
  });
  const s = {
    config,
    conn,
    bus,
    clock,
    ids,
    audit,
    modules,
    today: () => toIsoDate(clock.now()),
    backup,
    close: async () => {
      await bus.close();
      for (const m of [...modules].reverse()) await m.close?.(s);
      // the chain's head, signed, once nothing writes any more (failures reported, not thrown)
      await audit.close();
      await conn.close();
    },
  } as Services;
  for (const m of modules) Object.assign(s, await m.build?.(s, opts));
  for (const m of modules) m.connect?.(s);
  return s;
}

export interface StartOptions {
  databaseUrl?: string;
  /** Named to a second process that finds the embedded database taken (default `ribat start`). */
  command?: string;
  /** When the scheduled backup first looks whether one is due (default a minute after start). */
  backupFirstCheckMs?: number;
  host?: string;
  port?: number;
  seedScale?: Config['seedScale'];
  logLevel?: Config['logLevel'];
  webDist?: string;
  passwordCost?: ScryptCost;
  /**
   * How often the modules' background jobs run, by job name (tests run them fast): `hitEscalation`
   * (overdue hit tasks, default every minute), `messageAlarms` (unread messages past their
   * deadline, every minute), `noticeSweep` (renewals and expiries, every hour), `federationSend`
   * (the outbound queue, FEDERATION_SEND_EVERY_MS; 0: only on demand).
   */
  intervals?: Partial<Record<string, number>>;
  /** The modules to run (default MODULES). */
  modules?: readonly Module[];
  onProgress?: (msg: string) => void;
}

export interface RunningNode {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Migrates, seeds on first start, and serves the API and the web desk. */
export async function startNode(opts: StartOptions = {}, env: Record<string, string | undefined> = process.env): Promise<RunningNode> {
  const base = loadConfig(env);
  const config: Config = {
    ...base,
    databaseUrl: opts.databaseUrl ?? base.databaseUrl,
    host: opts.host ?? base.host,
    port: opts.port ?? base.port,
    seedScale: opts.seedScale ?? base.seedScale,
    logLevel: opts.logLevel ?? base.logLevel,
  };
  const services = await createServices(config, { passwordCost: opts.passwordCost, command: opts.command ?? 'ribat start', modules: opts.modules });
  if (config.seedScale !== 'none') {
    const scale = config.seedScale;
    for (const m of services.modules) await m.seed?.(services, { scale, onProgress: opts.onProgress });
  }
  let lastReport = 0;
  await services.screening.start((done, total) => {
    if (done === total || performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      opts.onProgress?.(`screening index ${done} of ${total} records`);
    }
  });
  const app = await buildServer(services, {
    logLevel: config.logLevel,
    cookieSecure: config.cookieSecure,
    corsOrigins: config.corsOrigins,
    sessionMaxHours: config.sessionMaxHours,
    trustProxy: config.trustProxy,
    tls: config.tlsCertFile && config.tlsKeyFile ? { certFile: config.tlsCertFile, keyFile: config.tlsKeyFile } : undefined,
    webDist: opts.webDist ?? 'web/dist',
    ready: async () => {
      try {
        await sql`select 1`.execute(services.conn.db);
        return true;
      } catch {
        return false;
      }
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const jobs: JobContext = {
    intervals: opts.intervals ?? {},
    onError: (err, what) => app.log.error({ err }, what),
  };
  const stops = services.modules.flatMap((m) => (m.start ? [m.start(services, jobs)] : []));
  const embedded = services.conn.embedded;
  const stopBackups = embedded
    ? startBackupSchedule({
        dir: embedded.dir,
        everyHours: config.backupEveryHours,
        keep: config.backupKeep,
        take: (file) => services.backup(file),
        onError: (err) => app.log.error({ err }, 'scheduled backup failed'),
        firstCheckMs: opts.backupFirstCheckMs,
      })
    : async () => {};
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `${config.tlsCertFile ? 'https' : 'http'}://${config.host}:${port}`;
  // named to a second process that finds the embedded database taken
  if (services.conn.embedded) services.conn.embedded.lock.holder.url = url;
  return {
    url,
    services,
    close: async () => {
      for (const stop of stops.reverse()) await stop();
      await stopBackups();
      await app.close();
      await services.close();
    },
  };
}
