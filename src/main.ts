/**
 * The only file that wires: config → database → bus → services → HTTP / CLI.
 */
import { sql } from 'kysely';
import { AuditRepo } from './audit/audit.repo.ts';
import { AuditService } from './audit/audit.service.ts';
import { checkpointerFor } from './audit/checkpointer.ts';
import { AdminService } from './auth/admin.service.ts';
import { AgencyDirectory } from './auth/agency-directory.ts';
import { AuthRepo } from './auth/auth.repo.ts';
import { AuthService } from './auth/auth.service.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import type { ScryptCost } from './auth/password.ts';
import { type Config, loadConfig } from './config.ts';
import { type Clock, systemClock } from './core/clock.ts';
import { type IdGenerator, newId } from './core/ids.ts';
import { toIsoDate } from './core/partial-date.ts';
import path from 'node:path';
import { invalid } from './core/errors.ts';
import { backupConnection } from './db/backup.ts';
import { startBackupSchedule } from './db/backup-schedule.ts';
import { type Connection, connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { EventBus } from './events/bus.ts';
import { InProcessBus } from './events/in-process.ts';
import { NatsBus, type NatsBusOptions } from './events/nats.ts';
import { buildServer } from './http/server.ts';
import { RecordImporter } from './records/import/importer.ts';
import { RecordsRepo } from './records/records.repo.ts';
import { RecordsService } from './records/records.service.ts';
import { Seeder } from './seed/seeder.ts';
import { NoticesRepo, NoticesService, PublicNoticeImporter, screenerOf } from './notices/index.ts';
import { HitsRepo } from './notices/hits.repo.ts';
import { HitsService } from './notices/hits.service.ts';
import { MessagesRepo, MessagesService } from './messages/index.ts';
import { NetworkClient, NetworkRepo, NetworkService } from './network/index.ts';
import { NotificationsRepo } from './notices/notifications.repo.ts';
import { NotificationsService } from './notices/notifications.service.ts';
import { EngineClient } from './screening/engine-client.ts';
import { ScreeningRepo } from './screening/screening.repo.ts';
import { ScreeningService } from './screening/screening.service.ts';
import { CasesRepo, type CasesModule, casesModule } from './cases/index.ts';
import { ProfileSeeder, ReportRepo, ReportService, SeedRepo } from './cases/report.index.ts';

export interface Services {
  conn: Connection;
  bus: EventBus;
  clock: Clock;
  audit: AuditService;
  auth: AuthService;
  admin: AdminService;
  records: RecordsService;
  importer: RecordImporter;
  seeder: Seeder;
  screening: ScreeningService;
  notices: NoticesService;
  noticeImporter: PublicNoticeImporter;
  notifications: NotificationsService;
  hits: HitsService;
  messages: MessagesService;
  network: NetworkService;
  cases: CasesModule;
  reports: ReportService;
  profileSeeder: ProfileSeeder;
  authRepo: AuthRepo;
  today: () => string;
  agencyCount: () => Promise<number>;
  /** A consistent copy of the embedded database, audited (`ribat backup`). */
  backup(file: string): Promise<{ file: string; bytes: number; sha256: string; at: string }>;
  close(): Promise<void>;
}

export interface WireOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Lower scrypt cost for tests only. */
  passwordCost?: ScryptCost;
  migrate?: boolean;
  /** Stream, subject prefix… of the NATS bus when config.natsUrl is set (tests use their own). */
  nats?: NatsBusOptions;
  /** What this process is, named to a second process that finds the embedded database taken. */
  command?: string;
}

