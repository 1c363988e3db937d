import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditCommands } from '../audit/audit.cli.ts';
import { authCommands } from '../auth/auth.cli.ts';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createServices, type Services, startNode } from '../main.ts';
import { noticesCommands } from '../notices/notices.cli.ts';
import { casesCommands } from '../cases/cases.cli.ts';
import { reportCommands } from '../cases/report.cli.ts';
import { seedProfile } from '../cases/seed.cli.ts';
import { recordsCommands } from '../records/records.cli.ts';
import { databaseCommands } from '../db/db.cli.ts';
import { screenBatchCommand } from '../screening/offline/screen-batch.cli.ts';
import { screeningCommands } from '../screening/screening.cli.ts';
import { DEMO_PASSWORD, demoUsers } from '../seed/users.ts';
import type { Command, CommandContext } from './command.ts';
import { errorObject, EXIT, exitCodeOf, makeOut, UsageError } from './output.ts';

const SCALES = ['tiny', 'small', 'medium', 'large'];

async function serve(ctx: CommandContext, seedScale: Config['seedScale'], banner: boolean): Promise<number> {
  if (!existsSync('web/dist/index.html')) {
    ctx.out.info('building the web desk (first start)…');
    const { build } = await import('vite');
    await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
  }
  const started = performance.now();
  const node = await startNode({ seedScale, command: banner ? 'ribat start' : 'ribat serve', onProgress: (m) => ctx.out.info(m) });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (banner) {
    const logins = demoUsers().filter((u) => u.agencyCode === 'MAR-NCB').map((u) => `${u.username} (${u.roles.join(', ')})`);
    ctx.out.info(`\nRibat is running at ${node.url}  (ready in ${seconds} s)\nAPI docs: ${node.url}/api/docs\nDemo logins, password "${DEMO_PASSWORD}":\n  ${logins.join('\n  ')}\n`);
  }
  ctx.out.result({ url: node.url }, `listening on ${node.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await node.close();
  return EXIT.ok;
}

const coreCommands: Command[] = [
  {
    name: 'start',
    summary: 'Migrate, seed demo data on first start, serve the API and web desk, print the logins',
    usage: 'ribat start\n  Uses DATABASE_URL (default pglite:./data/ribat), HOST, PORT (8080), SEED_SCALE (small).',
    options: {},
    run: (ctx) => serve(ctx, ctx.config.seedScale, true),
  },
  {
    name: 'serve',
    summary: 'Migrate and serve the API and web desk (no demo data)',
    usage: 'ribat serve',
    options: {},
    run: (ctx) => serve(ctx, 'none', false),
  },
  {
    name: 'migrate',
    summary: 'Apply database migrations',
    usage: 'ribat migrate [--json]',
    options: {},
    async run(ctx) {
      const s = await ctx.services({ migrate: false });
      const applied = await migrateToLatest(s.conn.db);
      ctx.out.result({ applied }, applied.length ? `applied ${applied.join(', ')}` : 'up to date');
      return EXIT.ok;
    },
  },
  {
    name: 'seed',
    summary: 'Load deterministic demo data (agencies, users, persons, documents, vehicles, groups)',
    usage: `ribat seed [--scale ${SCALES.join('|')}] [--seed N] [--json]\n  Re-running with the same scale and seed updates nothing twice.\nribat seed --profile dgsn-2024 [--force]\n  Calibrated 2023 and 2024 facts whose 2024 totals are DGSN's published figures; --force wipes and seeds again.`,
    options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string' }, profile: { type: 'string' }, force: { type: 'boolean' } },
    async run(ctx, v) {
      // calibrated demo years (ribat seed --profile dgsn-2024 [--force]): src/cases/seed.cli.ts
      if (v.profile !== undefined) return seedProfile(ctx, v as { profile: string; force?: boolean });
      if (!SCALES.includes(v.scale)) throw new UsageError(`--scale is one of ${SCALES.join(', ')}`);
      const seed = v.seed === undefined ? undefined : Number(v.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed is a whole number');
      const s = await ctx.services();
      const report = await s.seeder.seed(v.scale, { seed, onProgress: (m) => ctx.out.info(m) });
      ctx.out.result(report, `seeded ${report.scale}: ${report.records} records, ${report.links} links, ${report.users} new users in ${report.seconds} s`);
      return EXIT.ok;
    },
  },
];

export const COMMANDS: Command[] = [...coreCommands, ...authCommands, ...recordsCommands, ...noticesCommands, ...casesCommands, ...reportCommands, ...screeningCommands, screenBatchCommand, ...auditCommands, ...databaseCommands];

function help(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return `ribat: a national police cooperation hub\n\nUsage: ribat <command> [options]   (every command takes --help and --json)\n\n${COMMANDS.map(
    (c) => `  ${c.name.padEnd(w)}  ${c.summary}`,
  ).join('\n')}\n\nExit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 forbidden.`;
}

function find(argv: string[]): { cmd: Command; rest: string[] } | undefined {
  const two = COMMANDS.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { cmd: two, rest: argv.slice(2) };
  const one = COMMANDS.find((c) => c.name === argv[0]);
  return one ? { cmd: one, rest: argv.slice(1) } : undefined;
}

export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const json = argv.includes('--json');
  const out = makeOut(json, io.stdout, io.stderr);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    io.stdout.write(`${help()}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  let services: Services | undefined;
  try {
    const found = find(argv);
    if (!found) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"; see ribat --help`);
    const { cmd, rest } = found;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${cmd.summary}\n\n${cmd.usage}\n`);
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...cmd.options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(`${(e as Error).message}\n${cmd.usage}`);
    }
    if (parsed.positionals.length > (cmd.positionals ?? 0)) throw new UsageError(`unexpected argument "${parsed.positionals[cmd.positionals ?? 0]}"\n${cmd.usage}`);
    const config = loadConfig(io.env);
    const ctx: CommandContext = {
      config,
      out,
      services: async (o = {}) => (services ??= await createServices(config, { migrate: o.migrate, command: `ribat ${cmd.name}` })),
      stdin: async () => {
        const chunks: Buffer[] = [];
        for await (const c of process.stdin) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      },
    };
    return await cmd.run(ctx, parsed.values, parsed.positionals);
  } catch (err) {
    const e = err instanceof ConfigError ? new UsageError(err.message) : err;
    const obj = errorObject(e);
    if (json) io.stdout.write(`${JSON.stringify({ error: obj })}\n`);
    else io.stderr.write(`error: ${obj.title}${obj.code !== 'usage' ? ` (${obj.code})` : ''}\n`);
    if (obj.code === 'internal_error' && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return exitCodeOf(e);
  } finally {
    await services?.close();
  }
}
