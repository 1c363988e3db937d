import type { CommandContext } from '../cli/command.ts';
import { EXIT, UsageError } from '../cli/output.ts';
import { DEMO_PROFILE, demoYears } from './seed-demo.ts';
import { DGSN_2024, type ProfileTargets } from './seed-dgsn.ts';
import type { SeedProgress } from './seed.service.ts';

export const SEED_PROFILES: Record<string, ProfileTargets> = { [DGSN_2024.profile]: DGSN_2024, [DEMO_PROFILE]: demoYears(new Date().getUTCFullYear()) };

/** A progress bar on stderr, redrawn at most every 200 ms (stdout stays for the result). */
export function progressBar(write: (s: string) => void, now = () => performance.now()): (p: SeedProgress) => void {
  let last = 0;
  return (p) => {
    if (p.done < p.total && now() - last < 200) return;
    last = now();
    const share = p.total ? p.done / p.total : 1;
    const width = 30;
    const full = Math.round(share * width);
    write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.stage.padEnd(22)}${p.done >= p.total ? '\n' : ''}`);
  };
}

/** `ribat seed --profile dgsn-2024 [--force]`: the calibrated demo years. */
export async function seedProfile(ctx: CommandContext, v: { profile: string; force?: boolean }, stderr: { write(s: string): unknown } = process.stderr): Promise<number> {
  const targets = SEED_PROFILES[v.profile];
  if (!targets) throw new UsageError(`--profile is one of ${Object.keys(SEED_PROFILES).join(', ')}`);
  const s = await ctx.services();
  const actor = await s.seeder.consoleActor();
  const bar = ctx.out.json ? undefined : progressBar((t) => stderr.write(t));
  const r = await s.profileSeeder.seed(actor, targets, { force: v.force, onProgress: bar });
  ctx.out.result(r, `seeded ${r.profile} (${r.years.join(', ')}): ${Object.entries(r.rows).map(([k, n]) => `${n} ${k}`).join(', ')} in ${r.seconds} s`);
  return EXIT.ok;
}
