import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, forbidden } from '../core/errors.ts';
import type { Db } from '../db/connect.ts';
import type { RecordImporter } from '../records/import/importer.ts';
import { generateYear, type ProfileTargets, type YearRows } from './seed-dgsn.ts';
import type { SeedRepo, SeedStamp } from './seed.repo.ts';

export interface SeedProgress {
  done: number;
  total: number;
  stage: string;
}

export interface ProfileSeedReport {
  profile: string;
  years: number[];
  rows: Record<string, number>;
  wiped: number;
  seconds: number;
}

export interface ProfileSeedOptions {
  /** Wipe the profile's rows first, instead of refusing with `already_seeded`. */
  force?: boolean;
  /** Rows per transaction (default 10,000). */
  batchSize?: number;
  onProgress?(p: SeedProgress): void;
}

type Tables = Exclude<keyof YearRows, 'year' | 'persons'>;
const ORDER: Tables[] = ['cases', 'arrests', 'gangs', 'members', 'seizures', 'migration', 'warrants', 'complaints'];

/**
 * Seeds a calibrated profile (`dgsn-2024`): generates each year's facts, imports the gang
 * members as person records (through the records importer), then bulk-inserts the facts in
 * batches, one transaction and one audit entry per batch. A profile is seeded once.
 */
export class ProfileSeeder {
  constructor(
    private readonly db: Db,
    private readonly repo: SeedRepo,
    private readonly importer: RecordImporter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The profile was seeded on this node. */
  async isSeeded(profile: string): Promise<boolean> {
    return Boolean(await this.repo.marker(this.db, profile));
  }

  async seed(actor: Actor, targets: ProfileTargets, opts: ProfileSeedOptions = {}): Promise<ProfileSeedReport> {
    // demo data is an operator's act at the node's console, never an API call
    if (actor.via !== 'console') throw forbidden('seed_console_only', 'Profiles are seeded from the console');
    const started = performance.now();
    const { profile } = targets;
    let wiped = 0;
    if (await this.repo.marker(this.db, profile)) {
      if (!opts.force) throw conflict('already_seeded', `Profile ${profile} is already seeded; --force wipes and seeds it again`, { profile });
      opts.onProgress?.({ done: 0, total: 1, stage: 'wiping' });
      wiped = await this.db.transaction().execute(async (trx) => {
        const n = await this.repo.wipe(trx, profile);
        await this.repo.setMarker(trx, profile, null);
        await this.audit.append(trx, actor, { action: 'cases.seed_wipe', targetType: 'seed_profile', targetId: profile, details: { cases: n } });
        return n;
      });
    }

    const years = Object.keys(targets.years).map(Number).sort();
    const generated = years.map((y) => generateYear(y, targets.years[y], targets.seed, profile));
    const rows: Record<string, number> = { persons: 0 };
    for (const t of ORDER) rows[t] = generated.reduce((a, g) => a + g[t].length, 0);
    rows.persons = generated.reduce((a, g) => a + g.persons.length, 0);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    let done = 0;
    const tick = (n: number, stage: string) => {
      done += n;
      opts.onProgress?.({ done, total, stage });
    };

    const size = opts.batchSize ?? 10_000;
    const at = this.clock.now();
    const prefix = profile.split('-')[0].toUpperCase();
    for (const g of generated) {
      const stamp: SeedStamp = { source: profile, key: `${profile}/${g.year}`, reference: `${prefix}-${g.year}-`, agencyId: actor.agencyId, userId: actor.userId, at };
      await this.importer.run(
        actor,
        profile,
        g.persons.map((p) => ({
          externalId: p.externalId,
          kind: 'person' as const,
          data: { names: [{ value: p.name, type: 'primary' as const }], nationalities: ['MAR'], gender: p.gender, remarks: `Demo data (${profile})` },
          tlp: 'AMBER' as const,
          legalBasisCode: 'national_law',
          legalBasis: 'Processed under national criminal procedure law for the prevention and investigation of crime.',
        })),
        { batchSize: 2_000, onProgress: () => undefined },
      );
      tick(g.persons.length, `${g.year} persons`);
      for (const table of ORDER) {
        const list = g[table] as unknown[];
        for (let i = 0; i < list.length; i += size) {
          const chunk = list.slice(i, i + size);
          await this.db.transaction().execute(async (trx) => {
            await this.insert(trx, stamp, table, chunk);
            await this.audit.append(trx, actor, { action: 'cases.seed', targetType: 'seed_profile', targetId: profile, details: { year: g.year, table, rows: chunk.length } });
          });
          tick(chunk.length, `${g.year} ${table}`);
        }
      }
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    await this.repo.setMarker(this.db, profile, { rows, years, at: at.toISOString(), seconds });
    return { profile, years, rows, wiped, seconds };
  }

  private insert(trx: Db, s: SeedStamp, table: Tables, chunk: unknown[]): Promise<void> {
    switch (table) {
      case 'cases':
        return this.repo.insertCases(trx, s, chunk as YearRows['cases']);
      case 'arrests':
        return this.repo.insertArrests(trx, s, chunk as YearRows['arrests']);
      case 'gangs':
        return this.repo.insertGangs(trx, s, chunk as YearRows['gangs']);
      case 'members':
        return this.repo.insertMembers(trx, s, chunk as YearRows['members']);
      case 'seizures':
        return this.repo.insertSeizures(trx, s, chunk as YearRows['seizures']);
      case 'migration':
        return this.repo.insertMigration(trx, s, chunk as YearRows['migration']);
      case 'warrants':
        return this.repo.insertWarrants(trx, s, chunk as YearRows['warrants']);
      case 'complaints':
        return this.repo.insertComplaints(trx, s, chunk as YearRows['complaints']);
    }
  }
}
