/**
 * One shape for every domain module. A module folder exports one `Module`; `src/main.ts` lists
 * them, and the migrator, the service wiring, the HTTP server, the CLI, the background jobs and
 * the seeder iterate that list. Adding a module is a new folder and one line there.
 *
 * A module adds its services to `Services` from its own folder by declaration merging:
 *
 * ```ts
 * declare module '../app/module.ts' {
 *   interface Services { records: RecordsService }
 * }
 * ```
 *
 * so that no module, no route and no command imports the composition root (`src/main.ts`).
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import type { Config } from '../config.ts';
import type { Connection } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { IdGenerator } from '../core/ids.ts';
import type { Migration } from 'kysely';
import type { NatsBusOptions } from '../events/nats.ts';
import type { Out } from '../cli/output.ts';
import type { ParseArgsConfig } from 'node:util';
import type { ScryptCost } from '../auth/password.ts';

/** The services a node runs: the kernel's fields here, each module's merged in from its folder. */
export interface Services {
  config: Config;
  conn: Connection;
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  /** The modules this node was built from, in order: the server, the CLI and the seeder iterate them. */
  modules: readonly Module[];
  today: () => string;
  /** A consistent copy of the embedded database, audited (`ribat backup`). */
  backup(file: string): Promise<{ file: string; bytes: number; sha256: string; at: string }>;
  close(): Promise<void>;
}

export interface CommandContext {
  config: Config;
  out: Out;
  /** Opens the database (migrated unless told not to) and the services; closed by the runner. */
  services(opts?: { migrate?: boolean }): Promise<Services>;
  /** Reads standard input to the end (for secrets that must not be in argv). */
  stdin(): Promise<string>;
}

export interface Command {
  /** One or two words: `seed`, `user add`. */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: number;
  /** Runs in the foreground until done (servers resolve on shutdown). Returns the exit code. */
  run(ctx: CommandContext, values: Record<string, any>, positionals: string[]): Promise<number>;
}

export interface WireOptions {
  clock?: import('../core/clock.ts').Clock;
  ids?: import('../core/ids.ts').IdGenerator;
  /** Lower scrypt cost for tests only. */
  passwordCost?: ScryptCost;
  migrate?: boolean;
  /** Stream, subject prefix… of the NATS bus when config.natsUrl is set (tests use their own). */
  nats?: NatsBusOptions;
  /** What this process is, named to a second process that finds the embedded database taken. */
  command?: string;
  /** The modules to build (default: the node's list in src/main.ts). */
  modules?: readonly Module[];
}

/** What a module's background jobs are given when the node starts serving. */
export interface JobContext {
  /** Intervals the caller set (tests run them fast); a job uses its own default otherwise. */
  intervals: Partial<Record<string, number>>;
  /** Reports a failed run; the job goes on at its next turn. */
  onError(err: unknown, what: string): void;
}

/** What routes may need of the HTTP server's settings. */
export interface RouteContext {
  cookieSecure: boolean;
  sessionMaxHours: number;
}

export interface SeedContext {
  scale: 'tiny' | 'small' | 'medium' | 'large';
  onProgress?: (msg: string) => void;
}

export interface Module {
  /** Unique, lowercase: `records`, `notices`. */
  name: string;
  /** Its migrations by name; names sort across modules into one order (`0004_cases`). */
  migrations?: Record<string, Migration>;
  /**
   * Builds its services from the kernel and the services of the modules listed before it; the
   * answer is merged into `Services`.
   */
  build?(s: Services, opts: WireOptions): Partial<Services> | Promise<Partial<Services>>;
  /** Wires it to the modules listed after it (event subscriptions, hooks), once all are built. */
  connect?(s: Services): void;
  /** Its HTTP routes, registered under /api/v1 behind authentication. */
  routes?(s: Services, http: RouteContext): FastifyPluginAsync;
  /** Its CLI commands (`ribat <name> …`). */
  commands?: readonly Command[];
  /** Starts its background jobs when the node serves; returns what stops them. */
  start?(s: Services, ctx: JobContext): () => Promise<void>;
  /** Demo data on a node's first start (`npm start`), in module order. */
  seed?(s: Services, ctx: SeedContext): Promise<void>;
  /** Releases what `build` opened (workers, connections), before the database closes. */
  close?(s: Services): Promise<void>;
}

/** Every module's migrations in one map; two modules claiming one name is a programming error. */
export function migrationsOf(modules: readonly Module[]): Record<string, Migration> {
  const out: Record<string, Migration> = {};
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (out[name]) throw new Error(`migration ${name} is claimed by two modules (the second is ${m.name})`);
      out[name] = migration;
    }
  }
  return out;
}

/** Every module's commands, checked for clashes. */
export function commandsOf(modules: readonly Module[]): Command[] {
  const seen = new Map<string, string>();
  const out: Command[] = [];
  for (const m of modules) {
    for (const c of m.commands ?? []) {
      if (seen.has(c.name)) throw new Error(`command "${c.name}" is claimed by ${seen.get(c.name)} and ${m.name}`);
      seen.set(c.name, m.name);
      out.push(c);
    }
  }
  return out;
}
