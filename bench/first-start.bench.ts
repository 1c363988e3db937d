/**
 * A fresh node's first start as `npm start` runs it (migrate, every module's demo seed step, the
 * screening index, serve), timed step by step: `npm run bench:first-start [-- --scale small]
 * [--target pglite|postgres|both]`. Prints seconds per module seed step and the total.
 */
import type { Module } from '../src/app/module.ts';
import type { Config } from '../src/config.ts';
import { MODULES, startNode } from '../src/main.ts';
import { arg, secs, targets } from './targets.ts';

const scale = arg('scale', 'small') as Config['seedScale'];

/** The node's modules, each seed step wrapped to time it. */
function timed(steps: Array<[string, number]>): Module[] {
  return MODULES.map((m) => {
    const seed = m.seed;
    if (!seed) return m;
    return {
      ...m,
      async seed(s, ctx) {
        const started = performance.now();
        await seed.call(m, s, ctx);
        steps.push([m.name, performance.now() - started]);
      },
    };
  });
}

for (const t of await targets(arg('target', 'pglite'))) {
  const steps: Array<[string, number]> = [];
  const started = performance.now();
  const node = await startNode(
    { databaseUrl: t.url, port: 0, seedScale: scale, logLevel: 'silent', webDist: 'web/does-not-exist', modules: timed(steps) },
    { ...process.env, NATS_URL: '', BACKUP_EVERY_HOURS: '0' },
  );
  const total = performance.now() - started;
  const seeding = steps.reduce((a, [, ms]) => a + ms, 0);
  await node.close();
  console.log(`first start (${scale}) on ${t.name}: ${secs(total)} s to serving, of which seeding ${secs(seeding)} s`);
  for (const [name, ms] of steps) console.log(`  seed ${name.padEnd(10)} ${String(secs(ms)).padStart(6)} s`);
  await t.drop();
}