export async function createServices(config: Config, opts: WireOptions = {}): Promise<Services> {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? newId;
  const conn = await connect(config.databaseUrl, { command: opts.command, durability: config.pgliteDurability });
  if (opts.migrate !== false) await migrateToLatest(conn.db);
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
  const authRepo = new AuthRepo();
  const directory = new AgencyDirectory(db, authRepo);
  const auth = new AuthService(db, authRepo, audit, clock, ids, new LoginLimiter({ max: config.loginRateMax, addressMax: config.loginRateAddressMax, windowSeconds: config.loginRateWindowSeconds }), config);
  const admin = new AdminService(db, authRepo, audit, clock, ids, opts.passwordCost, () => auth.forgetTokens());
  const recordsRepo = new RecordsRepo();
  const records = new RecordsService(db, recordsRepo, audit, bus, clock, ids, directory);
  const importer = new RecordImporter(db, recordsRepo, audit, bus, clock, ids, directory);
  const seeder = new Seeder(db, authRepo, admin, importer, audit, clock, ids);
  const engine = new EngineClient(config.screeningWorkers);
  const screening = new ScreeningService(db, new ScreeningRepo(), engine, audit, bus, clock, directory);
  const noticesRepo = new NoticesRepo();
  const notices = new NoticesService(db, noticesRepo, audit, bus, clock, ids, screenerOf(screening));
  const noticeImporter = new PublicNoticeImporter(db, noticesRepo, audit, bus, clock, ids);
  const notifications = new NotificationsService(db, new NotificationsRepo(), audit, clock, ids);
  const hits = new HitsService(db, new HitsRepo(), notices, notifications, audit, bus, clock, ids);
  screening.onHits(
    (actor, kind, query, matches) => hits.recordFromScreening(actor, kind, query, matches),
    async (recordIds) => new Set((await notices.liveNoticesBySubject(recordIds)).keys()),
  );
  const network = new NetworkService(db, new NetworkRepo(), audit, clock, ids, new NetworkClient());
  const messages = new MessagesService(db, new MessagesRepo(), audit, bus, clock, ids, { all: () => authRepo.allAgencies(db), codesOf: (a) => directory.codesOf(a) }, notices);
  const cases = casesModule({ db, repo: new CasesRepo(), audit, bus, clock, ids, records });
  return {
    conn,
    bus,
    clock,
    audit,
    auth,
    admin,
    records,
    importer,
    seeder,
    screening,
    notices,
    noticeImporter,
    notifications,
    hits,
    messages,
    network,
    cases,
    reports: new ReportService(db, new ReportRepo(), audit, clock),
    profileSeeder: new ProfileSeeder(db, new SeedRepo(), importer, audit, clock),
    authRepo,
    today: () => toIsoDate(clock.now()),
    agencyCount: () => authRepo.countAgencies(db),
    backup,
    close: async () => {
      await bus.close();
      await engine.close();
      await network.close();
      // the chain's head, signed, once nothing writes any more (failures reported, not thrown)
      await audit.close();
      await conn.close();
    },
  };
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
  /** How often overdue hit tasks are escalated (default every minute). */
  escalationIntervalMs?: number;
  /** How often unread messages past their deadline raise an alarm (default every minute). */
  messageAlarmIntervalMs?: number;
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
  const services = await createServices(config, { passwordCost: opts.passwordCost, command: opts.command ?? 'ribat start' });
  if (config.seedScale !== 'none') await services.seeder.seedIfEmpty(config.seedScale, { onProgress: opts.onProgress });
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
  const stopEscalation = services.hits.startEscalation(opts.escalationIntervalMs ?? 60_000, (err) => app.log.error({ err }, 'hit task escalation failed'));
  const stopMessageAlarms = services.messages.startAlarms(opts.messageAlarmIntervalMs ?? 60_000, (err) => app.log.error({ err }, 'message deadline alarms failed'));
  const stopNoticeSweep = services.notices.startSweep(3_600_000, (err) => app.log.error({ err }, 'notice renewal and expiry sweep failed'));
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
  const url = `http://${config.host}:${port}`;
  // named to a second process that finds the embedded database taken
  if (services.conn.embedded) services.conn.embedded.lock.holder.url = url;
  return {
    url,
    services,
    close: async () => {
      await stopEscalation();
      await stopMessageAlarms();
      await stopNoticeSweep();
      await stopBackups();
      await app.close();
      await services.close();
    },
  };
}
