import type { AuditService } from '../audit/audit.service.ts';
import type { AdminService } from '../auth/admin.service.ts';
import type { Agency, AuthRepo } from '../auth/auth.repo.ts';
import { type Actor, SCOPES, SYSTEM_USER_ID } from '../auth/roles.ts';
import { notFound } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { IdGenerator } from '../core/ids.ts';
import type { Db } from '../db/connect.ts';
import type { RecordImporter } from '../records/import/importer.ts';
import { DEMO_AGENCIES } from './agencies.ts';
import { demoRecords, SCALE_PERSONS } from './demo.ts';
import { SeedMarkers } from './seed.repo.ts';
import { DEMO_PASSWORD, demoUsers } from './users.ts';

export type SeedScale = keyof typeof SCALE_PERSONS;
export const HUB_CODE = 'MAR-NCB';

export interface SeedReport {
  scale: SeedScale;
  agencies: number;
  users: number;
  records: number;
  links: number;
  seconds: number;
}

/** Demo data and the node's own identity (the hub agency and the console actor). */
export class Seeder {
  readonly #markers = new SeedMarkers();

  constructor(
    private readonly db: Db,
    private readonly authRepo: AuthRepo,
    private readonly admin: AdminService,
    private readonly importer: RecordImporter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** The agency that runs this node (NODE_AGENCY): the hub bureau by default. */
    private readonly nodeAgency: string = HUB_CODE,
  ) {}

  /** The agency that runs the node exists on every node; it is created on first use. */
  async ensureHub(): Promise<Agency> {
    const existing = await this.authRepo.agencyByCode(this.db, this.nodeAgency);
    if (existing) return existing;
    const code = this.nodeAgency;
    const seed = DEMO_AGENCIES.find((a) => a.code === code) ?? { code, country: code.slice(0, 3), kind: 'ncb', names: { ar: code, fr: code, en: code, es: code } };
    const hub: Agency = { id: this.ids(), code: seed.code, country: seed.country, kind: seed.kind, names: seed.names, isHub: true, createdAt: this.clock.now() };
    await this.db.transaction().execute(async (trx) => {
      await this.authRepo.insertAgency(trx, hub);
      await this.audit.append(trx, null, { action: 'agency.create', targetType: 'agency', targetId: hub.id, details: { code: hub.code } });
    });
    return hub;
  }

  /** Who acts when an operator runs a command at the node's console (import, seed, user add). */
  async consoleActor(): Promise<Actor> {
    const hub = await this.ensureHub();
    return { userId: SYSTEM_USER_ID, agencyId: hub.id, roles: ['admin', 'ncb_officer', 'dpo'], scopes: SCOPES, via: 'console' };
  }

  async isSeeded(): Promise<boolean> {
    return (await this.#markers.get(this.db, 'seed')) !== undefined;
  }

  /**
   * A demo user as the actor of a session: the modules' demo steps act as the people the desk
   * shows (the Senegalese bureau requests its notice, the hub's reviewer publishes it).
   */
  async demoActor(username: string): Promise<Actor> {
    const u = await this.authRepo.userByUsername(this.db, username);
    if (!u) throw notFound('user_not_found', `No demo user ${username}`);
    return { userId: u.id, agencyId: u.agencyId, roles: u.roles, scopes: SCOPES, via: 'session' };
  }

  /** What a module's demo step recorded when it ran on this node (`seed:<step>`), or undefined: not yet. */
  stepDone(step: string): Promise<Record<string, unknown> | undefined> {
    return this.#markers.get(this.db, `seed:${step}`);
  }

  /** Records that a module's demo step ran, with what later steps need of it (ids by story key). */
  async markStep(step: string, details: Record<string, unknown>): Promise<void> {
    await this.#markers.set(this.db, `seed:${step}`, { ...details, at: this.clock.now().toISOString() });
  }

  async seedIfEmpty(scale: SeedScale, opts: { onProgress?: (msg: string) => void } = {}): Promise<SeedReport | null> {
    if (await this.isSeeded()) return null;
    return this.seed(scale, opts);
  }

  async seed(scale: SeedScale, opts: { onProgress?: (msg: string) => void; seed?: number } = {}): Promise<SeedReport> {
    const started = performance.now();
    const actor = await this.consoleActor();
    let agencies = 0;
    for (const a of DEMO_AGENCIES) {
      if (await this.authRepo.agencyByCode(this.db, a.code)) continue;
      await this.admin.createAgency(actor, { code: a.code, country: a.country, kind: a.kind, names: a.names, isHub: a.isHub });
      agencies++;
    }
    let users = 0;
    const todo = [];
    for (const u of demoUsers()) if (!(await this.authRepo.userByUsername(this.db, u.username))) todo.push(u);
    // hash two at a time: scrypt runs on libuv's thread pool
    for (let i = 0; i < todo.length; i += 2) {
      await Promise.all(
        todo.slice(i, i + 2).map(async (u) => {
          const agencyId = (await this.authRepo.agencyByCode(this.db, u.agencyCode))!.id;
          await this.admin.createUser(actor, { username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, agencyId, roles: u.roles, locale: u.locale });
          users++;
        }),
      );
    }
    opts.onProgress?.(`seeding: agencies ${agencies}, users ${users}`);
    const total = SCALE_PERSONS[scale];
    const totals = await this.importer.run(actor, 'demo', demoRecords(scale, opts.seed), {
      batchSize: 1000,
      onProgress: (t) => opts.onProgress?.(`seeding: records ${t.items} of about ${Math.round(total * 1.7)}`),
    });
    const report: SeedReport = {
      scale,
      agencies,
      users,
      records: totals.created + totals.updated + totals.unchanged,
      links: totals.links,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    await this.#markers.set(this.db, 'seed', { ...report, at: this.clock.now().toISOString() });
    return report;
  }
}
