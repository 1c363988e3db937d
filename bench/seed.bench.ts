/**
 * Seeding time per scale and database: `npm run bench:seed -- --scale small --target both`.
 * Prints records, links, seconds and records per second.
 */
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/main.ts';
import type { SeedScale } from '../src/seed/seeder.ts';
import { arg, secs, targets } from './targets.ts';

const scale = arg('scale', 'small') as SeedScale;
for (const t of await targets(arg('target', 'both'))) {
  const s = await createServices({ ...loadConfig({}), databaseUrl: t.url, logLevel: 'silent' });
  const started = performance.now();
  let last = 0;
  const report = await s.seeder.seed(scale, {
    onProgress: (m) => {
      if (performance.now() - last > 10_000) {
        last = performance.now();
        process.stderr.write(`  ${t.name}: ${m} at ${secs(performance.now() - started)} s\n`);
      }
    },
  });
  const ms = performance.now() - started;
  console.log(`seed ${scale} on ${t.name}: ${report.records} records, ${report.links} links, ${report.users} users in ${secs(ms)} s (${Math.round(report.records / (ms / 1000))} records/s)`);
  await s.close();
  await t.drop();
}
