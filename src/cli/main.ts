import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { commandsOf, migrationsOf, type Module } from '../app/module.ts';
import { createServices, MODULES, type Services, startNode } from '../main.ts';
import { DEMO_PASSWORD, demoUsers } from '../seed/users.ts';
import type { Command, CommandContext } from './command.ts';
import { errorObject, EXIT, exitCodeOf, makeOut, UsageError } from './output.ts';

/** Every demo login, a line per agency: the hub's roles by name, then the partner bureaus. */
export function loginLines(): string[] {
  const byAgency = new Map<string, string[]>();
  for (const u of demoUsers()) byAgency.set(u.agencyCode, [...(byAgency.get(u.agencyCode) ?? []), `${u.username} (${u.roles.join(', ')})`]);
  const w = Math.max(...[...byAgency.keys()].map((a) => a.length));
  return [...byAgency].map(([agency, logins]) => `  ${agency.padEnd(w)}  ${logins.join(', ')}`);
}

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
    ctx.out.info(`\nRibat is running at ${node.url}  (ready in ${seconds} s)\nAPI docs: ${node.url}/api/docs\nDemo logins, password "${DEMO_PASSWORD}":\n${loginLines().join('\n')}\n`);
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
      const applied = await migrateToLatest(s.conn.db, migrationsOf(s.modules));
      ctx.out.result({ applied }, applied.length ? `applied ${applied.join(', ')}` : 'up to date');
      return EXIT.ok;
    },
  },
];

/** The runner's own commands, then every module's. */
export const commandList = (modules: readonly Module[]): Command[] => commandsOf([{ name: 'node', commands: coreCommands }, ...modules]);
export const COMMANDS: Command[] = commandList(MODULES);

function help(commands: Command[]): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return `ribat: a national police cooperation hub\n\nUsage: ribat <command> [options]   (every command takes --help and --json)\n\n${commands.map(
    (c) => `  ${c.name.padEnd(w)}  ${c.summary}`,
  ).join('\n')}\n\nExit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 forbidden.`;
}

function find(commands: Command[], argv: string[]): { cmd: Command; rest: string[] } | undefined {
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { cmd: two, rest: argv.slice(2) };
  const one = commands.find((c) => c.name === argv[0]);
  return one ? { cmd: one, rest: argv.slice(1) } : undefined;
}

export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr, env: process.env }, modules: readonly Module[] = MODULES): Promise<number> {
  const commands = modules === MODULES ? COMMANDS : commandList(modules);
  const json = argv.includes('--json');
  const out = makeOut(json, io.stdout, io.stderr);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    io.stdout.write(`${help(commands)}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  let services: Services | undefined;
  try {
    const found = find(commands, argv);
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
      services: async (o = {}) => (services ??= await createServices(config, { migrate: o.migrate, command: `ribat ${cmd.name}`, modules })),
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
