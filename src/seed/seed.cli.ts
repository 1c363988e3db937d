import { seedProfile } from '../cases/seed.cli.ts';
import type { Command } from '../cli/command.ts';
import { EXIT, UsageError } from '../cli/output.ts';

const SCALES = ['tiny', 'small', 'medium', 'large'];

export const seedCommands: Command[] = [
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
