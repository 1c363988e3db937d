import { randomBytes } from 'node:crypto';
import { describe, it, type SuiteContext, type TestOptions } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { fixedClock } from '../src/core/clock.ts';
import { sequentialIds } from '../src/core/ids.ts';
import { createServices, type Services } from '../src/main.ts';

/**
 * The databases every repository and service test runs on: PGlite always, PostgreSQL when
 * DATABASE_URL is a postgres:// URL (each test file gets its own database, dropped after).
 */
export interface DbTarget {
  name: 'pglite' | 'postgres';
  /** false, or why the target is skipped. */
  skip: string | false;
  /** A fresh, empty database URL. */
  create(): Promise<string>;
  drop(url: string): Promise<void>;
}

const serverUrl = (() => {
  const url = loadConfig().databaseUrl;
  return url.startsWith('postgres') ? url : undefined;
})();

export const DB_TARGETS: DbTarget[] = [
  { name: 'pglite', skip: false, create: async () => 'pglite:memory:', drop: async () => {} },
  {
    name: 'postgres',
    skip: serverUrl ? false : 'skipped: no PostgreSQL server (set DATABASE_URL=postgres://… to run)',
    async create() {
      const name = `ribat_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(serverUrl!);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async drop(url) {
      const name = new URL(url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  },
];

type SuiteBody = (s: SuiteContext) => void | Promise<void>;

/**
 * describe(name, options, fn) for one database target. When the target runs this is plain
 * describe(). When it is skipped (or options.skip is set) the suite is registered with a single
 * skipped test carrying the reason, so the runner's summary counts it under `# skipped`: node:test
 * counts a skipped describe() as a suite, not as a skipped test, and the summary would say 0.
 */
export function describeOn(target: DbTarget, name: string, fn: SuiteBody): void;
export function describeOn(target: DbTarget, name: string, options: TestOptions, fn: SuiteBody): void;
export function describeOn(target: DbTarget, name: string, optionsOrFn: TestOptions | SuiteBody, maybeFn?: SuiteBody): void {
  const [options, fn] = typeof optionsOrFn === 'function' ? [{}, optionsOrFn] : [optionsOrFn, maybeFn!];
  const { skip: ownSkip, ...rest } = options;
  const skip = target.skip || ownSkip;
  if (!skip) {
    describe(name, rest, fn);
    return;
  }
  describe(name, rest, () => {
    it('every test of this suite', { skip }, () => {});
  });
}

export const TEST_PASSWORD_COST = { N: 1024, r: 8, p: 1 };
export const T0 = '2026-03-01T09:00:00.000Z';

export interface TestNode extends Services {
  clock: ReturnType<typeof fixedClock>;
  dispose(): Promise<void>;
}

/** Services on a fresh database of the target, with a clock and ids the test controls. */
export async function testServices(target: DbTarget): Promise<TestNode> {
  const url = await target.create();
  const clock = fixedClock(T0);
  const s = await createServices({ ...loadConfig(), databaseUrl: url }, { clock, ids: sequentialIds(Date.parse(T0)), passwordCost: TEST_PASSWORD_COST });
  return {
    ...s,
    clock,
    dispose: async () => {
      await s.close();
      await target.drop(url);
    },
  };
}
